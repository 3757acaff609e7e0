// 16. A long-followed chronic facet-pain patient with ten years of visits: > 300 Encounters and > 2,000
// Observations, so the reader must follow every `next` page. The clinical question is a repeat RFA.
import { Chart } from '../gen/chart';
import { addDays, ICD, SCT } from '../gen/clinical';
import { line, type SeedPatient } from '../gen/manifest';
import { bloodPressure, vital } from '../gen/vitals';

/** mulberry32: a tiny fixed-seed PRNG, so the "noise" in ten years of vitals is the same on every build. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VITALS: [string, string, string, string][] = [
  ['8867-4', 'Heart rate', '/min', '/min'],
  ['9279-1', 'Respiratory rate', '/min', '/min'],
  ['8310-5', 'Body temperature', 'Cel', 'Cel'],
  ['29463-7', 'Body weight', 'kg', 'kg'],
  ['59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', '%', '%'],
];

function rfaSession(c: Chart, date: string, relief: number, months: number, on: string): void {
  const enc = c.encounter({ date, type: 'procedure', reason: 'Lumbar facet radiofrequency ablation' });
  const p = c.procedure({
    code: '64635',
    display: 'Bilateral L4-L5 and L5-S1 lumbar facet radiofrequency ablation',
    date,
    levels: ['L4-L5', 'L5-S1'],
    side: 'bilateral',
    encounter: enc.id,
    reasons: [ICD.M47_816],
  });
  c.relief(p.id ?? '', on, relief, [months, 'mo']);
}

export function paging(): SeedPatient {
  const c = new Chart('pt-paging');
  const rand = prng(20261123);
  c.patient({
    family: 'Tremblay',
    given: ['Robert', 'Gilles'],
    birthDate: '1949-09-04',
    gender: 'male',
    mrn: 'RB-100007',
    city: 'Worcester',
  });
  c.coverage('medicare', '1AA1-BB2-CC33', '2014-09-01');
  c.condition({ icd: ICD.I10, snomed: SCT.hypertension, onset: '2009-01-01', recorded: '2016-12-01' });
  c.condition({ icd: ICD.E78_5, snomed: SCT.hyperlipidemia, onset: '2012-01-01', recorded: '2016-12-01' });
  const spond = c.condition({ icd: ICD.M47_816, onset: '2016-06-01', recorded: '2016-12-01' });
  c.condition({ icd: ICD.G89_29, onset: '2016-06-01', recorded: '2017-03-01' });
  c.condition({ icd: ICD.S33_5XXA, onset: '2016-06-01', recorded: '2016-06-10', status: 'resolved', abatement: '2016-09-01' });
  c.medStatement({ rx: 'lisinopril', text: 'lisinopril 20 mg daily', start: '2009-01-01', status: 'active' });
  c.medStatement({ rx: 'atorvastatin', text: 'atorvastatin 40 mg daily', start: '2012-01-01', status: 'active' });
  c.medRequest({
    rx: 'naproxen',
    text: 'naproxen 500 mg twice daily',
    start: '2017-01-10',
    end: '2017-06-01',
    status: 'stopped',
    reason: 'no relief',
  });
  c.medRequest({
    rx: 'meloxicam',
    text: 'meloxicam 15 mg daily',
    start: '2019-02-01',
    end: '2023-11-01',
    status: 'stopped',
    reason: 'rising creatinine',
  });
  c.medRequest({ rx: 'acetaminophen', text: 'acetaminophen 650 mg three times daily', start: '2023-11-01', status: 'active' });
  // An older MRI kept only as a Procedure with the report in its note, as some EHRs store outside imaging.
  c.procedure({
    code: '72148',
    display: 'MRI lumbar spine without contrast (outside facility)',
    date: '2019-03-18',
    note: 'Report: mild facet arthropathy L4-L5 and L5-S1; no disc herniation; no stenosis.',
  });
  c.imaging({
    date: '2023-12-05',
    study: 'mri-lumbar',
    conclusion: 'Advanced bilateral facet arthropathy at L4-L5 and L5-S1. Mild disc bulges without stenosis. No nerve root compression.',
  });

  // Ten years of visits, 8-14 days apart: office (with pain score), physical therapy and nurse blood-pressure checks.
  let day = '2016-12-05';
  let n = 0;
  while (day < '2026-11-10') {
    const r = rand();
    const kind = r < 0.5 ? 'office' : r < 0.8 ? 'pt' : 'nurse';
    // Visit minutes stay inside the time band of the E/M level (99213: 20-29, 99214: 30-39).
    const em = rand() < 0.7 ? '99213' : '99214';
    const enc =
      kind === 'office'
        ? c.encounter({
            date: day,
            type: 'office',
            em,
            minutes: (em === '99213' ? 20 : 30) + Math.floor(rand() * 10),
            reason: 'Chronic low back pain follow-up',
          })
        : kind === 'pt'
          ? c.encounter({ date: day, type: 'pt', minutes: 45, reason: 'Chronic axial low back pain' })
          : c.encounter({ date: day, type: 'office', reason: 'Nurse visit: blood pressure check' });
    const id = enc.id ?? '';
    bloodPressure(c, day, id, 124 + Math.round(rand() * 22), 72 + Math.round(rand() * 14));
    vital(c, day, id, ...pick(VITALS[0]), 62 + Math.round(rand() * 20));
    vital(c, day, id, ...pick(VITALS[1]), 12 + Math.round(rand() * 6));
    vital(c, day, id, ...pick(VITALS[2]), Math.round((36.4 + rand() * 0.7) * 10) / 10);
    vital(c, day, id, ...pick(VITALS[3]), Math.round((86 + rand() * 6) * 10) / 10);
    vital(c, day, id, ...pick(VITALS[4]), 94 + Math.round(rand() * 5));
    c.pain(day, 4 + Math.floor(rand() * 5), { encounter: id, category: 'vital-signs', integer: n % 3 === 0 });
    if (kind === 'office' && n % 6 === 0) c.disability(day, 'Oswestry Disability Index', 30 + Math.round(rand() * 16), id);
    day = addDays(day, 8 + Math.floor(rand() * 7));
    n++;
  }

  // Diagnostic blocks in 2024, then two ablations; the last one helped 60 % for 7 months.
  for (const [date, pct, hours, agent] of [
    ['2024-02-13', 85, 2, 'lidocaine 2%'],
    ['2024-03-12', 90, 6, 'bupivacaine 0.5%'],
  ] as const) {
    const enc = c.encounter({ date, type: 'procedure', reason: 'Diagnostic medial branch block' });
    const p = c.procedure({
      code: '64493',
      display: 'Bilateral L4-L5 and L5-S1 medial branch block',
      date,
      levels: ['L4-L5', 'L5-S1'],
      side: 'bilateral',
      encounter: enc.id,
      reasons: [ICD.M47_816],
      note: `${agent}; pain 7 -> 1`,
    });
    c.relief(p.id ?? '', date, pct, [hours, 'h']);
  }
  rfaSession(c, '2024-04-16', 75, 10, '2024-10-15');
  rfaSession(c, '2026-03-10', 60, 7, '2026-10-13');

  const visit = c.encounter({ date: '2026-11-16', type: 'office', em: '99214', minutes: 32, reason: 'Recurrent axial low back pain' });
  c.pain('2026-11-16', 7, { encounter: visit.id });
  c.disability('2026-11-16', 'Oswestry Disability Index', 42, visit.id);
  const sr = c.serviceRequest({
    code: '64635',
    display: 'Repeat bilateral L4-L5 and L5-S1 lumbar facet radiofrequency ablation',
    date: '2026-12-08',
    levels: ['L4-L5', 'L5-S1'],
    side: 'bilateral',
    reasons: [ICD.M47_816],
    conditions: [spond.id ?? ''],
    authored: '2026-11-16',
    encounter: visit.id,
    detail: 'fluoroscopic guidance; local anaesthetic only',
  });
  c.note({
    date: '2026-11-16',
    encounter: visit.id,
    title: 'Pain follow-up',
    body: [
      'FOLLOW-UP',
      'Robert, 77, followed here for chronic axial low back pain since 2016. Bilateral L4-L5/L5-S1 RFA on 03/10/2026 gave 60% relief and better walking for about 7 months; pain has returned to 7/10, ODI 42%. Previous RFA 04/16/2024 gave 75% for 10 months. Diagnostic MBBs 02/2024 (lidocaine, 85%) and 03/2024 (bupivacaine, 90%).',
      'Off NSAIDs since 2023 because of rising creatinine; acetaminophen, home exercises and periodic PT continue.',
      'Denies leg pain, numbness, bowel or bladder changes.',
      'Exam: lower lumbar facet tenderness bilaterally, pain with extension-rotation, neuro intact, SLR negative.',
      'A/P: lumbar spondylosis (M47.816). Repeat bilateral L4-L5 and L5-S1 RFA; one ablation in the past 12 months.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Robert Tremblay',
      payerKey: 'medicare',
      situations: [16],
      rules: ['FJ-RFA-REPEAT', 'FJ-RFA-FREQUENCY', 'FJ-DIAGNOSTIC'],
      summary:
        'Ten years of visits (> 300 Encounters, > 2,000 Observations: vitals and pain scores); repeat bilateral two-level RFA after 60 % relief for 7 months.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64635',
          expect: {
            verdict: 'ready',
            why: 'Prior RFA at the same levels gave 60 % relief for 7 months (FJ-RFA-REPEAT: >= 50 % for >= 6 months), one RFA session in the past 12 months (FJ-RFA-FREQUENCY), two >= 80 % blocks on record (FJ-DIAGNOSTIC).',
          },
          expectCoding: {
            lines: [line('64635', ['50']), line('64636', ['50'])],
            diagnoses: ['M47.816'],
            notes: 'Bilateral two joints: modifier 50, 1 unit per line.',
          },
        },
      ],
    },
  };
}

function pick(v: [string, string, string, string] | undefined): [string, string, string] {
  if (!v) throw new Error('vital sign table is shorter than expected');
  return [v[0], v[1], v[2]];
}
