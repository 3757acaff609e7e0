// Held-out policy cases (README.md) on the commercial overlays: Summit (eviCore CMM-200) and BCBSMA policy 690.
import type { PolicyCase } from './case';
import { H, dx, nrs, fn, care, img, duration, sym, svc } from './facts';
import { TODAY, PLANNED, esiBase, ESI } from './baselines';
import { SRC } from './sources';

const cases: PolicyCase[] = [];
const add = (c: PolicyCase) => cases.push(c);

// ===== Commercial overlays: Summit (eviCore CMM-200) =========================================================
{
  const cc = [
    care('physical-therapy', 'Physical therapy 2x/week', '2026-10-27', '2026-12-01', 5, 'failed'),
    care('nsaid', 'Meloxicam 15 mg daily', '2026-10-27', '2026-12-01', 5, 'failed'),
  ];
  const a = esiBase({ payer: 'summit', conservativeCare: cc, painDuration: [duration('2026-10-06', TODAY, 8)] });
  add({
    id: 'SUM-01',
    topic: 'commercial-summit',
    source: SRC.evicore,
    grade: 'S2',
    primaryText: false,
    description: 'Summit: lumbar radiculopathy (M51.16) with 5 weeks of failed care (eviCore: >= 6 weeks for radiculopathy)',
    picture: a.picture,
    service: a.service,
    payer: 'summit',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'Summit: conservative care >= 6 weeks for radiculopathy' },
  });
  const b = esiBase({ payer: 'medicare', conservativeCare: cc, painDuration: [duration('2026-10-06', TODAY, 8)] });
  add({
    id: 'SUM-02',
    topic: 'commercial-summit',
    source: SRC.esiS1,
    grade: 'S1',
    primaryText: false,
    description: 'Control for SUM-01: same chart under Medicare (4 weeks suffice)',
    picture: b.picture,
    service: b.service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const cc = [
    care('physical-therapy', 'Physical therapy 2x/week', '2026-10-20', '2026-12-01', 6, 'failed'),
    care('nsaid', 'Meloxicam 15 mg daily', '2026-10-20', '2026-12-01', 6, 'failed'),
  ];
  const a = esiBase({ payer: 'summit', conservativeCare: cc, painDuration: [duration('2026-10-06', TODAY, 8)] });
  add({
    id: 'SUM-03',
    topic: 'commercial-summit',
    source: SRC.evicore,
    grade: 'S2',
    primaryText: false,
    description: 'Summit at threshold: radiculopathy with exactly 6 weeks of failed PT + NSAID',
    picture: a.picture,
    service: a.service,
    payer: 'summit',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const s = svc({ code: '62323', kind: 'esi-interlaminar', region: 'lumbar', levels: ['L4-L5'], date: PLANNED, reasonIcd10: ['M48.062'] });
  const a = esiBase({
    payer: 'summit',
    service: s,
    diagnoses: [dx('M48.062', 'Spinal stenosis, lumbar region with neurogenic claudication', '2026-09-01')],
    symptoms: [sym('neurogenic-claudication', true, 'lumbar', TODAY, 'bilateral')],
    imaging: [img('MRI', '2026-10-15', 'lumbar', ['L4-L5'], 'Severe central canal stenosis at L4-L5')],
    conservativeCare: [
      care('physical-therapy', 'Physical therapy, flexion-based programme', '2026-11-03', '2026-12-01', 4, 'failed'),
      care('nsaid', 'Naproxen 500 mg twice daily', '2026-11-03', '2026-12-01', 4, 'failed'),
    ],
    painDuration: [duration('2026-09-01', TODAY, 13)],
  });
  add({
    id: 'SUM-04',
    topic: 'commercial-summit',
    source: SRC.evicore,
    grade: 'S2',
    primaryText: false,
    description: 'Summit: spinal stenosis (M48.062) with 4 weeks of failed care (eviCore: >= 4 weeks for stenosis)',
    picture: a.picture,
    service: a.service,
    payer: 'summit',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'Summit: 4 weeks suffice for spinal stenosis' },
  });
}

// ===== Commercial overlays: BCBSMA policy 690 ================================================================
{
  const cc = [
    care('physical-therapy', 'Physical therapy 2x/week', '2026-11-10', '2026-12-01', 3, 'failed'),
    care('nsaid', 'Meloxicam 15 mg daily (prescription)', '2026-10-06', '2026-12-01', 8, 'failed'),
  ];
  const a = esiBase({ payer: 'bcbsma', conservativeCare: cc, painDuration: [duration('2026-09-20', TODAY, 10)] });
  add({
    id: 'BCB-01',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description: 'BCBSMA: 8 weeks prescription NSAID but only 3 weeks of physical therapy (policy needs >= 4 weeks PT)',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'BCBSMA: >= 4 weeks of physical therapy' },
  });
}
{
  const a = esiBase({ payer: 'bcbsma', svcIn: { date: TODAY }, procedureHistory: [ESI('2026-11-06', [70, H.weeks(2), '2026-11-20'])] });
  add({
    id: 'BCB-02',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description: 'BCBSMA repeat 25 days after the last ESI (70 % relief so far)',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'BCBSMA: >= 30 days since the last injection' },
  });
}
{
  const a = esiBase({ payer: 'bcbsma', svcIn: { date: TODAY }, procedureHistory: [ESI('2026-11-01', [70, H.weeks(3), '2026-11-22'])] });
  add({
    id: 'BCB-03',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description: 'BCBSMA repeat exactly 30 days after a successful ESI (70 % relief): policy asks only that prior ESIs relieved pain',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'BCBSMA spacing/response rule replaces Medicare 3-month rule' },
  });
}
{
  const hist = [
    ESI('2026-01-05', [60, H.weeks(7), '2026-02-23']),
    ESI('2026-03-02', [60, H.weeks(7), '2026-04-20']),
    ESI('2026-05-04', [60, H.weeks(7), '2026-06-22']),
    ESI('2026-07-06', [60, H.weeks(7), '2026-08-24']),
    ESI('2026-09-07', [60, H.weeks(7), '2026-10-26']),
  ];
  const a = esiBase({ payer: 'bcbsma', procedureHistory: hist, painDuration: [duration('2025-10-01', TODAY, 61)] });
  add({
    id: 'BCB-04',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description:
      'BCBSMA: 5 single-level injections in the last 12 months, each relieving pain; the planned one is the 6th (policy cap 6 per 12 months, not Medicare 4)',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'BCBSMA: <= 6 injections in 12 months' },
  });
}
{
  const hist = [
    ESI('2026-01-05', [60, H.weeks(7), '2026-02-23']),
    ESI('2026-03-02', [60, H.weeks(7), '2026-04-20']),
    ESI('2026-05-04', [60, H.weeks(7), '2026-06-22']),
    ESI('2026-07-06', [60, H.weeks(7), '2026-08-24']),
    ESI('2026-09-07', [60, H.weeks(7), '2026-10-26']),
    ESI('2026-11-02', [60, H.weeks(4), '2026-11-30']),
  ];
  const a = esiBase({ payer: 'bcbsma', procedureHistory: hist, painDuration: [duration('2025-10-01', TODAY, 61)] });
  add({
    id: 'BCB-05',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description: 'BCBSMA: 6 injections already in the last 12 months; a 7th is planned',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'BCBSMA: <= 6 injections in 12 months' },
  });
}
{
  const a = esiBase({ payer: 'bcbsma', painScores: [nrs(2, TODAY)], functionalStatus: [fn('ODI', 14, TODAY, 'minimal limitation')] });
  add({
    id: 'BCB-06',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description: 'BCBSMA: pain 2/10 (mild) - policy requires at least moderate-severe pain',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'BCBSMA: pain at least moderate-severe' },
  });
}

export const COMMERCIAL_CASES: readonly PolicyCase[] = cases;
