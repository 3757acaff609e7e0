// Every fact the extractor reads in a note, in one flat, typed list with its span and context, for the CLI
// (`npm run check -- --notes`) and the evaluation on real notes. The picture keeps only the facts that can be
// evidence (context current or history); this list also keeps plans, goals, negations and hypotheticals so a
// reader can see what was recognised and set aside.
import type { CareOutcome, ConservativeKind, FunctionalInstrument, Laterality, NoteDoc, PainInstrument, SpinalLevel } from '../../policy/picture';
import { extractNoteFacts } from './extract';

export const MENTION_TYPES = ['pain-score', 'conservative-care', 'function', 'site', 'relief'] as const;
export type MentionType = (typeof MENTION_TYPES)[number];
export const MENTION_CONTEXTS = ['current', 'history', 'plan', 'goal', 'negated', 'hypothetical', 'family'] as const;
export type MentionContext = (typeof MENTION_CONTEXTS)[number];
export type FunctionLimitation = 'work' | 'sleep' | 'adl' | 'walking' | 'sitting' | 'standing' | 'lifting' | 'driving' | 'other';

interface Base {
  span: { start: number; end: number };
  text: string;
  context: MentionContext;
}
export type NoteMention =
  | (Base & { type: 'pain-score'; value: number; instrument: PainInstrument })
  | (Base & { type: 'conservative-care'; kind: ConservativeKind; outcome: CareOutcome; weeks?: number })
  | (Base & { type: 'function'; instrument?: FunctionalInstrument; score?: number; limitation?: FunctionLimitation })
  | (Base & { type: 'site'; levels: SpinalLevel[]; laterality?: Laterality })
  | (Base & { type: 'relief'; percent: number });

/** Evidence contexts: the only ones the picture keeps. */
export const isEvidenceContext = (c: MentionContext): boolean => c === 'current' || c === 'history';

/** Every mention in a note, in text order (with `withLimits`, also why less than the whole note was read). */
export function noteMentions(note: NoteDoc): NoteMention[];
export function noteMentions(note: NoteDoc, opts: { withLimits: true }): { mentions: NoteMention[]; limits: string[] };
export function noteMentions(note: NoteDoc, opts?: { withLimits: true }): NoteMention[] | { mentions: NoteMention[]; limits: string[] } {
  const f = extractNoteFacts(note);
  const out = [...f.mentions].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return opts?.withLimits ? { mentions: out, limits: f.limits } : out;
}
