// F15 (second external tester): which region a cervical or a thoracic session belongs to for ESI-FREQUENCY ("at most
// 4 sessions per spinal region"). No LCD or billing-article text read defines the region, so ClaimReady keeps
// counting cervical and thoracic together (as the CPT families 62320/62321 and 64479/64480 do) and says, as advice,
// where that decides the count. At, below and above the limit.
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/policy/assess';
import type { Assessment, Finding } from '../../../src/policy/verdicts';
import type { SpinalRegion } from '../../../src/policy/picture';
import { HOURS_PER_MONTH } from '../../../src/policy/dates';
import { esiPicture, proc, relief, tfesi, TODAY } from '../build';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};
const LEVEL: Record<SpinalRegion, string> = { cervical: 'C6-C7', thoracic: 'T10-T11', lumbar: 'L4-L5', sacral: 'L5-S1' };
const session = (region: SpinalRegion, daysAgo: number) =>
  proc('esi-transforaminal', daysAgo, [relief(80, 4 * HOURS_PER_MONTH)], {
    id: `${region}${daysAgo}`,
    code: '64479',
    region,
    levels: [LEVEL[region]],
    evidence: [{ ref: `Procedure/${region}${daysAgo}`, display: region }],
  });
const cervicalEsi = () => tfesi({ code: '64479', region: 'cervical', levels: ['C6-C7'], reasonIcd10: ['M54.12'] });

function picture(cervical: number, thoracic: number) {
  const p = esiPicture();
  p.diagnoses.push({ icd10: 'M54.12', display: 'Radiculopathy, cervical', clinicalStatus: 'active', source: 'coded', evidence: [] });
  p.imaging.push({ modality: 'MRI', date: '2026-09-01', region: 'cervical', levels: ['C6-C7'], source: 'coded', evidence: [] });
  p.symptoms.push({ kind: 'radicular', present: true, region: 'cervical', laterality: 'left', source: 'note', evidence: [] });
  for (let i = 0; i < cervical; i++) p.procedureHistory.push(session('cervical', 320 - 30 * i));
  for (let i = 0; i < thoracic; i++) p.procedureHistory.push(session('thoracic', 150 - 30 * i));
  return p;
}

describe('ESI-REGION-DEFINITION: cervical and thoracic counted as one region, said where it decides (advice)', () => {
  it.each([
    // cervical, thoracic, frequency (kept behaviour), region advice
    [2, 1, 'met', 'met'],
    [3, 1, 'not-met', 'missing'],
    [3, 2, 'not-met', 'missing'],
    [2, 3, 'not-met', 'missing'],
    [4, 1, 'not-met', 'met'],
  ])('%i cervical and %i thoracic sessions before a cervical ESI -> frequency %s, region advice %s', (c, t, frequency, advice) => {
    const a = assess(picture(c, t), cervicalEsi(), 'medicare', TODAY);
    expect(find(a, 'esi-frequency-region').status).toBe(frequency);
    const f = find(a, 'esi-region-definition');
    expect(f.status).toBe(advice);
    expect(f.severity).toBe('warning');
    expect(f.citation).toMatchObject({ ruleId: 'ESI-REGION-DEFINITION', grade: 'none', verified: false });
    if (advice === 'missing') {
      expect(f.message).toMatch(/could not be checked/);
      expect(f.message).toMatch(new RegExp(`Counted, this is session ${c + t + 1}; not counted, session ${c + 1}`));
      expect(f.evidence.map((e) => e.ref).sort()).toEqual(Array.from({ length: t }, (_, i) => `Procedure/thoracic${150 - 30 * i}`).sort());
    }
  });

  it('only cervical sessions before a cervical ESI, and any lumbar ESI: nothing to say', () => {
    expect(find(assess(picture(3, 0), cervicalEsi(), 'medicare', TODAY), 'esi-region-definition').status).toBe('not-applicable');
    expect(find(assess(picture(0, 3), tfesi(), 'medicare', TODAY), 'esi-region-definition').status).toBe('not-applicable');
  });

  it('a counted session whose region is not recorded is in doubt too', () => {
    const p = picture(3, 0);
    p.procedureHistory.push({ ...session('cervical', 60), region: undefined, levels: [], code: '64479' });
    const f = find(assess(p, cervicalEsi(), 'medicare', TODAY), 'esi-region-definition');
    expect(f.message).toMatch(/region not recorded/);
  });
});
