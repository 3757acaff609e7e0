// Patterns found on the notes-dev3 development notes (medicolegal reports, a pain consult, a neurology follow-up),
// each on sentences written for this test (never note text): restrictions a report places, capacity and daily
// activities told as a decline, a day spent on the floor, function as a whole, a total score told after the
// instrument, headings that name a fact, and class words that describe a drug or name a diagnosis.
import { describe, expect, it } from 'vitest';
import { evidence } from './helpers';

const fn = (text: string) => evidence(text, 'function').map((m) => m.text);
const care = (text: string) => evidence(text, 'conservative-care').map((m) => m.text);

describe('function in medicolegal and neurology reports', () => {
  it('reads restrictions a report places as limitations now', () => {
    expect(fn('He should probably not repetitively kneel or crawl.')).toHaveLength(1);
    expect(fn('She should avoid repetitive pushing at work.')).toHaveLength(1);
    expect(fn('In my opinion he has a disability precluding heavy lifting.')).toHaveLength(1);
    expect(fn('He is not to do any work with the left hand until seen again.')).toHaveLength(1);
  });
  it('reads daily activities and function told as a decline or as nothing', () => {
    expect(fn('He reports a decrease in his daily activities since the fall.')).toHaveLength(1);
    expect(fn('There is a general decline in overall function.')).toHaveLength(1);
    expect(fn('His activities of daily living are severely limited.')).toHaveLength(1);
    expect(fn('Her daily activities are practically zero.')).toHaveLength(1);
    expect(fn('She has limited activities of daily living at home.')).toHaveLength(1);
    expect(fn('The evaluation noted chronic functional limitations.')).toHaveLength(1);
  });
  it('reads walking that is worse or slower, and a day spent on the floor', () => {
    expect(fn('She is walking slower than last year.')).toHaveLength(1);
    expect(fn('Her balance feels worse this month.')).toHaveLength(1);
    expect(fn('He spends most of the day lying on the couch.')).toHaveLength(1);
    expect(fn('He has pain with extended standing.')).toHaveLength(1);
  });
  it('does not read an organ function, range of motion or a heading as the patient function', () => {
    expect(fn('There is decreased renal function on the labs.')).toEqual([]);
    expect(fn('Side bending to the left was decreased.')).toEqual([]);
    expect(fn('WORK RESTRICTIONS AND DISABILITY: none are needed from an orthopedic standpoint.')).toEqual([]);
  });
  it('takes the total score of an instrument told after its name', () => {
    const m = evidence('The Tinetti test gave balance 12 and gait 10, a total score of 22/28.', 'function');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ instrument: 'other', score: 22 });
  });
});

describe('class words that are not a trial of their own', () => {
  it('a class word describing the drug just named is not a second fact', () => {
    expect(care('She continues to take ibuprofen as an anti-inflammatory.')).toEqual(['ibuprofen']);
  });
  it('a class word naming a diagnosis is not care', () => {
    expect(care('Assessment: opioid dependence.')).toEqual([]);
  });
});
