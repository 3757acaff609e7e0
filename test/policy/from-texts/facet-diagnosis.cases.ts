// Held-out policy cases (README.md) on facet blocks (article A58403): the covered diagnosis list.
import type { PolicyCase } from './case';
import { dx, fn, img, sym, svc } from './facts';
import { TODAY, PLANNED, facetBase, MBB, rfaSvc } from './baselines';
import { SRC } from './sources';

const cases: PolicyCase[] = [];
const add = (c: PolicyCase) => cases.push(c);

// ===== Facet: diagnosis list (A58403) ========================================================================
{
  const { picture: pic, service } = facetBase();
  add({
    id: 'FAC-01',
    topic: 'facet-diagnosis',
    source: `${SRC.facetP}; ${SRC.facetDx}`,
    grade: 'P',
    primaryText: true,
    description:
      'Baseline: axial lumbar pain 54 weeks, M47.816, failed PT/NSAID/home exercise, NRS 6, ODI 38, first diagnostic MBB L4-L5, L5-S1 bilateral',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const s = svc({
    code: '64493',
    kind: 'facet-mbb',
    region: 'lumbar',
    levels: ['L5-S1'],
    laterality: 'bilateral',
    date: PLANNED,
    reasonIcd10: ['M47.897'],
  });
  const { picture: pic, service } = facetBase({
    service: s,
    diagnoses: [dx('M47.897', 'Other spondylosis, lumbosacral region', '2025-11-15')],
  });
  add({
    id: 'FAC-02',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description: 'Covered list includes M47.892-M47.897: M47.897 (other spondylosis, lumbosacral), MBB L5-S1',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({
    svcIn: { reasonIcd10: ['M54.50'] },
    diagnoses: [dx('M54.50', 'Low back pain, unspecified', '2025-11-15')],
  });
  add({
    id: 'FAC-03',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description: 'Only diagnosis M54.50 (low back pain): no M54.x code supports facet interventions',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', alsoAcceptable: ['incomplete'], decidingRequirement: 'diagnosis not on covered list (M54.x)' },
  });
}
{
  const s = svc({
    code: '64490',
    kind: 'facet-mbb',
    region: 'cervical',
    levels: ['C2-C3'],
    laterality: 'right',
    date: PLANNED,
    reasonIcd10: ['M47.811'],
  });
  const { picture: pic, service } = facetBase({
    service: s,
    diagnoses: [dx('M47.811', 'Spondylosis without myelopathy or radiculopathy, occipito-atlanto-axial region', '2025-10-01')],
    symptoms: [sym('axial', true, 'cervical', TODAY, 'right'), sym('radicular', false, 'cervical', TODAY)],
    functionalStatus: [fn('NDI', 36, TODAY)],
    imaging: [img('CT', '2026-03-02', 'cervical', ['C2-C3'], 'Right C2-C3 facet arthropathy; atlanto-axial degenerative change')],
  });
  add({
    id: 'FAC-04',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description: 'M47.811 (occipito-atlanto-axial) is outside M47.812-M47.817',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', alsoAcceptable: ['incomplete'], decidingRequirement: 'diagnosis not on covered list (M47.811)' },
  });
}
{
  const s = svc({
    code: '64493',
    kind: 'facet-mbb',
    region: 'lumbar',
    levels: ['L5-S1'],
    laterality: 'bilateral',
    date: PLANNED,
    reasonIcd10: ['M47.818'],
  });
  const { picture: pic, service } = facetBase({
    service: s,
    diagnoses: [dx('M47.818', 'Spondylosis without myelopathy or radiculopathy, sacral and sacrococcygeal region', '2025-11-15')],
  });
  add({
    id: 'FAC-05',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description: 'M47.818 (sacral / sacrococcygeal) is outside M47.812-M47.817',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', alsoAcceptable: ['incomplete'], decidingRequirement: 'diagnosis not on covered list (M47.818)' },
  });
}
{
  const { picture: pic, service } = facetBase({
    svcIn: { reasonIcd10: ['M47.819'] },
    diagnoses: [dx('M47.819', 'Spondylosis without myelopathy or radiculopathy, site unspecified', '2025-11-15')],
  });
  add({
    id: 'FAC-06',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description: 'M47.819 (site unspecified) is outside M47.812-M47.817',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', alsoAcceptable: ['incomplete'], decidingRequirement: 'diagnosis not on covered list (M47.819)' },
  });
}
{
  const { picture: pic, service } = facetBase({
    svcIn: { reasonIcd10: ['M47.81'] },
    diagnoses: [dx('M47.81', 'Spondylosis without myelopathy or radiculopathy', '2025-11-15')],
  });
  add({
    id: 'FAC-07',
    topic: 'facet-diagnosis',
    source: `ICD-10-CM: M47.81 is a category header (shared README); ${SRC.facetDx}`,
    grade: 'S1',
    primaryText: false,
    description: 'Header code M47.81 (no region): not billable; must be coded to M47.816',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'incomplete', alsoAcceptable: ['not-eligible'], decidingRequirement: 'invalid (header) ICD-10-CM code M47.81' },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc({ reasonIcd10: ['M53.86'] }),
    diagnoses: [dx('M53.86', 'Other specified dorsopathies, lumbar region', '2025-11-15')],
    imaging: [img('MRI', '2026-06-10', 'lumbar', ['L4-L5'], 'Left L4-L5 facet synovial cyst, 8 mm, with facet effusion')],
    procedureHistory: [MBB('2026-10-06', 90), MBB('2026-10-27', 85)],
  });
  add({
    id: 'FAC-08',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description:
      'M53.86 with a documented facet synovial cyst supports facet injections only, never ablation: RFA with M53.86 as the only diagnosis',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', alsoAcceptable: ['incomplete'], decidingRequirement: 'M53.82-M53.87 not covered for RFA' },
  });
}

export const FACET_DIAGNOSIS_CASES: readonly PolicyCase[] = cases;
