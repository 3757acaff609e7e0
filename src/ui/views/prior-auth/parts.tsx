// The read-only parts of the prior-auth view: evidence buttons, blockers, criteria checklist and the timeline.
// Every EHR string is rendered as text (React escapes it); status is always spelled out, colour only repeats it.
import { useState } from 'react';
import type { Evidence } from '../../../policy/index';
import { evidenceDigest } from '../../../writeback/index';
import type { Finding, FindingStatus } from '../../../policy/index';
import type { Blocker } from '../../../workflow/index';
import type { TimelineRow } from './timeline';

const STATUS_TEXT: Record<FindingStatus, string> = {
  met: 'Met',
  missing: 'Missing',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

export function EvidenceLinks({ evidence, open }: { evidence: Evidence[]; open: (e: Evidence) => void }) {
  const [all, setAll] = useState(false);
  const { shown, more } = evidenceDigest(evidence, all ? Number.POSITIVE_INFINITY : 6);
  if (shown.length === 0) return null;
  return (
    <ul className="pa-evidence">
      {shown.map((e, i) => (
        <li key={`${e.ref}-${i}`}>
          <button type="button" className="evidence-link" onClick={() => open(e)}>
            {e.display}
            {e.date ? ` (${e.date.slice(0, 10)})` : ''}
          </button>
          {e.quote && <q className="pa-quote">{e.quote.text}</q>}
        </li>
      ))}
      {more > 0 && (
        <li>
          <button type="button" className="btn btn--small" onClick={() => setAll(true)}>
            Show {more} more sources
          </button>
        </li>
      )}
    </ul>
  );
}

export function Blockers({ blockers, open }: { blockers: Blocker[]; open: (e: Evidence) => void }) {
  return (
    <section className={`card stack${blockers.length ? ' card--alert' : ''}`} aria-labelledby="pa-blockers-title">
      <h3 id="pa-blockers-title">{blockers.length ? `What blocks this packet (${blockers.length})` : 'Nothing blocks this packet'}</h3>
      {blockers.length > 0 && (
        <ul className="pa-blockers">
          {blockers.map((b) => (
            <li key={b.id}>
              <span className="badge badge--missing">{b.source === 'policy' ? 'Policy' : 'Packet'}</span> {b.message}
              {b.fix && <div className="muted">Fix: {b.fix}</div>}
              <EvidenceLinks evidence={b.evidence} open={open} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Criteria({ findings, open }: { findings: Finding[]; open: (e: Evidence) => void }) {
  return (
    <section className="card stack" aria-labelledby="pa-criteria-title">
      <h3 id="pa-criteria-title">Policy criteria</h3>
      <ul className="pa-criteria" aria-label="Policy criteria checklist">
        {findings.map((f) => (
          <li key={f.requirementId} className="pa-criterion">
            <span className={`badge badge--${f.severity === 'warning' && f.status !== 'met' ? 'warning' : f.status}`}>
              {STATUS_TEXT[f.status]}
              {f.severity === 'warning' ? ' (advisory)' : ''}
            </span>{' '}
            <span>{f.message}</span>
            <div className="muted pa-cite">
              {f.citation.document}, {f.citation.section}
              {f.citation.verified ? '' : ' (threshold not confirmed against the source)'}
            </div>
            <EvidenceLinks evidence={f.evidence} open={open} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Timeline({ rows, open }: { rows: TimelineRow[]; open: (e: Evidence) => void }) {
  return (
    <section className="card stack" aria-labelledby="pa-timeline-title">
      <h3 id="pa-timeline-title">Care, pain and procedures over time</h3>
      {rows.length === 0 ? (
        <p className="muted">No conservative care, pain scores or prior procedures are documented.</p>
      ) : (
        <div className="pa-table-wrap">
          <table className="pa-timeline">
            <caption className="muted">Oldest first; each row links to its source.</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <td>
                    {r.date || 'undated'}
                    {r.end && r.end !== r.date ? ` to ${r.end}` : ''}
                  </td>
                  <td>{r.kind}</td>
                  <th scope="row">{r.what}</th>
                  <td>{r.detail}</td>
                  <td>
                    <EvidenceLinks evidence={r.evidence} open={open} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
