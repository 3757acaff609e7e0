// The annotated corpus: precision >= 0.95 and recall >= 0.90 on every fact type.
import { describe, expect, it } from 'vitest';
import corpusJson from '../../fixtures/notes/corpus.json';
import { FACT_TYPES, predict, scoreCorpus, type CorpusItem, type Predicted } from './score';

const corpus = corpusJson as CorpusItem[];

describe('note extraction corpus', () => {
  it('has at least 150 sentences and every fact type annotated', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    for (const t of FACT_TYPES) expect(corpus.some((c) => c.expect.some((e) => e.type === t))).toBe(true);
  });

  const { byType, misses } = scoreCorpus(corpus);
  for (const t of FACT_TYPES) {
    it(`${t}: precision >= 0.95 and recall >= 0.90`, () => {
      const s = byType[t];
      const why = misses.filter((m) => m.type === t).map((m) => `${m.kind}: ${m.text} -> ${m.detail}`);
      expect(s.tp, why.join('\n')).toBeGreaterThan(0);
      expect(s.precision, why.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, why.join('\n')).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('every predicted span is exact: text.slice(start, end) equals the quote', () => {
    for (const c of corpus) for (const p of predict(c.text)) expect(c.text.slice(p.start, p.end)).toBe(p.quote);
  });
});

describe('the scorer can fail', () => {
  const sample = corpus.filter((c) => c.expect.length > 0).slice(0, 40);
  it('an extractor that finds nothing has zero recall', () => {
    const { byType } = scoreCorpus(sample, () => []);
    const withExpect = FACT_TYPES.filter((t) => byType[t].fn > 0);
    expect(withExpect.length).toBeGreaterThan(0);
    for (const t of withExpect) expect(byType[t].recall).toBe(0);
  });
  it('wrong values or a shifted span do not count as matches', () => {
    const wrongValue = (text: string): Predicted[] =>
      predict(text).map((p) => ({
        ...p,
        value: Object.fromEntries(Object.entries(p.value).map(([k, v]) => [k, typeof v === 'number' ? v + 1 : v])),
      }));
    const shifted = (text: string): Predicted[] => predict(text).map((p) => ({ ...p, start: p.end + 1000, end: p.end + 1001 }));
    expect(scoreCorpus(sample, wrongValue).byType['pain-score'].recall).toBeLessThan(0.5);
    for (const t of FACT_TYPES) expect(scoreCorpus(sample, shifted).byType[t].tp).toBe(0);
  });
});
