// Conservative care: PT sessions (Procedures and PT Encounters) grouped into courses, and medication trials by class.
import type { CareOutcome, ConservativeCareFact, Evidence } from '../../policy/picture';
import { addDays, dayOf, daysBetween } from '../../policy/dates';
import type { CarePlanR, EncounterR, MedicationRequestR, MedicationStatementR, ProcedureR } from './schemas';
import { SYS, allText, byDateThenRef, codeOf, evidence, textOf } from './codes';
import { medClass } from './medications';
import { isPtProcedure, procedureCode, procedureDate } from './procedures';
import { encounterConcepts, namesPt } from './therapy';

/** A gap longer than this between PT sessions starts a new course. */
const COURSE_GAP_DAYS = 56;

interface Session {
  date: string;
  /** Last day of a session recorded as a period (a whole course in one Procedure or CarePlan). */
  end?: string;
  ev: Evidence;
  outcomeText: string;
  inProgress: boolean;
  /** An in-progress Procedure whose period has a start and no end: a course still going on. */
  open?: boolean;
}

export function outcomeOf(text: string, status: string | undefined): CareOutcome {
  const t = text.toLowerCase();
  if (/contraindicat/.test(t)) return 'contraindicated';
  if (/intoleran|not tolerated|side[- ]effect|adverse|gi upset|drows|sedat/.test(t)) return 'not-tolerated';
  if (
    /ineffective|not effective|no (?:(?:meaningful|significant|real|lasting|noticeable) )?(relief|improvement|benefit)|without (relief|improvement|benefit)|(minimal|little|slight|limited) (relief|improvement|benefit)|failed|inadequate|did not help|no change|unchanged|persist|plateau/.test(
      t,
    )
  ) {
    return 'failed';
  }
  if (/improv|effective|helped|relief|resolved/.test(t)) return 'helped';
  if (status === 'active' || status === 'in-progress' || status === 'intended') return 'ongoing';
  return 'unknown';
}

function ptSessions(procs: ProcedureR[], encounters: EncounterR[]): Session[] {
  const out: Session[] = [];
  for (const p of procs) {
    const coded = procedureCode(p);
    const date = procedureDate(p);
    if (!date || !isPtProcedure(p, coded?.code) || ['entered-in-error', 'not-done', 'preparation'].includes(p.status ?? '')) continue;
    const end = p.performedPeriod?.end;
    const open = p.status === 'in-progress' && !!p.performedPeriod?.start && !end;
    const label = textOf(p.code) || `PT ${coded?.code ?? ''}`.trim();
    out.push({
      date,
      ...(end && end > date ? { end } : {}),
      ...(open ? { open } : {}),
      ev: evidence('Procedure', p.id, open ? `${label}, ongoing since ${dayOf(date)}` : label, date),
      outcomeText: [allText(p.outcome), allText(p.statusReason), ...(p.note ?? []).map((n) => n.text ?? '')].join(' '),
      inProgress: p.status === 'in-progress',
    });
  }
  for (const e of encounters) {
    // A PT visit is named by its type, service type or class (code or words); a planned one has not happened.
    const date = e.period?.start ?? e.period?.end;
    if (!date || !namesPt(encounterConcepts(e)) || ['entered-in-error', 'cancelled', 'planned'].includes(e.status ?? '')) continue;
    const end = e.period?.end;
    const label = (e.type ?? []).map(textOf).find((t) => namesPt([t])) ?? 'Physical therapy visit';
    out.push({
      date,
      ...(end && end > date ? { end } : {}),
      ev: evidence('Encounter', e.id, label, date),
      outcomeText: '',
      inProgress: e.status === 'in-progress',
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.ev.ref < b.ev.ref ? -1 : 1));
}

/** Exports (Synthea) record a PT course as a CarePlan with a period and PT activities, not as visits. */
function carePlanSessions(plans: CarePlanR[]): Session[] {
  const out: Session[] = [];
  for (const c of plans) {
    if (['entered-in-error', 'revoked', 'draft'].includes(c.status ?? '') || c.intent === 'proposal') continue;
    // Activities count by their words only: "exercise therapy" is also a diabetes plan's activity.
    const pt = namesPt([...(c.category ?? []), c.title, ...(c.activity ?? []).map((a) => allText(a.detail?.code))]);
    const date = c.period?.start;
    if (!pt || !date) continue;
    const end = c.period?.end;
    out.push({
      date,
      ...(end && end > date ? { end } : {}),
      ev: evidence('CarePlan', c.id, c.title ?? (textOf(c.category?.[0]) || 'Physical therapy plan'), date),
      outcomeText: [c.description ?? '', ...(c.note ?? []).map((n) => n.text ?? '')].join(' '),
      inProgress: c.status === 'active',
    });
  }
  return out;
}

const lastDay = (s: Session): string => s.end ?? s.date;

export function ptCourses(procs: ProcedureR[], encounters: EncounterR[], today: string, plans: CarePlanR[] = []): ConservativeCareFact[] {
  const sessions = [...ptSessions(procs, encounters), ...carePlanSessions(plans)].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.ev.ref < b.ev.ref ? -1 : 1,
  );
  const courses: Session[][] = [];
  let courseEnd = '';
  for (const s of sessions) {
    const current = courses[courses.length - 1];
    if (current && daysBetween(courseEnd, s.date) <= COURSE_GAP_DAYS) {
      current.push(s);
      if (lastDay(s) > courseEnd) courseEnd = lastDay(s);
    } else {
      courses.push([s]);
      courseEnd = lastDay(s);
    }
  }
  return courses.map((course) => {
    const start = dayOf(course[0]!.date);
    const end = dayOf(course.map(lastDay).reduce((a, b) => (b > a ? b : a)));
    const text = course.map((s) => s.outcomeText).join(' ');
    let outcome = outcomeOf(text, undefined);
    // A course whose last visit is recent, or still marked in progress, is not over yet.
    if (outcome === 'unknown' && (course.some((s) => s.inProgress) || daysBetween(end, today) <= 14)) outcome = 'ongoing';
    // A PT day often has an Encounter and several Procedures: count days, not resources.
    const visits = new Set(course.map((s) => dayOf(s.date))).size;
    const asPeriod = course.some((s) => s.end !== undefined);
    // Still open: no end or length of its own; the check counts it up to the assessment date.
    if (course.some((s) => s.open)) {
      return {
        kind: 'physical-therapy' as const,
        description: `Physical therapy, ongoing since ${start}`,
        start,
        outcome,
        recorded: end,
        ongoing: true,
        source: 'coded' as const,
        evidence: course.map((s) => s.ev),
      };
    }
    return {
      kind: 'physical-therapy' as const,
      description: asPeriod ? `Physical therapy, ${start} to ${end}` : `Physical therapy, ${visits} visit${visits === 1 ? '' : 's'}`,
      start,
      end,
      weeks: Math.round((daysBetween(start, end) / 7) * 10) / 10,
      outcome,
      recorded: end,
      source: 'coded' as const,
      evidence: course.map((s) => s.ev),
    };
  });
}

type MedResource = MedicationRequestR | MedicationStatementR;

const SUPPLY_DAYS: Record<string, number> = { d: 1, day: 1, days: 1, wk: 7, week: 7, weeks: 7, mo: 30, month: 30, months: 30 };

/** R4 orders carry no stop date: the validity period's end, else the supply it dispenses (with refills). */
function requestEnd(m: MedicationRequestR, start: string | undefined): string | undefined {
  const d = m.dispenseRequest;
  if (d?.validityPeriod?.end) return d.validityPeriod.end;
  const supply = d?.expectedSupplyDuration;
  const perDay = SUPPLY_DAYS[(supply?.code ?? supply?.unit ?? '').toLowerCase()];
  if (!start || supply?.value === undefined || perDay === undefined) return undefined;
  return addDays(start, Math.round(supply.value * perDay * ((d?.numberOfRepeatsAllowed ?? 0) + 1)));
}

export function medicationFacts(list: MedResource[]): ConservativeCareFact[] {
  const out: ConservativeCareFact[] = [];
  for (const m of list) {
    if (['entered-in-error', 'cancelled', 'draft'].includes(m.status ?? '')) continue;
    // US Core: a proposal or plan is not a medication the patient took.
    if (m.resourceType === 'MedicationRequest' && ['proposal', 'plan'].includes(m.intent ?? '')) continue;
    const concept = m.medicationCodeableConcept;
    const rx = (concept?.coding ?? []).filter((c) => codeOf({ coding: [c] }, SYS.rxnorm)).map((c) => c.code ?? '');
    const name = textOf(concept) || m.medicationReference?.display || '';
    const cls = medClass(rx, name);
    if (!cls) continue;
    const isRequest = m.resourceType === 'MedicationRequest';
    const start = isRequest
      ? (m.authoredOn ?? m.dispenseRequest?.validityPeriod?.start)
      : (m.effectivePeriod?.start ?? m.effectiveDateTime ?? m.dateAsserted);
    const end = isRequest ? requestEnd(m, start) : m.effectivePeriod?.end;
    const reasons = isRequest ? allText(m.statusReason) : (m.statusReason ?? []).map(allText).join(' ');
    const notes = (m.note ?? []).map((n) => n.text ?? '').join(' ');
    // Active with a start and no end (no validity end, no supply, no effective end): still being taken.
    const openStart = isRequest ? start : m.effectivePeriod?.start;
    const ongoing = m.status === 'active' && !!openStart && !end;
    const label = ongoing ? `${name || cls.name}, ongoing since ${dayOf(openStart!)}` : name || cls.name;
    const fact: ConservativeCareFact = {
      kind: cls.kind,
      description: label,
      outcome: outcomeOf(`${reasons} ${notes}`, m.status),
      source: 'coded',
      evidence: [evidence(m.resourceType, m.id, label, start)],
    };
    if (ongoing) fact.ongoing = true;
    if (start) fact.start = start;
    if (end) fact.end = end;
    if (start && end) fact.weeks = Math.round((daysBetween(start, end) / 7) * 10) / 10;
    const recorded = start ?? end;
    if (recorded) fact.recorded = recorded;
    out.push(fact);
  }
  return out.sort(byDateThenRef((f) => f.start));
}
