// One prior-auth request as staff work it: status, authorization number and window, approved units, denial reason,
// what the payer asked for, the next action with its due date, the timeline of who did what, and the actions that
// fit its channel (check status by $inquire; record a portal's UTN and decision).
import { useState, type FormEvent } from 'react';
import type { DenialClause } from '../../policy/index';
import type { PaAnswer, PaRequestView } from './api';

const STATUS_TEXT: Record<string, string> = {
  submitting: 'Submitting',
  submitted: 'Submitted',
  pended: 'Pended at the payer',
  'info-requested': 'More information requested',
  approved: 'Approved',
  partial: 'Partially approved',
  denied: 'Denied',
  error: 'Not submitted (payer unavailable)',
  rejected: 'Refused by the payer (malformed)',
  portal: 'Portal submission',
};

const KIND_TEXT: Record<string, string> = {
  created: 'Request created',
  submit: 'Sent to the payer',
  decision: 'Payer answered',
  inquiry: 'Status checked',
  error: 'Sending failed',
  rejected: 'Payer refused the bundle',
  retry: 'Sent again',
  answer: 'Answer to the payer sent',
  'portal-packet': 'Packet ready for the portal',
  'portal-update': 'Portal result recorded',
};

export function statusText(s: string): string {
  return STATUS_TEXT[s] ?? s;
}

export function dueText(due: string | undefined): string | undefined {
  if (!due) return undefined;
  const d = new Date(due);
  if (Number.isNaN(d.getTime())) return due;
  // Dates alone (authorization ends) stay dates; instants show the local time they fall due.
  return /^\d{4}-\d{2}-\d{2}$/.test(due) || /T00:00:00(\.000)?Z$/.test(due) ? due.slice(0, 10) : d.toLocaleString();
}

export interface RequestCardProps {
  request: PaRequestView;
  busy: boolean;
  onInquire(): void;
  onPortal(update: Record<string, string>): void;
  onAnswer(answer: PaAnswer): void;
  writeback?: string;
  /** The assessed policy's clause the payer's coded reason maps to (denials and partial approvals). */
  clause?: DenialClause;
}

/** The policy clause behind a coded denial, or plainly why none is named. */
function ClauseText({ clause }: { clause: DenialClause }) {
  if (!clause.mapped) return <span data-testid="pa-denial-unmapped">{clause.why}</span>;
  if (clause.clauses.length === 0)
    return (
      <span data-testid="pa-denial-unmapped">
        Code {clause.code} ({clause.label}): the assessed policy ({clause.policy}) has no such rule.
      </span>
    );
  return (
    <>
      Code {clause.code} ({clause.label}) maps to:
      <ul data-testid="pa-denial-clauses">
        {clause.clauses.map((c) => (
          <li key={`${c.ruleId}-${c.section}`}>
            <strong>{c.ruleId}</strong>: {c.document}
            {c.version ? `, ${c.version}` : ''}, {c.section}
          </li>
        ))}
      </ul>
    </>
  );
}

function PortalForm({ request, busy, onPortal }: Pick<RequestCardProps, 'request' | 'busy' | 'onPortal'>) {
  const [f, setF] = useState<Record<string, string>>({
    trackingNumber: request.trackingNumber ?? '',
    decision: '',
    authNumber: '',
    start: '',
    end: '',
    reason: '',
  });
  const set = (k: string) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPortal(Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== '')));
  };
  const id = (k: string) => `portal-${request.id}-${k}`;
  return (
    <form className="lc-portal stack" onSubmit={submit} aria-label="Portal result">
      <p className="muted">
        This payer takes requests through its portal (e.g. a WISeR contractor): submit the packet PDF there, then record what it returns.
      </p>
      <label htmlFor={id('utn')}>Tracking number (UTN)</label>
      <input id={id('utn')} value={f.trackingNumber} onChange={set('trackingNumber')} maxLength={64} />
      <label htmlFor={id('decision')}>Decision</label>
      <select id={id('decision')} value={f.decision} onChange={set('decision')}>
        <option value="">Not decided yet</option>
        <option value="approved">Approved</option>
        <option value="partial">Partially approved</option>
        <option value="denied">Denied</option>
        <option value="info-requested">More information requested</option>
      </select>
      <label htmlFor={id('auth')}>Authorization number</label>
      <input id={id('auth')} value={f.authNumber} onChange={set('authNumber')} maxLength={64} />
      <label htmlFor={id('start')}>Valid from</label>
      <input id={id('start')} type="date" value={f.start} onChange={set('start')} />
      <label htmlFor={id('end')}>Valid to</label>
      <input id={id('end')} type="date" value={f.end} onChange={set('end')} />
      <label htmlFor={id('reason')}>Reason given (required for a denial)</label>
      <textarea id={id('reason')} value={f.reason} onChange={set('reason')} maxLength={2000} />
      <button type="submit" className="btn" disabled={busy}>
        Record portal result
      </button>
    </form>
  );
}

const ANSWER_TYPES = ['application/pdf', 'text/plain', 'image/png', 'image/jpeg'];
const MAX_FILE = 4 * 1024 * 1024;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Staff's answer to the payer's request for more information: what they send, and the document itself. */
function AnswerForm({ request, busy, onAnswer }: Pick<RequestCardProps, 'request' | 'busy' | 'onAnswer'>) {
  const [message, setMessage] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const id = (k: string) => `answer-${request.id}-${k}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    if (!message.trim()) return setProblem('Say what you are sending.');
    if (file && !ANSWER_TYPES.includes(file.type))
      return setProblem(`A ${file.type || 'file of unknown type'} cannot be sent: PDF, text or image.`);
    if (file && file.size > MAX_FILE) return setProblem('The document is larger than 4 MB.');
    onAnswer({
      message: message.trim(),
      ...(file ? { document: { title: file.name, contentType: file.type, data: await base64Of(file) } } : {}),
    });
  };
  return (
    <form className="lc-answer stack" onSubmit={(e) => void submit(e)} aria-label="Answer the payer" data-testid="pa-answer">
      <label htmlFor={id('message')}>Message to the payer</label>
      <textarea id={id('message')} value={message} onChange={(e) => setMessage(e.target.value)} maxLength={2000} />
      <label htmlFor={id('file')}>Attach the document asked for (PDF, text or image, up to 4 MB)</label>
      <input id={id('file')} type="file" accept={ANSWER_TYPES.join(',')} onChange={(e) => setFile(e.target.files?.[0])} />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="btn" disabled={busy}>
        Send the answer
      </button>
    </form>
  );
}

/** The payer's errors (422) or the failure message of the last event, for a request that did not get through. */
function problemsOf(r: PaRequestView): string[] {
  if (r.status !== 'rejected' && r.status !== 'error') return [];
  const d = r.history.at(-1)?.detail;
  if (typeof d !== 'object' || d === null) return [];
  const { issues, message } = d as { issues?: unknown; message?: unknown };
  if (Array.isArray(issues)) return issues.filter((i): i is string => typeof i === 'string');
  return typeof message === 'string' ? [message] : [];
}

export function RequestCard({ request: r, busy, onInquire, onPortal, onAnswer, writeback, clause }: RequestCardProps) {
  const due = dueText(r.due);
  const problems = problemsOf(r);
  return (
    <article
      className="card stack lc-request"
      aria-label={`Prior-auth request ${r.claim.value}`}
      data-testid="pa-request"
      data-status={r.status}
    >
      <h4>
        <span className={`lc-status lc-status--${r.status}`} data-testid="pa-request-status">
          {statusText(r.status)}
        </span>{' '}
        <span className="muted">
          {r.serviceCode} · payer {r.payerId} · {r.priority}
        </span>
      </h4>
      <dl className="pa-facts">
        {r.authNumber && (
          <>
            <dt>Authorization number</dt>
            <dd data-testid="pa-auth-number">{r.authNumber}</dd>
          </>
        )}
        {(r.authStart || r.authEnd) && (
          <>
            <dt>Valid</dt>
            <dd data-testid="pa-auth-window">
              {r.authStart ?? '?'} to {r.authEnd ?? '?'}
            </dd>
          </>
        )}
        {r.dateOfService && (
          <>
            <dt>Date of service</dt>
            <dd>{r.dateOfService}</dd>
          </>
        )}
        {r.approvedUnits && (
          <>
            <dt>Approved units</dt>
            <dd data-testid="pa-approved-units">
              {Object.entries(r.approvedUnits)
                .map(([seq, n]) => `line ${seq}: ${n}`)
                .join(', ')}
            </dd>
          </>
        )}
        {r.denialReason && (
          <>
            <dt>Reason</dt>
            <dd data-testid="pa-denial-reason">{r.denialReason}</dd>
            {clause && (r.status === 'denied' || r.denialCode) && (
              <>
                <dt>Policy clause</dt>
                <dd data-testid="pa-denial-clause">
                  <ClauseText clause={clause} />
                </dd>
              </>
            )}
          </>
        )}
        {r.requested.length > 0 && (
          <>
            <dt>Payer asks for</dt>
            <dd data-testid="pa-requested">{r.requested.join(' ')}</dd>
          </>
        )}
        {r.trackingNumber && (
          <>
            <dt>Tracking number</dt>
            <dd data-testid="pa-tracking">{r.trackingNumber}</dd>
          </>
        )}
        {r.nextAction && (
          <>
            <dt>Next action</dt>
            <dd data-testid="pa-next-action">
              {r.nextAction}
              {due && r.open ? <strong> Due {due}.</strong> : null}
            </dd>
          </>
        )}
      </dl>
      {problems.length > 0 && (
        <div className="error" data-testid="pa-problems">
          <p>{r.status === 'rejected' ? 'The payer refused the bundle:' : 'What went wrong:'}</p>
          <ul>
            {problems.slice(0, 20).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          {problems.length > 20 && <p>and {problems.length - 20} more.</p>}
        </div>
      )}
      {writeback && (
        <p className="muted" data-testid="pa-writeback">
          {writeback}
        </p>
      )}
      <ol className="lc-timeline" aria-label="History">
        {r.history.map((e) => (
          <li key={e.seq}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> {KIND_TEXT[e.kind] ?? e.kind}
            {e.status ? `: ${statusText(e.status)}` : ''} <span className="muted">({e.actor})</span>
          </li>
        ))}
      </ol>
      {r.channel === 'pas' && r.open && ['submitted', 'pended', 'info-requested'].includes(r.status) && (
        <button type="button" className="btn" onClick={onInquire} disabled={busy}>
          Check status with the payer
        </button>
      )}
      {r.channel === 'pas' && r.status === 'info-requested' && <AnswerForm request={r} busy={busy} onAnswer={onAnswer} />}
      {r.channel === 'portal' && r.open && <PortalForm request={r} busy={busy} onPortal={onPortal} />}
    </article>
  );
}
