// One finding: status in words (colour only repeats it), the message, the physician's fix, the evidence one click
// away, and the citation on demand. EHR strings are rendered as text only.
import type { Evidence } from '../../../policy/index';
import type { Finding } from '../../../policy/index';

const STATUS_TEXT: Record<Finding['status'], string> = {
  met: 'Met',
  missing: 'Missing',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

export function statusLabel(f: Finding): string {
  if (f.severity === 'warning' && (f.status === 'missing' || f.status === 'not-met'))
    return `Advice: ${STATUS_TEXT[f.status].toLowerCase()}`;
  return STATUS_TEXT[f.status];
}

function badgeClass(f: Finding): string {
  if (f.severity === 'warning' && (f.status === 'missing' || f.status === 'not-met')) return 'badge badge--warning';
  return `badge badge--${f.status}`;
}

function evidenceLabel(e: Evidence): string {
  return `${e.display}${e.date ? ` (${e.date.slice(0, 10)})` : ''}`;
}

export function FindingItem({ finding, openEvidence }: { finding: Finding; openEvidence: (e: Evidence) => void }) {
  const f = finding;
  const c = f.citation;
  return (
    <li
      className={`vc-finding vc-finding--${f.severity === 'warning' && f.status !== 'met' && f.status !== 'not-applicable' ? 'warning' : f.status}`}
      data-requirement={f.requirementId}
    >
      <div className="vc-finding__head">
        <span className={badgeClass(f)}>{statusLabel(f)}</span>
        <span className="vc-finding__message">{f.message}</span>
      </div>
      {f.fix && f.status !== 'met' && f.status !== 'not-applicable' && (
        <p className="vc-finding__fix">
          <strong>Fix:</strong> {f.fix}
        </p>
      )}
      {f.evidence.length > 0 && (
        <ul className="vc-finding__evidence" aria-label="Evidence">
          {f.evidence.map((e, i) => (
            <li key={`${e.ref}-${i}`}>
              <button
                type="button"
                className="evidence-link"
                onClick={() => openEvidence(e)}
                aria-label={`Open evidence: ${evidenceLabel(e)}`}
              >
                {evidenceLabel(e)}
              </button>
              {e.quote && <q className="vc-finding__quote">{e.quote.text}</q>}
            </li>
          ))}
        </ul>
      )}
      <details className="vc-finding__source">
        <summary>Source</summary>
        <p>
          {c.document}, {c.section}
          {c.verified ? '' : ' (unconfirmed: shown as advice only)'}
        </p>
        {c.note && <p className="muted">{c.note}</p>}
      </details>
    </li>
  );
}
