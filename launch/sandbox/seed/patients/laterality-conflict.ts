// A lumbar ESI whose order and note disagree on the side (seed situation 13).
import { Chart } from '../gen/chart';
import { ICD, ptCourse, PT_FAILED } from '../gen/clinical';
import { line, type SeedPatient } from '../gen/manifest';

/** 13. The order says right L4-L5, the note's plan says left L4-L5 (symptoms and MRI are left-sided). */
export function lateralityConflict(): SeedPatient {
  const c = new Chart('pt-laterality-conflict');
  c.patient({ family: 'Okonkwo', given: ['Samuel'], birthDate: '1957-07-19', gender: 'male', mrn: 'RB-101460', city: 'Marlborough' });
  c.coverage('medicare', '8YU6-ER2-WS55', '2022-08-01');
  const rad = c.condition({ icd: ICD.M54_16, onset: '2026-07-01', recorded: '2026-10-26' });
  c.condition({ icd: ICD.M51_16, onset: '2026-07-01', recorded: '2026-10-26' });
  c.medRequest({
    rx: 'diclofenac',
    text: 'diclofenac 75 mg delayed-release twice daily',
    start: '2026-07-15',
    end: '2026-09-10',
    status: 'stopped',
    reason: 'ineffective',
  });
  ptCourse(c, '2026-08-03', 6, 2, 'Left leg pain', PT_FAILED);
  c.imaging({
    date: '2026-09-25',
    study: 'mri-lumbar',
    conclusion:
      'L4-L5: left foraminal and extraforaminal disc protrusion with moderate left foraminal stenosis contacting the exiting left L4 nerve root. Right foramen patent.',
  });
  const visit = c.encounter({ date: '2026-10-26', type: 'new', em: '99204', minutes: 45, reason: 'Left thigh pain' });
  c.pain('2026-10-26', 7, { encounter: visit.id });
  c.disability('2026-10-26', 'Oswestry Disability Index', 36, visit.id);
  const sr = c.serviceRequest({
    code: '64483',
    display: 'Right L4-L5 transforaminal epidural steroid injection',
    date: '2026-11-24',
    levels: ['L4-L5'],
    side: 'right',
    reasons: [ICD.M54_16],
    conditions: [rad.id ?? ''],
    authored: '2026-10-26',
    encounter: visit.id,
    detail: 'fluoroscopic guidance with contrast',
  });
  c.note({
    date: '2026-10-26',
    encounter: visit.id,
    consult: true,
    title: 'Pain medicine consultation',
    body: [
      'CONSULTATION',
      'HPI: 69-year-old man with left anterior thigh pain since July 2026, 7/10 NRS, ODI 36%. Failed diclofenac 75 mg twice daily for 8 weeks and 6 weeks of physical therapy (08/03 - 09/14). No right-sided symptoms.',
      'Denies bowel or bladder dysfunction, no saddle anaesthesia.',
      'FHx: father with degenerative disc disease. Social: retired electrician, former smoker.',
      'Exam: left quadriceps 4+/5, left patellar reflex 1+, right 2+. Positive left femoral stretch test. Right lower extremity normal.',
      'MRI 09/25/2026: left foraminal L4-L5 protrusion contacting the exiting left L4 root; right foramen patent.',
      'A/P: left L4 radiculopathy (M54.16) from L4-L5 foraminal disc protrusion (M51.16). Plan: LEFT L4-L5 transforaminal ESI under fluoroscopy with contrast.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Samuel Okonkwo',
      payerKey: 'medicare',
      situations: [13],
      rules: ['ESI-DX', 'ESI-LEVELS'],
      summary: 'Left L4 radiculopathy; the ServiceRequest is coded RIGHT L4-L5 TFESI while the consult plan, exam and MRI say LEFT L4-L5.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64483',
          expect: {
            verdict: 'incomplete',
            why: 'Laterality conflict (levels-laterality): the order says right L4-L5, the note plan, exam and MRI say left, so the order is not supported by concordant findings (ESI-DX) until the side is corrected; all other ESI criteria are met.',
          },
          expectCoding: {
            lines: [line('64483', ['RT'])],
            diagnoses: ['M54.16'],
            notes:
              'Coded from the order (RT) with a modifier/laterality edit warning that the note documents LEFT; a corrected order would be LT.',
          },
        },
      ],
    },
  };
}
