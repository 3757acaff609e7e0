// Commercial coverage overlays: Summit Health Plan (eviCore CMM-200) and BCBSMA policy 690 (situations 7, 8).
import { Chart } from '../gen/chart';
import { ICD, ptCourse, PT_FAILED } from '../gen/clinical';
import { line, type SeedPatient } from '../gen/manifest';

/** 7. Cervical radiculopathy with 5 weeks of PT and NSAID: short of eviCore's 6 weeks, enough for Medicare. */
export function cervicalSummit(): SeedPatient {
  const c = new Chart('pt-cervical-summit');
  c.patient({
    family: 'Castellano',
    given: ['Maria', 'Elena'],
    birthDate: '1974-04-28',
    gender: 'female',
    mrn: 'RB-103044',
    city: 'Worcester',
  });
  c.coverage('summit', 'SHP-40219877-01', '2025-01-01');
  c.condition({ icd: ICD.M54_2, onset: '2023-02-01', recorded: '2023-02-10', status: 'resolved', abatement: '2023-05-01' });
  const rad = c.condition({ icd: ICD.M54_12, onset: '2026-08-10', recorded: '2026-10-26' });
  const disc = c.condition({ icd: ICD.M50_123, onset: '2026-08-10', recorded: '2026-10-26' });
  c.medRequest({
    rx: 'naproxen',
    text: 'naproxen 500 mg twice daily',
    start: '2026-09-14',
    end: '2026-10-19',
    status: 'stopped',
    reason: 'no relief',
  });
  c.medRequest({ rx: 'gabapentin', text: 'gabapentin 300 mg at bedtime', start: '2026-10-26', status: 'active' });
  const pt = ptCourse(c, '2026-09-14', 5, 2, 'Cervical radiculopathy');
  // The therapist's intake used a 100 mm VAS, as many PT intake forms do.
  c.vas('2026-09-14', 70, pt[0]);
  c.imaging({
    date: '2026-10-05',
    study: 'mri-cervical',
    conclusion:
      'C6-C7: right paracentral and foraminal disc protrusion with moderate right foraminal stenosis compressing the exiting right C7 nerve root. C5-C6: mild disc bulge without stenosis. Cord normal in signal.',
  });
  const visit = c.encounter({ date: '2026-10-26', type: 'new', em: '99204', minutes: 48, reason: 'Neck and right arm pain' });
  c.pain('2026-10-26', 7, { encounter: visit.id });
  c.disability('2026-10-26', 'Neck Disability Index', 38, visit.id);
  const sr = c.serviceRequest({
    code: '62321',
    display: 'Cervical interlaminar epidural steroid injection C6-C7',
    date: '2026-11-24',
    levels: ['C6-C7'],
    reasons: [ICD.M54_12, ICD.M50_123],
    conditions: [rad.id ?? '', disc.id ?? ''],
    authored: '2026-10-26',
    encounter: visit.id,
    detail: 'fluoroscopic guidance with contrast; right paramedian approach',
  });
  c.note({
    date: '2026-10-26',
    encounter: visit.id,
    consult: true,
    title: 'Pain medicine consultation',
    body: [
      'CONSULTATION',
      'CC: neck pain radiating into the right arm.',
      'HPI: 52-year-old dental hygienist with right arm pain since 08/10/2026, from the right neck over the posterior arm and forearm into the middle finger, with numbness of the middle finger. NRS 7/10; Neck Disability Index 38%. Difficulty working with her arms raised, wakes at night.',
      'Conservative care: physical therapy for 5 weeks (09/14 - 10/19/2026), twice weekly, cervical traction and nerve glides, with home exercises, minimal improvement. Naproxen 500 mg twice daily over the same 5 weeks, no relief; stopped. No chiropractic care.',
      'Denies gait imbalance, hand clumsiness, bowel or bladder changes. No myelopathic symptoms.',
      'PMH: neck strain 2023, resolved. FHx: father with cervical stenosis surgery. Social: non-smoker.',
      'EXAM: Spurling positive on the right. Triceps 4+/5 right, 5/5 left. Triceps reflex diminished right. Decreased sensation right middle finger. Hoffmann negative, gait normal.',
      'IMAGING: MRI cervical 10/05/2026 right C6-C7 foraminal protrusion compressing the right C7 root - concordant.',
      'A/P: right C7 radiculopathy (M54.12) from C6-C7 disc protrusion (M50.123). Plan C6-C7 interlaminar ESI under fluoroscopy with contrast. Start gabapentin 300 mg at night. Insurance Summit Health Plan - prior authorization through eviCore required.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Maria Castellano',
      payerKey: 'summit',
      situations: [7],
      rules: ['ESI-CONSERVATIVE', 'eviCore CMM-200 (6 weeks for radiculopathy)', 'ESI-SCALES', 'ESI-DX'],
      summary:
        'Right C7 radiculopathy (M54.12 / M50.123), NRS 7, NDI 38 %, 5 weeks of PT and naproxen; C6-C7 interlaminar ESI under Summit Health Plan (eviCore).',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '62321',
          expect: {
            verdict: 'incomplete',
            why: 'Summit uses eviCore CMM-200: at least 6 weeks of failed conservative care for radiculopathy; 5 weeks of PT and naproxen are documented (ESI-CONSERVATIVE overlay), so one more week of documented care, or a reason to proceed, is needed.',
          },
          alsoUnder: [
            {
              payer: 'medicare',
              verdict: 'ready',
              why: 'The Medicare ESI LCD baseline asks for 4 weeks (ESI-CONSERVATIVE, VERIFY: a warning at most); 5 weeks, NRS/NDI and the concordant MRI meet it.',
            },
          ],
          expectCoding: {
            lines: [line('62321')],
            diagnoses: ['M54.12', 'M50.123'],
            notes: 'Interlaminar: one level, no side modifier, 1 unit; 77003 included.',
          },
        },
      ],
      noise: [{ ref: 'Condition/pt-cervical-summit-cond1', what: 'resolved cervicalgia from 2023' }],
    },
  };
}

/** 8. Lumbar stenosis with neurogenic claudication under BCBSMA: 4 weeks PT + 4 weeks prescription NSAID. */
export function stenosisBcbsma(): SeedPatient {
  const c = new Chart('pt-stenosis-bcbsma');
  c.patient({ family: 'Doyle', given: ['Patrick', 'F.'], birthDate: '1965-01-19', gender: 'male', mrn: 'RB-103291', city: 'Spencer' });
  c.coverage('bcbsma', 'XKB918274033', '2024-01-01');
  c.condition({ icd: ICD.I10, onset: '2014-01-01', recorded: '2016-06-01' });
  const sten = c.condition({ icd: ICD.M48_062, onset: '2026-05-01', recorded: '2026-11-02' });
  c.medRequest({
    rx: 'meloxicam',
    text: 'meloxicam 15 mg daily (prescription)',
    start: '2026-09-08',
    end: '2026-10-06',
    status: 'stopped',
    reason: 'no improvement after 4 weeks',
  });
  ptCourse(c, '2026-09-08', 4, 2, 'Lumbar stenosis', PT_FAILED);
  c.imaging({
    date: '2026-08-27',
    study: 'mri-lumbar',
    conclusion:
      'L4-L5: severe central canal stenosis from disc bulge, facet and ligamentum flavum hypertrophy, with bilateral lateral recess narrowing. L3-L4: mild central stenosis.',
  });
  const visit = c.encounter({ date: '2026-11-02', type: 'new', em: '99204', minutes: 46, reason: 'Leg pain with walking' });
  c.pain('2026-11-02', 7, { encounter: visit.id });
  c.disability('2026-11-02', 'Oswestry Disability Index', 40, visit.id);
  c.limitation('2026-11-02', 'Walking tolerance 1 block (about 5 minutes) before leg pain forces him to sit', visit.id);
  const sr = c.serviceRequest({
    code: '62323',
    display: 'Lumbar interlaminar epidural steroid injection L4-L5',
    date: '2026-11-30',
    levels: ['L4-L5'],
    reasons: [ICD.M48_062],
    conditions: [sten.id ?? ''],
    authored: '2026-11-02',
    encounter: visit.id,
    detail: 'fluoroscopic guidance with contrast',
  });
  c.note({
    date: '2026-11-02',
    encounter: visit.id,
    consult: true,
    title: 'Pain medicine consultation',
    body: [
      'CONSULTATION',
      'HPI: 61-year-old mail carrier with bilateral buttock and thigh pain with walking since May 2026, relieved by sitting or leaning forward on a shopping cart, and since July right L5 radicular pain down the lateral leg to the top of the foot. Walking tolerance 1 block. NRS 7/10 when walking, ODI 40%.',
      'Conservative care: completed 4 weeks of physical therapy (09/08 - 10/06/2026), flexion-based program and stationary bike, without improvement. Prescription meloxicam 15 mg daily over the same 4 weeks gave no relief; stopped.',
      'Denies bowel or bladder changes, saddle anaesthesia. No leg weakness. Pedal pulses normal (vascular claudication considered and felt unlikely).',
      'PMH: hypertension. FHx: father with spinal stenosis. Social: 20 pack-year former smoker.',
      'EXAM: normal strength and reflexes at rest, decreased pinprick over the right L5 dermatome, negative SLR bilaterally, pain reproduced with lumbar extension, 2+ dorsalis pedis pulses.',
      'MRI 08/27/2026: severe L4-L5 central canal stenosis.',
      'A/P: lumbar spinal stenosis with neurogenic claudication (M48.062) and right L5 radiculopathy from lateral recess narrowing. Plan L4-L5 interlaminar ESI under fluoroscopy. BCBSMA plan.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Patrick Doyle',
      payerKey: 'bcbsma',
      situations: [8],
      rules: ['BCBSMA policy 690 (4 weeks PT + prescription analgesic)', 'ESI-DX', 'ESI-SCALES'],
      summary:
        'Lumbar stenosis with neurogenic claudication (M48.062) and right L5 radicular pain, 4 weeks PT and 4 weeks prescription meloxicam, NRS 7; L4-L5 interlaminar ESI under BCBSMA.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '62323',
          expect: {
            verdict: 'ready',
            why: 'BCBSMA policy 690 overlay: at least 4 weeks of PT and of prescription-strength analgesic are documented (exactly 4 weeks each), pain moderate-severe (NRS 7); the right L5 radiculopathy is the indication of the policy (BCBSMA-690-DX names radiculopathy only: claudication alone would not be covered).',
          },
          alsoUnder: [
            {
              payer: 'medicare',
              verdict: 'ready',
              why: 'The Medicare baseline (ESI-CONSERVATIVE 4 weeks, ESI-SCALES, ESI-DX) is met as well.',
            },
          ],
          expectCoding: {
            lines: [line('62323')],
            diagnoses: ['M48.062'],
            notes: 'Interlaminar: one level, no side modifier, 1 unit; 77003 included.',
          },
        },
      ],
    },
  };
}
