// Held-out policy cases (README.md) on ESI (LCD L39242 family): indication and diagnosis, pain duration and
// conservative care.
import type { PolicyCase } from './case';
import { dx, nrs, fn, care, img, duration, sym, svc } from './facts';
import { TODAY, PLANNED, esiBase } from './baselines';
import { SRC } from './sources';

const cases: PolicyCase[] = [];
const add = (c: PolicyCase) => cases.push(c);

// ===== ESI: indication / diagnosis ==============================================================================
{
  const { picture: pic, service } = esiBase();
  add({
    id: 'ESI-01',
    topic: 'esi-indication',
    source: SRC.esiS1,
    grade: 'S1',
    primaryText: false,
    description:
      'Baseline: lumbar radiculopathy M51.16, 19 weeks of pain, 6 weeks PT + 15 weeks NSAID failed, NRS 7, ODI 46, concordant MRI, TFESI L4-L5 left',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const s = svc({
    code: '62321',
    kind: 'esi-interlaminar',
    region: 'cervical',
    levels: ['C6-C7'],
    date: PLANNED,
    reasonIcd10: ['M50.123'],
  });
  const { picture: pic, service } = esiBase({
    service: s,
    diagnoses: [dx('M50.123', 'Cervical disc disorder at C6-C7 level with radiculopathy', '2026-06-15')],
    symptoms: [sym('radicular', true, 'cervical', TODAY, 'left')],
    imaging: [img('MRI', '2026-08-30', 'cervical', ['C6-C7'], 'Left paracentral C6-C7 disc herniation compressing the left C7 nerve root')],
    functionalStatus: [fn('NDI', 42, TODAY, 'cannot lift grandchild, drops objects with left hand')],
    painDuration: [duration('2026-06-15', TODAY, 24)],
    noteText:
      'Left arm pain into middle finger since June 2026, triceps 4/5, diminished triceps reflex. NDI 42%. Failed PT and meloxicam. MRI C6-C7 left herniation. Plan: C6-C7 interlaminar ESI.',
  });
  add({
    id: 'ESI-02',
    topic: 'esi-indication',
    source: SRC.esiS1,
    grade: 'S1',
    primaryText: false,
    description: 'Cervical radiculopathy, billable M50.123 (C6-C7 with radiculopathy), interlaminar C6-C7 (62321), otherwise complete',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { reasonIcd10: ['M51.362'] },
    diagnoses: [
      dx(
        'M51.362',
        'Other intervertebral disc degeneration, lumbar region with discogenic back pain and lower extremity pain',
        '2026-07-20',
      ),
    ],
    imaging: [
      img(
        'MRI',
        '2026-09-20',
        'lumbar',
        ['L4-L5'],
        'Degenerated L4-L5 disc with left foraminal narrowing contacting the exiting left L4 root',
      ),
    ],
  });
  add({
    id: 'ESI-03',
    topic: 'esi-indication',
    source: `${SRC.icd}; ${SRC.esiS1} (no closed ICD-10 list in the ESI article)`,
    grade: 'S1',
    primaryText: false,
    description:
      'FY2025 code M51.362 (disc degeneration with back AND lower-extremity pain), radicular leg pain documented, concordant MRI: covered as radicular pain',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'radicular pain with concordant imaging (FY2025 code accepted)' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { code: '62323', kind: 'esi-interlaminar', laterality: undefined, reasonIcd10: ['M51.360'] },
    diagnoses: [dx('M51.360', 'Other intervertebral disc degeneration, lumbar region with discogenic back pain only', '2026-07-20')],
    symptoms: [sym('axial', true, 'lumbar', TODAY, 'bilateral'), sym('radicular', false, 'lumbar', TODAY)],
    imaging: [img('MRI', '2026-09-20', 'lumbar', ['L4-L5'], 'Desiccated L4-L5 disc with loss of height; no neural compression')],
    noteText: 'Central low back pain, no leg pain, denies radicular symptoms. Plan: L4-L5 interlaminar ESI.',
  });
  add({
    id: 'ESI-04',
    topic: 'esi-indication',
    source: `${SRC.esiS1}: axial / non-radicular pain not covered; ${SRC.icd}`,
    grade: 'S1',
    primaryText: false,
    description: 'FY2025 code M51.360 (discogenic back pain ONLY), no radicular symptoms: axial pain, ESI not covered',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'axial (non-radicular) pain' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { reasonIcd10: ['M51.36'] },
    diagnoses: [dx('M51.36', 'Other intervertebral disc degeneration, lumbar region', '2026-07-20')],
  });
  add({
    id: 'ESI-05',
    topic: 'esi-indication',
    source: `${SRC.icd} (header since 2024-10-01, never billable for a 2026 date of service)`,
    grade: 'P',
    primaryText: true,
    description:
      'Header code M51.36 on the order (date of service 2026-12-08), radicular symptoms and MRI otherwise complete: the code is not valid and must be recoded to M51.36x',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'incomplete', alsoAcceptable: ['not-eligible'], decidingRequirement: 'invalid (header) ICD-10-CM code M51.36' },
  });
}
{
  // Acute zoster: duration and conservative-care minimums do not apply.
  const s = svc({ code: '62321', kind: 'esi-interlaminar', region: 'thoracic', levels: ['T6-T7'], date: TODAY, reasonIcd10: ['B02.9'] });
  const { picture: pic, service } = esiBase({
    service: s,
    diagnoses: [dx('B02.9', 'Zoster without complications', '2026-11-17')],
    symptoms: [sym('radicular', true, 'thoracic', TODAY, 'left')],
    painScores: [nrs(8, TODAY)],
    functionalStatus: [fn('PEG', 8, TODAY, 'unable to sleep or dress without severe pain')],
    conservativeCare: [
      care('other', 'Valacyclovir 1 g three times daily', '2026-11-17', '2026-11-24', 1, 'failed'),
      care('neuropathic-agent', 'Gabapentin titrated to 900 mg/day', '2026-11-18', '2026-12-01', 2, 'failed'),
    ],
    imaging: [
      img(
        'MRI',
        '2026-11-26',
        'thoracic',
        ['T6-T7'],
        'Enhancement of the left T6 nerve root consistent with zoster radiculitis; no disc herniation or mass',
      ),
    ],
    painDuration: [duration('2026-11-17', TODAY, 2)],
    noteText:
      'Acute herpes zoster left T6 dermatome, rash onset 2026-11-17, severe band-like pain 8/10 despite valacyclovir and gabapentin. Plan: T6-T7 interlaminar ESI.',
  });
  add({
    id: 'ESI-06',
    topic: 'esi-duration',
    source: `${SRC.esiS1}: >= 4 weeks pain and >= 4 weeks care, "except acute herpes zoster"`,
    grade: 'S1',
    primaryText: false,
    description: 'Acute herpes zoster (B02.9), pain 2 weeks, 2 weeks of treatment: duration and conservative-care minimums are waived',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'acute herpes zoster exemption' },
  });
}
{
  const s = svc({ code: '62321', kind: 'esi-interlaminar', region: 'thoracic', levels: ['T6-T7'], date: TODAY, reasonIcd10: ['B02.29'] });
  const { picture: pic, service } = esiBase({
    service: s,
    diagnoses: [dx('B02.29', 'Other postherpetic nervous system involvement', '2026-05-02')],
    symptoms: [sym('radicular', true, 'thoracic', TODAY, 'left')],
    painScores: [nrs(7, TODAY)],
    functionalStatus: [fn('PEG', 7, TODAY, 'sleep disrupted nightly')],
    conservativeCare: [
      care('neuropathic-agent', 'Gabapentin 1800 mg/day', '2026-06-01', '2026-11-20', 24, 'failed'),
      care('analgesic', 'Lidocaine 5 % patch', '2026-07-01', '2026-11-20', 20, 'failed'),
    ],
    imaging: [img('MRI', '2026-07-10', 'thoracic', ['T6-T7'], 'No disc herniation, stenosis or mass at T6-T7')],
    painDuration: [duration('2026-05-02', TODAY, 30)],
    noteText: 'Post-herpetic pain left T6 dermatome 7 months after shingles. Plan: T6-T7 interlaminar ESI.',
  });
  add({
    id: 'ESI-07',
    topic: 'esi-indication',
    source: `${SRC.esiS1} (covered: ACUTE herpes zoster); ICD-10-CM B02.2x = postherpetic nervous-system involvement (shared README; codelle.io / icd10.blog code pages, S2)`,
    grade: 'S1',
    primaryText: false,
    description:
      'Post-herpetic pain (B02.29) 7 months after zoster: B02.2x is not acute zoster, and post-herpetic pain is not an ESI indication',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'not an ESI indication (B02.2x is not acute zoster)' },
  });
}

// ===== ESI: pain duration / conservative care ===================================================================
{
  const { picture: pic, service } = esiBase({
    svcIn: { date: TODAY },
    painDuration: [duration('2026-11-10', TODAY, 3)],
    conservativeCare: [
      care('nsaid', 'Meloxicam 15 mg daily', '2026-11-10', '2026-12-01', 3, 'failed'),
      care('activity-modification', 'Activity modification, walking programme', '2026-11-10', '2026-12-01', 3, 'failed'),
    ],
    noteText: 'Left thigh pain for 3 weeks since lifting injury on 2026-11-10.',
  });
  add({
    id: 'ESI-08',
    topic: 'esi-duration',
    source: `${SRC.esiS1}: pain >= 4 weeks`,
    grade: 'S1',
    primaryText: false,
    description: 'Below: pain for 3 weeks (onset 2026-11-10), 3 weeks of care',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'pain duration >= 4 weeks' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { date: TODAY },
    painDuration: [duration('2026-11-03', TODAY, 4)],
    conservativeCare: [
      care('nsaid', 'Meloxicam 15 mg daily', '2026-11-03', '2026-12-01', 4, 'failed'),
      care('physical-therapy', 'Physical therapy 2x/week', '2026-11-03', '2026-12-01', 4, 'failed'),
    ],
    noteText: 'Left thigh pain for 4 weeks since 2026-11-03; failed 4 weeks of PT and meloxicam.',
  });
  add({
    id: 'ESI-09',
    topic: 'esi-duration',
    source: `${SRC.esiS1}: pain >= 4 weeks and >= 4 weeks of failed conservative care`,
    grade: 'S1',
    primaryText: false,
    description: 'At threshold: pain exactly 4 weeks (28 days) and 4 weeks of failed PT + NSAID, service today',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { date: TODAY },
    conservativeCare: [
      care('nsaid', 'Meloxicam 15 mg daily', '2026-11-10', '2026-12-01', 3, 'failed'),
      care('physical-therapy', 'Physical therapy 2x/week', '2026-11-10', '2026-12-01', 3, 'failed'),
    ],
  });
  add({
    id: 'ESI-10',
    topic: 'esi-conservative',
    source: `${SRC.esiS1}: >= 4 weeks of failed / not tolerated non-invasive conservative care (shared README: the 4 weeks applies to the care, S1)`,
    grade: 'S1',
    primaryText: false,
    description: 'Below: pain 19 weeks but only 3 weeks of conservative care (PT and NSAID concurrent)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'conservative care >= 4 weeks' },
  });
}

export const ESI_INDICATION_CASES: readonly PolicyCase[] = cases;
