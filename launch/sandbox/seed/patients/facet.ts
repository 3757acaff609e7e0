// Axial facet-pain patients: RFA after one or two medial branch blocks, bilateral and single-level MBBs,
// and a problem list still carrying the deleted code M54.5 (seed situations 3, 4, 11, 12).
import { Chart } from '../gen/chart';
import { ICD, SCT, ptCourse, PT_FAILED } from '../gen/clinical';
import { line, type SeedPatient } from '../gen/manifest';
import type { Side } from '../gen/systems';

interface Block {
  date: string;
  levels: string[];
  side: Side;
  anaesthetic: string;
  pre: number;
  post: number;
  relief: number;
  hours: number;
  fn: string;
}

/** A diagnostic medial branch block with the pre/post scores and function the Facet LCD asks for (FJ-SCALES). */
function mbb(c: Chart, b: Block): string {
  const enc = c.encounter({ date: b.date, type: 'procedure', reason: 'Diagnostic medial branch block' });
  // One Procedure per session; its bodySite lists every joint level blocked.
  const p = c.procedure({
    code: '64493',
    display: `${b.side === 'bilateral' ? 'Bilateral' : b.side === 'left' ? 'Left' : 'Right'} ${b.levels.join(' and ')} medial branch block`,
    date: b.date,
    levels: b.levels,
    side: b.side,
    encounter: enc.id,
    reasons: [ICD.M47_816],
    note: `Fluoroscopic guidance. ${b.anaesthetic}, 0.5 mL per medial branch. No sedation.`,
  });
  c.pain(b.date, b.pre, { encounter: enc.id });
  c.pain(b.date, b.post, { encounter: enc.id, time: '11:30:00' });
  c.relief(p.id ?? '', b.date, b.relief, [b.hours, 'h']);
  c.limitation(b.date, b.fn, enc.id);
  return p.id ?? '';
}

function facetHistory(c: Chart, onset: string, ptStart: string): void {
  c.condition({ icd: ICD.I10, snomed: SCT.hypertension, onset: '2010-01-01', recorded: '2016-01-01' });
  c.condition({ icd: ICD.M54_16, onset: '2021-08-01', recorded: '2021-08-20', status: 'resolved', abatement: '2022-01-15' });
  c.medRequest({
    rx: 'meloxicam',
    text: 'meloxicam 15 mg daily',
    start: onset,
    end: ptStart,
    status: 'stopped',
    reason: 'inadequate relief',
  });
  ptCourse(c, ptStart, 8, 2, 'Chronic axial low back pain', PT_FAILED);
  c.medStatement({
    rx: 'acetaminophen',
    text: 'acetaminophen 1000 mg up to three times daily',
    start: onset,
    status: 'active',
    note: 'Takes most days, modest benefit.',
  });
}

const FACET_EXAM =
  'Exam: paraspinal tenderness over the lower lumbar facets, pain with extension and extension-rotation bilaterally. Straight leg raise negative bilaterally. Strength 5/5, sensation intact, reflexes symmetric. No radicular signs.';

/** 3. One MBB with 85 % relief, RFA requested: the second confirmatory block has not been done. */
export function facetOneMbb(): SeedPatient {
  const c = new Chart('pt-facet-one-mbb');
  c.patient({ family: 'Whitaker', given: ['George', 'L.'], birthDate: '1954-02-25', gender: 'male', mrn: 'RB-102015', city: 'Clinton' });
  c.coverage('medicare', '4NM8-CX1-DF27', '2019-03-01');
  const spond = c.condition({ icd: ICD.M47_816, onset: '2025-05-01', recorded: '2025-09-10' });
  facetHistory(c, '2025-06-01', '2025-08-04');
  c.imaging({
    date: '2025-09-02',
    study: 'mri-lumbar',
    conclusion:
      'Moderate bilateral facet arthropathy at L4-L5 and L5-S1 with small facet effusions. Mild disc desiccation. No disc herniation, no central or foraminal stenosis. No nerve root compression.',
  });
  const consult = c.encounter({ date: '2026-09-29', type: 'new', em: '99204', minutes: 45, reason: 'Chronic low back pain' });
  c.pain('2026-09-29', 7, { encounter: consult.id });
  c.disability('2026-09-29', 'Oswestry Disability Index', 42, consult.id);
  mbb(c, {
    date: '2026-10-27',
    levels: ['L4-L5', 'L5-S1'],
    side: 'bilateral',
    anaesthetic: 'Lidocaine 2%',
    pre: 7,
    post: 1,
    relief: 85,
    hours: 2,
    fn: 'After the block: stood and walked 30 minutes and bent to tie shoes without pain (unable before).',
  });
  const visit = c.encounter({
    date: '2026-11-10',
    type: 'office',
    em: '99213',
    minutes: 22,
    reason: 'Follow-up after medial branch block',
  });
  c.pain('2026-11-10', 7, { encounter: visit.id });
  c.disability('2026-11-10', 'Oswestry Disability Index', 42, visit.id);
  const sr = c.serviceRequest({
    code: '64635',
    display: 'Bilateral L4-L5 and L5-S1 lumbar facet radiofrequency ablation',
    date: '2026-12-08',
    levels: ['L4-L5', 'L5-S1'],
    side: 'bilateral',
    reasons: [ICD.M47_816],
    conditions: [spond.id ?? ''],
    authored: '2026-11-10',
    encounter: visit.id,
    detail: 'fluoroscopic guidance; local anaesthetic only',
  });
  c.note({
    date: '2026-11-10',
    encounter: visit.id,
    title: 'Pain follow-up',
    body: [
      'FOLLOW-UP - lumbar facet pain',
      'George had bilateral L4-L5 and L5-S1 medial branch blocks with lidocaine 2% on 10/27/2026. Pain diary: 7/10 before, 1/10 at 30 minutes, 85% relief lasting about 2 hours, then back to baseline. He was able to walk 30 minutes and bend without pain during that window.',
      'Today 7/10 axial low back pain, no leg pain. ODI 42% today, unchanged since September. Pain for 18 months; failed 8 weeks PT in 2025 and months of meloxicam; still takes acetaminophen.',
      'Prior left L5 radiculopathy in 2021 resolved with PT; no leg symptoms since. Denies bowel or bladder changes.',
      FACET_EXAM,
      'A/P: lumbar spondylosis with facet-mediated axial pain (M47.816). Excellent response to the first diagnostic block. He wants to proceed directly to radiofrequency ablation and declines a second block because of the drive; ordered bilateral L4-L5 and L5-S1 RFA. Will check with billing whether a confirmatory block is required first.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'George Whitaker',
      payerKey: 'medicare',
      situations: [3],
      rules: ['FJ-DIAGNOSTIC', 'FJ-SCALES', 'FJ-PAIN', 'FJ-CONSERVATIVE'],
      summary:
        'Axial lumbar facet pain for 18 months; ONE bilateral L4-L5/L5-S1 MBB (lidocaine) with 85 % relief for 2 h; bilateral RFA ordered without a confirmatory block.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64635',
          expect: {
            verdict: 'not-eligible',
            why: 'FJ-DIAGNOSTIC requires two diagnostic MBBs each with >= 80 % relief before RFA; only one was performed, and that is a missing procedure, not missing documentation, so RFA is not covered until a second confirmatory block is done (the fix is a second MBB, 64493).',
          },
          expectCoding: {
            lines: [line('64635', ['50']), line('64636', ['50'])],
            diagnoses: ['M47.816'],
            notes: 'Bilateral RFA at two joints: 64635-50 and add-on 64636-50, 1 unit each (FJ-BILATERAL).',
          },
        },
      ],
      noise: [
        { ref: 'Condition/pt-facet-one-mbb-cond3', what: 'resolved lumbar radiculopathy from 2021 (must not trigger FJ-EXCLUSIONS)' },
      ],
    },
  };
}

/** 4. Two MBBs each >= 80 % (comparative lidocaine / bupivacaine), bilateral two-level RFA: ready. */
export function facetRfaReady(): SeedPatient {
  const c = new Chart('pt-facet-rfa-ready');
  c.patient({ family: 'Lindqvist', given: ['Ingrid'], birthDate: '1959-08-11', gender: 'female', mrn: 'RB-102230', city: 'Northborough' });
  c.coverage('medicare', '9AS2-DF5-GH83', '2024-09-01');
  const spond = c.condition({ icd: ICD.M47_816, onset: '2025-03-01', recorded: '2025-10-02' });
  facetHistory(c, '2025-04-01', '2025-06-02');
  c.imaging({
    date: '2025-09-18',
    study: 'mri-lumbar',
    conclusion:
      'Bilateral facet hypertrophy and arthropathy at L4-L5 and L5-S1. No disc herniation. No canal or foraminal stenosis. Normal conus.',
  });
  const consult = c.encounter({ date: '2026-08-25', type: 'new', em: '99204', minutes: 50, reason: 'Chronic low back pain' });
  c.pain('2026-08-25', 7, { encounter: consult.id });
  c.disability('2026-08-25', 'Oswestry Disability Index', 44, consult.id);
  mbb(c, {
    date: '2026-09-15',
    levels: ['L4-L5', 'L5-S1'],
    side: 'bilateral',
    anaesthetic: 'Lidocaine 2%',
    pre: 7,
    post: 1,
    relief: 85,
    hours: 2,
    fn: 'After block 1: vacuumed and walked 40 minutes without pain.',
  });
  mbb(c, {
    date: '2026-10-13',
    levels: ['L4-L5', 'L5-S1'],
    side: 'bilateral',
    anaesthetic: 'Bupivacaine 0.5%',
    pre: 7,
    post: 0,
    relief: 90,
    hours: 6,
    fn: 'After block 2: stood to cook and walked 45 minutes; ODI-type activities without pain for 6 hours.',
  });
  const visit = c.encounter({
    date: '2026-11-03',
    type: 'office',
    em: '99213',
    minutes: 25,
    reason: 'Follow-up after medial branch blocks',
  });
  c.pain('2026-11-03', 7, { encounter: visit.id });
  c.disability('2026-11-03', 'Oswestry Disability Index', 44, visit.id);
  const sr = c.serviceRequest({
    code: '64635',
    display: 'Bilateral L4-L5 and L5-S1 lumbar facet radiofrequency ablation',
    date: '2026-12-01',
    levels: ['L4-L5', 'L5-S1'],
    side: 'bilateral',
    reasons: [ICD.M47_816],
    conditions: [spond.id ?? ''],
    authored: '2026-11-03',
    encounter: visit.id,
    detail: 'fluoroscopic guidance; local anaesthetic only, no sedation',
  });
  c.note({
    date: '2026-11-03',
    encounter: visit.id,
    viaBinary: true,
    title: 'Pain follow-up',
    body: [
      'FOLLOW-UP - lumbar facet pain',
      'Ingrid is a 67-year-old woman with axial low back pain since March 2025, worse with standing, extension and twisting, no radiation below the knees. Baseline NRS 7/10, ODI 44%.',
      'Conservative care: 8 weeks of PT (06/2025 - 07/2025) with home program, meloxicam 15 mg daily for 2 months, acetaminophen ongoing, activity modification (stopped gardening) - persistent pain.',
      'Diagnostic blocks:',
      '  #1 09/15/2026 bilateral L4-L5 and L5-S1 MBB, lidocaine 2%: NRS 7 -> 1, 85% relief for 2 hours (consistent with lidocaine).',
      '  #2 10/13/2026 bilateral L4-L5 and L5-S1 MBB, bupivacaine 0.5%: NRS 7 -> 0, 90% relief for 6 hours (consistent with bupivacaine).',
      '  During both windows she could stand and walk 40-45 minutes and do housework without pain.',
      'No radicular symptoms; left L5 radiculopathy in 2021 fully resolved. Denies bowel or bladder changes, fevers, weight loss. No history of cancer or fracture.',
      'FHx: mother with osteoarthritis of the hips. Social: retired bookkeeper, never smoker.',
      FACET_EXAM,
      'A/P: lumbar spondylosis without radiculopathy (M47.816), facet-mediated pain confirmed by two concordant comparative blocks. Plan bilateral L4-L5 and L5-S1 radiofrequency ablation (L3, L4 medial branches and L5 dorsal ramus, both sides) under fluoroscopy, local anaesthetic only.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Ingrid Lindqvist',
      payerKey: 'medicare',
      situations: [4],
      rules: ['FJ-DIAGNOSTIC', 'FJ-SCALES', 'FJ-PAIN', 'FJ-CONSERVATIVE', 'FJ-LEVELS', 'FJ-BILATERAL', 'FJ-SEDATION'],
      summary:
        'Axial lumbar facet pain; two bilateral L4-L5/L5-S1 MBBs (85 % lidocaine 2 h, 90 % bupivacaine 6 h); bilateral two-level RFA planned. Follow-up note served through a Binary url.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64635',
          expect: {
            verdict: 'ready',
            why: 'Two diagnostic MBBs each >= 80 % with anaesthetic-consistent durations (FJ-DIAGNOSTIC), NRS before/after each block (FJ-SCALES), axial pain > 3 months with failed PT and NSAID (FJ-PAIN, FJ-CONSERVATIVE), 2 levels (FJ-LEVELS).',
          },
          expectCoding: {
            lines: [line('64635', ['50']), line('64636', ['50'])],
            diagnoses: ['M47.816'],
            notes: 'Bilateral: modifier 50, 1 unit per line (FJ-BILATERAL); imaging included (FJ-IMAGING).',
          },
        },
      ],
      noise: [{ ref: 'MedicationStatement/pt-facet-rfa-ready-medst1', what: 'ongoing acetaminophen with a start date only' }],
    },
  };
}

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
            lines: [line('64493', ['50'])],
            diagnoses: ['M47.816'],
            notes: 'Bilateral single level: 64493 with modifier 50, 1 unit (FJ-BILATERAL).',
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
          expectCoding: { lines: [line('64493', ['RT'])], diagnoses: ['M47.816'], notes: 'Unilateral single level: RT, 1 unit.' },
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
            verdict: 'incomplete',
            why: 'The only coded diagnosis on the order is M54.5, deleted effective 2021-10-01 (README ICD-10-CM facts), so the claim has no valid diagnosis for a 2026 date of service; recode to M54.50/M54.51/M54.59 or to the M47.816 the note documents. FJ-PAIN, FJ-CONSERVATIVE and FJ-SCALES are otherwise met.',
          },
          expectCoding: {
            lines: [line('64493', ['RT']), line('64494', ['RT'])],
            diagnoses: ['M47.816'],
            notes:
              'invalid-code edit on M54.5 naming the successors M54.50, M54.51, M54.59; M47.816 from the note is the supported replacement. Unilateral two levels: RT on each line, 1 unit each.',
          },
        },
      ],
    },
  };
}
