// A sentence of a note and the section it sits in: the unit the lexicon's helpers and the context checks share
// (its own file, so the lexicon need not import the context module that imports it).
import type { Section } from './sections';

export interface Sentence {
  /** Offsets into NoteDoc.text (end exclusive). */
  start: number;
  end: number;
  text: string;
  /** text in lower case, for cheap substring gates before the regexes run. */
  lower: string;
  section: Section;
}
