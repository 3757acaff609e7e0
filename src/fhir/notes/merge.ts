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
import { extractNoteFacts } from './extract';
import type { NoteReliefFact } from './extract-relief';

interface WithEvidence {
  evidence: Evidence[];
}

/** Add `extra` evidence to the first fact in `list` that `same` accepts; else append `fact`. Returns a new list. */
function foldInto<T extends WithEvidence>(list: readonly T[], fact: T, same: (a: T, b: T) => boolean): T[] {
  const i = list.findIndex((x) => same(x, fact));
  if (i === -1) return [...list, fact];
  const out = [...list];
  const existing = out[i]!;
  out[i] = { ...existing, evidence: [...existing.evidence, ...fact.evidence] };
  return out;
}

const day = (d: string | undefined): string => (d ? dayOf(d) : '');
// Only a coded fact absorbs a note restating it: two note scores of the same value (now and at worst) stay two facts.
const samePain = (a: PainScoreFact, b: PainScoreFact): boolean =>
  a.source !== b.source && a.value === b.value && day(a.date) === day(b.date) && day(a.date) !== '';
const sameFunction = (a: FunctionalFact, b: FunctionalFact): boolean =>
  a.source !== b.source &&
  a.instrument !== undefined && a.instrument === b.instrument && a.score === b.score && day(a.date) === day(b.date) && day(a.date) !== '';
const sameImaging = (a: ImagingFact, b: ImagingFact): boolean =>
  a.modality === b.modality && a.date !== undefined && day(a.date) === day(b.date);
const sameCare = (a: ConservativeCareFact, b: ConservativeCareFact): boolean =>
  a.source !== b.source &&
  a.kind === b.kind &&
  a.description.toLowerCase().includes(b.description.toLowerCase().split(/\s+/).pop() ?? '\u0000') &&
  day(a.recorded) === day(b.recorded) &&
  day(a.recorded) !== '';

function reliefFact(r: NoteReliefFact, procedureRef?: string): ReliefFact {
  const { about: _about, ...rest } = r;
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
  return best;
}

function attachRelief(picture: ClinicalPicture, relief: readonly NoteReliefFact[], note: NoteDoc): void {
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
    const ref = proc.id ? `Procedure/${proc.id}` : undefined;
    const fact = reliefFact(r, ref);
    const relief2 = foldInto(proc.relief, fact, (a, b) => a.percent === b.percent && day(a.date) === day(b.date) && day(a.date) !== '');
    picture.procedureHistory = picture.procedureHistory.map((p, j) => (j === i ? { ...p, relief: relief2 } : p));
  }
}

function refId(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return slash === -1 ? ref : ref.slice(slash + 1);
}

export function mergeNoteFacts(picture: ClinicalPicture, notes: readonly NoteDoc[]): ClinicalPicture {
  const out: ClinicalPicture = {
    ...picture,
    procedureHistory: [...picture.procedureHistory],
    dataIssues: [...picture.dataIssues],
    notes: [...picture.notes],
  };
  for (const note of notes) {
    if (out.notes.some((n) => n.ref === note.ref)) continue;
    out.notes.push(note);
    if (!note.date) {
      out.dataIssues.push({
        resourceType: 'DocumentReference',
        id: refId(note.ref),
        severity: 'warning',
        message: `The note "${note.title}" has no date; facts from it cannot be placed in time.`,
      });
    }
    const f = extractNoteFacts(note);
    for (const x of f.painScores) out.painScores = foldInto(out.painScores, x, samePain);
    for (const x of f.functionalStatus) out.functionalStatus = foldInto(out.functionalStatus, x, sameFunction);
    for (const x of f.imaging) out.imaging = foldInto(out.imaging, x, sameImaging);
    for (const x of f.conservativeCare) out.conservativeCare = foldInto(out.conservativeCare, x, sameCare);
    out.painDuration = [...out.painDuration, ...f.painDuration];
    out.symptoms = [...out.symptoms, ...f.symptoms];
    out.siteMentions = [...out.siteMentions, ...f.siteMentions];
    out.visitWork = [...out.visitWork, ...f.visitWork];
    attachRelief(out, f.relief, note);
  }
  return out;
}
