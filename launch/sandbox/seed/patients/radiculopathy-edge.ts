// Radiculopathy records that are unusual rather than incomplete: the evidence only in the prose of an HTML note, and
// a payer the policy core does not know (seed situations 10 and 15).
import { Chart } from '../gen/chart';
import { ICD, SCT, ptCourse, PT_FAILED } from '../gen/clinical';
import { line, type SeedPatient } from '../gen/manifest';
import { TFESI } from './radiculopathy';
import { bloodPressure, vital } from '../gen/vitals';

/** 10. Pain scores and the therapy history only in the prose of an HTML note served through Binary. */
export function notesOnly(): SeedPatient {
  const c = new Chart('pt-notes-only');
  c.patient({ family: 'Delgado', given: ['Ramon'], birthDate: '1953-09-21', gender: 'male', mrn: 'RB-100688', city: 'Leominster' });
  c.coverage('medicare', '7KD2-MN4-PL38', '2018-10-01');
  c.condition({ snomed: SCT.hypertension, onset: '2008-01-01', recorded: '2019-03-02' });
  const rad = c.condition({ icd: ICD.M54_16, snomed: SCT.sciatica, onset: '2026-08-01', recorded: '2026-11-05' });
  c.condition({ icd: ICD.M51_16, onset: '2026-08-01', recorded: '2026-11-05' });
  c.imaging({
    date: '2026-10-20',
    study: 'mri-lumbar',
    conclusion:
      'L4-L5: right foraminal disc protrusion with moderate right foraminal stenosis contacting the exiting right L4 nerve root. L3-L4 and L5-S1: mild degenerative disc disease without stenosis.',
  });
  const visit = c.encounter({ date: '2026-11-05', type: 'new', em: '99204', minutes: 50, reason: 'Right thigh pain' });
  // Coded data here is deliberately unrelated to pain: vitals, an antihypertensive and an eye operation.
  bloodPressure(c, '2026-11-05', visit.id ?? '', 138, 82);
  vital(c, '2026-11-05', visit.id ?? '', '29463-7', 'Body weight', 'kg', 84.1);
  c.medStatement({ rx: 'lisinopril', text: 'lisinopril 20 mg daily', start: '2008-02-01', status: 'active' });
  c.procedure({ code: '66984', display: 'Right cataract extraction with lens implant', date: '2022-06-08', side: 'right' });
  const sr = c.serviceRequest({
    code: '64483',
    display: 'Right L4-L5 transforaminal epidural steroid injection',
    date: '2026-12-04',
    levels: ['L4-L5'],
    side: 'right',
    reasons: [ICD.M54_16, ICD.M51_16],
    conditions: [rad.id ?? ''],
    authored: '2026-11-05',
    encounter: visit.id,
    detail: 'fluoroscopic guidance with contrast',
  });
  c.note({
    date: '2026-11-05',
    encounter: visit.id,
    consult: true,
    html: true,
    viaBinary: true,
    title: 'Pain medicine consultation',
    body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Consultation</title></head><body>
<h2>Pain Medicine Consultation</h2>
<p><b>Chief complaint:</b> right anterior thigh and shin pain.</p>
<h3>History of present illness</h3>
<p>Mr. Delgado is a 73-year-old man with right-sided leg pain since early August 2026. The pain starts in the right low back and wraps around the anterior thigh to the medial shin, with numbness over the medial knee. He rates the pain <b>7/10</b> on the numeric rating scale at rest and 9/10 after climbing stairs. Oswestry Disability Index today is <b>40%</b>; he can no longer walk more than one block or mow the lawn.</p>
<p>He completed <b>6 weeks of physical therapy</b> at Nashoba Valley PT (09/08/2026 through 10/20/2026), twice weekly, with a home exercise program, without meaningful improvement. He also took <b>meloxicam 15 mg daily for 6 weeks</b> prescribed by his PCP, stopped in mid-October because it did not help. He tried a heating pad and avoided yard work.</p>
<p>He denies bowel or bladder incontinence, saddle anaesthesia, fevers, chills or weight loss. No prior lumbar injections or surgery.</p>
<h3>History</h3>
<ul><li>PMH: hypertension.</li><li>Family history: no spine disease; father with prostate cancer at 80.</li><li>Social: retired postal worker, lives with wife, no tobacco.</li></ul>
<h3>Examination</h3>
<p>Positive right femoral stretch test. Quadriceps 4+/5 on the right, 5/5 on the left. Patellar reflex 1+ on the right, 2+ on the left. Decreased pinprick over the right medial knee and shin. Straight leg raise negative bilaterally.</p>
<h3>Imaging</h3>
<p>MRI lumbar spine 10/20/2026: right foraminal L4-L5 disc protrusion with moderate foraminal stenosis contacting the exiting right L4 root, concordant with his symptoms and examination.</p>
<h3>Assessment and plan</h3>
<ol><li>Right L4 radiculopathy (M54.16) from L4-L5 foraminal disc protrusion (M51.16).</li></ol>
<p>Plan: <b>right L4-L5 transforaminal epidural steroid injection</b> under fluoroscopic guidance with contrast. He would like to avoid surgery. Continue home exercises. Follow up 2-3 weeks after the injection with repeat pain score and ODI.</p>
</body></html>`,
  });
  return {
    chart: c,
    entry: {
      name: 'Ramon Delgado',
      payerKey: 'medicare',
      situations: [10],
      rules: ['ESI-SCALES', 'ESI-CONSERVATIVE', 'ESI-DX', 'ESI-DURATION'],
      summary:
        'Right L4 radiculopathy; NRS 7, ODI 40 %, 6 weeks PT and meloxicam documented only in an HTML consult note fetched from a Binary; no coded pain score, PT or analgesic resources (only vitals, lisinopril and a cataract operation are coded).',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64483',
          expect: {
            verdict: 'ready',
            why: 'Every ESI requirement is met from note evidence: NRS 7/10 and ODI 40 % in prose (ESI-SCALES), 6 weeks failed PT and meloxicam in prose (ESI-CONSERVATIVE), concordant MRI (ESI-DX).',
          },
          expectCoding: {
            lines: [line('64483', ['RT'])],
            diagnoses: ['M54.16', 'M51.16'],
            notes: 'RT, 1 unit; the evidence for pain and conservative care are note spans of the HTML consult.',
          },
        },
      ],
      noise: [{ ref: 'Condition/pt-notes-only-cond1', what: 'SNOMED-only condition (no ICD-10-CM coding)' }],
    },
  };
}

/** 15. A payer the policy core does not know: the Medicare baseline is used and the assessment says so. */
export function unknownPayer(): SeedPatient {
  const c = new Chart('pt-unknown-payer');
  c.patient({ family: 'Nguyen', given: ['Linh', 'T.'], birthDate: '1968-11-30', gender: 'female', mrn: 'RB-100912', city: 'Worcester' });
  c.coverage('acme', 'ACM-88213409', '2024-01-01');
  c.condition({ icd: ICD.F41_1, onset: '2015-01-01', recorded: '2020-06-01', status: 'inactive' });
  const rad = c.condition({ icd: ICD.M54_16, onset: '2026-06-15', recorded: '2026-11-04' });
  c.condition({ icd: ICD.M51_16, onset: '2026-06-15', recorded: '2026-11-04' });
  c.medRequest({
    rx: 'ibuprofen',
    text: 'ibuprofen 800 mg tablet three times daily with food',
    start: '2026-07-01',
    end: '2026-08-12',
    status: 'stopped',
    reason: 'ineffective',
  });
  c.medRequest({
    rx: 'cyclobenzaprine',
    text: 'cyclobenzaprine 5 mg at bedtime as needed',
    start: '2026-07-01',
    end: '2026-08-12',
    status: 'completed',
  });
  ptCourse(c, '2026-07-13', 6, 2, 'Lumbar radiculopathy', PT_FAILED);
  c.imaging({
    date: '2026-09-02',
    study: 'mri-lumbar',
    conclusion:
      'L4-L5: broad-based disc protrusion with left subarticular component impinging the traversing left L5 nerve root. Mild bilateral foraminal narrowing at L5-S1.',
  });
  const visit = c.encounter({ date: '2026-11-04', type: 'new', em: '99204', minutes: 45, reason: 'Left leg pain' });
  c.pain('2026-11-04', 6, { encounter: visit.id, loinc: '38208-5', category: 'vital-signs' });
  c.disability('2026-11-04', 'Oswestry Disability Index', 38, visit.id);
  const sr = c.serviceRequest({
    code: '64483',
    display: TFESI,
    date: '2026-12-01',
    levels: ['L5-S1'],
    side: 'left',
    reasons: [ICD.M54_16],
    conditions: [rad.id ?? ''],
    authored: '2026-11-04',
    encounter: visit.id,
    detail: 'fluoroscopic guidance with contrast',
  });
  c.note({
    date: '2026-11-04',
    encounter: visit.id,
    consult: true,
    title: 'Pain medicine consultation',
    body: [
      'CONSULTATION',
      'HPI: 57-year-old woman, hospital unit clerk, with left buttock and leg pain since mid-June 2026, radiating to the lateral calf and great toe. Pain 6/10 today, up to 8/10 by the end of a shift. ODI 38%.',
      'Tried ibuprofen 800 mg three times daily and cyclobenzaprine at night for 6 weeks in July-August without relief. Completed 6 weeks of PT (07/13 - 08/24) with home program; no lasting benefit.',
      'Denies bowel or bladder dysfunction. Denies fever or weight loss.',
      'PMH: generalized anxiety, in remission, off medication. FHx: mother with rheumatoid arthritis.',
      'EXAM: positive SLR left 50 degrees, 4+/5 left EHL, decreased sensation over the left dorsal foot.',
      'IMAGING: MRI 09/02/2026 L4-L5 left subarticular protrusion impinging the left L5 root - concordant.',
      'A/P: left L5 radiculopathy (M54.16), L4-L5 disc protrusion (M51.16). Left L5-S1 transforaminal ESI under fluoroscopy. Insurance is Acme Mutual; prior-auth requirements unknown to our office, staff to call.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Linh Nguyen',
      payerKey: 'acme',
      situations: [15],
      rules: ['ESI-DX', 'ESI-SCALES', 'ESI-CONSERVATIVE'],
      summary:
        'Left L5 radiculopathy covered by Acme Mutual Insurance, a payer without a policy overlay: the Medicare ESI baseline applies.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64483',
          expect: {
            verdict: 'ready',
            why: 'Unknown payer ACME falls back to the Medicare ESI LCD baseline, which is met: NRS (LOINC 38208-5) and ODI (ESI-SCALES), 6 weeks failed PT and ibuprofen (ESI-CONSERVATIVE), concordant MRI (ESI-DX).',
          },
          expectCoding: {
            lines: [line('64483', ['LT'])],
            diagnoses: ['M54.16'],
            notes: 'LT, 1 unit; the assessment must state that the baseline was used for an unknown payer.',
          },
        },
      ],
    },
  };
}
