// One pass over a note: sentences and sections once, then each fact family's extractor.
import type {
  ConservativeCareFact,
  FunctionalFact,
  ImagingFact,
  NoteDoc,
  PainDurationFact,
  PainScoreFact,
  SiteMention,
  SymptomFact,
  VisitWorkFact,
} from '../../policy/picture';
import { sentences } from './context';
import { extractConservativeCare } from './extract-care';
import { extractPainDuration } from './extract-duration';
import { extractFunction } from './extract-function';
import { extractImaging } from './extract-imaging';
import { extractPainScores } from './extract-pain';
import { extractRelief, type NoteReliefFact } from './extract-relief';
import { extractSiteMentions } from './extract-site';
import { extractSymptoms, extractVisitWork } from './extract-visit';

export interface NoteFacts {
  painScores: PainScoreFact[];
  painDuration: PainDurationFact[];
  conservativeCare: ConservativeCareFact[];
  functionalStatus: FunctionalFact[];
  siteMentions: SiteMention[];
  relief: NoteReliefFact[];
  imaging: ImagingFact[];
  symptoms: SymptomFact[];
  visitWork: VisitWorkFact[];
}

function quoteRange(f: { evidence: { quote?: { start: number; end: number } }[] }): [number, number][] {
  const q = f.evidence[0]?.quote;
  return q ? [[q.start, q.end]] : [];
}

export function extractNoteFacts(note: NoteDoc): NoteFacts {
  const sens = sentences(note.text);
  const conservativeCare = extractConservativeCare(note, sens);
  const relief = extractRelief(note, sens);
  // A duration inside a therapy or relief phrase is that phrase's, not the pain's.
  const taken = [...conservativeCare.flatMap(quoteRange), ...relief.flatMap(quoteRange)];
  return {
    painScores: extractPainScores(note, sens),
    painDuration: extractPainDuration(note, sens, taken),
    conservativeCare,
    functionalStatus: extractFunction(note, sens),
    siteMentions: extractSiteMentions(note, sens),
    relief,
    imaging: extractImaging(note, sens),
    symptoms: extractSymptoms(note, sens),
    visitWork: extractVisitWork(note, sens),
  };
}
