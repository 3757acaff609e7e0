// Rules that read the procedure history, counted in sessions (./sessions): frequency in a rolling window, spacing
// and the response to the previous session. The facet family's diagnostic-block rules are in ./diagnostic-blocks.
import type { ClinicalPicture, Evidence, PlannedService, UndatedProcedureFact } from '../picture';
import { regionGroupOf } from '../services';
import { statedIntentOf } from './sessions';
import { addMonths, daysBetween, HOURS_PER_MONTH, HOURS_PER_WEEK } from '../dates';
import { dosOf, evidenceOf, met, missing, notApplicable, notMet, noteEvidence, requirement } from './common';
import { serviceRegion } from '../levels';
import type { CheckResult, Ctx, Requirement } from './common';
import type { Cited, FrequencyLimit, PolicyParams, ReliefRule } from '../policies/types';
import { bestRelief, levelsOverlap, sessionEvidence, sessionsBefore, type Session } from './sessions';
import { injectionIntent } from './intent';
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

/**
 * Procedures a note names with no date, of the rule's kinds, in the service's region group (or of unknown region),
 * told before the date of service. They cannot be placed in a window, so they are a gap when they could matter.
 */
export function undatedBefore(
  ctx: Pick<Ctx, 'picture' | 'dos' | 'service'>,
  kinds: readonly PlannedService['kind'][],
  perRegion: boolean,
  intent?: PlannedService['intent'],
): UndatedProcedureFact[] {
  const all = ctx.picture.undatedProcedures;
  if (!all || all.length === 0) return [];
  const group = perRegion ? groupOf(ctx.service) : undefined;
  return all.filter((u) => {
    if (!kinds.includes(u.kind) || (u.before !== undefined && u.before > ctx.dos)) return false;
    if (intent && statedIntentOf(u) !== undefined && statedIntentOf(u) !== intent) return false;
    const g = regionGroupOf(serviceRegion(u));
    return group === undefined || g === undefined || g === group;
  });
}

/** "an ESI at another clinic (note "Visit", undated)" for a message. */
function undatedLabel(u: readonly UndatedProcedureFact[]): string {
  return u.map((x) => `${x.count > 1 ? `${x.count} ` : ''}${x.display}${x.outside ? ', done elsewhere' : ''}, no date given`).join('; ');
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
    const undated = undatedBefore(ctx, rule.counts, rule.perRegion, rule.intent);
    const unplaced = undated.reduce((n, u) => n + u.count, 0);
    const evidence = [...evidenceOf(prior), ...evidenceOf(undated)];
    const list = prior.map((s) => (s.earliest ? `${s.date} (approximate: ${describePeriod(s)})` : s.date)).join(', ');
    if (total <= rule.max) {
      // A session the notes name without a date may be inside the window: over the limit with it, it is a gap.
      if (total + unplaced > rule.max)
        return missing(
          `This would be session ${total} of at most ${rule.max} ${rule.label} in ${rule.months} months${list ? ` (before: ${list})` : ''}, but a note also names ${undatedLabel(undated)}: if within the ${rule.months} months, this would be session ${total + unplaced}.`,
          `Confirm the date of the earlier session (from the outside records or the patient) before scheduling`,
          evidence,
        );
      const extra = unplaced > 0 ? ` A note also names ${undatedLabel(undated)}; counted in, it would still be within the limit.` : '';
      return met(
        `This would be session ${total} of at most ${rule.max} ${rule.label} in ${rule.months} months${list ? ` (before: ${list})` : ''}.${extra}`,
        evidence,
      );
    }
    // Sessions a note places only by month or year may fall before the window opens: then the count is not certain.
    const after = windowOpensAfter(dos, rule.months);
    const unsure = prior.filter((s) => s.earliest !== undefined && s.earliest <= after);
    if (total - unsure.length <= rule.max)
      return missing(
        `This would be session ${total} of ${rule.label} in ${rule.months} months (before: ${list}); the limit is ${rule.max}, but ${unsure.map((s) => `the ${describePeriod(s)} session`).join(' and ')} is dated only approximately by a note and may fall outside the window.`,
        `Confirm the exact date of ${unsure.map((s) => `the ${describePeriod(s)} session`).join(' and ')}`,
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

/** "March 2026" or "2025" for a session a note dates only by month or year. */
function describePeriod(s: Session): string {
  const p = s.procedures.find((x) => x.datePrecision)?.datePrecision;
  return p === 'year' ? s.date.slice(0, 4) : s.date.slice(0, 7);
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
/**
 * Whole calendar months from `from` to `to` (2026-09-01 to 2026-12-01 is 3): "at least 3 months" is read on the
 * calendar, and 91 days fell short of 3 x 730 hours (round-4 F10).
 */
function calendarMonths(from: string, to: string): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  // One less when the day of the month is not reached yet (addMonths clamps 01-31 + 1 month to 02-28).
  return months > 0 && addMonths(from, months) > to ? months - 1 : Math.max(0, months);
}

function heldAtLeast(s: Session, minPercent: number): { percent: number; on: string; hours: number } | undefined {
  let best: { percent: number; on: string; hours: number } | undefined;
  for (const r of s.relief) {
    const on = r.date?.slice(0, 10);
    if (!on || on <= s.date || r.percent < minPercent || r.durationHours !== undefined || r.returned) continue;
    const hours = Math.max(daysBetween(s.date, on) * 24, calendarMonths(s.date, on) * HOURS_PER_MONTH);
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
  // A note that names only "an ESI" does not say the approach, so it cannot show that the approach changed.
  const changedApproach = !prev.kinds.includes(service.kind) && !prev.procedures.some((p) => p.approachUnknown);
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
    // Sessions a note names without a date may be the previous one: judged on, or a gap to confirm (issue 9, F20).
    const undated = undatedBefore(ctx, rule.after, true, rule.intent).filter(
      (u) => rule.anyLevel || levelsOverlap(u.levels, service.levels),
    );
    if (!prev) {
      if (undated.length === 0)
        return notApplicable(`No previous session of this kind in this region${rule.anyLevel ? '' : ' at these levels'}: not a repeat.`);
      return undatedRepeat(undated, rule);
    }
    const r = judgeRepeat(picture, service, dos, rule, prev, prior);
    const unsure = r.status === 'met' ? undated.filter((u) => !undatedMeets(u, rule)) : [];
    if (unsure.length === 0) return r;
    return missing(
      `${r.message} But a note also names ${undatedLabel(unsure)}: if it came after the ${prev.date} session, the repeat is judged on it, and its relief (${needOf(rule)}) is not documented.`,
      'Document the date of that session and the relief after it (outside records)',
      [...r.evidence, ...evidenceOf(unsure)],
    );
  });
}

function minHoursOf(rule: ReliefRule): number | undefined {
  return rule.minMonths !== undefined
    ? rule.minMonths * HOURS_PER_MONTH
    : rule.minWeeks !== undefined
      ? rule.minWeeks * HOURS_PER_WEEK
      : undefined;
}

function needOf(rule: ReliefRule): string {
  const h = minHoursOf(rule);
  return h !== undefined ? `at least ${rule.minPercent}% relief for ${describeHours(h)}` : `at least ${rule.minPercent}% relief`;
}

/** An undated session's stated relief meets the rule (percent, and the stated duration when the rule sets one). */
function undatedMeets(u: UndatedProcedureFact, rule: ReliefRule): boolean {
  const h = minHoursOf(rule);
  return u.relief.some((r) => r.percent >= rule.minPercent && (h === undefined || (r.durationHours !== undefined && r.durationHours >= h)));
}

/** A repeat whose only previous session a note names without a date: met on its stated relief, else a gap. */
function undatedRepeat(undated: readonly UndatedProcedureFact[], rule: ReliefRule): CheckResult {
  const ok = undated.filter((u) => undatedMeets(u, rule));
  const ev = evidenceOf(undated).concat(undated.flatMap((u) => evidenceOf(u.relief)));
  if (ok.length === undated.length) {
    const best = ok[0]!.relief.reduce((a, b) => (b.percent > a.percent ? b : a));
    return met(
      `A repeat after ${undatedLabel(ok)}: ${best.percent}% ${best.measure} relief${best.durationHours !== undefined ? ` for ${describeHours(best.durationHours)}` : ''} is documented.`,
      ev,
    );
  }
  return missing(
    `A repeat after ${undatedLabel(undated)}; the response to it (${needOf(rule)}) and its date are not documented.`,
    'Document the date of the earlier session and the percent relief after it, with how long it lasted (outside records)',
    ev,
  );
}

/** The repeat rule judged on the previous session `prev`. */
function judgeRepeat(
  picture: ClinicalPicture,
  service: PlannedService,
  dos: string,
  rule: ReliefRule,
  prev: Session,
  prior: Session[],
): CheckResult {
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
    if (f) return f.ok ? met(f.message, f.evidence) : notMet(f.message, 'Document the changed approach, level or drug and why', f.evidence);
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
      return met(`${held.percent}% relief still reported on ${held.on}, ${describeHours(held.hours)} after the ${prev.date} session.`, ev);
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
}
