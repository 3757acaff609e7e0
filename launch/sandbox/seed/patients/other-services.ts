// Trigger points with and without a separately identifiable same-day visit, an SI joint injection and a spinal
// cord stimulator trial (situations 9 and 14). The SI joint chart carries the one deliberately malformed resource.
import type { FhirResource } from 'fhir/r4';
import { Chart } from '../gen/chart';
import { ICD, ptCourse, PT_FAILED } from '../gen/clinical';
import { line, type SeedPatient } from '../gen/manifest';

const TODAY = '2026-11-23';

/** 9a. 20553 with a 99214 the same day for a new problem and medication management: modifier 25. */
export function tpiMod25(): SeedPatient {
  const c = new Chart('pt-tpi-mod25');
  c.patient({ family: 'Haddad', given: ['Nadia'], birthDate: '1958-12-14', gender: 'female', mrn: 'RB-104018', city: 'Oxford' });
  c.coverage('medicare', '3ZX8-PO1-NB77', '2023-12-01');
  const myalgia = c.condition({ icd: ICD.M79_18, onset: '2025-06-01', recorded: '2025-09-15' });
  const spasm = c.condition({ icd: ICD.M62_830, onset: '2025-06-01', recorded: '2025-09-15' });
  c.imaging({
    date: '2025-09-15',
    study: 'xr-cervical',
    conclusion: 'Mild degenerative disc height loss at C5-C6. Normal alignment. No fracture or destructive lesion.',
  });
  const visit = c.encounter({
    date: TODAY,
    type: 'office',
    em: '99214',
    minutes: 32,
    reason: 'Myofascial pain follow-up; new right hip pain',
  });
  const hip = c.condition({ icd: ICD.M70_61, onset: '2026-10-15', recorded: TODAY, category: 'encounter-diagnosis', encounter: visit.id });
  c.medRequest({
    rx: 'cyclobenzaprine',
    text: 'cyclobenzaprine 5 mg at bedtime',
    start: '2025-09-15',
    end: '2026-02-01',
    status: 'stopped',
    reason: 'daytime drowsiness',
  });
  c.medRequest({
    rx: 'diclofenac',
    text: 'diclofenac 1% gel to right lateral hip four times daily',
    start: TODAY,
    status: 'active',
    encounter: visit.id,
  });
  c.medRequest({
    rx: 'duloxetine',
    text: 'duloxetine 30 mg daily, increase to 60 mg after 2 weeks',
    start: TODAY,
    status: 'active',
    encounter: visit.id,
  });
  c.pain(TODAY, 6, { encounter: visit.id, category: 'vital-signs' });
  const sr = c.serviceRequest({
    code: '20553',
    display: 'Trigger point injections, 4 muscles (bilateral upper trapezius, right levator scapulae, left rhomboid)',
    date: TODAY,
    reasons: [ICD.M79_18, ICD.M62_830],
    conditions: [myalgia.id ?? '', spasm.id ?? ''],
    authored: '2026-10-26',
    encounter: visit.id,
  });
  c.procedure({
    code: '20553',
    display: 'Trigger point injections, 4 muscles',
    date: TODAY,
    encounter: visit.id,
    basedOn: sr.id,
    reasons: [ICD.M79_18],
    note: 'Bilateral upper trapezius, right levator scapulae, left rhomboid major; 1% lidocaine 2 mL per site, 25-gauge needle, twitch response at each.',
  });
  c.note({
    date: TODAY,
    encounter: visit.id,
    title: 'Office visit',
    body: [
      'OFFICE VISIT - established patient',
      'Nadia returns for her scheduled trigger point injections for chronic myofascial neck and upper back pain (NRS 6/10 today).',
      'NEW PROBLEM: for 5 weeks she has had right lateral hip pain, worse lying on the right side at night and climbing stairs, no groin pain, no trauma, no back pain radiating to the leg. Has not tried anything for it.',
      'Exam (hip): point tenderness over the right greater trochanter, pain with resisted hip abduction, FABER negative for groin pain, full painless internal rotation, negative SLR. Lumbar exam benign.',
      'MEDICATION MANAGEMENT: myofascial pain only partly controlled; cyclobenzaprine stopped earlier this year for drowsiness. Discussed options; starting duloxetine 30 mg daily, titrate to 60 mg in 2 weeks; reviewed nausea, sleep and blood pressure effects, and bleeding risk with NSAIDs. Start topical diclofenac for the hip.',
      'A/P: 1. Right greater trochanteric bursitis (M70.61), new - topical diclofenac, home stretching for the IT band, X-ray hip if not better in 6 weeks. 2. Myofascial pain (M79.18) with muscle spasm of the back (M62.830) - duloxetine as above; proceed with trigger point injections today (separate procedure note).',
      'Total time on the E/M portion today, excluding the procedure: 32 minutes.',
    ].join('\n'),
  });
  c.note({
    date: TODAY,
    encounter: visit.id,
    title: 'Procedure note - trigger point injections',
    body: [
      'PROCEDURE: trigger point injections, 4 muscles.',
      'Pre-procedure: taut bands with reproducible referred pain in the bilateral upper trapezius, right levator scapulae and left rhomboid major. Consent signed.',
      'Technique: 1% lidocaine 2 mL per trigger point, 25-gauge needle, local twitch response at each site. No steroid. Tolerated well, no complications.',
      'Post: pain 2/10 at 10 minutes.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Nadia Haddad',
      payerKey: 'medicare',
      situations: [9],
      rules: ['Modifiers: 25', 'Other services: 20552/20553'],
      summary:
        'Myofascial pain; 20553 (4 muscles) on 2026-11-23 with a same-day 99214 that evaluates a new right hip problem and manages duloxetine: modifier 25 supported.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '20553',
          expect: {
            verdict: 'ready',
            why: 'No confirmed coverage rule limits 20553 in the README (Other services); the same-day E/M documents separately identifiable work (new problem, prescription management, 32 minutes), so modifier 25 applies (Modifiers: 25).',
          },
          expectCoding: {
            lines: [line('99214', ['25']), line('20553')],
            diagnoses: ['M70.61', 'M79.18', 'M62.830'],
            notes: `99214-25 points to M70.61 (new problem) and M79.18; 20553 once per session (3+ muscles) points to M79.18/M62.830. Encounter ${visit.id ?? ''}; hip condition ${hip.id ?? ''}.`,
          },
        },
      ],
    },
  };
}

/** 9b. 20553 with an encounter typed 99213 whose note is only the pre-procedure assessment: no E/M, no 25. */
export function tpiNo25(): SeedPatient {
  const c = new Chart('pt-tpi-no25');
  c.patient({ family: 'Brooks', given: ['Derek', 'A.'], birthDate: '1968-07-30', gender: 'male', mrn: 'RB-104233', city: 'Sutton' });
  c.coverage('bcbsma', 'XKB552019387', '2023-01-01');
  const myalgia = c.condition({ icd: ICD.M79_18, onset: '2025-11-01', recorded: '2026-02-03' });
  c.imaging({
    date: '2026-02-03',
    study: 'xr-thoracic',
    conclusion: 'Normal thoracic alignment and vertebral heights. No acute osseous abnormality.',
  });
  c.medRequest({ rx: 'methocarbamol', text: 'methocarbamol 750 mg three times daily as needed', start: '2026-02-03', status: 'active' });
  const prior = c.encounter({ date: '2026-09-28', type: 'procedure', reason: 'Trigger point injections' });
  c.procedure({
    code: '20553',
    display: 'Trigger point injections, 3 muscles',
    date: '2026-09-28',
    encounter: prior.id,
    reasons: [ICD.M79_18],
  });
  const visit = c.encounter({ date: TODAY, type: 'office', em: '99213', reason: 'Trigger point injections' });
  c.pain(TODAY, 5, { encounter: visit.id });
  const sr = c.serviceRequest({
    code: '20553',
    display: 'Trigger point injections, 3 muscles (right trapezius, right levator scapulae, right rhomboid)',
    date: TODAY,
    reasons: [ICD.M79_18],
    conditions: [myalgia.id ?? ''],
    authored: '2026-10-26',
    encounter: visit.id,
  });
  c.procedure({
    code: '20553',
    display: 'Trigger point injections, 3 muscles',
    date: TODAY,
    encounter: visit.id,
    basedOn: sr.id,
    reasons: [ICD.M79_18],
  });
  c.note({
    date: TODAY,
    encounter: visit.id,
    title: 'Procedure note - trigger point injections',
    body: [
      'Pre-procedure assessment: Derek is here for his scheduled repeat trigger point injections. Right upper back and shoulder girdle pain unchanged since September, 5/10. Prior injections on 09/28/2026 helped for about 6 weeks. No new complaints. Medications unchanged. Vitals stable.',
      'Exam: taut bands with referred pain in the right upper trapezius, right levator scapulae and right rhomboid.',
      'Procedure: trigger point injections to the 3 muscles above with 1% lidocaine, 2 mL each. Tolerated well.',
      'Plan: continue home stretching and methocarbamol as needed; return in 2 months if needed.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Derek Brooks',
      payerKey: 'bcbsma',
      situations: [9],
      rules: ['Modifiers: 25', 'Other services: 20552/20553'],
      summary:
        'Repeat 20553 (3 muscles) on 2026-11-23; the encounter is typed 99213 but the only documentation is the pre-procedure assessment: no separate E/M and no modifier 25.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '20553',
          expect: {
            verdict: 'ready',
            why: 'No confirmed coverage rule limits 20553 (Other services); the decision here is coding: the visit is only the pre-procedure assessment included in the procedure, so no E/M line and no modifier 25 (Modifiers: 25).',
          },
          expectCoding: {
            lines: [line('20553')],
            diagnoses: ['M79.18'],
            notes:
              'The 99213 on the encounter type is not billable separately; a modifier edit should say why (no separately identifiable work documented).',
          },
        },
      ],
    },
  };
}

/** 14a. Right SI joint injection (rules unconfirmed: warnings). Holds the one malformed Observation. */
export function siJoint(): SeedPatient {
  const c = new Chart('pt-si-joint');
  c.patient({ family: 'Fitzgerald', given: ['Eleanor'], birthDate: '1952-02-06', gender: 'female', mrn: 'RB-105009', city: 'Boylston' });
  c.coverage('medicare', '5MN2-QA8-ZS31', '2017-02-01');
  const sacro = c.condition({ icd: ICD.M46_1, onset: '2026-03-01', recorded: '2026-11-02' });
  c.condition({ icd: ICD.M53_3, onset: '2026-03-01', recorded: '2026-11-02' });
  c.medRequest({
    rx: 'naproxen',
    text: 'naproxen 375 mg twice daily',
    start: '2026-04-01',
    end: '2026-06-15',
    status: 'stopped',
    reason: 'no relief',
  });
  ptCourse(c, '2026-05-04', 6, 2, 'Right buttock pain', PT_FAILED);
  c.imaging({
    date: '2026-07-22',
    study: 'xr-lumbar',
    conclusion: 'Mild lumbar spondylosis. Right sacroiliac joint sclerosis and narrowing. No fracture.',
  });
  const visit = c.encounter({ date: '2026-11-02', type: 'new', em: '99204', minutes: 45, reason: 'Right buttock pain' });
  c.pain('2026-11-02', 7, { encounter: visit.id });
  c.disability('2026-11-02', 'Oswestry Disability Index', 36, visit.id);
  const sr = c.serviceRequest({
    code: '27096',
    display: 'Right sacroiliac joint injection under fluoroscopy',
    date: '2026-11-30',
    side: 'right',
    levels: ['sacroiliac joint'],
    reasons: [ICD.M46_1],
    conditions: [sacro.id ?? ''],
    authored: '2026-11-02',
    encounter: visit.id,
    detail: 'fluoroscopic guidance with contrast arthrogram',
  });
  // Deliberately malformed: valueQuantity.value is a string, as some interfaces emit it.
  const bad = { ...c.pain('2026-11-16', 6, { category: 'vital-signs' }) } as unknown as Record<string, unknown>;
  bad.valueQuantity = { value: '6', unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' };
  c.resources.splice(c.resources.length - 1, 1, bad as unknown as FhirResource);
  c.note({
    date: '2026-11-02',
    encounter: visit.id,
    consult: true,
    title: 'Pain medicine consultation',
    body: [
      'CONSULTATION',
      'HPI: 74-year-old woman with right buttock pain below the belt line since March 2026, pointing to the right PSIS (Fortin finger test positive), worse rising from a chair and climbing stairs, no radiation below the knee. NRS 7/10, ODI 36%.',
      'Failed naproxen for 10 weeks and 6 weeks of PT (05/2026 - 06/2026) with SI belt and stabilisation.',
      'Denies bowel or bladder changes, numbness or weakness.',
      'FHx: sister with ankylosing spondylitis (HLA-B27 negative here, 2026-08).',
      'EXAM: 4 of 5 SI provocation tests positive on the right (thigh thrust, distraction, compression, FABER); Gaenslen negative. Lumbar facet loading negative. Neuro exam normal.',
      'A/P: right sacroiliac joint pain (M46.1, M53.3). Plan right SI joint injection under fluoroscopy with contrast, diagnostic and therapeutic.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Eleanor Fitzgerald',
      payerKey: 'medicare',
      situations: [14],
      rules: ['Other services: 27096 (VERIFY)'],
      summary:
        'Right SI joint pain with 4/5 positive provocation tests after PT and naproxen; right 27096 planned. Holds the deliberately malformed Observation.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '27096',
          expect: {
            verdict: 'ready',
            why: 'SI joint rules are marked VERIFY in the README (27096 / G0260), so any criteria appear only as warnings with citation.verified=false, never a hard verdict; nothing confirmed blocks it.',
          },
          expectCoding: {
            lines: [line('27096', ['RT'])],
            diagnoses: ['M46.1', 'M53.3'],
            notes: 'Unilateral: RT, 1 unit; imaging included in 27096.',
          },
        },
      ],
      dataIssues: [{ ref: `Observation/${String(bad.id)}`, problem: 'valueQuantity.value is the string "6", not a number' }],
    },
  };
}

/** 14b. Spinal cord stimulator trial after laminectomy (NCD 160.7 unconfirmed: warnings). */
export function scsTrial(): SeedPatient {
  const c = new Chart('pt-scs-trial');
  c.patient({ family: 'Marchetti', given: ['Vincent'], birthDate: '1964-05-12', gender: 'male', mrn: 'RB-105244', city: 'Webster' });
  c.coverage('medicare', '6BV1-XC4-ER86', '2023-11-01');
  const plss = c.condition({ icd: ICD.M96_1, onset: '2023-01-01', recorded: '2023-06-01' });
  c.condition({ icd: ICD.M54_16, onset: '2021-06-01', recorded: '2021-06-15' });
  c.condition({ icd: ICD.G89_4, onset: '2023-01-01', recorded: '2024-02-01' });
  c.procedure({ code: '63047', display: 'Lumbar laminectomy and foraminotomy L4-L5', date: '2022-05-17', levels: ['L4-L5'] });
  c.medRequest({
    rx: 'gabapentin',
    text: 'gabapentin 600 mg three times daily',
    start: '2023-02-01',
    end: '2024-05-01',
    status: 'stopped',
    reason: 'ineffective',
  });
  c.medRequest({ rx: 'pregabalin', text: 'pregabalin 150 mg twice daily', start: '2024-05-01', status: 'active' });
  c.medRequest({ rx: 'duloxetine', text: 'duloxetine 60 mg daily', start: '2024-09-01', status: 'active' });
  c.medRequest({ rx: 'tramadol', text: 'tramadol 50 mg up to twice daily as needed', start: '2025-01-10', status: 'active' });
  ptCourse(c, '2025-03-03', 8, 2, 'Post-laminectomy pain', PT_FAILED);
  for (const date of ['2023-03-14', '2023-07-25']) {
    c.procedure({
      code: '62323',
      display: 'Lumbar interlaminar epidural steroid injection L5-S1',
      date,
      levels: ['L5-S1'],
      reasons: [ICD.M96_1],
      note: 'Short-lived relief (about 2 weeks).',
    });
  }
  const psych = c.encounter({ date: '2026-10-05', type: 'office', reason: 'Pre-SCS psychological evaluation' });
  c.procedure({
    code: '90791',
    display: 'Psychological evaluation before spinal cord stimulator trial',
    date: '2026-10-05',
    encounter: psych.id,
    note: 'Cleared for SCS trial: no untreated major depression or substance use disorder; realistic expectations.',
  });
  c.imaging({
    date: '2026-08-14',
    study: 'mri-lumbar',
    conclusion:
      'Postsurgical changes of L4-L5 laminectomy with epidural fibrosis surrounding the left L5 root. No recurrent disc herniation. No instability.',
  });
  const visit = c.encounter({ date: '2026-10-28', type: 'office', em: '99214', minutes: 35, reason: 'SCS trial planning' });
  c.pain('2026-10-28', 8, { encounter: visit.id });
  c.disability('2026-10-28', 'Oswestry Disability Index', 56, visit.id);
  const sr = c.serviceRequest({
    code: '63650',
    display: 'Percutaneous spinal cord stimulator trial, two leads',
    date: '2026-11-25',
    levels: ['T8-T9', 'T9-T10'],
    reasons: [ICD.M96_1, ICD.M54_16],
    conditions: [plss.id ?? ''],
    authored: '2026-10-28',
    encounter: visit.id,
    detail: 'two percutaneous leads, fluoroscopic guidance, 7-day trial',
    quantity: 2,
  });
  c.note({
    date: '2026-10-28',
    encounter: visit.id,
    title: 'Pain follow-up - SCS trial planning',
    body: [
      'FOLLOW-UP',
      'Vincent has persistent left leg more than back pain since his L4-L5 laminectomy in May 2022. NRS 8/10, ODI 56%.',
      'Tried and failed: 8 weeks of PT (2025), gabapentin (ineffective), now pregabalin and duloxetine with partial benefit, tramadol as needed. Two lumbar ESIs in 2023 with short-lived relief. Surgeon (10/2025) does not recommend further surgery.',
      'Psychological evaluation 10/05/2026: cleared for spinal cord stimulation.',
      'Denies bowel or bladder changes. No new weakness.',
      'EXAM: well-healed midline incision. Decreased sensation left L5 dermatome, SLR positive left at 60 degrees. Strength 5/5.',
      'A/P: post-laminectomy syndrome (M96.1) with left L5 radiculopathy (M54.16). Plan 7-day percutaneous SCS trial with two leads at T8-T10; success defined as >= 50% pain relief and improved function.',
    ].join('\n'),
  });
  return {
    chart: c,
    entry: {
      name: 'Vincent Marchetti',
      payerKey: 'medicare',
      situations: [14],
      rules: ['Other services: 63650 NCD 160.7 (VERIFY)'],
      summary:
        'Post-laminectomy syndrome with failed PT and medications, psychological clearance documented; two-lead SCS trial (63650) planned.',
      services: [
        {
          serviceRequest: sr.id ?? '',
          code: '63650',
          expect: {
            verdict: 'ready',
            why: 'NCD 160.7 criteria are VERIFY in the README, so they become warnings only (psychological evaluation present, failed conservative care); nothing confirmed blocks the trial.',
          },
          expectCoding: {
            lines: [line('63650', [], 2)],
            diagnoses: ['M96.1', 'M54.16'],
            notes: '63650 is reported per lead: two leads, 2 units.',
          },
        },
      ],
    },
  };
}
