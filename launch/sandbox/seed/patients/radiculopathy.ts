// Lumbar radiculopathy patients planned for a transforaminal ESI (seed situations 1 and 2).
import { Chart } from '../gen/chart';
import { ICD, SCT, ptCourse, PT_FAILED } from '../gen/clinical';
import { line, type SeedPatient } from '../gen/manifest';

export const TFESI = 'Left L5-S1 transforaminal epidural steroid injection (L5 root)';

/** 1. Documented scales, 8 weeks failed PT and naproxen, concordant MRI: Medicare ready. */
export function radicReady(): SeedPatient {
  const c = new Chart('pt-radic-ready');
  c.patient({
    family: 'Hollis',
    given: ['Margaret', 'Anne'],
    birthDate: '1955-03-14',
    gender: 'female',
    mrn: 'RB-100231',
    city: 'Shrewsbury',
  });
  c.coverage('medicare', '1EG4-TE5-MK72', '2020-04-01');
  c.condition({ icd: ICD.I10, snomed: SCT.hypertension, onset: '2011-05-02', recorded: '2019-01-15' });
  c.condition({ icd: ICD.M77_12, onset: '2021-02-10', recorded: '2021-02-10', status: 'resolved', abatement: '2021-07-01' });
  const rad = c.condition({ icd: ICD.M54_16, onset: '2026-07-20', recorded: '2026-10-14' });
  const disc = c.condition({ icd: ICD.M51_16, onset: '2026-07-20', recorded: '2026-10-14' });
  c.medStatement({ rx: 'lisinopril', text: 'lisinopril 10 mg tablet, 1 daily', start: '2011-05-02', status: 'active' });
  c.medRequest({
    rx: 'naproxen',
    text: 'naproxen 500 mg tablet, 1 twice daily with food',
    start: '2026-07-28',
    end: '2026-09-25',
    status: 'stopped',
    reason: 'no relief after 8 weeks',
  });
  const pt = ptCourse(c, '2026-08-03', 8, 2, 'Low back and left leg pain', PT_FAILED);
  c.note({
    date: '2026-09-28',
    encounter: pt[pt.length - 1],
    title: 'Physical therapy discharge summary',
    body: [
      'PHYSICAL THERAPY DISCHARGE SUMMARY',
      'Dx: lumbar radiculopathy, left. Visits: 17 over 8 weeks (08/03/2026 - 09/28/2026).',
      'Program: McKenzie extension protocol, core stabilisation, neural glides, manual therapy to lumbar spine, home exercise program.',
      'Outcome: patient attended consistently and is compliant with HEP. Left leg pain unchanged, NRS 7/10 at discharge (7/10 at evaluation).',
      'Sitting tolerance still 20 minutes. Goals not met. Plateaued; discharged back to referring provider for further management.',
    ].join('\n'),
  });
  c.imaging({
    date: '2026-09-30',
    study: 'mri-lumbar',
    conclusion:
      'L4-L5: left paracentral disc extrusion with moderate left lateral recess stenosis, compressing the traversing left L5 nerve root. L5-S1: mild disc bulge, mild bilateral foraminal narrowing, no root compression. No fracture or marrow lesion.',
  });
  const consult = c.encounter({ date: '2026-10-14', type: 'new', em: '99204', minutes: 48, reason: 'Left leg pain' });
  c.pain('2026-10-14', 7, { encounter: consult.id });
  c.disability('2026-10-14', 'Oswestry Disability Index', 46, consult.id);
  c.medRequest({
    rx: 'gabapentin',
    text: 'gabapentin 300 mg capsule, 1 three times daily',
    start: '2026-10-14',
    status: 'active',
    encounter: consult.id,
  });
  const first = c.serviceRequest({
    code: '62323',
    display: 'Lumbar interlaminar epidural steroid injection L5-S1',
    date: '2026-11-10',
    levels: ['L5-S1'],
    reasons: [ICD.M54_16],
    status: 'revoked',
    authored: '2026-10-14',
    detail: 'fluoroscopic guidance',
    note: 'Cancelled: changed to left L5-S1 transforaminal approach after review of MRI.',
  });
  c.note({
    date: '2026-10-14',
    encounter: consult.id,
    consult: true,
    title: 'Pain medicine consultation',
    body: [
      'PAIN MEDICINE CONSULTATION',
      'Referring: primary care. Chief complaint: low back pain radiating down the left leg.',
      'HPI: 71-year-old woman with left leg pain since 07/20/2026 after a day of gardening. Pain radiates from the left buttock down the lateral thigh and lateral calf to the dorsum of the foot and great toe, with tingling in the same distribution. Pain is 7/10 on the numeric rating scale today, worse with sitting and walking more than 10 minutes. Oswestry Disability Index 46%.',
      'Conservative care: naproxen 500 mg twice daily for 8 weeks (07/28 - 09/25) without relief, stopped. Completed 8 weeks of physical therapy (08/03 - 09/28/2026), 2x/week, including home exercise program, without improvement. Activity modification: stopped gardening and walking program.',
      'She denies bowel or bladder changes, saddle anaesthesia, fever or weight loss. No prior spine surgery. No prior injections.',
      'PMH: hypertension; left lateral epicondylitis (resolved 2021). Meds: lisinopril 10 mg daily. Allergies: NKDA.',
      'Family history: mother with osteoporosis; father had lumbar fusion in his 60s. Social: retired teacher, never smoker.',
      'EXAM: antalgic gait. Lumbar flexion limited by leg pain. Straight leg raise positive on the left at 40 degrees, negative on the right. Strength 4+/5 left EHL and ankle dorsiflexion, otherwise 5/5. Decreased light touch over the left dorsal foot. Reflexes 2+ and symmetric at knees, 1+ left ankle. No upper motor neuron signs.',
      'IMAGING: MRI lumbar spine 09/30/2026 - left paracentral L4-L5 disc extrusion compressing the traversing left L5 root; concordant with exam.',
      'ASSESSMENT: 1. Lumbar radiculopathy, left L5 (M54.16). 2. L4-L5 disc extrusion with radiculopathy (M51.16).',
      'PLAN: start gabapentin 300 mg three times daily. Interlaminar ESI at L5-S1 under fluoroscopy discussed. Return in 2-3 weeks after MRI review.',
    ].join('\n'),
  });
  const fu = c.encounter({ date: '2026-11-02', type: 'office', em: '99213', minutes: 22, reason: 'Follow-up left leg pain' });
  c.pain('2026-11-02', 7, { encounter: fu.id, integer: true });
  c.disability('2026-11-02', 'Oswestry Disability Index', 44, fu.id);
  const sr = c.serviceRequest({
    code: '64483',
    display: TFESI,
    date: '2026-12-01',
    levels: ['L5-S1'],
    side: 'left',
    reasons: [ICD.M54_16, ICD.M51_16],
    conditions: [rad.id ?? '', disc.id ?? ''],
    authored: '2026-11-02',
    encounter: fu.id,
    detail: 'fluoroscopic guidance with contrast; dexamethasone 10 mg',
  });
  c.note({
    date: '2026-11-02',
    encounter: fu.id,
    title: 'Pain follow-up',
    body: [
      'FOLLOW-UP',
      'Left leg pain persists, 7/10 NRS; ODI 44%. Gabapentin helps sleep slightly, no change in daytime leg pain. Still unable to sit through church or walk her dog. Denies new weakness, bowel or bladder changes.',
      'Exam unchanged: SLR positive left at 40 degrees, 4+/5 left EHL.',
      'A/P: left L5 radiculopathy from L4-L5 extrusion, failed 8 weeks PT and NSAIDs. Plan LEFT L5-S1 transforaminal ESI (left L5 root) under fluoroscopy with contrast, dexamethasone 10 mg, rather than interlaminar (order for interlaminar cancelled). Risks and benefits discussed; consents.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Margaret Hollis',
      payerKey: 'medicare',
      situations: [1],
      rules: ['ESI-DX', 'ESI-DURATION', 'ESI-SCALES', 'ESI-CONSERVATIVE', 'ESI-IMAGING', 'ESI-LEVELS'],
      summary:
        'Left L5 radiculopathy from an L4-L5 extrusion; NRS 7, ODI 46/44 %, 8 weeks failed PT and naproxen, concordant MRI; left L5-S1 TFESI planned.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64483',
          expect: {
            verdict: 'ready',
            why: 'Radiculopathy with concordant exam and MRI (ESI-DX), pain since July (ESI-DURATION), NRS and ODI coded (ESI-SCALES), 8 weeks of failed PT and naproxen (ESI-CONSERVATIVE), fluoroscopy ordered (ESI-IMAGING), one level (ESI-LEVELS).',
          },
          expectCoding: {
            lines: [line('64483', ['LT'])],
            diagnoses: ['M54.16', 'M51.16'],
            notes: 'Unilateral transforaminal: LT, 1 unit. 77003 is included (ESI-77003). The cancelled 62323 order must not be coded.',
          },
        },
      ],
      noise: [
        { ref: `ServiceRequest/${first.id}`, what: 'revoked (cancelled) interlaminar order; not a planned service' },
        { ref: 'Condition/pt-radic-ready-cond2', what: 'resolved lateral epicondylitis' },
      ],
    },
  };
}

/** 2. The same picture without documented conservative care ("will consider PT"): incomplete. */
export function radicNoConservative(): SeedPatient {
  const c = new Chart('pt-radic-no-conservative');
  c.patient({ family: 'Brennan', given: ['Thomas', 'J.'], birthDate: '1958-06-02', gender: 'male', mrn: 'RB-100457', city: 'Auburn' });
  c.coverage('medicare', '3HT7-QW2-RE19', '2023-07-01');
  c.condition({ icd: ICD.E11_9, snomed: SCT.diabetes2, onset: '2016-03-01', recorded: '2018-04-11' });
  c.condition({ icd: ICD.E78_5, onset: '2016-03-01', recorded: '2018-04-11' });
  const rad = c.condition({ icd: ICD.M54_16, onset: '2026-08-25', recorded: '2026-10-28' });
  const disc = c.condition({ icd: ICD.M51_16, onset: '2026-08-25', recorded: '2026-10-28' });
  c.medStatement({ rx: 'metformin', text: 'metformin 1000 mg tablet twice daily', start: '2016-03-01', status: 'active' });
  c.medStatement({ rx: 'atorvastatin', text: 'atorvastatin 20 mg daily', start: '2016-03-01', status: 'active' });
  c.procedure({
    code: '45378',
    display: 'Screening colonoscopy',
    date: '2021-04-12',
    note: 'Two small tubular adenomas removed; repeat in 5 years.',
  });
  c.imaging({
    date: '2026-10-10',
    study: 'mri-lumbar',
    conclusion:
      'L4-L5: left paracentral disc protrusion with an inferiorly migrated fragment contacting the traversing left L5 nerve root; mild central canal narrowing. L5-S1: normal. Mild facet arthropathy L3-L4 and L4-L5.',
  });
  const consult = c.encounter({ date: '2026-10-28', type: 'new', em: '99204', minutes: 46, reason: 'Left leg pain' });
  c.pain('2026-10-28', 8, { encounter: consult.id });
  c.disability('2026-10-28', 'Oswestry Disability Index', 52, consult.id);
  const sr = c.serviceRequest({
    code: '64483',
    display: TFESI,
    date: '2026-11-25',
    levels: ['L5-S1'],
    side: 'left',
    reasons: [ICD.M54_16, ICD.M51_16],
    conditions: [rad.id ?? '', disc.id ?? ''],
    authored: '2026-10-28',
    encounter: consult.id,
    detail: 'fluoroscopic guidance with contrast',
  });
  c.note({
    date: '2026-10-28',
    encounter: consult.id,
    consult: true,
    title: 'Pain medicine consultation',
    body: [
      'PAIN MEDICINE CONSULTATION',
      'CC: left buttock and leg pain.',
      'HPI: 68-year-old man, retired machinist, with left leg pain since late August 2026 after lifting a snow blower into his truck. Pain radiates from the left buttock along the lateral leg to the top of the foot. Rates it 8/10 (NRS). Oswestry 52%. Worse with standing and walking; relieved lying down.',
      'He has not had physical therapy. No prior PT, chiropractic or injections. He has not been taking anti-inflammatories; he prefers to avoid pills.',
      'Denies bowel or bladder changes, saddle numbness, fevers. No history of cancer.',
      'PMH: type 2 diabetes (A1c 7.1), hyperlipidemia. Meds: metformin, atorvastatin. Family history: brother with lumbar stenosis surgery. Former smoker, quit 2001.',
      'EXAM: positive left SLR at 45 degrees. 4/5 left EHL, 5/5 elsewhere. Diminished sensation dorsum of left foot. Reflexes symmetric.',
      'IMAGING: MRI 10/10/2026 L4-L5 left paracentral protrusion contacting the traversing left L5 root, concordant.',
      'ASSESSMENT: left L5 radiculopathy (M54.16) from L4-L5 disc protrusion (M51.16).',
      'PLAN: left L5-S1 transforaminal ESI under fluoroscopy. Will consider PT referral after the injection. Discussed NSAIDs; he declined for now.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Thomas Brennan',
      payerKey: 'medicare',
      situations: [2],
      rules: ['ESI-CONSERVATIVE', 'ESI-DX', 'ESI-SCALES'],
      summary:
        'Same clinical picture as pt-radic-ready but no PT or NSAID trial documented ("will consider PT"); left L5-S1 TFESI planned.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64483',
          expect: {
            verdict: 'incomplete',
            why: 'Diagnosis, scales and imaging are documented but no failed conservative therapy is (ESI-CONSERVATIVE): "will consider PT" and declined NSAIDs are a plan, not a failure.',
          },
          expectCoding: {
            lines: [line('64483', ['LT'])],
            diagnoses: ['M54.16', 'M51.16'],
            notes: 'Coding does not depend on the verdict: LT, 1 unit.',
          },
        },
      ],
    },
  };
}
