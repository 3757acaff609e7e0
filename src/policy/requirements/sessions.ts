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
}

const NOT_DONE = new Set(['not-done', 'entered-in-error', 'preparation', 'stopped']);

/** Facet injections: the recorded intent, else by kind (facet-ia is a joint injection; a block otherwise). */
export function procedureIntent(p: ProcedureFact): InjectionIntent | undefined {
  if (p.intent) return p.intent;
  if (p.kind === 'facet-ia') return 'therapeutic';
  if (p.kind === 'facet-mbb') return 'diagnostic';
  return undefined;
}

/** Every done procedure grouped into sessions: one date, one region group, one procedure family; newest first. */
export function allSessions(picture: ClinicalPicture): Session[] {
  const byKey = new Map<string, Session>();
  for (const p of picture.procedureHistory) {
    if (NOT_DONE.has(p.status)) continue;
    const date = dayOf(p.date);
    const g = regionGroupOf(serviceRegion(p));
    const fam = familyOf(p.kind)?.id;
    const key = `${date}|${g ?? ''}|${fam ?? p.kind}`;
    let s = byKey.get(key);
    if (!s) {
      s = { date, kinds: [], levels: [], relief: [], procedures: [], evidence: [] };
      if (fam) s.family = fam;
      if (g) s.group = g;
      byKey.set(key, s);
    }
    s.procedures.push(p);
    if (!s.kinds.includes(p.kind)) s.kinds.push(p.kind);
    for (const l of p.levels) if (!s.levels.includes(l)) s.levels.push(l);
    for (const r of p.relief) s.relief.push(r);
    for (const e of p.evidence) s.evidence.push(e);
    const intent = procedureIntent(p);
    if (intent && !s.intent) s.intent = intent;
  }
  return [...byKey.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
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

/** The best relief of a session: highest percent, then the longest. */
export function bestRelief(s: Session, measure?: ReliefFact['measure']): ReliefFact | undefined {
  let best: ReliefFact | undefined;
  for (const r of s.relief) {
    if (measure && r.measure !== measure) continue;
    if (!best || r.percent > best.percent || (r.percent === best.percent && (r.durationHours ?? -1) > (best.durationHours ?? -1))) best = r;
  }
  return best;
}

export function sessionEvidence(s: Session): Evidence[] {
  return [...s.evidence, ...s.relief.flatMap((r) => r.evidence)];
}
