// Scoring of the extractor against the annotated corpus: per fact type, precision and recall.
// A predicted fact matches an expected one when the type agrees, the spans overlap, and every key field the
// annotation lists has the same value (arrays as sets; null means "must be absent"). Matching is one-to-one.
import type { NoteDoc } from '../../../src/policy/picture';
import { extractNoteFacts } from '../../../src/fhir/notes';

export const FACT_TYPES = ['pain-score', 'duration', 'conservative-care', 'function', 'site', 'relief', 'imaging', 'em-work'] as const;
export type FactType = (typeof FACT_TYPES)[number];

type Scalar = string | number | boolean | null;
export type Value = Record<string, Scalar | Scalar[]>;

export interface Expected {
  type: FactType;
  value: Value;
  span: string;
}

export interface CorpusItem {
  text: string;
  expect: Expected[];
}

export interface Predicted {
  type: FactType;
  value: Record<string, Scalar | Scalar[] | undefined>;
  start: number;
  end: number;
  quote: string;
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Miss {
  text: string;
  kind: 'fp' | 'fn';
  type: FactType;
  detail: string;
}

export const CORPUS_DATE = '2025-06-01';

function span(f: { evidence: { quote?: { start: number; end: number; text: string } }[] }): Pick<Predicted, 'start' | 'end' | 'quote'> {
  const q = f.evidence[0]?.quote;
  return { start: q?.start ?? -1, end: q?.end ?? -1, quote: q?.text ?? '' };
}

/** Every fact the extractor finds in `text`, projected onto the corpus's key fields. */
export function predict(text: string): Predicted[] {
  const note: NoteDoc = { ref: 'DocumentReference/corpus', title: 'corpus', date: CORPUS_DATE, contentType: 'text/plain', text };
  const f = extractNoteFacts(note);
  return [
    ...f.painScores.map((x) => ({ type: 'pain-score' as const, value: { value: x.value, instrument: x.instrument }, ...span(x) })),
    ...f.painDuration.map((x) => ({ type: 'duration' as const, value: { weeks: x.weeks, onset: x.onset }, ...span(x) })),
    ...f.conservativeCare.map((x) => ({
      type: 'conservative-care' as const,
      value: { kind: x.kind, outcome: x.outcome, weeks: x.weeks },
      ...span(x),
    })),
    ...f.functionalStatus.map((x) => ({
      type: 'function' as const,
      value: { instrument: x.instrument, score: x.score, limitation: x.limitation !== undefined },
      ...span(x),
    })),
    ...f.siteMentions.map((x) => ({
      type: 'site' as const,
      value: { levels: x.levels, context: x.context, laterality: x.laterality },
      ...span(x),
    })),
    ...f.relief.map((x) => ({ type: 'relief' as const, value: { percent: x.percent, durationHours: x.durationHours }, ...span(x) })),
    ...f.imaging.map((x) => ({ type: 'imaging' as const, value: { modality: x.modality, date: x.date, levels: x.levels }, ...span(x) })),
    ...f.visitWork.map((x) => ({ type: 'em-work' as const, value: {}, ...span(x) })),
  ];
}

function sameValue(want: Scalar | Scalar[], got: Scalar | Scalar[] | undefined): boolean {
  if (want === null) return got === undefined || got === null;
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return false;
    const a = [...new Set(want.map(String))].sort();
    const b = [...new Set(got.map(String))].sort();
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return want === got;
}

export function matches(e: Expected, eStart: number, p: Predicted): boolean {
  if (e.type !== p.type) return false;
  const eEnd = eStart + e.span.length;
  if (!(p.start < eEnd && eStart < p.end)) return false;
  return Object.entries(e.value).every(([k, v]) => sameValue(v, p.value[k]));
}

/** Score predictions against the annotations, per type; `misses` lists every false positive and negative. */
export function scoreCorpus(
  corpus: readonly CorpusItem[],
  predictFn: (text: string) => Predicted[] = predict,
): { byType: Record<FactType, TypeScore>; misses: Miss[] } {
  const counts = Object.fromEntries(FACT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    FactType,
    { tp: number; fp: number; fn: number }
  >;
  const misses: Miss[] = [];
  for (const item of corpus) {
    const preds = predictFn(item.text);
    const used = new Set<number>();
    for (const e of item.expect) {
      const at = item.text.indexOf(e.span);
      if (at === -1) throw new Error(`corpus span "${e.span}" is not in "${item.text}"`);
      const i = preds.findIndex((p, j) => !used.has(j) && matches(e, at, p));
      if (i === -1) {
        counts[e.type].fn++;
        const near = preds.filter((p) => p.type === e.type).map((p) => `${p.quote} ${JSON.stringify(p.value)}`);
        misses.push({
          text: item.text,
          kind: 'fn',
          type: e.type,
          detail: `want "${e.span}" ${JSON.stringify(e.value)}; got ${near.join(' | ') || 'nothing'}`,
        });
      } else {
        used.add(i);
        counts[e.type].tp++;
      }
    }
    preds.forEach((p, j) => {
      if (used.has(j)) return;
      counts[p.type].fp++;
      misses.push({ text: item.text, kind: 'fp', type: p.type, detail: `"${p.quote}" ${JSON.stringify(p.value)}` });
    });
  }
  const byType = {} as Record<FactType, TypeScore>;
  for (const t of FACT_TYPES) {
    const { tp, fp, fn } = counts[t];
    byType[t] = { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
  }
  return { byType, misses };
}
