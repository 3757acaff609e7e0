// Conservative care told as dates or as a schedule counts its weeks (round-2 external finding F11): the policy text
// needs "at least 4 weeks of failed or not-tolerated non-invasive conservative care" (S1, ../shared/policy/README.md).
// Sentences are invented, shaped like pain-clinic history-of-present-illness prose.
import { describe, expect, it } from 'vitest';
import { extractNoteFacts } from '../../../src/fhir/notes';
import type { NoteDoc } from '../../../src/policy/picture';

const care = (text: string) =>
  extractNoteFacts({
    ref: 'DocumentReference/n1',
    title: 'New patient',
    contentType: 'text/plain',
    text,
    date: '2026-11-24',
  } as NoteDoc).conservativeCare.map((c) => [c.kind, c.weeks]);

describe('care weeks from a date range or a schedule', () => {
  it.each([
    // just below, at and above the 4 weeks
    ['She did physical therapy from October 1 to October 26 without relief.', 3.6],
    ['She did physical therapy from October 1 to October 29 without relief.', 4],
    ['She did physical therapy from October 1 to November 12 without relief.', 6],
    ['Failed PT 03/02/2026-04/27/2026.', 8],
    ['Physical therapy (2026-03-02 through 2026-04-13) did not help.', 6],
  ])('%s -> %d weeks', (text, weeks) => {
    expect(care(text)).toEqual([['physical-therapy', weeks]]);
  });

  it('a range without years that crosses New Year ends in the later year', () => {
    expect(care('Physical therapy from December 1 to January 12 failed to help.')).toEqual([['physical-therapy', 6]]);
  });

  it('each treatment of a list keeps its own range, with a dose and schedule between term and dates', () => {
    expect(
      care(
        'She had physical therapy twice weekly from August 3 to September 28 and naproxen 500 mg twice daily from July 1 to September 30 without relief.',
      ),
    ).toEqual([
      ['physical-therapy', 8],
      ['nsaid', 13],
    ]);
  });

  it.each([
    ['She completed physical therapy twice weekly for three weeks without improvement.', 3],
    ['She completed physical therapy twice weekly for four weeks without improvement.', 4],
    ['She completed physical therapy 2x/week for 8 weeks without improvement.', 8],
  ])('%s -> %d weeks', (text, weeks) => {
    expect(care(text)).toEqual([['physical-therapy', weeks]]);
  });

  it('a range read after "and" is not the earlier treatment\'s (no weeks borrowed across a list)', () => {
    expect(care('She tried physical therapy and then ibuprofen from March 1 to April 26, neither helped.')[0]).toEqual([
      'physical-therapy',
      undefined,
    ]);
  });
});

// F19 (note side): an open course "since <date>" runs to the note's day (2026-11-24 here).
describe('ongoing care since a date counts up to the note', () => {
  it.each([
    ['She is in ongoing physical therapy twice a week since October 30, still without benefit.', 3.6],
    ['She is in ongoing physical therapy twice a week since October 27, still without benefit.', 4],
    ['Naproxen 500 mg twice daily since August 1, still taking it without relief.', 16.4],
  ])('%s -> %d weeks', (text, weeks) => {
    expect(care(text)[0]![1]).toBe(weeks);
  });
});
