// Fold the prior procedures a note tells in prose into the picture's procedure history (issue 9, F20).
// A mention that restates a procedure on record (same family and region group, overlapping levels, the same day,
// month or year as precisely as the note gives it) is more evidence on that record, not a second session. One
// that matches nothing is a session of its own, source 'note', dated as the note places it; one the note does not
// place at all is an undated procedure, a gap the rules ask to confirm. Relief told in the mention's sentence is
// that procedure's. Pure over `out`: existing facts are copied, never changed.
import type { ClinicalPicture, Evidence, NoteDoc, ProcedureFact, ReliefFact, UndatedProcedureFact } from '../../policy/picture';
import { dayOf } from '../../policy/dates';
import { familyOf, regionGroupOf } from '../../policy/services';
import { serviceRegion } from '../../policy/levels';
import type { NotePriorProcedure } from './extract-prior-procedure';
import type { NoteReliefFact } from './extract-relief';

const NOT_DONE = new Set(['not-done', 'entered-in-error', 'preparation', 'stopped']);

function sameFamily(a: { kind: ProcedureFact['kind'] }, b: { kind: ProcedureFact['kind'] }): boolean {
  const fa = familyOf(a.kind)?.id;
  return fa !== undefined ? fa === familyOf(b.kind)?.id : a.kind === b.kind;
}

/** Same region group, and overlapping levels; an unknown region or no levels cannot tell them apart. */
function sameSite(a: { region?: ProcedureFact['region']; levels: readonly string[] }, b: typeof a): boolean {
  const ga = regionGroupOf(serviceRegion(a));
  const gb = regionGroupOf(serviceRegion(b));
  if (ga !== undefined && gb !== undefined && ga !== gb) return false;
  return a.levels.length === 0 || b.levels.length === 0 || a.levels.some((l) => b.levels.includes(l));
}

const precisionLength = (p: 'month' | 'year' | undefined): number => (p === 'year' ? 4 : p === 'month' ? 7 : 10);

/** The two dates fall in the same period, as precisely as the vaguer of them is known (day, month or year). */
function samePeriod(p: ProcedureFact, n: NotePriorProcedure): boolean {
  const len = Math.min(precisionLength(p.datePrecision), precisionLength(n.datePrecision));
  return dayOf(p.date).slice(0, len) === n.date!.slice(0, len);
}

function reliefFact(r: NoteReliefFact): ReliefFact {
  const { about: _about, sessionDate: _on, ...rest } = r;
  return rest;
}

/**
 * Fold `found` (one note's prior-procedure mentions) into `out` and return the relief reports not told in any of
 * their sentences (merge ties those to a procedure as before).
 */
export function foldPriorProcedures(
  out: ClinicalPicture,
  found: readonly NotePriorProcedure[],
  relief: readonly NoteReliefFact[],
  note: NoteDoc,
): NoteReliefFact[] {
  if (found.length === 0) return [...relief];
  const noteDay = note.date ? dayOf(note.date) : undefined;
  const undated: UndatedProcedureFact[] = [...(out.undatedProcedures ?? [])];
  // Where each mention went, so the relief of its sentence follows it.
  const targets: { at: number; sentence: NotePriorProcedure['sentence']; add: (r: ReliefFact) => void }[] = [];
  const history = out.procedureHistory;
  const done = (p: ProcedureFact): boolean => !NOT_DONE.has(p.status) && (noteDay === undefined || dayOf(p.date) <= noteDay);
  const onHistory = (i: number) => (r: ReliefFact) => {
    const p = history[i]!;
    history[i] = { ...p, relief: [...p.relief, p.id ? { ...r, procedureRef: `Procedure/${p.id}` } : r] };
  };
  for (const n of found) {
    const at = n.evidence[0]?.quote?.start ?? n.sentence.start;
    const restates = (p: ProcedureFact): boolean => done(p) && sameFamily(p, n) && sameSite(p, n);
    // A dated mention restates a record of its period; an undated one in a chart that records the family is the one
    // on record (the latest), not a second session, unless the note says it was done elsewhere. A count ("three
    // prior ESIs") restates the records only when there are that many.
    let i = -1;
    if (n.date || !n.outside) {
      const days = new Set<string>();
      for (let j = 0; j < history.length; j++) {
        const p = history[j]!;
        if (!restates(p) || (n.date && !samePeriod(p, n))) continue;
        days.add(dayOf(p.date));
        if (i === -1 || p.date > history[i]!.date) i = j;
      }
      if (days.size < n.count) i = -1;
    }
    // The same words copied forward from an earlier note ("in March", "two years ago", read from the later note's
    // date, could land on another month) are the session that note already placed, not a new one.
    if (i === -1 && n.datePrecision) {
      const words = wordsAround(note, n.evidence[0]);
      if (words !== undefined)
        i = history.findIndex(
          (p) =>
            p.source === 'note' &&
            sameFamily(p, n) &&
            p.evidence.some((e) => e.ref !== note.ref && wordsAround(noteOf(out, e.ref), e) === words),
        );
    }
    if (i !== -1) {
      const p = history[i]!;
      // The record keeps the relief the sentence gives as merge has always tied it (by the session date it names).
      history[i] = { ...p, evidence: [...p.evidence, ...n.evidence] };
      continue;
    }
    // A count with a date ("two TFESIs, the last in March 2005") is a dated session and the rest undated.
    if (n.date) {
      const fact: ProcedureFact = {
        source: 'note',
        evidence: n.evidence,
        code: '',
        system: 'other',
        display: n.display,
        kind: n.kind,
        date: n.date,
        status: 'completed',
        levels: n.levels,
        relief: [],
      };
      if (n.region) fact.region = n.region;
      if (n.laterality) fact.laterality = n.laterality;
      if (n.datePrecision) fact.datePrecision = n.datePrecision;
      if (n.outside) fact.outside = true;
      if (n.approachUnknown) fact.approachUnknown = true;
      history.push(fact);
      targets.push({ at, sentence: n.sentence, add: onHistory(history.length - 1) });
      if (n.count === 1) continue;
    }
    // Not placed in time (or a count of sessions): one undated entry per family and site, however many notes tell it.
    let u = undated.findIndex((x) => sameFamily(x, n) && sameSite(x, n) && x.outside === n.outside);
    if (u === -1) {
      const fact: UndatedProcedureFact = {
        source: 'note',
        evidence: n.evidence,
        kind: n.kind,
        display: n.display,
        levels: n.levels,
        count: n.date ? n.count - 1 : n.count,
        outside: n.outside,
        relief: [],
      };
      if (n.region) fact.region = n.region;
      if (n.laterality) fact.laterality = n.laterality;
      if (n.approachUnknown) fact.approachUnknown = true;
      if (noteDay) fact.before = noteDay;
      undated.push(fact);
      u = undated.length - 1;
    } else {
      const x = undated[u]!;
      undated[u] = { ...x, evidence: [...x.evidence, ...n.evidence], count: Math.max(x.count, n.date ? n.count - 1 : n.count) };
    }
    const k = u;
    targets.push({
      at,
      sentence: n.sentence,
      add: (r) => {
        const x = undated[k]!;
        undated[k] = { ...x, relief: [...x.relief, r] };
      },
    });
  }
  if (undated.length > 0) out.undatedProcedures = undated;
  const rest: NoteReliefFact[] = [];
  for (const r of relief) {
    const pos = r.evidence[0]?.quote?.start;
    // The mention nearest before the report in its sentence (else the first after it) is what the report is about.
    let best: (typeof targets)[number] | undefined;
    if (pos !== undefined)
      for (const t of targets) {
        if (pos < t.sentence.start || pos >= t.sentence.end) continue;
        if (!best || (t.at <= pos && (best.at > pos || t.at > best.at))) best = t;
      }
    if (best) best.add(reliefFact(r));
    else rest.push(r);
  }
  return rest;
}

/** The mention and the words around it (its copy-forward fingerprint), when the evidence quotes a note. */
function wordsAround(doc: NoteDoc | undefined, e: Evidence | undefined): string | undefined {
  const q = e?.quote;
  if (!doc || !q) return undefined;
  return doc.text.slice(Math.max(0, q.start - 60), q.end + 60);
}

function noteOf(out: ClinicalPicture, ref: string): NoteDoc | undefined {
  return out.notes.find((d) => d.ref === ref);
}
