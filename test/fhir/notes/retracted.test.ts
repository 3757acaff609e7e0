// A problem-list entry the note says was entered in error is not a documented symptom (round-2 external finding
// F12): for a facet procedure "documented radicular pain" excludes it, so a retracted entry must not. Invented
// sentences, shaped like a pain-clinic follow-up note.
import { describe, expect, it } from 'vitest';
import { extractNoteFacts } from '../../../src/fhir/notes';

const radicular = (text: string) =>
  extractNoteFacts({ ref: 'DocumentReference/n1', title: 'Follow-up', contentType: 'text/plain', text, date: '2026-11-24' })
    .symptoms.filter((x) => x.kind === 'radicular')
    .map((x) => x.present);

describe('retracted entries are not symptoms', () => {
  it.each([
    'The cervical radiculopathy diagnosis on his problem list was entered in error and has been removed.',
    'Radiculopathy was erroneously added to the problem list at the last visit.',
    'The sciatica entry was charted on the wrong patient.',
  ])('%s -> no radicular fact', (text) => {
    expect(radicular(text)).toEqual([]);
  });

  it('only the retracted clause is dropped: real radicular pain in another clause of the sentence still counts', () => {
    expect(radicular('The MRI order was entered in error; she has radicular pain down the left leg.')).toEqual([true]);
  });

  it('controls: a stated symptom is present, a negated one absent', () => {
    expect(radicular('She has radiculopathy into the left leg.')).toEqual([true]);
    expect(radicular('She denies radicular symptoms.')).toEqual([false]);
  });
});
