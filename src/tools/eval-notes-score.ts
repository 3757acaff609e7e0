// Scoring of note mentions against gold annotations of real notes (test/fixtures/notes-dev/GUIDELINES.md):
// same type and overlapping spans match, each gold fact at most once. Precision and recall count gold facts whose
// context is current or history; an extracted current/history fact overlapping a gold plan, goal, negated or
// hypothetical fact is a context error (a false positive; negation errors are listed apart). Values are scored
// separately, as agreement among matches.
import { z } from 'zod';
import { MENTION_TYPES, isEvidenceContext, type MentionType, type NoteMention } from '../fhir/notes/mentions';

const GoldFact = z.looseObject({
  type: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  hint: z.string().optional(),
  context: z.string(),
});
export const Annotation = z.object({
  file: z.string().regex(/^[\w.-]+\.txt$/),
  split: z.enum(['dev', 'held-out', 'fresh', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9']),
  facts: z.array(GoldFact),
});
export type Annotation = z.infer<typeof Annotation>;
export type GoldFact = z.infer<typeof GoldFact>;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** Matches whose values agree, of `tp`. */
  valuesAgree: number;
}
export interface Miss {
  file: string;
  kind: 'fp' | 'fn' | 'context' | 'negation' | 'value';
  type: string;
  start: number;
  end: number;
  detail: string;
}
export interface NoteScore {
  counts: Record<MentionType, Counts>;
  misses: Miss[];
}

const EVIDENCE = new Set(['current', 'history']);
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

export function emptyCounts(): Record<MentionType, Counts> {
  return Object.fromEntries(MENTION_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0, valuesAgree: 0 }])) as Record<MentionType, Counts>;
}

/** Do the gold fact's values agree with the mention's (only the fields the type defines; absent gold fields are not scored). */
export function valuesAgree(g: GoldFact, m: NoteMention): boolean {
  const want = (k: string): unknown => (g as Record<string, unknown>)[k];
  const keys: Record<MentionType, string[]> = {
    'pain-score': ['value', 'instrument'],
    'conservative-care': ['kind', 'outcome'],
    function: ['instrument', 'score', 'limitation'],
    site: ['levels', 'laterality'],
    relief: ['percent'],
  };
  const got = m as unknown as Record<string, unknown>;
  return keys[m.type].every((k) => {
    const w = want(k);
    if (w === undefined) return true;
    const v = got[k];
    if (Array.isArray(w)) return Array.isArray(v) && [...w].map(String).sort().join() === [...v].map(String).sort().join();
    return w === v;
  });
}

const where = (m: NoteMention): string => `"${m.text}" ${m.context}`;

export function scoreNote(gold: Annotation, mentions: readonly NoteMention[]): NoteScore {
  const counts = emptyCounts();
  const misses: Miss[] = [];
  const known = new Set<string>(MENTION_TYPES);
  const goldFacts = gold.facts.filter((g) => known.has(g.type));
  const evidenceGold = goldFacts.filter((g) => EVIDENCE.has(g.context));
  const otherGold = goldFacts.filter((g) => !EVIDENCE.has(g.context));
  const usedGold = new Set<GoldFact>();
  for (const m of mentions) {
    if (!isEvidenceContext(m.context)) continue;
    const span = m.span;
    const g = evidenceGold.find((x) => !usedGold.has(x) && x.type === m.type && overlaps(x, span));
    if (g) {
      usedGold.add(g);
      counts[m.type].tp++;
      if (valuesAgree(g, m)) counts[m.type].valuesAgree++;
      else
        misses.push({
          file: gold.file,
          kind: 'value',
          type: m.type,
          start: g.start,
          end: g.end,
          detail: `gold ${JSON.stringify(valueOf(g))}; got ${JSON.stringify(valueOfMention(m))}`,
        });
      continue;
    }
    counts[m.type].fp++;
    const wrongContext = otherGold.find((x) => x.type === m.type && overlaps(x, span));
    if (wrongContext) {
      const kind = wrongContext.context === 'negated' ? 'negation' : 'context';
      misses.push({
        file: gold.file,
        kind,
        type: m.type,
        start: span.start,
        end: span.end,
        detail: `${where(m)}; gold says ${wrongContext.context}`,
      });
    } else {
      const dup = evidenceGold.some((x) => x.type === m.type && overlaps(x, span));
      misses.push({
        file: gold.file,
        kind: 'fp',
        type: m.type,
        start: span.start,
        end: span.end,
        detail: `${where(m)}${dup ? ' (a second match for one gold fact)' : ''} ${JSON.stringify(valueOfMention(m))}`,
      });
    }
  }
  for (const g of evidenceGold) {
    if (usedGold.has(g)) continue;
    counts[g.type as MentionType].fn++;
    const near = mentions.filter((m) => m.type === g.type && overlaps(m.span, g)).map(where);
    misses.push({
      file: gold.file,
      kind: 'fn',
      type: g.type,
      start: g.start,
      end: g.end,
      detail: `gold ${g.context} "${g.hint ?? ''}" ${JSON.stringify(valueOf(g))}${near.length ? `; got only ${near.join(', ')}` : ''}`,
    });
  }
  return { counts, misses };
}

function valueOf(g: GoldFact): Record<string, unknown> {
  const { type: _t, start: _s, end: _e, hint: _h, context: _c, ...rest } = g;
  return rest;
}
function valueOfMention(m: NoteMention): Record<string, unknown> {
  const { type: _t, span: _s, text: _x, context: _c, ...rest } = m;
  return rest;
}

export function addCounts(into: Record<MentionType, Counts>, from: Record<MentionType, Counts>): void {
  for (const t of MENTION_TYPES) {
    into[t].tp += from[t].tp;
    into[t].fp += from[t].fp;
    into[t].fn += from[t].fn;
    into[t].valuesAgree += from[t].valuesAgree;
  }
}

export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

export function micro(counts: Record<MentionType, Counts>): Counts {
  const m = { tp: 0, fp: 0, fn: 0, valuesAgree: 0 };
  for (const t of MENTION_TYPES) {
    m.tp += counts[t].tp;
    m.fp += counts[t].fp;
    m.fn += counts[t].fn;
    m.valuesAgree += counts[t].valuesAgree;
  }
  return m;
}
