// Rules that read the procedure history, counted in sessions (./sessions): frequency in a rolling window, spacing
// and the response to the previous session. The facet family's diagnostic-block rules are in ./diagnostic-blocks.
import type { ClinicalPicture, Evidence, PlannedService } from '../picture';
import { regionGroupOf } from '../services';
import { addMonths, daysBetween, HOURS_PER_MONTH, HOURS_PER_WEEK } from '../dates';
import { dosOf, evidenceOf, met, missing, notApplicable, notMet, noteEvidence, requirement } from './common';
import { serviceRegion } from '../levels';
import type { Ctx, Requirement } from './common';
import type { Cited, FrequencyLimit, PolicyParams, ReliefRule } from '../policies/types';
import { bestRelief, levelsOverlap, sessionEvidence, sessionsBefore, type Session } from './sessions';
import { injectionIntent } from './site';
import { earliestUnderLimit, firstDayAfterSpacing } from './eligible';

function groupOf(service: PlannedService) {
  return regionGroupOf(serviceRegion(service));
}

/** Sessions of these kinds in the service's region group (or all groups), before the date of service. */
export function priorSessions(
  ctx: Pick<Ctx, 'sessions' | 'dos' | 'service'>,
  kinds: readonly PlannedService['kind'][],
  perRegion = true,
): Session[] {
  return sessionsBefore(ctx, kinds, perRegion ? groupOf(ctx.service) : undefined);
}

/** The day before a rolling window of `months` that ends on the date of service opens (as dates.inRollingWindow). */
export function windowOpensAfter(dos: string, months: number): string {
  return addMonths(dos, -months);
}

/** The sessions a frequency limit counts in the rolling window that ends on the date of service, newest first. */
export function sessionsInWindow(ctx: Pick<Ctx, 'sessions' | 'dos' | 'service'>, rule: FrequencyLimit): Session[] {
  const after = windowOpensAfter(ctx.dos, rule.months);
  const group = rule.perRegion ? groupOf(ctx.service) : undefined;
  return ctx.sessions.filter(
    (s) =>
      s.date > after &&
      s.date < ctx.dos &&
      (!rule.intent || s.intent === undefined || s.intent === rule.intent) &&
      (group === undefined || s.group === undefined || s.group === group) &&
      s.kinds.some((k) => rule.counts.includes(k)),
  );
}

export function frequencyRequirement(id: string, text: string, pick: (p: PolicyParams) => Cited<FrequencyLimit> | undefined): Requirement {
  return requirement(id, 'frequency', text, pick, (picture, service, today, rule, ctx) => {
    const dos = dosOf(service, today);
    if (rule.intent) {
      const planned = injectionIntent(picture, service, dos).intent;
      if (planned !== undefined && planned !== rule.intent)
        return notApplicable(`Counts ${rule.intent} sessions only; this one is ${planned}.`);
    }
    const prior = sessionsInWindow(ctx, rule);
    const total = prior.length + 1;
    const evidence = evidenceOf(prior);
    const list = prior.map((s) => s.date).join(', ');
    if (total <= rule.max)
      return met(
        `This would be session ${total} of at most ${rule.max} ${rule.label} in ${rule.months} months${list ? ` (before: ${list})` : ''}.`,
        evidence,
      );
    const next = earliestUnderLimit(prior, rule.max, rule.months);
    if (!next)
      return notMet(
        `This would be session ${total} of ${rule.label} in ${rule.months} months; the limit is ${rule.max} (before: ${list}).`,
        `Wait until the oldest of these falls out of the ${rule.months}-month window`,
        evidence,
      );
    return notMet(
      `This would be session ${total} of ${rule.label} in ${rule.months} months; the limit is ${rule.max} (before: ${list}). Eligible again from ${next.date}, when the ${next.leaving} session leaves the ${rule.months}-month window.`,
      `Schedule on or after ${next.date} (the ${next.leaving} session is then outside the ${rule.months}-month window)`,
      evidence,
    );
  });
}

export function spacingRequirement(id: string): Requirement {
  return requirement(
    id,
    'frequency',
    'Enough days since the previous injection',
    (p) => p.minDaysBetween,
    (picture, service, today, rule, ctx) => {
      const dos = dosOf(service, today);
      const last = priorSessions(ctx, rule.counts, false)[0];
      if (!last) return notApplicable('No previous injection on record.');
      const days = daysBetween(last.date, dos);
      if (days >= rule.days)
        return met(`${days} days since the previous injection on ${last.date} (at least ${rule.days}).`, last.evidence);
      const from = firstDayAfterSpacing(last.date, rule.days);
      return notMet(
        `Only ${days} days since the previous injection on ${last.date}; at least ${rule.days} needed. Eligible from ${from}.`,
        `Schedule on or after ${from} (${rule.days} days after the ${last.date} injection)`,
        last.evidence,
      );
    },
  );
}

/**
 * Relief of at least minPercent still reported some time after the session lasted at least that long: the latest
 * such report, in hours since the session. Only a report that states no duration and does not say the pain came
 * back counts: "60% for five months" written ten months on says five months, not ten (the date a note is written
 * is evidence of relief then only when the note says nothing that bounds it).
 */
function heldAtLeast(s: Session, minPercent: number): { percent: number; on: string; hours: number } | undefined {
  let best: { percent: number; on: string; hours: number } | undefined;
  for (const r of s.relief) {
    const on = r.date?.slice(0, 10);
    if (!on || on <= s.date || r.percent < minPercent || r.durationHours !== undefined || r.returned) continue;
    const hours = daysBetween(s.date, on) * 24;
    if (!best || hours > best.hours) best = { percent: r.percent, on, hours };
  }
  return best;
}

function describeHours(h: number): string {
  if (h >= HOURS_PER_MONTH) return `${Math.round((h / HOURS_PER_MONTH) * 10) / 10} months`;
  if (h >= HOURS_PER_WEEK) return `${Math.round((h / HOURS_PER_WEEK) * 10) / 10} weeks`;
  return `${h} hours`;
}

/** The previous session this repeat is judged on: same region group and (when both are known) overlapping levels. */
export function previousSession(service: PlannedService, prior: Session[]): Session | undefined {
  return prior.find((s) => levelsOverlap(s.levels, service.levels));
}

/** The session a repeat rule judges: the latest in the region group when the rule says so (ESI), else at these levels. */
export function repeatedSession(service: PlannedService, prior: Session[], rule: Pick<ReliefRule, 'anyLevel'>): Session | undefined {
  return rule.anyLevel ? prior[0] : previousSession(service, prior);
}

// Dictation says the change many ways: "a different approach", "changing the drug", "switching the steroid",
// "from transforaminal to interlaminar".
const CHANGED_APPROACH =
  /\b(?:different|changed?|switch(?:ed|ing)? to|alternative|new)\s+(?:approach|level|levels|drug|medication|steroid|injectate|technique)\b|\b(?:chang(?:e|ed|ing)|switch(?:ed|ing)?|alter(?:ed|ing)?)\s+(?:the|our|his|her)\s+(?:approach|level|levels|drug|medication|steroid|injectate|technique)\b|\b(?:approach|level|steroid|injectate) (?:was |is )?changed\b|\bfrom (?:an? |the )?(?:transforaminal|interlaminar|caudal)\b[^.;]{0,40}?\bto (?:an? |the )?(?:transforaminal|interlaminar|caudal)\b/i;

/** A repeat after a first injection that failed: 14 days on, with a changed approach, level or drug documented. */
function failedFirstRepeat(
  picture: ClinicalPicture,
  service: PlannedService,
  dos: string,
  prev: Session,
  prior: Session[],
  minDays: number,
): { ok: boolean; message: string; evidence: Evidence[] } | undefined {
  const earlier = prior.filter((s) => s.date < prev.date);
  if (earlier.length > 0) return undefined;
  const days = daysBetween(prev.date, dos);
  const changedApproach = !prev.kinds.includes(service.kind);
  const changedLevel = prev.levels.length > 0 && service.levels.length > 0 && !service.levels.every((l) => prev.levels.includes(l));
  const note = noteEvidence(picture, CHANGED_APPROACH, dos);
  const what = changedApproach ? 'a different approach' : changedLevel ? 'a different level' : note ? 'a documented change' : undefined;
  if (days < minDays)
    return {
      ok: false,
      message: `The first injection (${prev.date}) failed; a repeat needs at least ${minDays} days (${days} so far: eligible from ${firstDayAfterSpacing(prev.date, minDays)}) and a changed approach, level or drug.`,
      evidence: prev.evidence,
    };
  if (!what)
    return {
      ok: false,
      message: `The first injection (${prev.date}) failed; a repeat is covered only with a different approach, level or drug, with the rationale documented.`,
      evidence: prev.evidence,
    };
  return {
    ok: true,
    message: `The first injection (${prev.date}) failed; the repeat after ${days} days uses ${what}.`,
    evidence: note ? [...prev.evidence, note] : prev.evidence,
  };
}

export function reliefRequirement(
  id: string,
  text: string,
  pick: (p: PolicyParams) => Cited<ReliefRule> | undefined = (p) => p.repeatRelief,
): Requirement {
  return requirement(id, 'prior-response', text, pick, (picture, service, today, rule, ctx) => {
    const dos = dosOf(service, today);
    if (rule.intent) {
      const planned = injectionIntent(picture, service, dos).intent;
      if (planned !== rule.intent) return notApplicable(`Applies to a repeat ${rule.intent} injection only.`);
    }
    const prior = priorSessions(ctx, rule.after).filter((s) => !rule.intent || s.intent === rule.intent);
    const prev = repeatedSession(service, prior, rule);
    if (!prev)
      return notApplicable(`No previous session of this kind in this region${rule.anyLevel ? '' : ' at these levels'}: not a repeat.`);
    const minHours =
      rule.minMonths !== undefined
        ? rule.minMonths * HOURS_PER_MONTH
        : rule.minWeeks !== undefined
          ? rule.minWeeks * HOURS_PER_WEEK
          : undefined;
    const need =
      minHours !== undefined ? `at least ${rule.minPercent}% relief for ${describeHours(minHours)}` : `at least ${rule.minPercent}% relief`;
    const r = bestRelief(prev);
    const ev: Evidence[] = sessionEvidence(prev);
    const failed = r !== undefined && r.percent < rule.minPercent;
    if (failed && rule.failedFirst) {
      const f = failedFirstRepeat(picture, service, dos, prev, prior, rule.failedFirst.minDays);
      if (f)
        return f.ok ? met(f.message, f.evidence) : notMet(f.message, 'Document the changed approach, level or drug and why', f.evidence);
    }
    if (!r)
      return missing(
        `Repeat after the ${prev.date} session, but the response to it is not documented (${need} needed).`,
        `Document the percent pain or function improvement after the ${prev.date} session and how long it lasted`,
        prev.evidence,
      );
    if (failed || r.percent <= 0)
      return notMet(`${r.percent}% ${r.measure} relief after the ${prev.date} session; ${need} is required for a repeat.`, undefined, ev);
    if (minHours !== undefined) {
      const held = heldAtLeast(prev, rule.minPercent);
      if (held && held.hours >= minHours && (r.durationHours === undefined || r.durationHours < minHours))
        return met(
          `${held.percent}% relief still reported on ${held.on}, ${describeHours(held.hours)} after the ${prev.date} session.`,
          ev,
        );
      if (r.durationHours === undefined)
        return missing(
          `${r.percent}% relief after the ${prev.date} session, but how long it lasted is not documented (${need}).`,
          `Document how long the relief after the ${prev.date} session lasted`,
          ev,
        );
      if (r.durationHours < minHours)
        return notMet(
          `${r.percent}% relief after the ${prev.date} session lasted ${describeHours(r.durationHours)}; ${need} is required.`,
          undefined,
          ev,
        );
      return met(`${r.percent}% ${r.measure} relief for ${describeHours(r.durationHours)} after the ${prev.date} session.`, ev);
    }
    return met(`${r.percent}% ${r.measure} relief after the ${prev.date} session.`, ev);
  });
}
