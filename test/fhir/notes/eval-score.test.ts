// The real-note scorer (npm run eval:notes): matching rule of test/fixtures/notes-dev/GUIDELINES.md.
import { describe, expect, it } from 'vitest';
import { Annotation, scoreNote } from '../../../src/tools/eval-notes-score';
import type { NoteMention } from '../../../src/fhir/notes/mentions';

const gold = Annotation.parse({
  file: 'x-01.txt',
  split: 'dev',
  facts: [
    { type: 'pain-score', start: 10, end: 14, context: 'current', value: 7, instrument: 'NRS' },
    { type: 'pain-score', start: 30, end: 34, context: 'goal', value: 3, instrument: 'NRS' },
    { type: 'function', start: 50, end: 70, context: 'negated', limitation: 'walking' },
    { type: 'site', start: 80, end: 85, context: 'history', levels: ['L4-L5'] },
  ],
});
const m = (type: NoteMention['type'], start: number, end: number, context: NoteMention['context'], extra: object = {}): NoteMention =>
  ({ type, span: { start, end }, text: 'x', context, ...extra }) as NoteMention;

describe('scoreNote', () => {
  it('overlap of the same type matches once; values scored apart', () => {
    const s = scoreNote(gold, [
      m('pain-score', 11, 15, 'current', { value: 8, instrument: 'NRS' }),
      m('pain-score', 12, 13, 'current', { value: 7, instrument: 'NRS' }),
    ]);
    expect(s.counts['pain-score']).toEqual({ tp: 1, fp: 1, fn: 0, valuesAgree: 0 });
    expect(s.counts.site.fn).toBe(1);
  });
  it('an evidence mention on a gold goal is a context error, on a gold negation a negation error', () => {
    const s = scoreNote(gold, [
      m('pain-score', 30, 34, 'current', { value: 3, instrument: 'NRS' }),
      m('function', 55, 60, 'history', { limitation: 'walking' }),
    ]);
    expect(s.misses.map((x) => x.kind).sort()).toEqual(['context', 'fn', 'fn', 'negation']);
    expect(s.counts['pain-score'].fp).toBe(1);
  });
  it('mentions set aside (plan, negated ...) are neither hits nor false positives', () => {
    const s = scoreNote(gold, [m('function', 55, 60, 'negated', { limitation: 'walking' })]);
    expect(s.counts.function).toEqual({ tp: 0, fp: 0, fn: 0, valuesAgree: 0 });
  });
  it('a different type never matches', () => {
    const s = scoreNote(gold, [m('relief', 80, 85, 'current', { percent: 50 })]);
    expect(s.counts.site.fn).toBe(1);
    expect(s.counts.relief.fp).toBe(1);
  });
  it('rejects an annotation that is not in the guideline format', () => {
    expect(Annotation.safeParse({ file: '../etc/passwd', split: 'dev', facts: [] }).success).toBe(false);
    expect(Annotation.safeParse({ file: 'a.txt', split: 'train', facts: [] }).success).toBe(false);
  });
});
