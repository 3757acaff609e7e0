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

// Made by a constructor, not a literal, for the reason given at spanEvidence (lexicon.ts): sentences live as long as
// the note's reading, and a literal's allocation site being moved to the old generation deopts the splitter.
export class NoteSentence implements Sentence {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly lower: string,
    readonly section: Section,
  ) {}
}
