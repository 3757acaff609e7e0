// Picture facts -> mentions with their context. The extractors decide what a phrase is; the context layer decides
// what the writer meant by it, once, for every family. A fact whose context is not evidence leaves the picture
// (site mentions stay: the policy core reads planned levels from them) and stays in the mention list.
import type { ConservativeCareFact, FunctionalFact, PainScoreFact, SiteMention } from '../../policy/picture';
import type { Sentence } from './context';
import { mentionContext } from './cues';
import type { NoteReliefFact } from './extract-relief';
import { limitationKind } from './function-lexicon';
import type { MentionContext, MentionType, NoteMention } from './mention-types';
import { isEvidenceContext } from './mention-types';

interface Quoted {
  evidence: { quote?: { start: number; end: number; text: string } }[];
}

/** Sentence lookup by absolute offset (sentences are in text order). */
export function sentenceAt(sens: readonly Sentence[], pos: number): Sentence | undefined {
  let lo = 0;
  let hi = sens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sens[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

// The extractors of these families already set negated phrases aside.
const NEGATION_CHECKED = new Set<MentionType>(['conservative-care', 'function', 'relief', 'site']);

function contextOf(sens: readonly Sentence[], start: number, end: number, type: MentionType): MentionContext {
  const sen = sentenceAt(sens, start);
  return sen ? mentionContext(sen, start - sen.start, end - sen.start, type, NEGATION_CHECKED.has(type)) : 'current';
}

function span(f: Quoted): { start: number; end: number; text: string } | undefined {
  return f.evidence[0]?.quote;
}

/** Keep the facts that are evidence; push a mention for every fact. */
export function keepEvidence<T extends Quoted>(
  facts: readonly T[],
  type: MentionType,
  sens: readonly Sentence[],
  out: NoteMention[],
  values: (f: T) => Omit<NoteMention, 'span' | 'text' | 'context' | 'type'>,
): T[] {
  const kept: T[] = [];
  for (const f of facts) {
    const q = span(f);
    if (!q) {
      kept.push(f);
      continue;
    }
    const context = contextOf(sens, q.start, q.end, type);
    out.push({ type, span: { start: q.start, end: q.end }, text: q.text, context, ...values(f) } as NoteMention);
    if (isEvidenceContext(context)) kept.push(f);
  }
  return kept;
}

export const painValues = (x: PainScoreFact) => ({ value: x.value, instrument: x.instrument });
export const careValues = (x: ConservativeCareFact) =>
  x.weeks !== undefined ? { kind: x.kind, outcome: x.outcome, weeks: x.weeks } : { kind: x.kind, outcome: x.outcome };
export function functionValues(x: FunctionalFact) {
  const v: { instrument?: FunctionalFact['instrument']; score?: number; limitation?: ReturnType<typeof limitationKind> } = {};
  if (x.instrument) v.instrument = x.instrument;
  if (x.score !== undefined) v.score = x.score;
  if (x.limitation !== undefined) v.limitation = limitationKind(x.limitation);
  return v;
}
export const reliefValues = (x: NoteReliefFact) => ({ percent: x.percent });

// A technique paragraph that says how each level is done in general ("For a C7 medial branch, the needle tip is
// positioned ...", "For C3 to C6 medial branches, the needles are placed ...") names levels that may not be today's.
const TECHNIQUE_SENTENCE =
  /^\s*For (?:a |an |each |the )?[CTLS]\d{1,2}(?:\s*(?:to|through|-)\s*[CTLS]?\d{1,2})?(?:'s)?\s+(?:medial branch|facet|level|nerve|dorsal ramus)[^.;]*\bthe needles?(?: tips?)? (?:is|are)\b/i;

/**
 * Site mentions: one mention per level token (the annotations of real notes name "L4-5 and L5-S1" as two sites), context
 * from the layer but today's procedure is current.
 */
export function siteMentions(
  text: string,
  facts: readonly (SiteMention & { tokens?: { start: number; end: number; levels: string[] }[] })[],
  sens: readonly Sentence[],
  out: NoteMention[],
): void {
  for (const f of facts) {
    const q = span(f);
    if (!q) continue;
    const tokens = f.tokens ?? [{ start: q.start, end: q.end, levels: f.levels }];
    for (const t of tokens) {
      const sen = sentenceAt(sens, t.start);
      let context: MentionContext = sen ? mentionContext(sen, t.start - sen.start, t.end - sen.start, 'site', true) : 'current';
      if (context === 'plan' && sen?.section === 'plan' && f.context === 'history') context = 'history';
      if (f.context === 'history' && context === 'current') context = 'history';
      if (sen && context === 'current' && TECHNIQUE_SENTENCE.test(sen.text)) context = 'hypothetical';
      const m: NoteMention = {
        type: 'site',
        span: { start: t.start, end: t.end },
        text: text.slice(t.start, t.end),
        context,
        levels: t.levels,
      };
      if (f.laterality) m.laterality = f.laterality;
      out.push(m);
    }
  }
}
