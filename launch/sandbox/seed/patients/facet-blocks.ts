// Axial facet-pain patients at the block stage: a bilateral and a right-only medial branch block, and a problem
// list still carrying the deleted code M54.5 (seed situations 11 and 12).
import { Chart } from '../gen/chart';
import { ICD, SCT, ptCourse, PT_FAILED } from '../gen/clinical';
import { line, type SeedPatient } from '../gen/manifest';
import { FACET_EXAM } from './facet-common';

/** 12a. First diagnostic block, bilateral single level L4-L5: 64493-50. Has an undated MedicationStatement. */
export function mbbBilateral(): SeedPatient {
  const c = new Chart('pt-mbb-bilateral');
  c.patient({ family: 'Moreau', given: ['Claire', 'D.'], birthDate: '1957-05-09', gender: 'female', mrn: 'RB-102418', city: 'Hudson' });
  c.coverage('medicare', '1QZ5-TY6-UI04', '2022-06-01');
  const spond = c.condition({ icd: ICD.M47_816, onset: '2025-09-01', recorded: '2026-03-12' });
  c.condition({ icd: ICD.M17_11, onset: '2019-01-01', recorded: '2019-02-01', status: 'inactive' });
  c.medRequest({
    rx: 'naproxen',
    text: 'naproxen 500 mg twice daily',
    start: '2025-10-01',
    end: '2026-01-15',
    status: 'stopped',
    reason: 'no relief',
  });
  ptCourse(c, '2025-11-03', 12, 1, 'Chronic axial low back pain', PT_FAILED);
  const undated = c.medStatement({
    rx: 'acetaminophen',
    text: 'Tylenol as needed',
    status: 'active',
    note: 'Patient reports taking Tylenol "now and then"; start date unknown.',
  });
  c.imaging({
    date: '2026-02-20',
    study: 'xr-lumbar',
    conclusion:
      'Facet arthropathy L4-L5 greater than L5-S1, mild degenerative disc height loss at L4-L5. No spondylolisthesis on flexion/extension. No fracture.',
  });
  const visit = c.encounter({ date: '2026-11-12', type: 'new', em: '99204', minutes: 45, reason: 'Chronic low back pain' });
  c.pain('2026-11-12', 6, { encounter: visit.id });
  c.disability('2026-11-12', 'Oswestry Disability Index', 34, visit.id);
  const sr = c.serviceRequest({
    code: '64493',
    display: 'Bilateral L4-L5 lumbar medial branch block (diagnostic #1)',
    date: '2026-12-01',
    levels: ['L4-L5'],
    side: 'bilateral',
    reasons: [ICD.M47_816],
    conditions: [spond.id ?? ''],
    authored: '2026-11-12',
    encounter: visit.id,
    detail: 'fluoroscopic guidance; lidocaine 2%, no sedation',
  });
  c.note({
    date: '2026-11-12',
    encounter: visit.id,
    consult: true,
    title: 'Pain medicine consultation',
    body: [
      'CONSULTATION',
      'HPI: 69-year-old woman with 14 months of bilateral low back pain across the belt line, worse with standing, extension and getting out of a car; no leg pain, no numbness. NRS 6/10, ODI 34%.',
      'Completed 12 weekly PT sessions (11/2025 - 01/2026) with a home program and took naproxen for 3 months without lasting benefit. Uses Tylenol now and then.',
      'Denies bowel or bladder changes, fevers, weight loss. No prior injections.',
      'PMH: right knee osteoarthritis (quiet since 2019 injection). FHx: sister with scoliosis.',
      FACET_EXAM,
      'X-ray 02/20/2026: L4-L5 facet arthropathy, no instability.',
      'A/P: lumbar spondylosis without radiculopathy (M47.816), suspected L4-L5 facet-mediated pain. Plan: bilateral L4-L5 diagnostic medial branch block (L3 and L4 medial branches) with lidocaine, pain diary for 6 hours.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Claire Moreau',
      payerKey: 'medicare',
      situations: [12],
      rules: ['FJ-PAIN', 'FJ-CONSERVATIVE', 'FJ-SCALES', 'FJ-BILATERAL', 'FJ-FREQUENCY'],
      summary: 'Axial lumbar pain for 14 months after 12 weeks PT and naproxen; first diagnostic bilateral L4-L5 MBB planned.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64493',
          expect: {
            verdict: 'ready',
            why: 'Axial pain > 3 months with functional impairment (FJ-PAIN), 3 months of failed PT and NSAID (FJ-CONSERVATIVE), NRS and ODI (FJ-SCALES), first diagnostic block of the year (FJ-FREQUENCY).',
          },
          expectCoding: {
            lines: [line('64493', ['50', 'KX'])],
            diagnoses: ['M47.816'],
            notes: 'Bilateral single level: 64493 with modifier 50, 1 unit (FJ-BILATERAL); KX on a diagnostic block for Medicare (FJ-KX).',
          },
        },
      ],
      noise: [{ ref: `MedicationStatement/${undated.id ?? ''}`, what: 'MedicationStatement with no effective date or period' }],
    },
  };
}

/** 12b. Single-level right L5-S1 MBB: 64493-RT. */
export function mbbRight(): SeedPatient {
  const c = new Chart('pt-mbb-right');
  c.patient({ family: 'Patel', given: ['Arjun'], birthDate: '1956-10-22', gender: 'male', mrn: 'RB-102577', city: 'Grafton' });
  const old = c.coverage('bcbsma', 'XKB100293847', '2015-01-01', '2021-10-31');
  c.coverage('medicare', '2CV7-BN3-MQ18', '2021-11-01');
  const spond = c.condition({ icd: ICD.M47_816, onset: '2026-02-01', recorded: '2026-10-30' });
  c.condition({ icd: ICD.E11_9, onset: '2012-01-01', recorded: '2015-01-01' });
  c.medRequest({
    rx: 'diclofenac',
    text: 'diclofenac 50 mg three times daily',
    start: '2026-03-01',
    end: '2026-06-01',
    status: 'stopped',
    reason: 'ineffective',
  });
  ptCourse(c, '2026-03-09', 10, 2, 'Right low back pain', PT_FAILED);
  c.imaging({
    date: '2026-07-10',
    study: 'ct-lumbar',
    conclusion: 'Right L5-S1 facet arthropathy with joint space narrowing and osteophytes. Left facets unremarkable. No stenosis.',
  });
  const visit = c.encounter({ date: '2026-10-30', type: 'new', em: '99204', minutes: 46, reason: 'Right low back pain' });
  c.pain('2026-10-30', 6, { encounter: visit.id, integer: true });
  c.peg('2026-10-30', 6.3, visit.id);
  c.limitation('2026-10-30', 'Cannot stand longer than 15 minutes at work (pharmacist)', visit.id);
  const sr = c.serviceRequest({
    code: '64493',
    display: 'Right L5-S1 lumbar medial branch block (diagnostic #1)',
    date: '2026-11-25',
    levels: ['L5-S1'],
    side: 'right',
    reasons: [ICD.M47_816],
    conditions: [spond.id ?? ''],
    authored: '2026-10-30',
    encounter: visit.id,
    detail: 'fluoroscopic guidance; lidocaine 2%',
  });
  c.note({
    date: '2026-10-30',
    encounter: visit.id,
    consult: true,
    title: 'Pain medicine consultation',
    body: [
      'CONSULTATION',
      'HPI: 70-year-old pharmacist with right-sided low back pain since February 2026, localized over the right lumbosacral junction, worse standing at work and with extension. No radiation, no paresthesias. NRS 6/10; PEG 6.3; cannot stand longer than 15 minutes.',
      'Failed diclofenac for 3 months and 10 weeks of PT (03/2026 - 05/2026).',
      'Denies bowel or bladder changes. No prior spine procedures.',
      FACET_EXAM.replace('bilaterally. Straight', 'on the right. Straight'),
      'CT 07/10/2026: right L5-S1 facet arthropathy.',
      'A/P: right L5-S1 facet-mediated pain (M47.816). Plan right L5-S1 diagnostic MBB (L4 medial branch and L5 dorsal ramus).',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Arjun Patel',
      payerKey: 'medicare',
      situations: [12],
      rules: ['FJ-PAIN', 'FJ-CONSERVATIVE', 'FJ-SCALES', 'FJ-LEVELS'],
      noise: [
        { ref: `Coverage/${old.id ?? ''}`, what: 'cancelled employer BCBSMA coverage that ended 2021-10-31; Medicare is the active payer' },
      ],
      summary:
        'Right L5-S1 facet pain for 9 months after 10 weeks PT and diclofenac; NRS as valueInteger, PEG and a coded limitation; single-level right MBB planned.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64493',
          expect: {
            verdict: 'ready',
            why: 'Axial pain > 3 months (FJ-PAIN), failed 3 months of NSAID and PT (FJ-CONSERVATIVE), NRS plus PEG/limitation for function (FJ-SCALES), one level (FJ-LEVELS).',
          },
          expectCoding: {
            lines: [line('64493', ['RT', 'KX'])],
            diagnoses: ['M47.816'],
            notes: 'Unilateral single level: RT, 1 unit; KX on a diagnostic block for Medicare (FJ-KX).',
          },
        },
      ],
    },
  };
}

/** 11. The order's only diagnosis is M54.5, deleted 2021-10-01, for a 2026 date of service. */
export function dxDeleted(): SeedPatient {
  const c = new Chart('pt-dx-deleted');
  c.patient({ family: 'Abernathy', given: ['Ruth'], birthDate: '1960-03-03', gender: 'female', mrn: 'RB-102736', city: 'Millbury' });
  c.coverage('medicare', '7GH4-JK2-LZ65', '2025-03-01');
  const lbp = c.condition({ icd: ICD.M54_5, snomed: SCT.lowBackPain, onset: '2019-04-01', recorded: '2019-05-01' });
  c.medRequest({
    rx: 'ibuprofen',
    text: 'ibuprofen 600 mg three times daily',
    start: '2026-02-01',
    end: '2026-05-01',
    status: 'stopped',
    reason: 'no relief',
  });
  ptCourse(c, '2026-02-16', 8, 2, 'Chronic low back pain', PT_FAILED);
  c.imaging({
    date: '2026-08-05',
    study: 'mri-lumbar',
    conclusion:
      'Right greater than left facet arthropathy at L4-L5 and L5-S1 with a small right L4-L5 facet effusion. No disc herniation, no stenosis.',
  });
  const visit = c.encounter({ date: '2026-11-04', type: 'office', em: '99214', minutes: 35, reason: 'Chronic low back pain' });
  c.pain('2026-11-04', 7, { encounter: visit.id });
  c.disability('2026-11-04', 'Oswestry Disability Index', 38, visit.id);
  const sr = c.serviceRequest({
    code: '64493',
    display: 'Right L4-L5 and L5-S1 lumbar medial branch block',
    date: '2026-12-01',
    levels: ['L4-L5', 'L5-S1'],
    side: 'right',
    reasons: [ICD.M54_5],
    conditions: [lbp.id ?? ''],
    authored: '2026-11-04',
    encounter: visit.id,
    detail: 'fluoroscopic guidance; lidocaine 2%',
  });
  c.note({
    date: '2026-11-04',
    encounter: visit.id,
    title: 'Pain follow-up',
    body: [
      'FOLLOW-UP',
      'Ruth has right-sided low back pain on her problem list since 2019, worse over the past year: NRS 7/10, ODI 38%. Pain is axial, right more than left, worse with extension and prolonged standing. No leg pain.',
      'Failed ibuprofen for 3 months and 8 weeks of PT this spring.',
      'Denies bowel or bladder changes, no fevers.',
      FACET_EXAM,
      'MRI 08/05/2026: right > left L4-L5 and L5-S1 facet arthropathy with a small right L4-L5 effusion.',
      'A/P: lumbar spondylosis / facet arthropathy (M47.816). Plan right L4-L5 and L5-S1 diagnostic MBB.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Ruth Abernathy',
      payerKey: 'medicare',
      situations: [11],
      rules: ['ICD-M54.5-DELETED', 'FJ-PAIN', 'FJ-CONSERVATIVE', 'FJ-SCALES'],
      summary:
        'Right-sided axial facet pain; problem list and order still carry M54.5 (deleted 2021-10-01); the note assesses M47.816; right two-level MBB planned for 2026-12-01.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64493',
          expect: {
            verdict: 'not-eligible',
            why: "Changed (issue 9): the order's only diagnosis M54.5 is deleted (2021-10-01) and, beyond that, no M54.x code is on the facet article's closed covered list (A58403, S1: M47.812-M47.817, M47.892-M47.897, M48.12-M48.17). A facet block whose only diagnoses are off the list is not eligible; the fix names the M47.816 the note documents. Previously 'incomplete' (the old mapping accepted M54.x for facet).",
          },
          expectCoding: {
            lines: [line('64493', ['RT', 'KX']), line('64494', ['RT', 'KX'])],
            diagnoses: ['M47.816'],
            notes:
              'invalid-code edit on M54.5 naming the successors M54.50, M54.51, M54.59; M47.816 from the note is the supported replacement. Unilateral two levels: RT on each line, 1 unit each.',
          },
        },
      ],
    },
  };
}
