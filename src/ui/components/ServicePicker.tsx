// The services under review: the planned order(s), and a form to add a procedure the physician is considering.
import { useId, useState, type FormEvent } from 'react';
import type { Laterality } from '../../policy/index';
import { PLANNABLE_CODES, serviceDef } from '../../policy/index';
import { normalizeLevel } from '../../policy/index';
import type { ServiceSelection } from '../hooks/useServiceSelection';

function describe(code: string, levels: string[], laterality?: string): string {
  const parts = [code, serviceDef(code)?.label ?? 'Unknown code'];
  if (laterality) parts.push(laterality);
  if (levels.length) parts.push(levels.join(', '));
  return parts.join(' · ');
}

export function ServicePicker({ selection }: { selection: ServiceSelection }) {
  const id = useId();
  const [code, setCode] = useState<string>(PLANNABLE_CODES[0]);
  const [levels, setLevels] = useState('');
  const [laterality, setLaterality] = useState<Laterality | ''>('');
  const [error, setError] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    const raw = levels.split(/[,;\s]+/).filter(Boolean);
    const parsed = raw.map(normalizeLevel);
    if (parsed.some((l) => l === undefined)) {
      setError(`Levels must look like L4-L5, L5-S1 or C6-C7 (got "${levels}").`);
      return;
    }
    setError('');
    selection.add({ code, levels: parsed as string[], laterality: laterality || undefined });
    setLevels('');
  }

  return (
    <section className="card service-picker" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="card__title">
        Procedures under review
      </h2>
      {selection.services.length === 0 &&
        (selection.ordersUnread ? (
          <p className="error">
            The planned orders could not be read ({selection.ordersUnread}) Relaunch ClaimReady to read them again, or add the procedure you
            are considering.
          </p>
        ) : (
          <p className="muted">No planned procedure on the chart. Add the one you are considering.</p>
        ))}
      <ul className="service-list">
        {selection.fromOrders.map((s) => (
          <li key={s.requestRef ?? s.code} data-testid="service-from-order">
            {describe(s.code, s.levels, s.laterality)} <span className="muted">(order)</span>
          </li>
        ))}
        {selection.added.map((s, i) => (
          <li key={`added-${i}`} data-testid="service-added">
            {describe(s.code, s.levels, s.laterality)}{' '}
            <button type="button" className="btn btn--small" onClick={() => selection.remove(i)} aria-label={`Remove ${s.code}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <details>
        <summary>Add a procedure</summary>
        <form className="service-picker__form" onSubmit={submit}>
          <label htmlFor={`${id}-code`}>Procedure</label>
          <select id={`${id}-code`} value={code} onChange={(e) => setCode(e.target.value)}>
            {PLANNABLE_CODES.map((c) => (
              <option key={c} value={c}>
                {c} — {serviceDef(c)?.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-levels`}>Levels</label>
          <input
            id={`${id}-levels`}
            value={levels}
            onChange={(e) => setLevels(e.target.value)}
            placeholder="L4-L5, L5-S1"
            aria-describedby={error ? `${id}-err` : undefined}
          />
          <label htmlFor={`${id}-side`}>Side</label>
          <select id={`${id}-side`} value={laterality} onChange={(e) => setLaterality(e.target.value as Laterality | '')}>
            <option value="">Not applicable</option>
            <option value="left">Left</option>
            <option value="right">Right</option>
            <option value="bilateral">Bilateral</option>
          </select>
          <button type="submit" className="btn btn--primary">
            Add
          </button>
          {error && (
            <p id={`${id}-err`} role="alert" className="error">
              {error}
            </p>
          )}
        </form>
      </details>
    </section>
  );
}
