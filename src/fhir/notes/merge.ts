// Fold note facts into a picture built from coded resources. Pure: returns a new picture.
// A note fact that restates a coded one (same value, same day) becomes more evidence on the coded fact rather than a
// second fact; relief reports are attached to the procedure they follow; disagreements (note plan says left, order
// says right) are kept side by side so the policy core can surface the conflict.
import type {
  ClinicalPicture,
  ConservativeCareFact,
  Evidence,
  FunctionalFact,
  ImagingFact,
  NoteDoc,
  PainScoreFact,
  ProcedureFact,
  ReliefFact,
} from '../../policy/picture';
import { compareIso, dayOf } from '../../policy/dates';
import type { NoteFacts } from './extract';
import type { NoteReliefFact } from './extract-relief';
import { foldPriorProcedures } from './merge-procedures';

interface WithEvidence {
  evidence: Evidence[];
}

/**
 * A list that absorbs restatements: `add` folds a fact into the first earlier fact with the same key (more evidence
 * on it) or appends it. Keyed look-ups keep a note with thousands of facts linear; `absorbs` says which facts may
 * take in a restatement (for most types only coded ones, so two note mentions stay two facts).
 */
class FoldList<T extends WithEvidence> {
  readonly items: T[];
  private readonly byKey = new Map<string, number[]>();
  constructor(
    from: readonly T[],
    private readonly key: (f: T) => string | undefined,
    private readonly absorbs: (f: T) => boolean,
    private readonly same: (a: T, b: T) => boolean = () => true,
  ) {
    this.items = [...from];
    this.items.forEach((f, i) => this.index(f, i));
  }
  private index(f: T, i: number): void {
    const k = this.absorbs(f) ? this.key(f) : undefined;
    if (k === undefined) return;
    const at = this.byKey.get(k);
    if (at) at.push(i);
    else this.byKey.set(k, [i]);
  }
  add(fact: T): void {
    const k = this.key(fact);
    const candidates = k === undefined ? undefined : this.byKey.get(k);
    const i = candidates?.find((j) => this.same(this.items[j]!, fact));
    if (i === undefined) {
      this.items.push(fact);
      this.index(fact, this.items.length - 1);
      return;
    }
    const existing = this.items[i]!;
    this.items[i] = { ...existing, evidence: [...existing.evidence, ...fact.evidence] };
  }
}

const day = (d: string | undefined): string => (d ? dayOf(d) : '');
const dayKey = (...parts: (string | number | undefined)[]): string | undefined => {
  const d = parts[parts.length - 1];
  return d === '' || d === undefined ? undefined : parts.join('|');
};
const coded = (f: { source: string }): boolean => f.source !== 'note';
// Only a coded fact absorbs a note restating it: two note scores of the same value (now and at worst) stay two facts.
const painList = (xs: readonly PainScoreFact[]) => new FoldList(xs, (f) => dayKey(f.value, day(f.date)), coded);
const functionList = (xs: readonly FunctionalFact[]) =>
  new FoldList(xs, (f) => (f.instrument === undefined ? undefined : dayKey(f.instrument, f.score, day(f.date))), coded);
// Two reports of the same study on the same day are one study, whoever wrote them.
const imagingList = (xs: readonly ImagingFact[]) =>
  new FoldList(
    xs,
    (f) => (f.date === undefined ? undefined : dayKey(f.modality, day(f.date))),
    () => true,
  );
const careList = (xs: readonly ConservativeCareFact[]) =>
  new FoldList(
    xs,
    (f) => dayKey(f.kind, day(f.recorded)),
    coded,
    (a, b) => a.description.toLowerCase().includes(b.description.toLowerCase().split(/\s+/).pop() ?? '\u0000'),
  );

function reliefFact(r: NoteReliefFact, procedureRef?: string): ReliefFact {
  const { about: _about, sessionDate: _on, ...rest } = r;
  return procedureRef ? { ...rest, procedureRef } : rest;
}

/** The most recent procedure on or before the report that matches what the note says the relief followed. */
export function procedureForRelief(procedures: readonly ProcedureFact[], relief: NoteReliefFact): number {
  let best = -1;
  for (let i = 0; i < procedures.length; i++) {
    const p = procedures[i]!;
    if (relief.date && compareIso(p.date, relief.date) > 0) continue;
    const about = relief.about;
    if (about) {
      if (about.kinds.length > 0 && !about.kinds.includes(p.kind)) continue;
      // A procedure coded without levels or region cannot contradict the note, so only known values exclude.
      if (about.levels.length > 0 && p.levels.length > 0 && !about.levels.some((l) => p.levels.includes(l))) continue;
      if (about.region && p.region && about.region !== p.region) continue;
    }
    if (best === -1 || compareIso(p.date, procedures[best]!.date) > 0) best = i;
  }
  return relief.sessionDate && best !== -1 ? namedSession(procedures, relief, best) : best;
}

/**
 * A report whose sentence names a session date belongs to the procedure of that day (or year), not to the latest
 * one: a note lists its blocks one by one. A named date after the latest candidate is the visit's own date and
 * says nothing; one before it that matches no procedure is about a session not on record, so it is not attached.
 */
function namedSession(procedures: readonly ProcedureFact[], relief: NoteReliefFact, latest: number): number {
  const on = relief.sessionDate!;
  const latestDay = dayOf(procedures[latest]!.date);
  if (on.length === 4 ? on > latestDay.slice(0, 4) : on > latestDay) return latest;
  let best = -1;
  for (let i = 0; i < procedures.length; i++) {
    const p = procedures[i]!;
    if (!dayOf(p.date).startsWith(on) || (relief.date && compareIso(p.date, relief.date) > 0)) continue;
    const about = relief.about;
    if (about && about.kinds.length > 0 && !about.kinds.includes(p.kind)) continue;
    if (best === -1 || compareIso(p.date, procedures[best]!.date) > 0) best = i;
  }
  return best;
}

/** Tie each relief report to its procedure; each procedure is copied once however many reports it gets. */
function attachRelief(picture: ClinicalPicture, relief: readonly NoteReliefFact[], note: NoteDoc): void {
  const lists = new Map<number, FoldList<ReliefFact>>();
  for (const r of relief) {
    const i = procedureForRelief(picture.procedureHistory, r);
    if (i === -1) {
      picture.dataIssues.push({
        resourceType: 'DocumentReference',
        id: refId(note.ref),
        severity: 'warning',
        message: `A relief report in the note "${note.title}" could not be tied to a prior procedure.`,
      });
      continue;
    }
    const proc = picture.procedureHistory[i]!;
    let list = lists.get(i);
    if (!list) {
      list = new FoldList(
        proc.relief,
        (f) => dayKey(f.percent, day(f.date)),
        () => true,
      );
      lists.set(i, list);
    }
    list.add(reliefFact(r, proc.id ? `Procedure/${proc.id}` : undefined));
  }
  if (lists.size > 0)
    picture.procedureHistory = picture.procedureHistory.map((p, j) => {
      const l = lists.get(j);
      return l ? { ...p, relief: l.items } : p;
    });
}

function refId(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return slash === -1 ? ref : ref.slice(slash + 1);
}

/**
 * `extracted` holds each note's facts, in the order of `notes`, already computed (off the main thread, see
 * extract-async). This file does not import the extractor, so the app's first chunk carries the fold without the
 * extractor, which runs in the note worker.
 */
export function foldNoteFacts(picture: ClinicalPicture, notes: readonly NoteDoc[], extracted: readonly NoteFacts[]): ClinicalPicture {
  if (extracted.length !== notes.length) throw new Error(`${notes.length} notes but facts for ${extracted.length}`);
  const out: ClinicalPicture = {
    ...picture,
    procedureHistory: [...picture.procedureHistory],
    ...(picture.undatedProcedures ? { undatedProcedures: [...picture.undatedProcedures] } : {}),
    dataIssues: [...picture.dataIssues],
    notes: [...picture.notes],
  };
  const seen = new Set(out.notes.map((n) => n.ref));
  const pain = painList(out.painScores);
  const fn = functionList(out.functionalStatus);
  const imaging = imagingList(out.imaging);
  const care = careList(out.conservativeCare);
  const duration = [...out.painDuration];
  const symptoms = [...out.symptoms];
  const sites = [...out.siteMentions];
  const work = [...out.visitWork];
  const psych = [...out.psychEvaluations];
  const provocative = [...out.provocativeTests];
  for (const [k, note] of notes.entries()) {
    if (seen.has(note.ref)) continue;
    seen.add(note.ref);
    out.notes.push(note);
    if (!note.date) {
      out.dataIssues.push({
        resourceType: 'DocumentReference',
        id: refId(note.ref),
        severity: 'warning',
        message: `The note "${note.title}" has no date; facts from it cannot be placed in time.`,
      });
    }
    const f = extracted[k]!;
    for (const message of f.limits)
      out.dataIssues.push({ resourceType: 'DocumentReference', id: refId(note.ref), severity: 'warning', message });
    for (const x of f.painScores) pain.add(x);
    for (const x of f.functionalStatus) fn.add(x);
    for (const x of f.imaging) imaging.add(x);
    for (const x of f.conservativeCare) care.add(x);
    for (const x of f.painDuration) duration.push(x);
    for (const x of f.symptoms) symptoms.push(x);
    for (const x of f.siteMentions) sites.push(x);
    for (const x of f.visitWork) work.push(x);
    for (const x of f.psychEvaluations) psych.push(x);
    for (const x of f.provocativeTests) provocative.push(x);
    // Procedures the note tells in prose first, so relief told with them is theirs and later reports can find them.
    attachRelief(out, foldPriorProcedures(out, f.priorProcedures ?? [], f.relief, note), note);
  }
  out.painScores = pain.items;
  out.functionalStatus = fn.items;
  out.imaging = imaging.items;
  out.conservativeCare = care.items;
  out.painDuration = duration;
  out.symptoms = symptoms;
  out.siteMentions = sites;
  out.visitWork = work;
  out.psychEvaluations = psych;
  out.provocativeTests = provocative;
  return out;
}
