// Held-out policy cases (README.md) on ESI (LCD L39242 family, billing articles): documentation, levels and imaging
// guidance, frequency, repeat injections, and ESI with a facet block in the same session.
import type { PolicyCase } from './case';
import { H, dx, relief, img, duration, sym, svc } from './facts';
import { TODAY, PLANNED, esiBase, ESI } from './baselines';
import { SRC } from './sources';

const cases: PolicyCase[] = [];
const add = (c: PolicyCase) => cases.push(c);

// ===== ESI: documentation (scales, imaging) ====================================================================
{
  const { picture: pic, service } = esiBase({
    imaging: [],
    noteText: 'Left thigh pain, positive femoral stretch. No imaging on file. Plan: left L4-L5 TFESI.',
  });
  add({
    id: 'ESI-11',
    topic: 'esi-documentation',
    source: `${SRC.esiS1}: history, exam AND concordant imaging support the diagnosis`,
    grade: 'S1',
    primaryText: false,
    description: 'No imaging report on file',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'incomplete', decidingRequirement: 'concordant imaging' },
  });
}

// ===== ESI: levels / imaging guidance ==========================================================================
{
  const { picture: pic, service } = esiBase({
    svcIn: { levels: ['L4-L5', 'L5-S1'], laterality: 'bilateral' },
    symptoms: [sym('radicular', true, 'lumbar', TODAY, 'bilateral')],
    imaging: [
      img(
        'MRI',
        '2026-09-20',
        'lumbar',
        ['L4-L5', 'L5-S1'],
        'Bilateral foraminal stenosis at L4-L5 and L5-S1 with contact of the exiting L4 and L5 roots',
      ),
    ],
  });
  add({
    id: 'ESI-12',
    topic: 'esi-levels-imaging',
    source: SRC.esiUtil,
    grade: 'S1',
    primaryText: false,
    description: 'At limit: transforaminal at 2 levels, bilateral (64483 + 64484, modifier 50)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { levels: ['L3-L4', 'L4-L5', 'L5-S1'] },
    imaging: [img('MRI', '2026-09-20', 'lumbar', ['L3-L4', 'L4-L5', 'L5-S1'], 'Left foraminal stenosis L3-L4, L4-L5 and L5-S1')],
  });
  add({
    id: 'ESI-13',
    topic: 'esi-levels-imaging',
    source: SRC.esiUtil,
    grade: 'S1',
    primaryText: false,
    description: 'Above limit: transforaminal at 3 levels in one session',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'TFESI at most 2 levels per session' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { code: '62322', kind: 'esi-interlaminar', laterality: undefined, imageGuidance: false },
  });
  add({
    id: 'ESI-14',
    topic: 'esi-levels-imaging',
    source: `${SRC.esiS1}: fluoroscopic or CT guidance with contrast; ESI without imaging guidance not covered (S1, S2 L33906)`,
    grade: 'S1',
    primaryText: false,
    description: 'Interlaminar lumbar ESI without imaging guidance (62322, order says no guidance)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'imaging guidance required' },
  });
}

// ===== ESI: frequency (sessions per region per rolling 12 months) =============================================
{
  // 3 prior sessions on 3 dates, but 5 procedure lines (primary + add-on on two dates): the planned one is the 4th.
  const hist = [
    ESI('2026-03-10', [60, H.months(3), '2026-06-10'], '64483', ['L4-L5']),
    ESI('2026-03-10', undefined, '64484', ['L5-S1']),
    ESI('2026-06-15', [60, H.months(3), '2026-09-14'], '64483', ['L4-L5']),
    ESI('2026-09-01', [65, H.months(3), '2026-12-01'], '64483', ['L4-L5']),
    ESI('2026-09-01', undefined, '64484', ['L5-S1']),
  ];
  const { picture: pic, service } = esiBase({
    svcIn: { date: '2026-12-10', levels: ['L4-L5', 'L5-S1'] },
    procedureHistory: hist,
    painDuration: [duration('2025-12-01', TODAY, 52)],
    imaging: [
      img(
        'MRI',
        '2026-02-20',
        'lumbar',
        ['L4-L5', 'L5-S1'],
        'Left foraminal disc protrusions at L4-L5 and L5-S1 compressing the exiting left L4 and L5 roots',
      ),
    ],
  });
  add({
    id: 'ESI-15',
    topic: 'esi-frequency',
    source: `${SRC.esiUtil}; a session = one date of service in one region`,
    grade: 'S1',
    primaryText: false,
    description:
      'Session counting: 3 prior lumbar sessions (2 of them billed 64483 + 64484 on the same day = 5 lines), each >= 50 % for 3 months; the planned one is session 4 of 4',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'sessions counted per date + region (4 <= 4)' },
  });
}
{
  const hist = [
    ESI('2025-12-20', [60, H.months(3), '2026-03-20']),
    ESI('2026-03-25', [60, H.months(3), '2026-06-25']),
    ESI('2026-06-28', [60, H.months(3), '2026-09-01']),
    ESI('2026-09-01', [60, H.months(3), '2026-12-01']),
  ];
  const { picture: pic, service } = esiBase({
    svcIn: { date: '2026-12-10' },
    procedureHistory: hist,
    painDuration: [duration('2025-10-01', TODAY, 61)],
  });
  add({
    id: 'ESI-16',
    topic: 'esi-frequency',
    source: SRC.esiUtil,
    grade: 'S1',
    primaryText: false,
    description:
      'Above cap: 4 prior lumbar sessions within the 12 months before 2026-12-10 (each with >= 50 % relief for 3 months); the planned one would be the 5th',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'at most 4 sessions per region per rolling 12 months' },
  });
}
{
  const hist = [
    ESI('2026-01-12', [60, H.months(3), '2026-04-12'], '62321', ['C6-C7'], 'cervical'),
    ESI('2026-04-20', [60, H.months(3), '2026-07-20'], '62321', ['C6-C7'], 'cervical'),
    ESI('2026-08-03', [60, H.months(3), '2026-11-03'], '62321', ['C6-C7'], 'cervical'),
    ESI('2026-02-02', [60, H.months(3), '2026-05-02']),
    ESI('2026-05-11', [60, H.months(3), '2026-08-11']),
    ESI('2026-08-24', [60, H.months(3), '2026-11-24']),
  ];
  const { picture: pic, service } = esiBase({
    svcIn: { date: '2026-12-10' },
    procedureHistory: hist,
    diagnoses: [
      dx('M51.16', 'Intervertebral disc disorders with radiculopathy, lumbar region', '2025-12-01'),
      dx('M50.123', 'Cervical disc disorder at C6-C7 level with radiculopathy', '2025-11-01'),
    ],
    painDuration: [duration('2025-12-01', TODAY, 52)],
  });
  add({
    id: 'ESI-17',
    topic: 'esi-frequency',
    source: `${SRC.esiUtil} (the cap is per spinal region)`,
    grade: 'S1',
    primaryText: false,
    description: 'Per region: 3 cervical + 3 lumbar sessions in 12 months (6 in total); the planned lumbar one is the 4th lumbar session',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'frequency counted per region' },
  });
}

// ===== ESI: repeat requires >= 50 % for >= 3 months ==========================================================
{
  const { picture: pic, service } = esiBase({ procedureHistory: [ESI('2026-08-20', [50, H.months(3), '2026-11-20'])] });
  add({
    id: 'ESI-18',
    topic: 'esi-repeat',
    source: SRC.esiRepeat,
    grade: 'S1',
    primaryText: false,
    description: 'At threshold: prior TFESI 2026-08-20 gave 50 % pain relief lasting 3 months (2190 h)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = esiBase({ procedureHistory: [ESI('2026-08-20', [40, H.months(4), '2026-11-20'])] });
  add({
    id: 'ESI-19',
    topic: 'esi-repeat',
    source: SRC.esiRepeat,
    grade: 'S1',
    primaryText: false,
    description: 'Below percent: prior TFESI gave 40 % relief (for 4 months), same level and approach planned again',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'repeat ESI needs >= 50 % relief' },
  });
}
{
  const { picture: pic, service } = esiBase({ procedureHistory: [ESI('2026-08-20', [60, H.weeks(6), '2026-10-01'])] });
  add({
    id: 'ESI-20',
    topic: 'esi-repeat',
    source: SRC.esiRepeat,
    grade: 'S1',
    primaryText: false,
    description: 'Below duration: prior TFESI gave 60 % relief lasting only 6 weeks (1008 h < 3 months)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'repeat ESI needs relief >= 3 months' },
  });
}
{
  const { picture: pic, service } = esiBase({ procedureHistory: [ESI('2026-08-20', [35, H.months(3), '2026-11-20'], '64483')] });
  pic.procedureHistory[0]!.relief.push(relief(55, H.months(3), '2026-11-20', pic.procedureHistory[0]!.evidence[0]!.ref, 'function'));
  add({
    id: 'ESI-21',
    topic: 'esi-repeat',
    source: `${SRC.esiRepeat} ("pain OR function")`,
    grade: 'S1',
    primaryText: false,
    description:
      'Prior TFESI: 35 % pain relief but 55 % functional improvement (ODI) for 3 months: function alone satisfies the repeat rule',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: '>= 50 % improvement in pain or function' },
  });
}

// ===== Same session: ESI + facet =============================================================================
{
  const mbb = svc({
    code: '64493',
    kind: 'facet-mbb',
    region: 'lumbar',
    levels: ['L4-L5', 'L5-S1'],
    laterality: 'bilateral',
    date: PLANNED,
    reasonIcd10: ['M47.816'],
  });
  const { picture: pic, service } = esiBase({
    otherPlanned: [mbb],
    diagnoses: [
      dx('M51.16', 'Intervertebral disc disorders with radiculopathy, lumbar region', '2026-07-20'),
      dx('M47.816', 'Spondylosis without myelopathy or radiculopathy, lumbar region', '2025-06-01'),
    ],
  });
  add({
    id: 'SAME-01',
    topic: 'same-session',
    source: SRC.esiSame,
    grade: 'S1',
    primaryText: false,
    description: 'TFESI L4-L5 left and lumbar MBB L4-L5, L5-S1 planned on the same date (no facet cyst)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'ESI and facet block in the same session not covered' },
  });
}
{
  const mbb = svc({
    code: '64490',
    kind: 'facet-mbb',
    region: 'cervical',
    levels: ['C4-C5', 'C5-C6'],
    laterality: 'right',
    date: PLANNED,
    reasonIcd10: ['M47.812'],
  });
  const { picture: pic, service } = esiBase({
    otherPlanned: [mbb],
    diagnoses: [
      dx('M51.16', 'Intervertebral disc disorders with radiculopathy, lumbar region', '2026-07-20'),
      dx('M47.812', 'Spondylosis without myelopathy or radiculopathy, cervical region', '2025-06-01'),
    ],
  });
  add({
    id: 'SAME-02',
    topic: 'same-session',
    source: `${SRC.esiSame} ("any region")`,
    grade: 'S1',
    primaryText: false,
    description: 'Lumbar TFESI and a cervical MBB on the same date: different regions, still one session with two different blocks',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'different blocks in one session not covered (any region)' },
  });
}

export const ESI_LIMITS_CASES: readonly PolicyCase[] = cases;
