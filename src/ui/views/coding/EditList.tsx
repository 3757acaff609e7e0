// The edits for the current lines: severity in words (not colour alone), the lines they concern, the source, and
// the evidence one click away.
import type { CodingEdit, EditSeverity } from '../../../policy/index';
import type { Evidence } from '../../../policy/index';

const BADGE: Record<EditSeverity, { cls: string; text: string }> = {
  error: { cls: 'badge badge--not-met', text: 'Error' },
  warning: { cls: 'badge badge--warning', text: 'Warning' },
  info: { cls: 'badge badge--not-applicable', text: 'Info' },
};

export function EvidenceButtons({ evidence, openEvidence }: { evidence: readonly Evidence[]; openEvidence(e: Evidence): void }) {
  if (evidence.length === 0) return <p className="muted">No linked evidence.</p>;
  return (
    <ul className="coding-evidence">
      {evidence.map((e, i) => (
        <li key={`${e.ref}-${e.quote?.start ?? i}-${i}`}>
          <button type="button" className="evidence-link" onClick={() => openEvidence(e)}>
            {e.quote ? `“${e.quote.text}”` : e.display}
          </button>
          <span className="muted">
            {' '}
            {e.ref}
            {e.date ? ` · ${e.date}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function EditList({ edits, openEvidence }: { edits: readonly CodingEdit[]; openEvidence(e: Evidence): void }) {
  const errors = edits.filter((e) => e.severity === 'error').length;
  const warnings = edits.filter((e) => e.severity === 'warning').length;
  return (
    <section className="card stack" aria-labelledby="coding-edits-title">
      <h3 id="coding-edits-title">Edits</h3>
      <p role="status" data-testid="edit-summary">
        {edits.length === 0
          ? 'No edits: nothing a payer edit would flag.'
          : `${errors} error(s), ${warnings} warning(s), ${edits.length - errors - warnings} note(s).`}
      </p>
      <ul className="coding-edits">
        {edits.map((e, i) => (
          <li key={`${e.kind}-${i}-${e.message}`} className={`coding-edit coding-edit--${e.severity}`} data-testid="coding-edit">
            <span className={BADGE[e.severity].cls}>{BADGE[e.severity].text}</span> <span className="muted">{e.kind}</span>
            {e.lines.length > 0 && (
              <span className="muted">
                {' '}
                · line{e.lines.length > 1 ? 's' : ''} {e.lines.map((l) => l + 1).join(', ')}
              </span>
            )}
            <p className="coding-edit__message">{e.message}</p>
            <details>
              <summary>Source and evidence</summary>
              {e.citation && (
                <p className="muted">
                  {e.citation.document}, {e.citation.section}
                  {e.citation.verified ? '' : ' (not yet confirmed against the source: shown as a warning)'}
                </p>
              )}
              <EvidenceButtons evidence={e.evidence ?? []} openEvidence={openEvidence} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
