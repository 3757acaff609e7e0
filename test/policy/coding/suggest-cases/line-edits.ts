// Coding cases (run by suggest.cases.test.ts) on edits of the lines: MUE overflow, add-on without primary,
// invalid codes and modifiers, laterality, levels and region between order, note and line, and frequency in the
// LCD's rolling 12 months.
import { type Case, TF, FACET, RFA } from './case';
import { plan, prior, svc } from '../build';

export const LINE_EDITS_CASES: Case[] = [
  // MUE overflow (values unverified -> warnings)
  {
    name: 'Coder bills 64483 x2 without sides: MUE overflow',
    services: [TF(['L5-S1'], 'right')],
    given: [['64483', [], 2]],
    has: [['mue', 'warning']],
  },
  {
    name: 'Coder bills 64494 x2: MUE overflow',
    services: [FACET(['L4-L5', 'L5-S1'], 'right')],
    given: [
      ['64493', ['RT'], 1],
      ['64494', ['RT'], 2],
    ],
    has: [['mue', 'warning']],
  },
  {
    name: '64636 x5: MUE 4 overflow',
    services: [RFA(['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1', 'T12-L1'], 'right')],
    lines: [
      ['64635', ['RT'], 1],
      ['64636', ['RT'], 5],
    ],
    has: [['mue', 'warning']],
  },
  // Add-on without primary, invalid codes and modifiers
  {
    name: '64484 without 64483: add-on error',
    services: [TF(['L4-L5', 'L5-S1'], 'left')],
    given: [['64484', ['LT'], 1]],
    has: [['add-on', 'error']],
  },
  {
    name: '64494 + 64495 without 64493: add-on error for 64494',
    services: [FACET(['L3-L4', 'L4-L5', 'L5-S1'], 'left')],
    given: [
      ['64494', ['LT'], 1],
      ['64495', ['LT'], 1],
    ],
    has: [['add-on', 'error']],
  },
  {
    name: 'Malformed code: invalid-code error',
    services: [TF(['L5-S1'], 'left')],
    given: [['6448', [], 1]],
    has: [['invalid-code', 'error']],
  },
  {
    name: 'Code outside the catalogue: invalid-code warning',
    services: [TF(['L5-S1'], 'left')],
    given: [
      ['64483', ['LT'], 1],
      ['99999', [], 1],
    ],
    has: [['invalid-code', 'warning']],
  },
  {
    name: 'Unknown modifier and 50 with RT: modifier errors',
    services: [FACET(['L4-L5'], 'bilateral')],
    given: [['64493', ['50', 'RT', 'ZZ'], 1]],
    has: [['modifier', 'error']],
  },
  // Laterality and levels between order, note and line
  {
    name: 'Order right, note plan left: laterality error',
    services: [TF(['L5-S1'], 'right')],
    pic: { siteMentions: [plan({ laterality: 'left', levels: ['L5-S1'], region: 'lumbar' })] },
    lines: [['64483', ['RT'], 1]],
    has: [['laterality', 'error']],
  },
  {
    name: 'Order L4-L5, note plan L5-S1: level error',
    services: [FACET(['L4-L5'], 'right')],
    pic: { siteMentions: [plan({ levels: ['L5-S1'], region: 'lumbar' })] },
    lines: [['64493', ['RT'], 1]],
    has: [['levels', 'error']],
  },
  {
    name: 'Note plan agrees with the order: no laterality edit',
    services: [FACET(['L4-L5'], 'right')],
    pic: { siteMentions: [plan({ laterality: 'right', levels: ['L4-L5'], region: 'lumbar' })] },
    lines: [['64493', ['RT'], 1]],
    not: ['laterality', 'levels'],
  },
  {
    name: 'Coder drops 50 from a bilateral order: laterality error',
    services: [FACET(['L4-L5'], 'bilateral')],
    given: [['64493', [], 1]],
    has: [['laterality', 'error']],
  },
  {
    name: 'Coder bills 3 TF levels for a 2-level order: level error',
    services: [TF(['L4-L5', 'L5-S1'], 'right')],
    given: [
      ['64483', ['RT'], 1],
      ['64484', ['RT'], 2],
    ],
    has: [['levels', 'error']],
  },
  {
    name: 'Coder bills 64494 x3 for a 2-level facet order: level error besides the MUE warning',
    services: [FACET(['L4-L5', 'L5-S1'], 'right')],
    given: [
      ['64493', ['RT'], 1],
      ['64494', ['RT'], 3],
    ],
    has: [
      ['levels', 'error'],
      ['mue', 'warning'],
    ],
  },
  {
    name: 'Lumbar code for a cervical order: region error',
    services: [
      svc('64483', { kind: 'esi-transforaminal', region: 'cervical', levels: ['C5-C6'], laterality: 'right', reasonIcd10: ['M54.12'] }),
    ],
    lines: [['64483', ['RT'], 1]],
    has: [['levels', 'error']],
  },
  // Frequency (LCD rolling 12 months)
  {
    name: 'Fifth lumbar ESI session in 12 months: frequency error (LCD L39242 Limitations)',
    services: [TF(['L5-S1'], 'right')],
    pic: { procedureHistory: ['2026-01-10', '2026-04-10', '2026-07-10', '2026-10-01'].map((d) => prior('esi-transforaminal', d)) },
    lines: [['64483', ['RT'], 1]],
    has: [['frequency', 'error']],
  },
  {
    name: 'Fourth lumbar ESI session: within the limit',
    services: [TF(['L5-S1'], 'right')],
    pic: { procedureHistory: ['2026-04-10', '2026-07-10', '2026-10-01'].map((d) => prior('esi-transforaminal', d)) },
    not: ['frequency'],
  },
  {
    name: 'Sessions older than 12 months do not count',
    services: [TF(['L5-S1'], 'right')],
    pic: { procedureHistory: ['2025-01-10', '2025-04-10', '2025-07-10', '2025-10-01'].map((d) => prior('esi-transforaminal', d)) },
    not: ['frequency'],
  },
  {
    name: 'Third lumbar RFA session in 12 months: frequency error (LCD L38803)',
    services: [RFA(['L4-L5'], 'right')],
    pic: { procedureHistory: ['2026-01-05', '2026-07-05'].map((d) => prior('facet-rfa', d)) },
    has: [['frequency', 'error']],
  },
  {
    name: 'Cervical ESIs do not count against the lumbar region',
    services: [TF(['L5-S1'], 'right')],
    pic: {
      procedureHistory: ['2026-01-10', '2026-04-10', '2026-07-10', '2026-10-01'].map((d) =>
        prior('esi-transforaminal', d, { region: 'cervical' }),
      ),
    },
    not: ['frequency'],
  },
];
