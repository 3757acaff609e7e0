// The staged-treatment panel, in the Visit checklist and the Prior auth view: where the patient is in the sequence
// (blocks done and their relief, sessions used in the rolling window), the earliest date the next step fits, what
// this authorization is for, and the authorizations on file with when they end. The track is the policy core's
// (src/policy/stages.ts); nothing here decides a threshold.
import type { StageTrack as Track } from '../../policy/index';
import type { AuthOnFile } from './auths-on-file';
import './stages.css';

export interface StageTrackProps {
  track: Track | undefined;
  auths: readonly AuthOnFile[];
  /** Test ids and element ids start with this ("pa", "vc-0"): the checklist shows one panel per service. */
  idPrefix: string;
  /** The heading level that fits where the panel sits. */
  level: 3 | 4;
  /** Said when the service's authorizations could not be read (the chart's are still listed). */
  serviceNote?: string;
}

function stateText(s: Track['steps'][number]): string {
  if (s.state === 'done') return `done ${s.date ?? ''}`;
  return s.state === 'this-request' ? '(this request)' : '(not yet)';
}

export function StageTrack({ track, auths, idPrefix, level, serviceNote }: StageTrackProps) {
  if (!track && auths.length === 0 && !serviceNote) return null;
  const H = level === 3 ? 'h3' : 'h4';
  const titleId = `${idPrefix}-stage-title`;
  const tid = (k: string) => `${idPrefix}-${k}`;
  return (
    <section className="card stack lc-stage-box" aria-labelledby={titleId} data-testid={tid('stages')}>
      <H id={titleId}>{track?.title ?? 'Authorizations on file'}</H>
      {track && (
        <>
          <ol className="lc-stages" aria-label="Stages">
            {track.steps.map((s, i) => (
              <li key={i} data-state={s.state} {...(s.qualifies === false ? { 'data-qualifies': 'false' } : {})}>
                <strong>{s.label}</strong> {stateText(s)}
                {s.relief ? ` · ${s.relief}` : ''}
                {s.note ? <span className="lc-stage-note"> · {s.note}</span> : null}
              </li>
            ))}
          </ol>
          {track.window && <p data-testid={tid('stage-window')}>{track.window.text}</p>}
          <p data-testid={tid('stage-this')}>
            This authorization is for: {track.thisRequest}
            {track.next ? `; after it: ${track.next}.` : '.'}
          </p>
          {track.earliest && (
            <p data-testid={tid('stage-earliest')}>
              Earliest eligible date: <strong>{track.earliest.date}</strong> ({track.earliest.why}).
            </p>
          )}
          <p className="muted">
            Read from{' '}
            {track.citations
              .filter((c, i, all) => all.findIndex((o) => o.ruleId === c.ruleId && o.section === c.section) === i)
              .map((c) => `${c.ruleId}: ${c.document}${c.version ? `, ${c.version}` : ''}, ${c.section}`)
              .join('; ')}
            .
          </p>
        </>
      )}
      {auths.length > 0 ? (
        <ul aria-label="Authorizations on file" data-testid={tid('auths-on-file')}>
          {auths.map((a) => (
            <li key={a.number} data-expired={a.problem ? 'true' : 'false'}>
              {a.number}
              {a.serviceCode ? ` for ${a.serviceCode}` : ''}: {a.start ?? '?'} to {a.end ?? '?'}{' '}
              <span className="muted">(on file in the {a.source})</span>
              {a.problem ? <strong className="lc-auth-problem"> · Does not cover the date: {a.problem}</strong> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid={tid('auths-none')}>No authorization on file for this service.</p>
      )}
      {serviceNote && (
        <p className="muted" role="note" data-testid={tid('auths-service-note')}>
          {serviceNote}
        </p>
      )}
    </section>
  );
}
