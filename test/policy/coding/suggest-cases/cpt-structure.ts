// Coding cases (run by suggest.cases.test.ts) on CPT structure: primary and add-on codes by level, sides and
// modifier 50 / RT-LT, interlaminar and imaging guidance, trigger points by muscle count, units as ordered.
import { type Case, TF, FACET, RFA, IL, TP } from './case';
import { svc } from '../build';

export const CPT_STRUCTURE_CASES: Case[] = [
  // Transforaminal ESI: 64483 + 64484 per additional level (CPT structure)
  {
    name: 'TFESI one level, right: 64483-RT x1',
    services: [TF(['L5-S1'], 'right')],
    lines: [['64483', ['RT'], 1]],
    not: ['laterality', 'levels', 'add-on'],
  },
  {
    name: 'TFESI two levels, left: 64483-LT + 64484-LT x1',
    services: [TF(['L4-L5', 'L5-S1'], 'left')],
    lines: [
      ['64483', ['LT'], 1],
      ['64484', ['LT'], 1],
    ],
    not: ['laterality', 'levels'],
  },
  {
    name: 'TFESI two levels bilateral, Medicare: modifier 50, one line each, units not doubled (FJ-BILATERAL)',
    services: [TF(['L4-L5', 'L5-S1'], 'bilateral')],
    lines: [
      ['64483', ['50'], 1],
      ['64484', ['50'], 1],
    ],
    not: ['mue', 'laterality'],
  },
  {
    name: 'TFESI bilateral, RT/LT payer style: four lines',
    services: [TF(['L4-L5', 'L5-S1'], 'bilateral')],
    opts: { bilateralStyle: 'RT-LT' },
    lines: [
      ['64483', ['RT'], 1],
      ['64483', ['LT'], 1],
      ['64484', ['RT'], 1],
      ['64484', ['LT'], 1],
    ],
    not: ['mue', 'laterality'],
  },
  {
    name: 'TFESI three levels: 64484 x2 and the 2-level limit (LCD L39242 Limitations)',
    services: [TF(['L3-L4', 'L4-L5', 'L5-S1'], 'right')],
    lines: [
      ['64483', ['RT'], 1],
      ['64484', ['RT'], 2],
    ],
    has: [['levels', 'error']],
    not: ['mue'],
  },
  {
    name: 'Cervical TFESI two levels: 64479 + 64480',
    services: [TF(['C5-C6', 'C6-C7'], 'right', '64479')],
    lines: [
      ['64479', ['RT'], 1],
      ['64480', ['RT'], 1],
    ],
    not: ['laterality', 'levels'],
  },
  // Facet MBB: 64493 / 64494 / 64495 by level count
  {
    name: 'Lumbar MBB one level bilateral: 64493-50',
    services: [FACET(['L4-L5'], 'bilateral')],
    lines: [['64493', ['50'], 1]],
    not: ['laterality', 'levels', 'lcd-dx'],
  },
  {
    name: 'Lumbar MBB two levels bilateral: 64493-50 + 64494-50',
    services: [FACET(['L4-L5', 'L5-S1'], 'bilateral')],
    lines: [
      ['64493', ['50'], 1],
      ['64494', ['50'], 1],
    ],
    not: ['laterality', 'levels', 'mue'],
  },
  {
    name: 'Lumbar MBB three levels: 64495 once, third level not covered (LCD L38803 Limitations)',
    services: [FACET(['L3-L4', 'L4-L5', 'L5-S1'], 'right')],
    lines: [
      ['64493', ['RT'], 1],
      ['64494', ['RT'], 1],
      ['64495', ['RT'], 1],
    ],
    has: [['levels', 'error']],
  },
  {
    name: 'Lumbar MBB four levels still bills 64495 x1',
    services: [FACET(['L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'], 'left')],
    lines: [
      ['64493', ['LT'], 1],
      ['64494', ['LT'], 1],
      ['64495', ['LT'], 1],
    ],
  },
  {
    name: 'Cervical MBB two levels left: 64490 + 64491',
    services: [FACET(['C4-C5', 'C5-C6'], 'left', '64490')],
    lines: [
      ['64490', ['LT'], 1],
      ['64491', ['LT'], 1],
    ],
    not: ['laterality', 'levels'],
  },
  // RFA: 64633/64635 + 64634/64636 per additional joint
  { name: 'Lumbar RFA one joint right: 64635-RT', services: [RFA(['L4-L5'], 'right')], lines: [['64635', ['RT'], 1]] },
  {
    name: 'Lumbar RFA three joints bilateral: 64635-50 + 64636-50 x2',
    services: [RFA(['L3-L4', 'L4-L5', 'L5-S1'], 'bilateral')],
    lines: [
      ['64635', ['50'], 1],
      ['64636', ['50'], 2],
    ],
    not: ['mue'],
  },
  {
    name: 'Cervical RFA two joints left: 64633-LT + 64634-LT',
    services: [RFA(['C5-C6', 'C6-C7'], 'left', '64633')],
    lines: [
      ['64633', ['LT'], 1],
      ['64634', ['LT'], 1],
    ],
  },
  {
    name: 'RFA bilateral for an RT/LT payer (payer data): RT and LT lines, no MUE overflow',
    services: [RFA(['L4-L5', 'L5-S1'], 'bilateral')],
    opts: { payerId: 'summit' },
    lines: [
      ['64635', ['RT'], 1],
      ['64635', ['LT'], 1],
      ['64636', ['RT'], 1],
      ['64636', ['LT'], 1],
    ],
    not: ['mue'],
  },
  // Interlaminar and imaging guidance (ESI-77003)
  {
    name: 'Interlaminar ordered without imaging code but guidance documented: 62323',
    services: [IL({ imageGuidance: true })],
    lines: [['62323', [], 1]],
    not: ['bundling'],
  },
  {
    name: 'Interlaminar is not a sided code: no 50 even when bilateral',
    services: [
      svc('62323', { kind: 'esi-interlaminar', region: 'lumbar', levels: ['L4-L5'], laterality: 'bilateral', reasonIcd10: ['M48.062'] }),
    ],
    lines: [['62323', [], 1]],
    not: ['laterality', 'levels'],
  },
  {
    name: '62323 + 77003 ordered: 77003 not billed (bundling info)',
    services: [
      svc('62323', { kind: 'esi-interlaminar', region: 'lumbar', levels: ['L4-L5'], reasonIcd10: ['M48.062'] }),
      svc('77003', { kind: 'imaging-guidance' }),
    ],
    lines: [['62323', [], 1]],
    has: [['bundling', 'info']],
  },
  {
    name: '62322 + 77003 ordered: folded into 62323',
    services: [IL(), svc('77003', { kind: 'imaging-guidance' })],
    lines: [['62323', [], 1]],
    has: [['bundling', 'info']],
  },
  {
    name: '64483 + 77012 ordered: 77012 not billed',
    services: [TF(['L5-S1'], 'left'), svc('77012', { kind: 'imaging-guidance' })],
    lines: [['64483', ['LT'], 1]],
    has: [['bundling', 'info']],
  },
  {
    name: 'Coder adds 77003 to 64483: bundling error',
    services: [TF(['L5-S1'], 'left')],
    given: [
      ['64483', ['LT'], 1],
      ['77003', [], 1],
    ],
    has: [['bundling', 'error']],
  },
  {
    name: 'Interlaminar with two levels ordered: 1 level per session (LCD L39242)',
    services: [IL({ imageGuidance: true, levels: ['L3-L4', 'L4-L5'] })],
    lines: [['62323', [], 1]],
    has: [['levels', 'error']],
  },
  // Trigger points: 20552 vs 20553 by muscle count, once per session
  { name: 'Trigger points, 2 muscles: 20552 x1', services: [TP(2)], lines: [['20552', [], 1]] },
  { name: 'Trigger points, 3 muscles ordered as 20552: 20553 x1', services: [TP(3)], lines: [['20553', [], 1]] },
  { name: 'Trigger points, muscles not stated: ordered code kept', services: [TP(undefined, '20553')], lines: [['20553', [], 1]] },
  {
    name: 'Coder bills 20552 x2: MUE warning from an unverified value',
    services: [TP(2)],
    given: [['20552', [], 2]],
    has: [['mue', 'warning']],
  },
  {
    name: 'SCS trial leads: units as ordered (2 leads)',
    services: [svc('63650', { kind: 'scs-trial', quantity: 2, reasonIcd10: ['M96.1'] })],
    lines: [['63650', [], 2]],
    not: ['mue'],
  },
  // Other sided services
  {
    name: 'SI joint bilateral: 27096-50',
    services: [svc('27096', { kind: 'si-joint', laterality: 'bilateral', reasonIcd10: ['M46.1'] })],
    lines: [['27096', ['50'], 1]],
  },
  {
    name: 'SI joint left: 27096-LT',
    services: [svc('27096', { kind: 'si-joint', laterality: 'left', reasonIcd10: ['M46.1'] })],
    lines: [['27096', ['LT'], 1]],
  },
  {
    name: 'Drug line with a TFESI: one unit, no side',
    services: [TF(['L5-S1'], 'right'), svc('J1040', { kind: 'drug', reasonIcd10: ['M54.16'] })],
    lines: [
      ['64483', ['RT'], 1],
      ['J1040', [], 1],
    ],
    not: ['add-on'],
  },
];
