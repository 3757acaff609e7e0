// Relief after an injection, as EHRs record it: ClaimReady's relief-percent code, or a flowsheet row (local code)
// whose display/text says relief or improvement with a value in %; linked to the Procedure by partOf, focus or
// derivedFrom, or else by date (procedures.ts). Also the relief written into Procedure.outcome or its notes.
import type { ReliefFact } from '../../policy/picture';
import { HOURS_PER_MONTH, HOURS_PER_WEEK } from '../../policy/dates';
import type { ObservationR, ProcedureR, QuantityT } from './schemas';
import { SYS, allText, codingOf, evidence, hasCode, refId } from './codes';
import { namedDates, saysReturned } from '../notes/relief-when';

/** Relief from an Observation, with the session day its note names ("after the 01/20/2026 RFA") for linking. */
export interface ObservedRelief extends ReliefFact {
  namedDay?: string;
}

const HOURS: Record<string, number> = { min: 1 / 60, h: 1, d: 24, wk: HOURS_PER_WEEK, mo: HOURS_PER_MONTH, a: 8760 };
const RELIEF_TEXT = /relief|improvement|reduction in pain|pain reduction|percent better|% better/i;
const FUNCTION_TEXT = /function/i;

function percentUnit(o: ObservationR): boolean {
  const u = (o.valueQuantity?.code ?? o.valueQuantity?.unit ?? '').trim().toLowerCase();
  return u === '%' || u === 'percent' || u === 'pct';
}

const RELIEF_CODES = ['relief-percent', 'function-improvement-percent'];

export function isReliefObservation(o: ObservationR): boolean {
  if (hasCode(o.code, SYS.painObs, RELIEF_CODES)) return true;
  const text = allText(o.code);
  if (!RELIEF_TEXT.test(text)) return false;
  return percentUnit(o) || /%|percent/i.test(text) || /^\s*\d{1,3}\s*%\s*$/.test(o.valueString ?? '');
}

export function hoursOf(q: QuantityT | undefined): number | undefined {
  if (q?.value === undefined || !Number.isFinite(q.value)) return undefined;
  const unit = (q.code ?? q.unit ?? '').toLowerCase().replace(/s$/, '');
  const alias: Record<string, string> = { hour: 'h', hr: 'h', day: 'd', week: 'wk', month: 'mo', year: 'a', minute: 'min' };
  const factor = HOURS[alias[unit] ?? unit];
  return factor === undefined ? undefined : q.value * factor;
}

const DURATION = /(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?)\b/i;
const DUR_HOURS: Record<string, number> = { h: 1, d: 24, w: HOURS_PER_WEEK, m: HOURS_PER_MONTH };

function durationInText(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase();
  const factor = DUR_HOURS[unit.startsWith('mo') ? 'm' : unit[0]!];
  return factor === undefined ? undefined : Number(m[1]) * factor;
}

export function reliefFact(o: ObservationR): ObservedRelief | undefined {
  const fromString = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$/.exec(o.valueString ?? '');
  const percent = o.valueQuantity?.value ?? o.valueInteger ?? (fromString ? Number(fromString[1]) : undefined);
  if (percent === undefined || !Number.isFinite(percent) || percent < 0 || percent > 100) return undefined;
  const date = o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start ?? o.issued;
  const duration = o.component?.find(
    (c) => codingOf(c.code, SYS.painObs)?.code === 'relief-duration' || /duration|lasted|how long/i.test(allText(c.code)),
  );
  const coded = hasCode(o.code, SYS.painObs, RELIEF_CODES);
  const fn = coded
    ? hasCode(o.code, SYS.painObs, ['function-improvement-percent'])
    : FUNCTION_TEXT.test(allText(o.code)) && !/pain/i.test(allText(o.code));
  const fact: ObservedRelief = {
    percent,
    measure: fn ? 'function' : 'pain',
    source: 'coded',
    evidence: [evidence('Observation', o.id, `${percent}% ${fn ? 'functional improvement' : 'relief'}`, date)],
  };
  const noteText = (o.note ?? []).map((n) => n.text ?? '').join(' ');
  const hours = hoursOf(duration?.valueQuantity) ?? durationInText(noteText);
  if (hours !== undefined) fact.durationHours = hours;
  if (date) fact.date = date;
  if (noteText && saysReturned(noteText)) fact.returned = true;
  // Relief is often charted at a follow-up visit months later; the session its note names is the one it follows.
  const day = date?.slice(0, 10) ?? '';
  const named = noteText ? namedDates(noteText, day).find((d) => d.value.length === 10 && (!day || d.value <= day)) : undefined;
  if (named) fact.namedDay = named.value;
  const links = [...(o.partOf ?? []), ...(o.focus ?? []), ...(o.derivedFrom ?? [])];
  const proc = links.map((r) => refId(r.reference, 'Procedure')).find(Boolean);
  if (proc) fact.procedureRef = `Procedure/${proc}`;
  return fact;
}

const PERCENT_RELIEF =
  /(\d{1,3})\s*(?:%|percent)\s*(?:pain\s*)?(?:relief|improvement|reduction|better)|(?:relief|improvement|reduction)\D{0,25}?(\d{1,3})\s*(?:%|percent)/i;

/** Relief stated in the procedure's own outcome or notes ("80% relief for 6 hours"). */
export function procedureRelief(p: ProcedureR, date: string): ReliefFact | undefined {
  const texts = [allText(p.outcome), ...(p.note ?? []).map((n) => n.text ?? '')].filter(Boolean);
  for (const text of texts) {
    const m = PERCENT_RELIEF.exec(text);
    const percent = m ? Number(m[1] ?? m[2]) : Number.NaN;
    if (!m || percent > 100) continue;
    const fact: ReliefFact = {
      percent,
      measure: /function/i.test(text) && !/pain/i.test(text) ? 'function' : 'pain',
      date,
      procedureRef: `Procedure/${p.id}`,
      source: 'coded',
      evidence: [evidence('Procedure', p.id, `${percent}% relief (procedure outcome)`, date)],
    };
    const hours = durationInText(text.slice(m.index));
    if (hours !== undefined) fact.durationHours = hours;
    return fact;
  }
  return undefined;
}
