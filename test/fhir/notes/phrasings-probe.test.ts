// Phrasings written by the team from how clinicians word function, care and relief (never note text), run through
// the extractor to find what it misses before any notes set does: an HPI heading run into its first sentence, a
// restriction list without a weight, and a trial the patient failed.
import { describe, expect, it } from 'vitest';
import { mentions, textAndContext as of } from './helpers';

describe('an HPI heading in the first sentence', () => {
  it('does not make the sentence history ("history of" is the heading, not a past)', () => {
    expect(of('HISTORY OF PRESENT ILLNESS: She is unable to sit through a movie.', 'function')).toEqual([['unable to sit', 'current']]);
    expect(of('HISTORY OF PRESENT ILLNESS:, She is unable to sit through a movie.', 'function')).toEqual([['unable to sit', 'current']]);
  });
  it('still reads "a history of" in the story as history', () => {
    expect(of('She has a history of physical therapy for the neck.', 'conservative-care')).toEqual([['physical therapy', 'history']]);
  });
});

describe('a restriction list', () => {
  it('reads each "no heavy / prolonged / repetitive" item as a limitation of its own', () => {
    expect(of('Work restrictions: no heavy lifting, no prolonged standing, no repetitive bending.', 'function')).toEqual([
      ['Work restrictions', 'current'],
      ['no heavy lifting', 'current'],
      ['no prolonged standing', 'current'],
      ['no repetitive bending', 'current'],
    ]);
  });
  it('keeps the restriction heading current when the answer is a restriction, negated when it is "none"', () => {
    expect(of('Work restrictions: no lifting over 20 pounds.', 'function')).toEqual([
      ['Work restrictions', 'current'],
      ['no lifting over 20', 'current'],
    ]);
    expect(of('Work restrictions: none.', 'function')).toEqual([['Work restrictions', 'negated']]);
  });
  it('does not read how an injury happened as a restriction', () => {
    expect(of('There was no heavy lifting involved.', 'function')).toEqual([]);
    expect(of('She denies any heavy lifting.', 'function')).toEqual([]);
  });
});

describe('function told as help, a status field or list, forced rest, withdrawal, a job given up', () => {
  it.each([
    ['She ambulates with the assistance of a walker.', 'ambulates with the assistance of a walker', 'walking'],
    ['Functional status: Limited by pain.', 'Functional status: Limited', 'other'],
    ['She must stop and rest after walking one block.', 'must stop and rest after ', 'other'],
    ['He had to give up his job as a truck driver.', 'had to give up his job', 'work'],
    ['Patient reports difficulty with the following: reaching overhead.', 'difficulty with the following: reaching overhead', 'other'],
    ['Activities affected: sleeping, driving, working.', 'Activities affected: sleeping', 'sleep'],
    ['She is unable to maintain any one position for long periods.', 'unable to maintain any one position', 'other'],
    ['He reports reduced participation in social activities.', 'reduced participation in social activities', 'other'],
    ['She relies on her husband to do the housework.', 'relies on her husband to do the housework', 'adl'],
    ["The patient's ADLs are significantly affected.", 'ADLs are significantly affected', 'adl'],
    ['Amb with SPC x 50 feet.', 'Amb with SPC', 'walking'],
    ['Pt ambulates 100 ft with rolling walker and min assist.', 'ambulates 100 ft with rolling walker', 'walking'],
  ])('%s', (text, span, limitation) => {
    const m = mentions(text).filter((x) => x.type === 'function');
    expect(m.map((x) => [x.text, x.context, x.type === 'function' ? x.limitation : undefined])).toEqual([[span, 'current', limitation]]);
  });
});

describe('a trial the patient has had', () => {
  it('"failed a trial of" is care had, "will start a trial of" a plan', () => {
    expect(of('He failed a trial of meloxicam.', 'conservative-care')).toEqual([['meloxicam', 'history']]);
    expect(of('We will start a trial of meloxicam.', 'conservative-care')).toEqual([['meloxicam', 'plan']]);
  });
});

describe('care and scores in words the lexicons lacked', () => {
  it('over-the-counter medications are care, except as an allergy', () => {
    expect(of('She has tried over-the-counter medications without relief.', 'conservative-care')).toEqual([
      ['over-the-counter medications', 'history'],
    ]);
    expect(of('ALLERGIES: All over-the-counter medications.', 'conservative-care')).toEqual([]);
  });
  it('a visual analog scale spelled out names the pain score', () => {
    const m = mentions('Visual analog scale 7/10.').filter((x) => x.type === 'pain-score');
    expect(m.map((x) => [x.text, x.type === 'pain-score' ? x.value : undefined])).toEqual([['7/10', 7]]);
  });
});

describe('a drug the list says is not for pain', () => {
  it('reads the sig past its abbreviations ("p.o. q.6h. p.r.n. fever"), not past the next drug', () => {
    expect(of('MEDICATIONS: Acetaminophen 650 mg p.o. q.6h. p.r.n. fever.', 'conservative-care')).toEqual([]);
    expect(of('MEDICATIONS: Acetaminophen 650 mg p.o. q.6h. p.r.n. pain.', 'conservative-care')).toEqual([['Acetaminophen', 'current']]);
    expect(of('He takes oxycodone 30 mg t.i.d. with Lunesta 3 mg q.h.s. for sleep.', 'conservative-care')).toEqual([
      ['oxycodone', 'current'],
    ]);
  });
});
