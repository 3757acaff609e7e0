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

const LIMITATION_KINDS: [RegExp, FunctionLimitation][] = [
  [/\b(?:work|job|duty|disabilit|disabled|TTD|employ|shift)/i, 'work'],
  [/\b(?:sleep|wake|waking|awaken|night)/i, 'sleep'],
  [/\b(?:lift|carry)/i, 'lifting'],
  [/\b(?:walk|ambulat|stairs|block)/i, 'walking'],
  [/\b(?:sit)/i, 'sitting'],
  [/\b(?:stand)/i, 'standing'],
  [/\b(?:driv)/i, 'driving'],
  [/\b(?:ADL|daily|dress|bath|shower|groom|housework|chores|cook|clean|self-care|toilet)/i, 'adl'],
];

export function limitationKind(text: string): FunctionLimitation {
  for (const [re, k] of LIMITATION_KINDS) if (re.test(text)) return k;
  return 'other';
}

interface Spanned {
  evidence: { quote?: { start: number; end: number; text: string } }[];
  mentionContext?: MentionContext;
}

function base(f: Spanned, fallback: MentionContext): Base | undefined {
  const q = f.evidence[0]?.quote;
  if (!q) return undefined;
  return { span: { start: q.start, end: q.end }, text: q.text, context: f.mentionContext ?? fallback };
}

/** Every mention in a note, in text order. */
export function noteMentions(note: NoteDoc): NoteMention[] {
  const f = extractNoteFacts(note);
  const out: NoteMention[] = [];
  for (const x of f.painScores) {
    const b = base(x, 'current');
    if (b) out.push({ ...b, type: 'pain-score', value: x.value, instrument: x.instrument });
  }
  for (const x of f.conservativeCare) {
    const b = base(x, 'current');
    if (!b) continue;
    const m: NoteMention = { ...b, type: 'conservative-care', kind: x.kind, outcome: x.outcome };
    if (x.weeks !== undefined) m.weeks = x.weeks;
    out.push(m);
  }
  for (const x of f.functionalStatus) {
    const b = base(x, 'current');
    if (!b) continue;
    const m: NoteMention = { ...b, type: 'function' };
    if (x.instrument) m.instrument = x.instrument;
    if (x.score !== undefined) m.score = x.score;
    if (x.limitation !== undefined) m.limitation = limitationKind(x.limitation);
    out.push(m);
  }
  for (const x of f.siteMentions) {
    const b = base(x, x.context === 'history' ? 'history' : 'current');
    if (!b) continue;
    const m: NoteMention = { ...b, type: 'site', levels: x.levels };
    if (x.laterality) m.laterality = x.laterality;
    out.push(m);
  }
  for (const x of f.relief) {
    const b = base(x, 'current');
    if (b) out.push({ ...b, type: 'relief', percent: x.percent });
  }
  for (const x of f.setAside) out.push(x);
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
