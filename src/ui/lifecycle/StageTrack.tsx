// The staged-treatment panel of the prior-auth view: where the patient is in the sequence (blocks done and their
// relief, sessions used in the rolling window), the earliest date the planned one fits, what this authorization is
// for, and the authorizations on file with when they end.
import type { StageTrack as Track } from './stages';
import type { PaRequestView } from './api';

export function StageTrack({
  track,
  requests,
  dateOfService,
}: {
  track: Track | undefined;
  requests: PaRequestView[];
  dateOfService: string;
}) {
  const onFile = requests.filter((r) => r.authNumber && (r.status === 'approved' || r.status === 'partial'));
  if (!track && onFile.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="lc-stage-title" data-testid="pa-stages">
      <h3 id="lc-stage-title">{track?.title ?? 'Authorizations on file'}</h3>
      {track && (
        <>
          <ol className="lc-stages" aria-label="Stages">
            {track.steps.map((s, i) => (
              <li key={i} data-state={s.state}>
                <strong>{s.label}</strong>{' '}
                {s.state === 'done' ? `done ${s.date ?? ''}` : s.state === 'this-request' ? '(this request)' : '(not yet)'}
                {s.relief ? ` · ${s.relief}` : ''}
                {s.note ? <span className="muted"> · {s.note}</span> : null}
              </li>
            ))}
          </ol>
          {track.window && <p data-testid="pa-stage-window">{track.window}</p>}
          <p data-testid="pa-stage-this">
            This authorization is for: {track.thisRequest}
            {track.next ? `; after it: ${track.next}.` : '.'}
          </p>
          {track.earliest && (
            <p data-testid="pa-stage-earliest">
              Earliest eligible date: <strong>{track.earliest.date}</strong> ({track.earliest.why}).
            </p>
          )}
          <p className="muted">
            Read from {track.citations.map((c) => `${c.document}${c.version ? ` (${c.version})` : ''}, ${c.section}`).join('; ')}.
          </p>
        </>
      )}
      {onFile.length > 0 && (
        <ul aria-label="Authorizations on file" data-testid="pa-auths-on-file">
          {onFile.map((r) => (
            <li key={r.id}>
              {r.authNumber} for {r.serviceCode}: {r.authStart ?? '?'} to {r.authEnd ?? '?'}
              {r.authEnd && r.authEnd < (r.dateOfService ?? dateOfService) ? (
                <strong> · ends before the date of service {r.dateOfService ?? dateOfService}</strong>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
