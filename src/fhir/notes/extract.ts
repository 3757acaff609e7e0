// One pass over a note: sentences and sections once, then each fact family's extractor.
import type {
  ConservativeCareFact,
  FunctionalFact,
  ImagingFact,
  NoteDoc,
  PainDurationFact,
  PainScoreFact,
  ProvocativeTestFact,
  PsychEvaluationFact,
  SiteMention,
  SymptomFact,
  VisitWorkFact,
} from '../../policy/picture';
import { type Sentence } from './context';
import { sentences } from './segment';
import type { NoteMention } from './mention-types';
import { NOT_LIMITING } from './function-lexicon';
import { careValues, functionValues, keepEvidence, painValues, reliefValues, siteMentions } from './to-mentions';
import { extractConservativeCare } from './extract-care';
import { extractPainDuration } from './extract-duration';
import { extractFunction } from './extract-function';
import { extractImaging } from './extract-imaging';
import { extractPainScores } from './extract-pain';
import { extractRelief, type NoteReliefFact } from './extract-relief';
import { extractSiteMentions } from './extract-site';
import { extractSymptoms, extractVisitWork } from './extract-visit';
import { extractPsychEvaluations } from './extract-psych';
import { extractProvocativeTests } from './extract-provocative';
import { extractPriorProcedures, type NotePriorProcedure } from './extract-prior-procedure';
import { endScan, scanSentences } from './trigger-scan';
import './trigger-words';

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
  psychEvaluations: PsychEvaluationFact[];
  provocativeTests: ProvocativeTestFact[];
  /** Prior procedures the note tells in prose (merge folds them into the procedure history). */
  priorProcedures: NotePriorProcedure[];
  /** Why less than the whole note was read (cost caps), as data-issue messages; empty for a normal note. */
  limits: string[];
  /** Every mention of the five scored families with its context, evidence or not: for the CLI and eval. */
  mentions: NoteMention[];
}

/**
 * What one note may cost. Real notes run to tens of kilobytes; a multi-megabyte text is a pasted log or an attack,
 * and reading all of it would freeze the app. Past the cap the rest is not read, and the picture says so.
 */
export const MAX_NOTE_CHARS = 1_048_576;
/**
 * Facts read from one note before reading stops. A real note states a few dozen and 1 MB of fact-dense visit notes about
 * 18,000; a text made of nothing but facts would otherwise cost several times a normal megabyte.
 */
export const MAX_FACTS_PER_NOTE = 25_000;
/**
 * Sentences read between two looks at the fact budget: enough that each extractor runs a few long loops rather than
 * many short ones (a cold start compiles them less often), few enough that a note made of facts overshoots the
 * budget by at most about a thousand.
 */
const CHUNK_SENTENCES = 1000;
/** The note cut at the last line break before the cap (or at the cap when no break is near). */
function capped(note: NoteDoc): NoteDoc {
  if (note.text.length <= MAX_NOTE_CHARS) return note;
  const nl = note.text.lastIndexOf('\n', MAX_NOTE_CHARS);
  const cut = nl > MAX_NOTE_CHARS * 0.9 ? nl : MAX_NOTE_CHARS;
  return { ...note, text: note.text.slice(0, cut) };
}

function quoteRange(f: { evidence: { quote?: { start: number; end: number } }[] }): [number, number][] {
  const q = f.evidence[0]?.quote;
  return q ? [[q.start, q.end]] : [];
}

export function extractNoteFacts(whole: NoteDoc): NoteFacts {
  const note = capped(whole);
  const limits: string[] = [];
  if (note !== whole) {
    limits.push(
      `The note "${whole.title}" is ${whole.text.length.toLocaleString('en-US')} characters long; only the first ${note.text.length.toLocaleString('en-US')} were read for evidence (the rest was truncated).`,
    );
  }
  const sens = sentences(note.text);
  const facts = emptyFacts();
  let count = 0;
  for (let i = 0; i < sens.length; i += CHUNK_SENTENCES) {
    if (count >= MAX_FACTS_PER_NOTE) {
      limits.push(
        `The note "${whole.title}" states more than ${MAX_FACTS_PER_NOTE.toLocaleString('en-US')} facts; reading stopped at character ${sens[i]!.start.toLocaleString('en-US')} of ${whole.text.length.toLocaleString('en-US')} (the rest was truncated).`,
      );
      break;
    }
    const chunk = sens.slice(i, i + CHUNK_SENTENCES);
    // One pass over the chunk for every rule's trigger words; the rules then skip the sentences that lack them.
    scanSentences(chunk, i === 0);
    let part: Omit<NoteFacts, 'limits'>;
    try {
      part = extractAll(note, chunk);
    } finally {
      endScan();
    }
    for (const k of FAMILIES) {
      const into = facts[k] as unknown[];
      for (const x of part[k]) into.push(x);
      if (k !== 'mentions') count += part[k].length;
    }
  }
  return { ...facts, limits };
}

const FAMILIES = [
  'mentions',
  'painScores',
  'painDuration',
  'conservativeCare',
  'functionalStatus',
  'siteMentions',
  'relief',
  'imaging',
  'symptoms',
  'visitWork',
  'psychEvaluations',
  'provocativeTests',
  'priorProcedures',
] as const;

function emptyFacts(): Omit<NoteFacts, 'limits'> {
  return {
    mentions: [],
    painScores: [],
    painDuration: [],
    conservativeCare: [],
    functionalStatus: [],
    siteMentions: [],
    relief: [],
    imaging: [],
    symptoms: [],
    visitWork: [],
    psychEvaluations: [],
    provocativeTests: [],
    priorProcedures: [],
  };
}

function extractAll(note: NoteDoc, sens: readonly Sentence[]): Omit<NoteFacts, 'limits'> {
  const mentions: NoteMention[] = [];
  // A prior injection is care the patient had (a mention) but the picture keeps injections as procedures, so the
  // policy core never counts an injection as conservative care.
  const conservativeCare = keepEvidence(
    extractConservativeCare(note, sens, mentions),
    'conservative-care',
    sens,
    mentions,
    careValues,
  ).filter((c) => c.kind !== 'injection');
  const relief = keepEvidence(extractRelief(note, sens), 'relief', sens, mentions, reliefValues);
  // A duration inside a therapy or relief phrase is that phrase's, not the pain's.
  const taken = [...conservativeCare.flatMap(quoteRange), ...relief.flatMap(quoteRange)];
  const sites = extractSiteMentions(note, sens);
  siteMentions(note.text, sites, sens, mentions);
  return {
    mentions,
    painScores: keepEvidence(extractPainScores(note, sens), 'pain-score', sens, mentions, painValues),
    painDuration: extractPainDuration(note, sens, taken),
    conservativeCare,
    // Work status without a deficit is a function mention, but not a limitation for the picture.
    functionalStatus: keepEvidence(extractFunction(note, sens), 'function', sens, mentions, functionValues).filter(
      (f) => f.limitation === undefined || !NOT_LIMITING.test(f.limitation),
    ),
    siteMentions: sites.map(({ tokens: _t, ...m }) => m),
    relief,
    imaging: extractImaging(note, sens),
    symptoms: extractSymptoms(note, sens),
    visitWork: extractVisitWork(note, sens),
    psychEvaluations: extractPsychEvaluations(note, sens),
    provocativeTests: extractProvocativeTests(note, sens),
    priorProcedures: extractPriorProcedures(note, sens),
  };
}
