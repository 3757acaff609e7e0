// Held-out policy cases (README.md) on facet blocks (CGS facet page, LCD L38803 family): indication, levels per
// session and the diagnostic block sequence.
import type { PolicyCase } from './case';
import { dx, care, img, duration, sym } from './facts';
import { TODAY, facetBase, MBB } from './baselines';
import { SRC } from './sources';

const cases: PolicyCase[] = [];
const add = (c: PolicyCase) => cases.push(c);

// ===== Facet: indication (pain duration, conservative care, exclusions) ======================================
{
  const { picture: pic, service } = facetBase({
    svcIn: { date: TODAY },
    painDuration: [duration('2026-09-22', TODAY, 10)],
    conservativeCare: [care('nsaid', 'Naproxen 500 mg twice daily', '2026-09-25', '2026-11-30', 9, 'failed')],
  });
  add({
    id: 'FAC-09',
    topic: 'facet-indication',
    source: `${SRC.facetP}: "persistent for at least a minimum of 3 months"`,
    grade: 'P',
    primaryText: true,
    description: 'Below: axial pain for 10 weeks',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'pain >= 3 months' },
  });
}
{
  const { picture: pic, service } = facetBase({
    svcIn: { date: TODAY },
    painDuration: [duration('2026-09-01', TODAY, 13)],
    conservativeCare: [
      care('nsaid', 'Naproxen 500 mg twice daily', '2026-09-05', '2026-11-30', 12, 'failed'),
      care('physical-therapy', 'Physical therapy 6 weeks', '2026-09-15', '2026-10-27', 6, 'failed'),
    ],
  });
  add({
    id: 'FAC-10',
    topic: 'facet-indication',
    source: `${SRC.facetP}: "at least a minimum of 3 months"`,
    grade: 'P',
    primaryText: true,
    description: 'At threshold: axial pain since 2026-09-01, service 2026-12-01 (3 calendar months)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({
    conservativeCare: [
      care('nsaid', 'Naproxen 500 mg twice daily', '2026-11-10', '2026-11-24', 2, 'failed'),
      care('home-exercise', 'Home exercise programme', '2026-11-10', '2026-11-24', 2, 'failed'),
    ],
  });
  add({
    id: 'FAC-11',
    topic: 'facet-indication',
    source: `${SRC.facetP}: "Documented failure to respond to noninvasive conservative management" - no duration set for the care (shared README, P)`,
    grade: 'P',
    primaryText: true,
    description: 'Pain 54 weeks; only 2 weeks of failed conservative care: the facet LCD sets no minimum duration for the care',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'no conservative-care duration in the facet LCD' },
  });
}
{
  const { picture: pic, service } = facetBase({
    diagnoses: [
      dx('M47.816', 'Spondylosis without myelopathy or radiculopathy, lumbar region', '2025-11-15'),
      dx('M54.16', 'Radiculopathy, lumbar region', '2026-09-01'),
    ],
    symptoms: [sym('axial', true, 'lumbar', TODAY, 'bilateral'), sym('radicular', true, 'lumbar', TODAY, 'left')],
    imaging: [
      img(
        'MRI',
        '2026-06-10',
        'lumbar',
        ['L4-L5', 'L5-S1'],
        'Facet arthropathy L4-L5, L5-S1; left L5-S1 disc protrusion contacting the left S1 root; no synovial cyst',
      ),
    ],
    noteText:
      'Back pain plus left leg pain to the foot, positive straight-leg raise, absent left ankle reflex; no treatment for the radiculopathy yet.',
  });
  add({
    id: 'FAC-12',
    topic: 'facet-indication',
    source: `${SRC.facetP}: "Absence of untreated radiculopathy or neurogenic claudication (except ... facet joint synovial cyst)"`,
    grade: 'P',
    primaryText: true,
    description: 'Untreated lumbar radiculopathy (M54.16, disc protrusion, no cyst) alongside facet pain',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'untreated radiculopathy' },
  });
}
{
  const { picture: pic, service } = facetBase({
    svcIn: { levels: ['L3-L4', 'L4-L5', 'L5-S1'] },
    imaging: [img('MRI', '2026-06-10', 'lumbar', ['L3-L4', 'L4-L5', 'L5-S1'], 'Facet arthropathy L3-L4 to L5-S1')],
  });
  add({
    id: 'FAC-13',
    topic: 'facet-levels',
    source: SRC.facetLevels,
    grade: 'P',
    primaryText: true,
    description: 'Third level: MBB planned at 3 joints (64493 + 64494 + 64495)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'at most 2 facet levels per session; 3rd level not covered' },
  });
}

// ===== Facet: diagnostic block sequence (80 %, 2 weeks) ======================================================
{
  const { picture: pic, service } = facetBase({ svcIn: { date: TODAY }, procedureHistory: [MBB('2026-11-17', 90)] });
  add({
    id: 'FAC-14',
    topic: 'facet-mbb-sequence',
    source: `${SRC.facetP} (second diagnostic: >= 80 % from the first); facet rubric L38801 (S1): second block >= 2 weeks after the first`,
    grade: 'S1',
    primaryText: false,
    description: 'At spacing threshold: second diagnostic MBB exactly 14 days after the first (90 % relief, 6 h)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({ svcIn: { date: TODAY }, procedureHistory: [MBB('2026-11-24', 90)] });
  add({
    id: 'FAC-15',
    topic: 'facet-mbb-sequence',
    source: 'Facet rubric L38801 / A58403 (S1): second diagnostic block at least 2 weeks after the first',
    grade: 'S1',
    primaryText: false,
    description: 'Below spacing: second diagnostic MBB 7 days after the first',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'second diagnostic block >= 2 weeks after the first' },
  });
}
{
  const { picture: pic, service } = facetBase({ procedureHistory: [MBB('2026-11-10', 70)] });
  add({
    id: 'FAC-16',
    topic: 'facet-mbb-sequence',
    source: `${SRC.facetP}: second diagnostic only after "consistent positive response of at least 80% relief"`,
    grade: 'P',
    primaryText: true,
    description: 'Below relief: first MBB gave 70 % relief; second diagnostic MBB planned 28 days later',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'first diagnostic block >= 80 % relief' },
  });
}
{
  const { picture: pic, service } = facetBase({ procedureHistory: [MBB('2026-11-10', 80)] });
  add({
    id: 'FAC-17',
    topic: 'facet-mbb-sequence',
    source: `${SRC.facetP}: "at least 80% relief"`,
    grade: 'P',
    primaryText: true,
    description: 'At relief threshold: first MBB gave exactly 80 %; second diagnostic MBB planned 28 days later',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}

export const FACET_INDICATION_CASES: readonly PolicyCase[] = cases;
