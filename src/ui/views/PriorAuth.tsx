// The prior-auth view: the payer and whether it wants prior authorization, what blocks the packet (policy gaps and
// PAS rule failures) at the top, the criteria checklist, a timeline of care, pain and procedures, and the packet
// actions (save to chart, download PDF / bundle JSON).
import { useMemo, useState } from 'react';
import { useAppData } from '../context';
import { packetPreview } from '../../workflow/index';
import { timelineRows } from './prior-auth/timeline';
import { Blockers, Criteria, Timeline } from './prior-auth/parts';
import { PacketActions } from './prior-auth/PacketActions';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel';
import { serviceDef } from '../../policy/index';
import { ordersUnread } from '../hooks/useServiceSelection';
import './PriorAuth.css';

const VERDICT_TEXT = {
  ready: 'Ready to submit',
  incomplete: 'Documentation incomplete',
  'not-eligible': 'Policy criteria not met',
} as const;

/** The clock is read here, in the UI, and passed in: the core and the builders never read it. */
const clock = (): string => new Date().toISOString();

export function PriorAuth() {
  const { picture, today, services, writer, user, openEvidence, resources, clinic, serviceToken } = useAppData();
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
      <PacketActions model={model} writer={writer} {...(user ? { user } : {})} now={clock} />
      <LifecyclePanel
        model={model}
        writer={writer}
        {...(user ? { user } : {})}
        now={clock}
        {...(serviceToken ? { token: serviceToken } : {})}
      />
    </section>
  );
}
