// The shape of one note mention (its own file, so the extractor can name it without importing mentions.ts, which
// imports the extractor).
import type { CareOutcome, ConservativeKind, FunctionalInstrument, Laterality, PainInstrument, SpinalLevel } from '../../policy/picture';

export const MENTION_TYPES = ['pain-score', 'conservative-care', 'function', 'site', 'relief'] as const;
export type MentionType = (typeof MENTION_TYPES)[number];
export const MENTION_CONTEXTS = ['current', 'history', 'plan', 'goal', 'negated', 'hypothetical', 'family'] as const;
export type MentionContext = (typeof MENTION_CONTEXTS)[number];
export type FunctionLimitation = 'work' | 'sleep' | 'adl' | 'walking' | 'sitting' | 'standing' | 'lifting' | 'driving' | 'other';

export interface MentionBase {
  span: { start: number; end: number };
  text: string;
  context: MentionContext;
}
export type NoteMention =
  | (MentionBase & { type: 'pain-score'; value: number; instrument: PainInstrument })
  | (MentionBase & { type: 'conservative-care'; kind: ConservativeKind; outcome: CareOutcome; weeks?: number })
  | (MentionBase & { type: 'function'; instrument?: FunctionalInstrument; score?: number; limitation?: FunctionLimitation })
  | (MentionBase & { type: 'site'; levels: SpinalLevel[]; laterality?: Laterality })
  | (MentionBase & { type: 'relief'; percent: number });

/** Evidence contexts: the only ones the picture keeps. */
export const isEvidenceContext = (c: MentionContext): boolean => c === 'current' || c === 'history';
