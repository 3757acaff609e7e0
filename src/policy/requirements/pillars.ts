// The documentation pillars every procedure needs: a validated pain scale, functional impairment, failed
// conservative care (and its minimum duration), and how long the pain has lasted.
import type { ClinicalPicture, ConservativeCareFact, DiagnosisFact, Evidence } from '../picture';
import { isLiveDiagnosis } from '../picture';
import type { DurationRule } from '../policies/types';
import { inCategory } from '../icd10';
import { addMonths, dayOf, daysBetween, toDayMs } from '../dates';
import { advice, evidenceOf, listOf, dosOf, fmtDate, met, missing, notMet, plural, requirement } from './common';
import type { Requirement } from './common';

const DAY_MS = 86_400_000;
const DAYS_PER_WEEK = 7;

const VALIDATED = new Set(['NRS', 'VAS', 'VRS']);

type PainScore = ClinicalPicture['painScores'][number];

/** The latest 0-10 score on a validated scale on or before the date of service, and the evidence of unvalidated ones. */
function latestPainScore(picture: ClinicalPicture, dos: string): { latest: PainScore | undefined; unvalidated: Evidence[] } {
  let latest: PainScore | undefined;
  let unvalidated: Evidence[] = [];
  for (const s of picture.painScores) {
    if (dayOf(s.date) > dos) continue;
    if (!VALIDATED.has(s.instrument) || !Number.isFinite(s.value) || s.value < 0 || s.value > 10) {
      unvalidated = unvalidated.concat(s.evidence);
      continue;
    }
    if (!latest || s.date > latest.date) latest = s;
  }
  return { latest, unvalidated };
}

export function painScaleRequirement(id: string): Requirement {
  return requirement(
    id,
    'pain-scale',
    'Pain documented on a validated scale (NRS/VAS) close to the date of service',
    (p) => p.painScale,
    (picture, service, today, rule) => {
      const dos = dosOf(service, today);
      const { latest, unvalidated } = latestPainScore(picture, dos);
      if (!latest) {
        const fix = 'Document the pain score on a 0-10 scale (NRS or VAS) for this visit';
        return unvalidated.length > 0
          ? missing('Pain is described but not on a validated scale.', fix, unvalidated)
          : missing('No pain score is documented.', fix);
      }
      const age = daysBetween(latest.date, dos);
      const what = `${latest.instrument} ${latest.value}/10 on ${fmtDate(latest.date)}`;
      // The policies ask for a baseline and set no age: past the recency ClaimReady reads, say so, never decide.
      if (age > rule.maxAgeDays) {
        return advice(
          missing(
            `The latest pain score (${what}) is ${age} days old. The policy sets no age for the baseline; ClaimReady reads one within ${rule.maxAgeDays} days as current, and a reviewer may ask for a score at the deciding visit.`,
            'Record a current 0-10 pain score at this visit',
            latest.evidence,
          ),
        );
      }
      return met(`Pain scored ${what}.`, latest.evidence);
    },
  );
}

export function painIntensityRequirement(id: string): Requirement {
  return requirement(
    id,
    'pain-scale',
    'Pain at least as intense as the policy asks (latest 0-10 score before the date of service)',
    (p) => p.painIntensity,
    (picture, service, today, rule) => {
      const dos = dosOf(service, today);
      const { latest } = latestPainScore(picture, dos);
      if (!latest)
        return missing(
          `No 0-10 pain score is documented, so ${rule.label} cannot be shown.`,
          'Document the pain score on a 0-10 scale (NRS or VAS) for this visit',
        );
      const what = `${latest.instrument} ${latest.value}/10 on ${fmtDate(latest.date)}`;
      if (latest.value >= rule.minScore) return met(`Pain ${what}: ${rule.label} (at least ${rule.minScore}/10).`, latest.evidence);
      return notMet(
        `Pain ${what} is below the ${rule.label} the policy asks (at least ${rule.minScore}/10).`,
        'If the pain is more intense than this score, record a current 0-10 score at this visit',
        latest.evidence,
      );
    },
  );
}

export function functionalRequirement(id: string): Requirement {
  return requirement(
    id,
    'functional-impairment',
    'Functional impairment documented (ODI/NDI score or described limitation)',
    (p) => p.functional,
    (picture, service, today, rule) => {
      const dos = dosOf(service, today);
      let latest: ClinicalPicture['functionalStatus'][number] | undefined;
      for (const f of picture.functionalStatus) {
        if (dayOf(f.date) > dos) continue;
        if (f.score === undefined && !f.limitation) continue;
        if (!latest || f.date > latest.date) latest = f;
      }
      if (!latest) {
        return missing(
          'No functional assessment is documented.',
          'Document an ODI/NDI score or a specific limitation of daily activities (e.g. cannot stand more than 10 minutes)',
        );
      }
      const age = daysBetween(latest.date, dos);
      const what = latest.score !== undefined ? `${latest.instrument ?? 'score'} ${latest.score}` : `"${latest.limitation}"`;
      if (age > rule.maxAgeDays) {
        return advice(
          missing(
            `The latest functional assessment (${what}, ${fmtDate(latest.date)}) is ${age} days old. The policy sets no age for the baseline; ClaimReady reads one within ${rule.maxAgeDays} days as current, and a reviewer may ask for one at the deciding visit.`,
            'Update the functional assessment (ODI/NDI or described limitation) at this visit',
            latest.evidence,
          ),
        );
      }
      return met(`Function documented: ${what} on ${fmtDate(latest.date)}.`, latest.evidence);
    },
  );
}

const FAILED = new Set(['failed', 'not-tolerated']);

const describe = (c: ConservativeCareFact): string => c.description;
const describeOutcome = (c: ConservativeCareFact): string => `${c.description}: ${c.outcome}`;

export function conservativeFailureRequirement(id: string): Requirement {
  return requirement(
    id,
    'conservative-care',
    'Failure of conservative care documented (or why it is contraindicated)',
    (p) => p.conservativeFailure,
    (_picture, _service, _today, rule, ctx) => {
      const exempt = rule.exemptIcd10 ? ctx.dx.find((d) => inCategory(d.code, rule.exemptIcd10!)) : undefined;
      if (exempt) return met(`${exempt.code} is exempt from the failed-conservative-care rule.`, exempt.evidence);
      const courses = ctx.care;
      const failed = courses.filter((c) => FAILED.has(c.outcome) || (rule.contraindicatedSatisfies && c.outcome === 'contraindicated'));
      if (failed.length > 0) {
        return met(`Conservative care that failed or could not be used: ${listOf(failed.map(describe))}.`, evidenceOf(failed));
      }
      const fix = 'Document which conservative treatments were tried, for how long, and that they failed (or why they are contraindicated)';
      if (courses.length > 0) {
        return missing(
          `Conservative care is documented (${listOf(courses.map(describeOutcome))}) but not as failed.`,
          fix,
          evidenceOf(courses),
        );
      }
      return missing('No conservative care is documented.', fix);
    },
  );
}

/** Days as epoch-ms day numbers, both ends in the course. */
interface DaySpan {
  from: number;
  to: number;
}

/** A course of care that counts toward the minimum, with the days it covers up to the date of service when dated. */
interface CareCourse {
  fact: ConservativeCareFact;
  span?: DaySpan;
}

/**
 * A dated course as a day interval: start..end (or recorded, or the date of service). An ongoing course without an end
 * runs to the assessment date (today, or the date of service when that is earlier): care not yet given is not counted.
 */
function spanOf(c: ConservativeCareFact, dos: string, today: string): DaySpan | undefined {
  if (!c.start) return undefined;
  const asOf = today < dos ? today : dos;
  const end = c.ongoing && !c.end ? asOf : dayOf(c.end ?? c.recorded ?? dos);
  const from = toDayMs(c.start);
  const to = toDayMs(end < dos ? end : dos);
  return to >= from ? { from, to } : undefined;
}

/**
 * Weeks of care: the union of dated courses, or the longest stated duration of an undated one ("PT for 5 weeks")
 * when that is longer. Undated durations are not added to dated ones: they often restate the same course.
 */
function careWeeks(courses: readonly CareCourse[]): number {
  const spans: DaySpan[] = [];
  for (const c of courses) if (c.span) spans.push(c.span);
  const dated = unionWeeks(spans);
  let stated = 0;
  for (const { fact } of courses) if (!fact.start && fact.weeks !== undefined && fact.weeks > stated) stated = fact.weeks;
  return Math.max(dated, stated);
}

function hasDuration(c: CareCourse): boolean {
  return c.span !== undefined || (c.fact.weeks !== undefined && c.fact.weeks > 0);
}

/** Weeks covered by the union of spans: overlapping courses are not double counted. */
export function unionWeeks(spans: readonly DaySpan[]): number {
  if (spans.length === 0) return 0;
  const s = [...spans].sort((a, b) => a.from - b.from);
  let total = 0;
  let cur: DaySpan = { from: s[0]!.from, to: s[0]!.to };
  for (let i = 1; i < s.length; i++) {
    const n = s[i]!;
    if (n.from <= cur.to) cur.to = Math.max(cur.to, n.to);
    else {
      total += cur.to - cur.from;
      cur = { from: n.from, to: n.to };
    }
  }
  total += cur.to - cur.from;
  return total / (DAYS_PER_WEEK * DAY_MS);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function conservativeMinimumRequirement(id: string): Requirement {
  return requirement(
    id,
    'conservative-care',
    'Conservative care lasted at least the minimum weeks before the procedure',
    (p) => p.conservativeMinimum,
    (_picture, _service, today, rule, ctx) => {
      // Once failure is documented, courses whose outcome the note leaves unstated still count as time tried (notes
      // often say "6 weeks of PT" in one sentence and "failed PT and meloxicam" in another); care that helped, or is still ongoing, does not.
      const before = ctx.care;
      const anyFailed = before.some((c) => FAILED.has(c.outcome));
      const courses: ConservativeCareFact[] = [];
      // Each counted course's days read once, for the weeks and for whether it is dated at all.
      const usable: CareCourse[] = [];
      let contraindicated = 0;
      for (const c of before) {
        if (c.outcome === 'contraindicated') contraindicated++;
        else if (!FAILED.has(c.outcome) && !(anyFailed && c.outcome === 'unknown')) continue;
        else usable.push({ fact: c, span: spanOf(c, ctx.dos, dayOf(today)) });
        courses.push(c);
      }
      const dx = ctx.dx;
      const exempt = rule.exemptIcd10 ? dx.find((d) => inCategory(d.code, rule.exemptIcd10!)) : undefined;
      if (exempt) return met(`${exempt.code} is exempt from the conservative-care minimum.`, exempt.evidence);
      const byDx = rule.byDiagnosis?.find((b) => dx.some((d) => inCategory(d.code, b.icd10)));
      const minWeeks = byDx?.weeks ?? rule.weeks;
      const why = byDx ? ` (${byDx.label})` : '';
      const evidence = evidenceOf(courses);
      const undated = usable.some((c) => !hasDuration(c));

      if (rule.components && rule.components.length > 0) {
        const short: string[] = [];
        for (const comp of rule.components) {
          const mine = usable.filter((c) => comp.kinds.includes(c.fact.kind));
          if (mine.some((c) => c.fact.outcome === 'not-tolerated')) continue;
          const weeks = careWeeks(mine);
          if (weeks < comp.weeks) short.push(`${comp.label}: ${round1(weeks)} of ${comp.weeks} weeks`);
        }
        if (short.length === 0) return met(`Each required part of conservative care reaches its minimum${why}.`, evidence);
        const fix = 'Document each required treatment with start and end dates and its outcome (or why it was not tolerated)';
        return undated
          ? missing(`Conservative care is short or undated: ${short.join('; ')}.`, fix, evidence)
          : notMet(`Conservative care is too short: ${short.join('; ')}.`, fix, evidence);
      }

      if (contraindicated > 0 && usable.length === 0) return met('Conservative care is documented as contraindicated.', evidence);
      const weeks = careWeeks(usable);
      if (weeks >= minWeeks)
        return met(`${round1(weeks)} weeks of failed conservative care; at least ${plural(minWeeks, 'week')} needed${why}.`, evidence);
      const fix = `Document at least ${plural(minWeeks, 'week')} of conservative care with start and end dates and its outcome`;
      if (usable.length === 0 || undated) {
        return missing(
          `Only ${round1(weeks)} dated weeks of failed conservative care; at least ${plural(minWeeks, 'week')} needed${why}.`,
          fix,
          evidence,
        );
      }
      return notMet(
        `${round1(weeks)} weeks of failed conservative care, below the ${plural(minWeeks, 'week')} minimum${why}.`,
        fix,
        evidence,
      );
    },
  );
}

/** Days of pain the rule asks for, counted back from the date of service (months are calendar months). */
function requiredDays(rule: DurationRule, dos: string): number {
  if (rule.months !== undefined) return daysBetween(addMonths(dos, -rule.months), dos);
  return Math.round((rule.weeks ?? 0) * DAYS_PER_WEEK);
}

/** ICD-10-CM categories whose onset can date the pain: spine and musculoskeletal pain, chronic pain, neuropathy, zoster. */
const PAIN_ONSET_DX = ['M4', 'M5', 'M60', 'M62', 'M79', 'M96.1', 'G89', 'G90.5', 'G54', 'G57', 'B02', 'S13', 'S23', 'S33'];

/**
 * A diagnosis whose onset dates the pain: live (a resolved problem or a health concern dates nothing) and a pain or
 * spine code (the onset of hypertension says nothing about it). The one rule for the check and the documents.
 */
export function datesPain(d: DiagnosisFact): d is DiagnosisFact & { onset: string; icd10: string } {
  return !!d.onset && !!d.icd10 && isLiveDiagnosis(d) && inCategory(d.icd10, PAIN_ONSET_DX);
}

export function painDurationRequirement(id: string): Requirement {
  return requirement(
    id,
    'other',
    'Pain present for at least the minimum duration',
    (p) => p.painDuration,
    (picture, service, today, rule, ctx) => {
      const dos = dosOf(service, today);
      const need = requiredDays(rule, dos);
      const label = rule.months !== undefined ? plural(rule.months, 'month') : plural(rule.weeks ?? 0, 'week');
      const codes = ctx.dx;
      const exempt = rule.exemptIcd10 ? codes.find((c) => inCategory(c.code, rule.exemptIcd10!)) : undefined;
      if (exempt) return met(`${exempt.code} is exempt from the ${label} duration rule.`, exempt.evidence);
      // The longest documented duration wins.
      let best = -1;
      let evidence: Evidence[] = [];
      for (const f of picture.painDuration) {
        const n = f.onset
          ? daysBetween(f.onset, dos)
          : f.weeks !== undefined
            ? Math.round(f.weeks * DAYS_PER_WEEK) + daysBetween(f.asOf, dos)
            : -1;
        if ((f.onset || f.weeks !== undefined) && n > best) {
          best = n;
          evidence = f.evidence;
        }
      }
      for (const d of picture.diagnoses) {
        if (!datesPain(d)) continue;
        const n = daysBetween(d.onset, dos);
        if (n > best) {
          best = n;
          evidence = d.evidence;
        }
      }
      if (best < 0)
        return missing(
          `How long the pain has lasted is not documented (at least ${label} needed).`,
          'Document when the pain started (onset date or duration in weeks)',
        );
      const weeks = round1(best / DAYS_PER_WEEK);
      if (best >= need) return met(`Pain for about ${weeks} weeks; at least ${label} needed.`, evidence);
      return notMet(`Pain for about ${weeks} weeks, less than ${label}.`, 'If the pain began earlier, document the onset date', evidence);
    },
  );
}
