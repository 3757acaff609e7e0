// A level read as normal is not where the pain, pathology or procedure is (GUIDELINES.md), on sentences written for
// this test: imaging reports' level-by-level normals, exam dermatomes read intact, the conus as a landmark.
import { describe, expect, it } from 'vitest';
import { evidence } from './helpers';

const sites = (text: string): string[] => evidence(text, 'site').map((m) => m.text);

describe('site: levels read as normal', () => {
  it.each([
    ['L1-L2: Normal.'],
    ['At L2-3, there is no disc herniation or stenosis.'],
    ['The remaining levels from T12-L1 through L3-L4 are unremarkable.'],
    ['The conus terminates at L1.'],
    ['Sensation intact in L4, L5 and S1 dermatomes bilaterally.'],
    ['Disc spaces are preserved from L1 to L4.'],
  ])('%s', (text) => {
    expect(sites(text)).toEqual([]);
  });
  it('a finding beside the negative, or a level where it is tender, stays a site', () => {
    expect(sites('At L4-5 there is a small bulge but no stenosis.')).toEqual(['L4-5']);
    expect(sites('He reports tenderness at L5-S1 without other tender areas.')).toEqual(['L5-S1']);
    expect(sites('Decreased sensation in the L5 dermatome on the left.').length).toBe(1);
  });
});

describe('complement proteins are not cervical levels', () => {
  it.each(['Sed rate:  31 mm/hr.  C4 complement:  19 mg/dl.', 'C3 and C4 complement levels were low.'])('%s', (text) => {
    expect(evidence(text, 'site')).toEqual([]);
  });
  it('a C4 radiculopathy still is one', () => {
    expect(evidence('C4 and C5 radiculopathy.', 'site')).toHaveLength(1);
  });
});

describe('C8 is a root: named alone or beside C7 or T1', () => {
  it.each([
    ['It reveals an active right C8/T1 radiculopathy.', ['C8', 'T1'], 'right'],
    ['C7/C8 radiculopathy on the left.', ['C7', 'C8'], 'left'],
    ['Weakness in the left C8 distribution.', ['C8'], 'left'],
  ])('%s', (text, levels, laterality) => {
    expect(evidence(text, 'site')).toEqual([expect.objectContaining({ levels, laterality })]);
  });
  it('C9 is not a level', () => {
    expect(evidence('C9 complement was drawn. A C9 lesion.', 'site')).toEqual([]);
  });
});
