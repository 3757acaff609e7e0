// Reading a radiology impression: where it places findings, and when it finds nothing (sentences written for this
// test, in the shapes reports use).
import { describe, expect, it } from 'vitest';
import { readImpression } from '../../../src/fhir/picture/imaging-findings';

describe('readImpression', () => {
  it.each([
    'Normal MRI of the lumbar spine.',
    'L1-L2 through L5-S1: mild disc desiccation without herniation, canal stenosis or foraminal narrowing. No nerve root compression.',
    'No disc herniation, no spinal canal or foraminal stenosis, no nerve root impingement at any level.',
    'Unremarkable MRI of the cervical spine.',
  ])('finds nothing structural: %s', (text) => {
    expect(readImpression(text).normal).toBe(true);
  });

  it.each([
    ['L4-L5: left paracentral disc protrusion contacting the traversing left L5 root.', ['L4-L5']],
    ['L2-L3: right foraminal disc protrusion. L5-S1: normal.', ['L2-L3']],
    ['No stenosis at L3-L4. L5-S1 broad-based bulge with moderate foraminal narrowing.', ['L5-S1']],
    ['Mild desiccation at L4-L5 without herniation but with severe left foraminal stenosis.', ['L4-L5']],
    ['Postsurgical changes of L4-L5 laminectomy.', ['L4-L5']],
  ])('places the finding: %s', (text, levels) => {
    const r = readImpression(text);
    expect(r.normal).toBe(false);
    expect(r.levels.filter((l) => l.includes('-'))).toEqual(levels);
  });

  it('a report that neither finds nor negates anything is not read as normal', () => {
    expect(readImpression('MRI of the lumbar spine, see full report.').normal).toBe(false);
  });
});
