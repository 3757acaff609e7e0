// The annotators' draft format (src/tools/annotate-notes.ts), on sentences written for this test: offsets come from
// the quotes, a recurring phrase resolves in order, and a quote that is not there stops the run.
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../../src/tools/annotate-notes';

const TEXT = 'Pain 7/10 at L4-5. She cannot sit for long. PLAN: left L4-5 injection.';

describe('parseDraft', () => {
  it('gives each quote its offsets, a short hint and typed values', () => {
    const a = parseDraft(
      'x-01.txt',
      'dev3',
      [
        '# a comment',
        'pain-score current "7/10" value=7 instrument=NRS',
        'site current "L4-5" levels=L4-L5',
        'function current "cannot sit for long" limitation=sitting',
        'site plan "L4-5" levels=L4-L5 laterality=left',
      ].join('\n'),
      TEXT,
    );
    expect(a.split).toBe('dev3');
    expect(a.facts.map((f) => TEXT.slice(f.start, f.end))).toEqual(['7/10', 'L4-5', 'cannot sit for long', 'L4-5']);
    expect(a.facts[3]!.start).toBe(TEXT.lastIndexOf('L4-5'));
    expect(a.facts[0]).toMatchObject({ value: 7, instrument: 'NRS', context: 'current' });
    expect(a.facts[1]).toMatchObject({ levels: ['L4-L5'] });
    expect(a.facts[2]!.hint).toBe('cannot sit for long');
  });

  it('resolves a quote written twice to its two occurrences', () => {
    const a = parseDraft('x.txt', 'dev3', 'site current "L4-5" levels=L4-L5\nsite plan "L4-5" levels=L4-L5', TEXT);
    expect(a.facts.map((f) => f.start)).toEqual([TEXT.indexOf('L4-5'), TEXT.lastIndexOf('L4-5')]);
  });

  it('searches from the start on a caret line, and stops on a quote that is not in the note', () => {
    const a = parseDraft('x.txt', 'dev3', 'site plan "left L4-5" levels=L4-L5\n^pain-score current "7/10" value=7', TEXT);
    expect(a.facts[1]!.start).toBe(TEXT.indexOf('7/10'));
    expect(() => parseDraft('x.txt', 'dev3', 'site current "L5-S1" levels=L5-S1', TEXT)).toThrow(/line 1: the quote is not in the note/);
    expect(() => parseDraft('x.txt', 'dev3', 'site current L4-5', TEXT)).toThrow(/line 1: not/);
  });
});
