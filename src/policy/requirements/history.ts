// Rules that read the procedure history: frequency in a rolling window, spacing, response to the previous
// procedure, and the two diagnostic blocks before a first ablation.
import type { Evidence, PlannedService, ProcedureFact, ReliefFact } from '../picture';
import type { Cited, FrequencyLimit, PolicyParams, ReliefRule } from '../policies/types';
import type { Citation, Requirement } from '../verdicts';
import { HOURS_PER_WEEK } from '../dates';
import { evidenceOf, listMapped, monthsBackMs, dayMs, days as daysFrom, dosOf, fmtDate, met, missing, notApplicable, notMet, plural, priorProcedures, requirement } from './common';

const dateOf = (p: ProcedureFact): string => fmtDate(p.date);

export function frequencyRequirement(id: string, text: string, citation: Citation, pick: (p: PolicyParams) => Cited<FrequencyLimit> | undefined): Requirement<PolicyParams> {
  return requirement(id, 'frequency', text, citation, pick, (picture, service, today, rule) => {
    const dos = dosOf(service, today);
    // Rolling window as in dates.inRollingWindow: after (today - months), up to the date of service.
    const start = monthsBackMs(dos, rule.months);
    const prior = priorProcedures(picture, service, dos, rule.counts, rule.perRegion).filter((p) => dayMs(p.date) > start);
    const total = prior.length + 1;
    const evidence = evidenceOf(prior);
    const list = listMapped(prior, dateOf, ', ', 6);
    if (total <= rule.max) {
      return met(`This would be ${total} of at most ${rule.max} ${rule.label} in ${rule.months} months${list ? ` (before: ${list})` : ''}.`, evidence);
    }
    return notMet(`This would be ${total} ${rule.label} in ${rule.months} months; the limit is ${rule.max} (before: ${list}).`, `Wait until the oldest of these falls out of the ${rule.months}-month window`, evidence);
  });
}

export function spacingRequirement(id: string, citation: Citation): Requirement<PolicyParams> {
  return requirement(id, 'frequency', 'Enough days since the previous injection', citation, (p) => p.minDaysBetween, (picture, service, today, rule) => {
    const dos = dosOf(service, today);
    const last = priorProcedures(picture, service, dos, rule.counts, false)[0];
    if (!last) return notApplicable('No previous injection on record.');
    const days = daysFrom(last.date, dos);
    if (days >= rule.days) return met(`${days} days since the previous injection on ${fmtDate(last.date)} (at least ${rule.days}).`, last.evidence);
    return notMet(`Only ${days} days since the previous injection on ${fmtDate(last.date)}; at least ${rule.days} needed.`, `Schedule on or after day ${rule.days} after the previous injection`, last.evidence);
  });
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.includes(x));
}

function bestRelief(p: ProcedureFact): ReliefFact | undefined {
  let best: ReliefFact | undefined;
  for (const r of p.relief) if (!best || r.percent > best.percent || (r.percent === best.percent && (r.durationHours ?? -1) > (best.durationHours ?? -1))) best = r;
  return best;
}

function describeHours(h: number): string {
  if (h >= 730) return `${Math.round((h / 730) * 10) / 10} months`;
  if (h >= HOURS_PER_WEEK) return `${Math.round((h / HOURS_PER_WEEK) * 10) / 10} weeks`;
  return `${h} hours`;
}

/** The previous procedure this repeat is judged on: same region group and (when both are known) same levels. */
function previousFor(service: PlannedService, prior: ProcedureFact[]): ProcedureFact | undefined {
  return prior.find((p) => overlaps(p.levels, service.levels));
}

export function reliefRequirement(id: string, text: string, citation: Citation, pick: (p: PolicyParams) => Cited<ReliefRule> | undefined): Requirement<PolicyParams> {
  return requirement(id, 'prior-response', text, citation, pick, (picture, service, today, rule) => {
    if (rule.onlyFor && !rule.onlyFor.includes(service.kind)) return notApplicable(`Applies only to ${rule.onlyFor.join(', ')}.`);
    const dos = dosOf(service, today);
    const prev = previousFor(service, priorProcedures(picture, service, dos, rule.after));
    if (!prev) return notApplicable('No previous procedure of this kind in this region: not a repeat.');
    const when = fmtDate(prev.date);
    const need = rule.minHours !== undefined ? `at least ${rule.minPercent}% relief for ${describeHours(rule.minHours)}` : `at least ${rule.minPercent}% relief`;
    const r = bestRelief(prev);
    if (!r) return missing(`Repeat after the ${when} procedure, but the response to it is not documented (${need} needed).`, `Document the percent pain or function improvement after the ${when} procedure and how long it lasted`, prev.evidence);
    const ev: Evidence[] = [...r.evidence, ...prev.evidence];
    if (r.percent < rule.minPercent || r.percent <= 0) {
      return notMet(`${r.percent}% ${r.measure} relief after the ${when} procedure; ${need} is required for a repeat.`, undefined, ev);
    }
    if (rule.minHours !== undefined) {
      if (r.durationHours === undefined) return missing(`${r.percent}% relief after the ${when} procedure, but how long it lasted is not documented (${need}).`, `Document how long the relief after the ${when} procedure lasted`, ev);
      if (r.durationHours < rule.minHours) return notMet(`${r.percent}% relief after the ${when} procedure lasted ${describeHours(r.durationHours)}; ${need} is required.`, undefined, ev);
      return met(`${r.percent}% ${r.measure} relief for ${describeHours(r.durationHours)} after the ${when} procedure.`, ev);
    }
    return met(`${r.percent}% ${r.measure} relief after the ${when} procedure.`, ev);
  });
}

export function diagnosticBlocksRequirement(id: string, citation: Citation): Requirement<PolicyParams> {
  return requirement(id, 'prior-response', 'Diagnostic blocks with enough relief before a first ablation', citation, (p) => p.diagnosticBlocks, (picture, service, today, rule) => {
    const dos = dosOf(service, today);
    const priorAblation = previousFor(service, priorProcedures(picture, service, dos, rule.unlessPrior));
    if (priorAblation) return notApplicable(`A previous ablation (${fmtDate(priorAblation.date)}) is on record: the repeat-ablation rule applies instead.`);
    const blocks = priorProcedures(picture, service, dos, rule.blocks).filter((p) => overlaps(p.levels, service.levels));
    const good: ProcedureFact[] = [];
    const undocumented: ProcedureFact[] = [];
    const weak: ProcedureFact[] = [];
    for (const b of blocks) {
      const pain = b.relief.filter((r) => r.measure === 'pain');
      if (pain.length === 0) undocumented.push(b);
      else if (pain.some((r) => r.percent >= rule.minPercent)) good.push(b);
      else weak.push(b);
    }
    const evidence = blocks.flatMap((b) => [...b.evidence, ...b.relief.flatMap((r) => r.evidence)]);
    const summary = blocks.map((b) => `${fmtDate(b.date)}: ${b.relief.length ? `${Math.max(...b.relief.map((r) => r.percent))}%` : 'relief not documented'}`).join('; ');
    if (good.length >= rule.count) return met(`${plural(good.length, 'diagnostic block')} with at least ${rule.minPercent}% relief (${summary}).`, evidence);
    if (good.length + undocumented.length >= rule.count) {
      return missing(`Relief after ${plural(undocumented.length, 'diagnostic block')} is not documented (${summary}).`, `Document the percent relief of the index pain after each diagnostic block (at least ${rule.minPercent}% needed)`, evidence);
    }
    const why = weak.length > 0 ? ` ${plural(weak.length, 'block')} gave less than ${rule.minPercent}%.` : '';
    return notMet(`Only ${plural(good.length, 'qualifying diagnostic block')} of ${rule.count} required${summary ? ` (${summary})` : ''}.${why}`, blocks.length < rule.count ? 'If blocks were done elsewhere, document their dates, levels and relief; otherwise perform the second diagnostic block first' : undefined, evidence);
  });
}
