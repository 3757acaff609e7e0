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

// Round-4 external finding F1 made a same-day denial no longer cancel a documented radiculopathy for a facet
// service; a radiculopathy the note says has resolved is then not a current one.
describe('a resolved radiculopathy is absent now, not an untreated one', () => {
  it.each([
    'No radicular symptoms; right S1 radiculopathy in 2019 fully resolved.',
    'Her sciatica has since resolved after physical therapy.',
    'The left leg radicular pain subsided last spring.',
  ])('%s -> absent', (text) => {
    expect(radicular(text).every((present) => !present)).toBe(true);
    expect(radicular(text).length).toBeGreaterThan(0);
  });

  it('controls: unresolved or still present radicular pain stays present', () => {
    expect(radicular('New right L5 radicular leg pain since September, not yet treated.')).toEqual([true]);
    expect(radicular('Radiculopathy into the left leg, which has not resolved.')).toEqual([true]);
  });
});

describe('a facet plan names a joint injection when "intra-articular" sits beyond the target window', () => {
  const target = (text: string) =>
    extractNoteFacts({ ref: 'DocumentReference/n1', title: 'Visit', contentType: 'text/plain', text, date: '2026-11-24' }).siteMentions.map(
      (m) => m.target,
    );
  it('therapeutic intra-articular facet joint injection, bilateral L4-L5 -> intra-articular facet joint', () => {
    expect(target('Plan: therapeutic intra-articular facet joint injection, bilateral L4-L5, under fluoroscopy.')).toEqual([
      'intra-articular facet joint',
    ]);
  });
  it('control: a medial branch block plan keeps its target', () => {
    expect(target('Plan: diagnostic medial branch block, bilateral L4-L5, under fluoroscopy.')).toEqual(['medial branch']);
  });
});
