// The prior-auth view: the payer and whether it wants prior authorization, what blocks the packet (policy gaps and
// PAS rule failures) at the top, the criteria checklist, a timeline of care, pain and procedures, and the packet
// actions (save to chart, download PDF / bundle JSON).
import { useCallback, useMemo, useState } from 'react';
import { useAppData } from '../context';
import { packetPreview } from '../../workflow/index';
import { timelineRows } from './prior-auth/timeline';
import { Blockers, Criteria, Timeline } from './prior-auth/parts';
import { PacketActions } from './prior-auth/PacketActions';
import { DoFirst } from './prior-auth/DoFirst';
import { ChartTaskCard } from './prior-auth/ChartTaskCard';
import { readTask, savedTasks, tasksForService } from './prior-auth/chart-task';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel';
import { serviceDef } from '../../policy/index';
import { ordersUnread } from '../hooks/useServiceSelection';
import './PriorAuth.css';

const VERDICT_TEXT = {
  ready: 'Ready to submit',
  incomplete: 'Documentation incomplete',
  'not-eligible': 'Policy criteria not met',
} as const;

/** A Task read again after a save replaces the launch copy of the same Task (same id). */
function unique(r: unknown, i: number, all: unknown[]): boolean {
  const id = (r as { id?: unknown } | null)?.id;
  return all.findIndex((x) => (x as { id?: unknown } | null)?.id === id) === i;
}

/** An Organization's or Practitioner's name, for the Task's owner. */
function nameIn(r: unknown): string | undefined {
  const o = r as { name?: unknown } | undefined;
  if (typeof o?.name === 'string') return o.name;
  const n = Array.isArray(o?.name) ? (o.name[0] as { text?: string; given?: string[]; family?: string } | undefined) : undefined;
  const text = n?.text ?? [...(n?.given ?? []), n?.family ?? ''].join(' ').trim();
  return text || undefined;
}

/** The clock is read here, in the UI, and passed in: the core and the builders never read it. */
const clock = (): string => new Date().toISOString();

export function PriorAuth() {
  const { picture, today, services, writer, user, openEvidence, resources, clinic, serviceToken, saved } = useAppData();
  const [index, setIndex] = useState(0);
  const service = services[Math.min(index, services.length - 1)];
  const model = useMemo(
    () =>
      service
        ? packetPreview(picture, service, {
            today,
            now: `${today}T00:00:00Z`,
            ...(resources ? { resources } : {}),
            ...(clinic ? { clinic } : {}),
            ...(user ? { user } : {}),
          })
        : undefined,
    [picture, service, today, resources, clinic, user],
  );
  const rows = useMemo(() => timelineRows(picture), [picture]);
  // The chart Task: as read at launch (record.saved), or as read again after a save / on request.
  const [fresh, setFresh] = useState<unknown[]>([]);
  const [refreshing, setRefreshing] = useState(false);
  const nameOf = useCallback((ref: string) => nameIn(resources?.get(ref)), [resources]);
  const tasks = useMemo(
    () => (service ? tasksForService([...fresh, ...savedTasks(saved)].filter(unique), service, nameOf) : []),
    [fresh, saved, service, nameOf],
  );
  const refresh = useCallback(
    async (key: string | undefined) => {
      if (!writer || !key) return;
      setRefreshing(true);
      try {
        const read = await readTask(writer, key);
        setFresh((f) => [...read, ...f]);
      } catch {
        // Not read again: the task as read at launch stays shown.
      } finally {
        setRefreshing(false);
      }
    },
    [writer],
  );

  // An order search that failed on every retry must not look like a chart without orders.
  const unread = ordersUnread(picture);
  if (!service || !model) {
    return (
      <section className="prior-auth stack" aria-labelledby="pa-title">
        <h2 id="pa-title">Prior authorization</h2>
        {unread ? (
          <p className="error">
            The planned orders could not be read ({unread}) Relaunch ClaimReady to read them again, or add the service above.
          </p>
        ) : (
          <p className="muted">Choose a planned service to build its prior-auth packet.</p>
        )}
      </section>
    );
  }
  const { assessment: a, payer } = model;
  const required = a.priorAuth.required === 'depends' ? `Depends: ${a.priorAuth.reason}` : a.priorAuth.required ? 'Yes' : 'No';

  return (
    <section className="prior-auth stack" aria-labelledby="pa-title">
      <h2 id="pa-title">Prior authorization</h2>
      {services.length > 1 && (
        <label className="pa-service">
          Packet for{' '}
          <select value={index} onChange={(e) => setIndex(Number(e.target.value))}>
            {services.map((s, i) => (
              <option key={`${s.code}-${i}`} value={i}>
                {s.code} {serviceDef(s.code)?.label ?? ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <DoFirst
        blockers={model.blockers}
        required={a.priorAuth.required}
        reason={a.priorAuth.reason}
        payerName={payer.name}
        task={tasks[0]}
        canWrite={writer !== null}
      />
      <PacketActions model={model} writer={writer} {...(user ? { user } : {})} now={clock} onSaved={(key) => void refresh(key)} />
      <ChartTaskCard
        tasks={tasks}
        required={a.priorAuth.required}
        refreshing={refreshing}
        {...(writer && tasks[0]?.key ? { onRefresh: () => void refresh(tasks[0]?.key) } : {})}
      />
      <LifecyclePanel
        model={model}
        writer={writer}
        {...(user ? { user } : {})}
        now={clock}
        {...(serviceToken ? { token: serviceToken } : {})}
        {...(saved ? { saved } : {})}
      />
      <Blockers blockers={model.blockers} open={openEvidence} />
      <section className="card stack" aria-labelledby="pa-payer-title">
        <h3 id="pa-payer-title">Payer</h3>
        <dl className="pa-facts">
          <dt>Payer</dt>
          <dd>{payer.name}</dd>
          <dt>Prior authorization required</dt>
          <dd data-testid="pa-required">{required}</dd>
          <dt>Service</dt>
          <dd>
            {service.code} {serviceDef(service.code)?.label ?? ''}
            {service.levels.length ? `, ${service.levels.join(', ')}` : ''}
            {service.laterality ? `, ${service.laterality}` : ''}
            {service.date ? `, planned ${service.date.slice(0, 10)}` : ''}
          </dd>
          <dt>Policy</dt>
          <dd>
            {a.policy.title} ({a.policy.citation.document})
          </dd>
          <dt>Documentation</dt>
          <dd>
            <span className={`verdict verdict--${a.verdict}`}>{VERDICT_TEXT[a.verdict]}</span>
          </dd>
        </dl>
        {payer.fellBackToBaseline && payer.note && <p className="muted">{payer.note}</p>}
        {!model.clinicConfigured && (
          <p className="muted">The requesting clinic is not configured; the packet names it as "Requesting clinic (not configured)".</p>
        )}
      </section>
      <Criteria findings={a.findings} open={openEvidence} />
      <Timeline rows={rows} open={openEvidence} />
    </section>
  );
}
