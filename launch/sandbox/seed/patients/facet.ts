// Axial facet-pain patients on their way to RFA: after one medial branch block, and after two
// (seed situations 3 and 4).
import { Chart } from '../gen/chart';
import { ICD } from '../gen/clinical';
import { line, type SeedPatient } from '../gen/manifest';
import { mbb, facetHistory, FACET_EXAM } from './facet-common';

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
