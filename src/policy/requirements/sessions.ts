// Sessions, not records: the LCDs count sessions (one date of service, one spinal region group), so a two-level
// transforaminal ESI recorded as 64483 + 64484, or a bilateral block recorded per side, is one session, and the
// "previous procedure" of a repeat rule is the previous session.
import type { ClinicalPicture, Evidence, InjectionIntent, ProcedureFact, ReliefFact, ServiceKind, SpinalLevel } from '../picture';
import type { FamilyId, RegionGroup } from '../services';
import { familyOf, regionGroupOf } from '../services';
import { dayOf } from '../dates';
import { serviceRegion } from '../levels';

export interface Session {
  /** YYYY-MM-DD. */
  date: string;
  family?: FamilyId;
  /** Region group, when any record of the session names it. */
  group?: RegionGroup;
  kinds: ServiceKind[];
  levels: SpinalLevel[];
  relief: ReliefFact[];
  /** Facet injections: diagnostic or therapeutic, when a record says. */
  intent?: InjectionIntent;
  procedures: ProcedureFact[];
  evidence: Evidence[];
  /**
   * A session a note places only by month or year: the earliest day it can be (`date` is the latest). A rule that
   * would count it against a limit or a window says the date is approximate rather than deciding on it.
   */
  earliest?: string;
}

/** The earliest day a procedure can be: its own day, or the first of the month or year a note names. */
export function earliestDay(p: ProcedureFact, day: string): string {
  if (p.datePrecision === 'year') return `${day.slice(0, 4)}-01-01`;
  if (p.datePrecision === 'month') return `${day.slice(0, 7)}-01`;
  return day;
}

const NOT_DONE = new Set(['not-done', 'entered-in-error', 'preparation', 'stopped']);

/** Words that name a facet injection's intent on an order or a record (64490-64495 are used for both). */
export const DIAGNOSTIC_WORDS = /\b(?:medial branch(?:es)?|MBBs?|diagnostic (?:facet|block|injection)|comparative block)\b/i;
export const THERAPEUTIC_WORDS =
  /\b(?:intra-?articular|therapeutic (?:IA |intra-?articular )?(?:facet|joint)|IA (?:facet|joint) injection|facet joint injection)\b/i;

/** The intent a text names, when it names exactly one. */
export function intentInWords(text: string): InjectionIntent | undefined {
  const therapeutic = THERAPEUTIC_WORDS.test(text);
  const diagnostic = DIAGNOSTIC_WORDS.test(text);
  if (therapeutic && !diagnostic) return 'therapeutic';
  if (diagnostic && !therapeutic) return 'diagnostic';
  return undefined;
}

// A sacroiliac injection is a diagnostic or a therapeutic one by what its record or order says ("Diagnostic SI
// joint injection"): the LCD family caps the two separately (27096 and G0260 are used for both).
const SI_DIAGNOSTIC = /\bdiagnostic\b/i;
const SI_THERAPEUTIC = /\btherapeutic\b/i;

/** Sacroiliac injections: the intent a text names, when it names exactly one. */
export function siIntentInWords(text: string): InjectionIntent | undefined {
  const therapeutic = SI_THERAPEUTIC.test(text);
  const diagnostic = SI_DIAGNOSTIC.test(text);
  if (therapeutic && !diagnostic) return 'therapeutic';
  if (diagnostic && !therapeutic) return 'diagnostic';
  return undefined;
}

/**
 * Facet injections: the recorded intent, else what the record's own text names ("Therapeutic intra-articular facet
 * joint injection" coded 64493 is not a block); facet-ia is a joint injection. Undefined when the record does not say.
 */
function statedIntent(p: Pick<ProcedureFact, 'intent' | 'kind' | 'display'>): InjectionIntent | undefined {
  if (p.intent) return p.intent;
  if (p.kind === 'facet-ia') return 'therapeutic';
  if (p.kind === 'facet-mbb') return intentInWords(p.display);
  if (p.kind === 'si-joint') return siIntentInWords(p.display);
  return undefined;
}

/** The intent a record (or an undated note mention) states, as sessions read it. */
export const statedIntentOf = statedIntent;

/** Each level once, in record order (the list itself when it already is). */
function distinct(levels: SpinalLevel[]): SpinalLevel[] {
  return levels.length < 2 || levels.every((l, i) => levels.indexOf(l) === i) ? levels : levels.filter((l, i) => levels.indexOf(l) === i);
}

/** Every done procedure grouped into sessions: one date, one region group, one procedure family; newest first. */
export function allSessions(picture: ClinicalPicture): Session[] {
  // Each record's day read once; newest first (a stable sort keeps the record order within a day), so the sessions
  // of one day are adjacent.
  const done: { date: string; p: ProcedureFact }[] = [];
  for (const p of picture.procedureHistory) if (!NOT_DONE.has(p.status)) done.push({ date: dayOf(p.date), p });
  done.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const sessions: Session[] = [];
  let dayStart = 0;
  for (const { date, p } of done) {
    const g = regionGroupOf(serviceRegion(p));
    const fam = familyOf(p.kind)?.id;
    if (sessions[dayStart]?.date !== date) dayStart = sessions.length;
    let s: Session | undefined;
    for (let i = dayStart; i < sessions.length && !s; i++) {
      const o = sessions[i]!;
      if (o.group === g && (fam ? o.family === fam : o.family === undefined && o.kinds[0] === p.kind)) s = o;
    }
    if (!s) {
      // A new session starts from its first record and reads its levels, relief and evidence lists; a second record
      // of the same session joins below with new lists, so a record's own lists are never changed.
      s = {
        date,
        kinds: [p.kind],
        levels: distinct(p.levels),
        relief: p.relief,
        procedures: [p],
        evidence: p.evidence,
        family: fam,
        group: g,
        intent: statedIntent(p),
      };
      if (p.datePrecision) s.earliest = earliestDay(p, date);
      sessions.push(s);
      continue;
    }
    s.procedures.push(p);
    // A record known to the day places the whole session.
    if (s.earliest !== undefined) {
      if (p.datePrecision) s.earliest = earliestDay(p, date) < s.earliest ? earliestDay(p, date) : s.earliest;
      else delete s.earliest;
    }
    if (!s.kinds.includes(p.kind)) s.kinds.push(p.kind);
    const added = p.levels.filter((l) => !s.levels.includes(l));
    if (added.length > 0) s.levels = distinct([...s.levels, ...added]);
    s.relief = [...s.relief, ...p.relief];
    s.evidence = [...s.evidence, ...p.evidence];
    // What any record of the session states wins; a medial branch code with no stated intent is a block (below).
    if (!s.intent) s.intent = statedIntent(p);
  }
  for (const s of sessions) if (!s.intent && s.procedures.some((p) => p.kind === 'facet-mbb')) s.intent = 'diagnostic';
  return sessions;
}

/**
 * Sessions with a procedure of these kinds before the date of service, newest first. With `group`, only sessions
 * in that region group (or of unknown region: we cannot tell them apart) are kept.
 */
export function sessionsBefore(
  ctx: { readonly sessions: readonly Session[]; readonly dos: string },
  kinds: readonly ServiceKind[],
  group?: RegionGroup,
): Session[] {
  return ctx.sessions.filter(
    (s) =>
      s.date < ctx.dos && s.kinds.some((k) => kinds.includes(k)) && (group === undefined || s.group === undefined || s.group === group),
  );
}

/** Two level lists overlap (an empty list overlaps everything: the record does not say). */
export function levelsOverlap(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.includes(x));
}

/**
 * The relief of a session: highest percent, then the longest, among its structured reports (Observation, Procedure
 * outcome) when it has any, else among its note reports. A structured value recorded for the session wins over note
 * prose that disagrees with it; prose never raises it ("80%" in a note does not turn a charted 79% into 80%). A note
 * report of the same percent may still supply the duration the structured one lacks.
 */
export function bestRelief(s: Session, measure?: ReliefFact['measure']): ReliefFact | undefined {
  // Pain and function are different scales: a charted function score does not overrule a note's pain relief.
  if (!measure)
    return highest(
      [bestRelief(s, 'pain'), bestRelief(s, 'function')].filter((r) => r !== undefined),
      undefined,
      false,
      byPercent,
    );
  const structured = s.relief.some((r) => r.source !== 'note' && r.measure === measure);
  const best = highest(s.relief, measure, structured);
  if (!best || !structured || best.durationHours !== undefined) return best;
  const told = s.relief.find(
    (r) => r.source === 'note' && r.measure === best.measure && r.percent === best.percent && r.durationHours !== undefined,
  );
  return told ? { ...best, durationHours: told.durationHours!, evidence: [...best.evidence, ...told.evidence] } : best;
}

function highest(
  relief: readonly ReliefFact[],
  measure: ReliefFact['measure'] | undefined,
  structuredOnly: boolean,
  rank: (r: ReliefFact, best: ReliefFact) => boolean = outranks,
): ReliefFact | undefined {
  let best: ReliefFact | undefined;
  for (const r of relief) {
    if (structuredOnly && r.source === 'note') continue;
    if (measure && r.measure !== measure) continue;
    if (!best || rank(r, best)) best = r;
  }
  return best;
}

function outranks(r: ReliefFact, best: ReliefFact): boolean {
  const coded = r.source === 'coded';
  if (coded !== (best.source === 'coded')) return coded;
  return byPercent(r, best);
}

function byPercent(r: ReliefFact, best: ReliefFact): boolean {
  return r.percent > best.percent || (r.percent === best.percent && (r.durationHours ?? -1) > (best.durationHours ?? -1));
}

export function sessionEvidence(s: Session): Evidence[] {
  const out = [...s.evidence];
  for (const r of s.relief) for (const e of r.evidence) out.push(e);
  return out;
}
