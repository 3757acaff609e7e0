// One finding: status in words (colour only repeats it), the message, the physician's fix, the evidence one click
// away (a long list as one line of facts, the links behind a disclosure button), and the citation on demand. EHR
// strings are rendered as text only.
import { useId, useState } from 'react';
import type { ClinicalPicture, Evidence } from '../../../policy/index';
import type { Finding } from '../../../policy/index';
import { summariseEvidence } from './evidence-summary';

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

function EvidenceList({
  evidence,
  openEvidence,
  id,
  hidden,
}: {
  evidence: Evidence[];
  openEvidence: (e: Evidence) => void;
  id?: string;
  hidden?: boolean;
}) {
  return (
    <ul className="vc-finding__evidence" aria-label="Evidence" id={id} hidden={hidden}>
      {evidence.map((e, i) => (
        <li key={`${e.ref}-${i}`}>
          <button type="button" className="evidence-link" onClick={() => openEvidence(e)} aria-label={`Open evidence: ${evidenceLabel(e)}`}>
            {evidenceLabel(e)}
          </button>
          {e.quote && <q className="vc-finding__quote">{e.quote.text}</q>}
        </li>
      ))}
    </ul>
  );
}

function Evidences({
  finding,
  picture,
  openEvidence,
}: {
  finding: Finding;
  picture?: ClinicalPicture;
  openEvidence: (e: Evidence) => void;
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const summary = picture ? summariseEvidence(finding.evidence, picture) : undefined;
  if (finding.evidence.length === 0) return null;
  if (!summary) return <EvidenceList evidence={finding.evidence} openEvidence={openEvidence} />;
  const n = finding.evidence.length;
  return (
    <div className="vc-finding__evidence-summary">
      <p className="vc-finding__facts">
        <strong>Evidence:</strong> {summary}
      </p>
      <button type="button" className="vc-finding__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        {open ? `Hide the ${n} evidence links` : `Show all ${n} evidence links`}
      </button>
      <EvidenceList evidence={finding.evidence} openEvidence={openEvidence} id={listId} hidden={!open} />
    </div>
  );
}

export function FindingItem({
  finding,
  openEvidence,
  picture,
}: {
  finding: Finding;
  openEvidence: (e: Evidence) => void;
  /** The picture the finding was made from: its facts summarise a long evidence list. */
  picture?: ClinicalPicture;
}) {
  const f = finding;
  const c = f.citation;
  return (
    <li
      className={`vc-finding vc-finding--${f.severity === 'warning' && f.status !== 'met' && f.status !== 'not-applicable' ? 'warning' : f.status}`}
      data-requirement={f.requirementId}
      data-category={f.category}
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
      <Evidences finding={f} picture={picture} openEvidence={openEvidence} />
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
