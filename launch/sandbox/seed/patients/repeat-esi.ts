// Patients with prior lumbar ESIs (frequency and repeat-response rules) (seed situations 5 and 6).
import { Chart } from '../gen/chart';
import { ICD, ptCourse, PT_FAILED } from '../gen/clinical';
import { line, type SeedPatient } from '../gen/manifest';
import type { Side } from '../gen/systems';

/** A prior transforaminal ESI: procedure visit, procedure, relief observation. Returns the procedure id. */
function priorTfesi(
  c: Chart,
  date: string,
  level: string,
  side: Side,
  relief?: { pct: number; dur: [number, 'h' | 'd' | 'wk' | 'mo']; on: string },
): string {
  const enc = c.encounter({ date, type: 'procedure', reason: 'Transforaminal epidural steroid injection' });
  const p = c.procedure({
    code: '64483',
    display: `${side === 'left' ? 'Left' : 'Right'} ${level} transforaminal epidural steroid injection`,
    date,
    levels: [level],
    side,
    encounter: enc.id,
    reasons: [ICD.M54_17],
    note: 'Fluoroscopic guidance, contrast confirmed epidural spread, dexamethasone 10 mg. No complications.',
  });
  if (relief) c.relief(p.id ?? '', relief.on, relief.pct, relief.dur);
  return p.id ?? '';
}

/** 5. Four lumbar ESIs in the past 12 months (and one older, outside the window): a fifth is not eligible. */
export function esiFrequency(): SeedPatient {
  const c = new Chart('pt-esi-frequency');
  c.patient({ family: 'Kowalski', given: ['Helen', 'M.'], birthDate: '1950-01-08', gender: 'female', mrn: 'RB-101022', city: 'Holden' });
  c.coverage('medicare', '2PL9-ZX3-AA41', '2015-01-01');
  c.condition({ icd: ICD.I10, onset: '2005-01-01', recorded: '2015-02-01' });
  c.condition({ icd: ICD.M54_17, onset: '2024-11-01', recorded: '2025-03-04' });
  c.condition({ icd: ICD.M51_17, onset: '2024-11-01', recorded: '2025-03-04' });
  c.medRequest({
    rx: 'meloxicam',
    text: 'meloxicam 7.5 mg daily',
    start: '2025-01-10',
    end: '2025-03-01',
    status: 'stopped',
    reason: 'no relief',
  });
  ptCourse(c, '2025-01-13', 6, 2, 'Right leg pain', PT_FAILED);
  c.imaging({
    date: '2025-02-20',
    study: 'mri-lumbar',
    conclusion:
      'L5-S1: right foraminal disc protrusion with moderate right foraminal stenosis contacting the exiting right L5 nerve root. Mild L4-L5 disc bulge.',
  });
  priorTfesi(c, '2025-06-10', 'L5-S1', 'right', { pct: 70, dur: [4, 'mo'], on: '2025-07-01' });
  priorTfesi(c, '2025-12-09', 'L5-S1', 'right', { pct: 70, dur: [3, 'mo'], on: '2026-01-06' });
  priorTfesi(c, '2026-03-10', 'L5-S1', 'right', { pct: 65, dur: [3, 'mo'], on: '2026-04-07' });
  priorTfesi(c, '2026-06-02', 'L5-S1', 'right', { pct: 60, dur: [11, 'wk'], on: '2026-06-30' });
  priorTfesi(c, '2026-08-25', 'L5-S1', 'right', { pct: 60, dur: [12, 'wk'], on: '2026-09-22' });
  const visit = c.encounter({ date: '2026-11-16', type: 'office', em: '99213', minutes: 25, reason: 'Recurrent right leg pain' });
  c.pain('2026-11-16', 7, { encounter: visit.id });
  c.disability('2026-11-16', 'Oswestry Disability Index', 42, visit.id);
  const sr = c.serviceRequest({
    code: '64483',
    display: 'Right L5-S1 transforaminal epidural steroid injection',
    date: '2026-12-02',
    levels: ['L5-S1'],
    side: 'right',
    reasons: [ICD.M54_17, ICD.M51_17],
    authored: '2026-11-16',
    encounter: visit.id,
    detail: 'fluoroscopic guidance with contrast',
  });
  c.note({
    date: '2026-11-16',
    encounter: visit.id,
    title: 'Pain follow-up',
    body: [
      'FOLLOW-UP - right L5 radiculopathy',
      'Helen returns with recurrent right buttock and lateral leg pain, 7/10 NRS, ODI 42%. Her last right L5-S1 TFESI on 08/25/2026 gave about 60% relief for roughly 3 months; pain returned over the past 2 weeks.',
      'Injection history: right L5-S1 TFESI 06/10/2025, 12/09/2025, 03/10/2026, 06/02/2026, 08/25/2026 - each with 60-70% relief lasting 2.5-4 months.',
      'Denies bowel or bladder changes. No new weakness.',
      'Exam: SLR positive right at 50 degrees, 5-/5 right EHL, diminished sensation right dorsal foot.',
      'A/P: recurrent right L5 radiculopathy (M54.17) from L5-S1 foraminal protrusion (M51.17). She requests another injection; ordered right L5-S1 TFESI. Discussed that she has had four injections in the past 12 months and that a surgical opinion is reasonable; referral to spine surgery placed.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Helen Kowalski',
      payerKey: 'medicare',
      situations: [5],
      rules: ['ESI-FREQUENCY', 'ESI-REPEAT'],
      summary:
        'Right L5 radiculopathy with lumbar TFESIs on 2025-12-09, 2026-03-10, 2026-06-02 and 2026-08-25 (plus 2025-06-10, outside 12 months); a fifth is planned for 2026-12-02.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64483',
          expect: {
            verdict: 'not-eligible',
            why: 'Four lumbar ESI sessions already in the rolling 12 months before the planned date (ESI-FREQUENCY); each prior one gave >= 50 % relief, so ESI-REPEAT alone would pass.',
          },
          expectCoding: {
            lines: [line('64483', ['RT'])],
            diagnoses: ['M54.17', 'M51.17'],
            notes: 'RT, 1 unit; frequency is a coverage verdict, not a coding edit.',
          },
        },
      ],
    },
  };
}

/** 6a. The last ESI gave only 30 % relief: a repeat is not eligible. */
export function esiRepeatPoor(): SeedPatient {
  const c = new Chart('pt-esi-repeat-poor');
  c.patient({ family: 'Ferreira', given: ['Paulo'], birthDate: '1960-04-17', gender: 'male', mrn: 'RB-101187', city: 'Fitchburg' });
  c.coverage('medicare', '5RT1-VB8-KU62', '2025-04-01');
  c.condition({ icd: ICD.M54_16, onset: '2026-04-01', recorded: '2026-06-22' });
  c.condition({ icd: ICD.M51_16, onset: '2026-04-01', recorded: '2026-06-22' });
  c.condition({ icd: ICD.S33_5XXA, onset: '2019-09-01', recorded: '2019-09-03', status: 'resolved', abatement: '2019-11-15' });
  c.medRequest({
    rx: 'naproxen',
    text: 'naproxen 500 mg twice daily',
    start: '2026-04-10',
    end: '2026-06-10',
    status: 'stopped',
    reason: 'ineffective',
  });
  c.medRequest({
    rx: 'tizanidine',
    text: 'tizanidine 2 mg at bedtime',
    start: '2026-04-10',
    end: '2026-05-20',
    status: 'stopped',
    reason: 'sedation, no benefit',
  });
  ptCourse(c, '2026-04-20', 6, 2, 'Lumbar radiculopathy', PT_FAILED);
  c.imaging({
    date: '2026-06-01',
    study: 'mri-lumbar',
    conclusion:
      'L4-L5: left foraminal disc protrusion with moderate-severe left foraminal stenosis and contact of the exiting left L4 nerve root.',
  });
  const consult = c.encounter({ date: '2026-06-22', type: 'new', em: '99204', minutes: 45, reason: 'Left leg pain' });
  c.pain('2026-06-22', 8, { encounter: consult.id });
  c.disability('2026-06-22', 'Oswestry Disability Index', 50, consult.id);
  const enc = c.encounter({ date: '2026-08-18', type: 'procedure', reason: 'Transforaminal epidural steroid injection' });
  const p = c.procedure({
    code: '64483',
    display: 'Left L4-L5 transforaminal epidural steroid injection',
    date: '2026-08-18',
    levels: ['L4-L5'],
    side: 'left',
    encounter: enc.id,
    reasons: [ICD.M54_16],
  });
  c.note({
    date: '2026-08-18',
    encounter: enc.id,
    title: 'Procedure note - transforaminal ESI',
    body: [
      'PROCEDURE: left L4-L5 transforaminal epidural steroid injection (left L4 root).',
      'Pre-procedure pain 8/10. Prone, sterile prep. Under fluoroscopy a 22-gauge spinal needle was advanced to the left L4-L5 foramen; contrast showed epidural and perineural spread without vascular uptake. Injected dexamethasone 10 mg with 1 mL 1% lidocaine.',
      'Post-procedure pain 2/10 at 20 minutes (local anaesthetic phase). No complications. Discharged ambulatory. Will report sustained relief at follow-up.',
    ].join('\n'),
  });
  c.relief(p.id ?? '', '2026-09-08', 30, [2, 'wk']);
  const visit = c.encounter({ date: '2026-11-09', type: 'office', em: '99213', minutes: 24, reason: 'Follow-up after ESI' });
  c.pain('2026-11-09', 7, { encounter: visit.id });
  c.disability('2026-11-09', 'Oswestry Disability Index', 48, visit.id);
  const sr = c.serviceRequest({
    code: '64483',
    display: 'Left L4-L5 transforaminal epidural steroid injection (repeat)',
    date: '2026-12-02',
    levels: ['L4-L5'],
    side: 'left',
    reasons: [ICD.M54_16, ICD.M51_16],
    authored: '2026-11-09',
    encounter: visit.id,
    detail: 'fluoroscopic guidance with contrast',
  });
  c.note({
    date: '2026-11-09',
    encounter: visit.id,
    title: 'Pain follow-up',
    body: [
      'FOLLOW-UP',
      'Left L4-L5 TFESI on 08/18/2026 gave about 30% relief for two weeks, then the anterior thigh pain returned to baseline. NRS today 7/10, ODI 48%. Function unchanged; still cannot work a full shift as a warehouse lead.',
      'No bowel or bladder symptoms. No fevers.',
      'Exam: left quadriceps 4+/5, diminished left patellar reflex, positive left femoral stretch.',
      'A/P: left L4 radiculopathy (M54.16), L4-L5 foraminal protrusion (M51.16). Limited, short-lived response to the first TFESI. He asks to repeat it; will repeat left L4-L5 TFESI once and request surgical consultation in parallel.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Paulo Ferreira',
      payerKey: 'medicare',
      situations: [6],
      rules: ['ESI-REPEAT'],
      summary: 'Left L4 radiculopathy; the 2026-08-18 left L4-L5 TFESI gave 30 % relief for 2 weeks; a repeat is ordered.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64483',
          expect: {
            verdict: 'not-eligible',
            why: 'A repeat ESI needs at least 50 % sustained relief or functional gain from the prior one (ESI-REPEAT); the coded relief after Procedure 2026-08-18 is 30 % for 2 weeks and ODI barely moved (50 -> 48 %).',
          },
          expectCoding: { lines: [line('64483', ['LT'])], diagnoses: ['M54.16', 'M51.16'], notes: 'LT, 1 unit.' },
        },
      ],
      noise: [{ ref: 'Condition/pt-esi-repeat-poor-cond3', what: 'resolved lumbar sprain from 2019' }],
    },
  };
}

/** 6b. The last ESI gave 60 % relief for 4 months: a repeat is fine. Includes an entered-in-error pain score. */
export function esiRepeatGood(): SeedPatient {
  const c = new Chart('pt-esi-repeat-good');
  c.patient({
    family: 'Sullivan',
    given: ['Joan', 'E.'],
    birthDate: '1956-12-03',
    gender: 'female',
    mrn: 'RB-101305',
    city: 'Westborough',
  });
  c.coverage('medicare', '6WQ3-LK7-HJ90', '2021-12-01');
  c.condition({ icd: ICD.M54_17, onset: '2025-12-01', recorded: '2026-04-14' });
  c.condition({ icd: ICD.M51_17, onset: '2025-12-01', recorded: '2026-04-14' });
  c.medStatement({
    rx: 'ibuprofen',
    text: 'ibuprofen 400 mg over the counter, up to three times daily',
    start: '2025-12-05',
    end: '2026-01-04',
    status: 'stopped',
    reason: 'no relief',
  });
  c.medRequest({
    rx: 'celecoxib',
    text: 'celecoxib 200 mg daily',
    start: '2026-01-05',
    end: '2026-03-15',
    status: 'stopped',
    reason: 'no relief',
  });
  ptCourse(c, '2026-01-12', 8, 2, 'Right leg pain', PT_FAILED);
  c.imaging({
    date: '2026-03-20',
    study: 'mri-lumbar',
    conclusion: 'L5-S1: right foraminal disc protrusion with moderate right foraminal stenosis contacting the exiting right L5 root.',
  });
  const consult = c.encounter({ date: '2026-04-14', type: 'new', em: '99204', minutes: 45, reason: 'Right leg pain' });
  c.pain('2026-04-14', 8, { encounter: consult.id });
  c.disability('2026-04-14', 'Oswestry Disability Index', 48, consult.id);
  const enc = c.encounter({ date: '2026-06-16', type: 'procedure', reason: 'Transforaminal epidural steroid injection' });
  const p = c.procedure({
    code: '64483',
    display: 'Right L5-S1 transforaminal epidural steroid injection',
    date: '2026-06-16',
    levels: ['L5-S1'],
    side: 'right',
    encounter: enc.id,
    reasons: [ICD.M54_17],
  });
  const fu1 = c.encounter({ date: '2026-07-14', type: 'office', em: '99213', minutes: 20, reason: 'Post-injection follow-up' });
  c.pain('2026-07-14', 3, { encounter: fu1.id });
  const wrong = c.pain('2026-07-14', 10, { encounter: fu1.id, status: 'entered-in-error' });
  c.disability('2026-07-14', 'Oswestry Disability Index', 22, fu1.id);
  c.relief(p.id ?? '', '2026-10-20', 60, [4, 'mo']);
  const visit = c.encounter({ date: '2026-11-10', type: 'office', em: '99213', minutes: 25, reason: 'Recurrent right leg pain' });
  c.pain('2026-11-10', 7, { encounter: visit.id });
  c.disability('2026-11-10', 'Oswestry Disability Index', 40, visit.id);
  const sr = c.serviceRequest({
    code: '64483',
    display: 'Right L5-S1 transforaminal epidural steroid injection (repeat)',
    date: '2026-12-01',
    levels: ['L5-S1'],
    side: 'right',
    reasons: [ICD.M54_17, ICD.M51_17],
    authored: '2026-11-10',
    encounter: visit.id,
    detail: 'fluoroscopic guidance with contrast',
  });
  c.note({
    date: '2026-11-10',
    encounter: visit.id,
    title: 'Pain follow-up',
    body: [
      'FOLLOW-UP',
      'Joan had a right L5-S1 TFESI on 06/16/2026 with 60% relief of her leg pain lasting about 4 months (pain 3/10 and ODI 22% at the July visit). Over the last 3 weeks the right lateral leg pain has returned, now 7/10, ODI 40%. Walking tolerance down to 15 minutes.',
      'Denies bowel or bladder changes, no new weakness.',
      'Exam: SLR positive right 55 degrees, sensation reduced right dorsal foot, strength full.',
      'A/P: recurrent right L5 radiculopathy (M54.17), L5-S1 foraminal protrusion (M51.17), with a documented good response to the prior injection. Repeat right L5-S1 TFESI under fluoroscopy. Continue home exercises.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Joan Sullivan',
      payerKey: 'medicare',
      situations: [6],
      rules: ['ESI-REPEAT', 'ESI-FREQUENCY', 'ESI-CONSERVATIVE'],
      summary:
        'Right L5 radiculopathy; the 2026-06-16 TFESI gave 60 % relief for 4 months (coded relief observation); repeat planned. Has one entered-in-error NRS of 10.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '64483',
          expect: {
            verdict: 'ready',
            why: 'Prior ESI gave 60 % relief for 4 months (ESI-REPEAT: >= 50 %, and >= 3 months where that VERIFY duration is applied), one ESI in 12 months (ESI-FREQUENCY), failed PT and celecoxib (ESI-CONSERVATIVE).',
          },
          expectCoding: { lines: [line('64483', ['RT'])], diagnoses: ['M54.17', 'M51.17'], notes: 'RT, 1 unit.' },
        },
      ],
      noise: [{ ref: `Observation/${wrong.id ?? ''}`, what: 'entered-in-error NRS 10 on 2026-07-14; must be ignored' }],
    },
  };
}
