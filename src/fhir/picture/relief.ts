// Relief after an injection: Observation relief-percent, partOf Procedure/<id>, with an optional duration component.
import type { ReliefFact } from '../../policy/picture';
import { HOURS_PER_MONTH, HOURS_PER_WEEK } from '../../policy/dates';
import type { ObservationR, QuantityT } from './schemas';
import { SYS, codingOf, evidence, hasCode, refId } from './codes';

const HOURS: Record<string, number> = { min: 1 / 60, h: 1, d: 24, wk: HOURS_PER_WEEK, mo: HOURS_PER_MONTH, a: 8760 };

export function isReliefObservation(o: ObservationR): boolean {
  return hasCode(o.code, SYS.painObs, ['relief-percent', 'function-improvement-percent']);
}

export function hoursOf(q: QuantityT | undefined): number | undefined {
  if (q?.value === undefined) return undefined;
  const unit = (q.code ?? q.unit ?? '').toLowerCase().replace(/s$/, '');
  const alias: Record<string, string> = { hour: 'h', hr: 'h', day: 'd', week: 'wk', month: 'mo', year: 'a', minute: 'min' };
  const factor = HOURS[alias[unit] ?? unit];
  return factor === undefined ? undefined : q.value * factor;
}

export function reliefFact(o: ObservationR): ReliefFact | undefined {
  const percent = o.valueQuantity?.value ?? o.valueInteger;
  if (percent === undefined || percent < 0 || percent > 100) return undefined;
  const date = o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued;
  const duration = o.component?.find((c) => codingOf(c.code, SYS.painObs)?.code === 'relief-duration');
  const fact: ReliefFact = {
    percent,
    measure: hasCode(o.code, SYS.painObs, ['function-improvement-percent']) ? 'function' : 'pain',
    source: 'coded',
    evidence: [evidence('Observation', o.id, `${percent}% relief`, date)],
  };
  const hours = hoursOf(duration?.valueQuantity);
  if (hours !== undefined) fact.durationHours = hours;
  if (date) fact.date = date;
  const proc = (o.partOf ?? []).map((r) => refId(r.reference, 'Procedure')).find(Boolean) ?? (o.focus ?? []).map((r) => refId(r.reference, 'Procedure')).find(Boolean);
  if (proc) fact.procedureRef = `Procedure/${proc}`;
  return fact;
}
