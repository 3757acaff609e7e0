// Table of coding cases: each names the rule it exercises (CPT structure, NCCI/MUE, LCD, ICD-10-CM) and asserts the
// lines (code, modifiers, units) and which edits appear or must not.
import { describe, expect, it } from 'vitest';
import { suggestCoding } from '../../../src/policy/coding/suggest';
import { validateLines } from '../../../src/policy/coding/edits';
import type { CodingLine, EditKind, EditSeverity } from '../../../src/policy/verdicts';
import type { ClinicalPicture, EncounterFact, PlannedService } from '../../../src/policy/picture';
import { DOS, dx, picture, plan, prior, svc, work } from './build';

type L = [code: string, modifiers: string[], units: number];
interface Case {
  name: string;
  services: PlannedService[];
  pic?: Partial<ClinicalPicture>;
  opts?: { payerId?: string; bilateralStyle?: '50' | 'RT-LT'; dateOfService?: string };
  /** Coder-edited lines to validate instead of the suggestion's own lines. */
  given?: L[];
  lines?: L[];
  has?: [EditKind, EditSeverity][];
  not?: EditKind[];
}

const TF = (levels: string[], laterality?: 'left' | 'right' | 'bilateral', code = '64483'): PlannedService =>
  svc(code, {
    kind: 'esi-transforaminal',
    region: code === '64479' ? 'cervical' : 'lumbar',
    levels,
    laterality,
    reasonIcd10: [code === '64479' ? 'M54.12' : 'M54.16'],
  });
const FACET = (levels: string[], laterality?: 'left' | 'right' | 'bilateral', code = '64493'): PlannedService =>
  svc(code, {
    kind: 'facet-mbb',
    region: code === '64490' ? 'cervical' : 'lumbar',
    levels,
    laterality,
    reasonIcd10: [code === '64490' ? 'M47.812' : 'M47.816'],
  });
const RFA = (levels: string[], laterality?: 'left' | 'right' | 'bilateral', code = '64635'): PlannedService =>
  svc(code, {
    kind: 'facet-rfa',
    region: code === '64633' ? 'cervical' : 'lumbar',
    levels,
    laterality,
    reasonIcd10: [code === '64633' ? 'M47.812' : 'M47.816'],
  });
const IL = (p: Partial<PlannedService> = {}): PlannedService =>
  svc('62322', { kind: 'esi-interlaminar', region: 'lumbar', levels: ['L4-L5'], reasonIcd10: ['M48.062'], ...p });
const TP = (muscleCount?: number, code = '20552'): PlannedService =>
  svc(code, { kind: 'trigger-point', muscleCount, reasonIcd10: ['M79.18'] });
const ENC = (code: string, date = DOS): EncounterFact => ({
  id: `enc-${code}`,
  date: `${date}T09:00:00Z`,
  kind: 'office',
  status: 'finished',
  types: [{ system: 'http://www.ama-assn.org/go/cpt', code }],
  reasons: [],
  source: 'coded',
  evidence: [{ ref: `Encounter/enc-${code}`, display: 'Office visit' }],
});
const EM = (code = '99213'): PlannedService => svc(code, { kind: 'em-office-established', reasonIcd10: ['M54.16'] });

const CASES: Case[] = [
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
  // Same-day E/M and modifier 25
  {
    name: 'E/M + TFESI with separate work documented: 99213-25',
    services: [EM(), TF(['L5-S1'], 'right')],
    pic: { visitWork: [work()] },
    lines: [
      ['99213', ['25'], 1],
      ['64483', ['RT'], 1],
    ],
    not: ['modifier'],
  },
  {
    name: 'E/M + TFESI without separate work: no 25, modifier error',
    services: [EM(), TF(['L5-S1'], 'right')],
    lines: [
      ['99213', [], 1],
      ['64483', ['RT'], 1],
    ],
    has: [['modifier', 'error']],
  },
  {
    name: 'E/M + TFESI, separate work documented on another day: no 25',
    services: [EM(), TF(['L5-S1'], 'right')],
    pic: { visitWork: [work('2026-11-02')] },
    lines: [
      ['99213', [], 1],
      ['64483', ['RT'], 1],
    ],
    has: [['modifier', 'error']],
  },
  { name: 'E/M alone: no 25 and no modifier edit', services: [EM('99214')], lines: [['99214', [], 1]], not: ['modifier'] },
  {
    name: 'E/M + trigger points with separate work: 99213-25 + 20553',
    services: [EM(), TP(4)],
    pic: { visitWork: [work()] },
    lines: [
      ['99213', ['25'], 1],
      ['20553', [], 1],
    ],
    not: ['modifier'],
  },
  {
    name: 'Coder adds 25 with no documented work: modifier error',
    services: [EM(), TF(['L5-S1'], 'right')],
    given: [
      ['99213', ['25'], 1],
      ['64483', ['RT'], 1],
    ],
    has: [['modifier', 'error']],
  },
  {
    name: 'Trigger points with an E/M coded on the encounter and separate work: 99214-25 added first',
    services: [TP(3)],
    pic: { encounters: [ENC('99214')], visitWork: [work()] },
    lines: [
      ['99214', ['25'], 1],
      ['20553', [], 1],
    ],
    not: ['modifier'],
  },
  {
    name: 'Trigger points with an E/M coded on the encounter, no separate work: visit not added, modifier warning says why',
    services: [TP(3)],
    pic: { encounters: [ENC('99213')] },
    lines: [['20553', [], 1]],
    has: [['modifier', 'warning']],
  },
  {
    name: "E/M coded on another day's encounter is ignored",
    services: [TP(3)],
    pic: { encounters: [ENC('99213', '2026-10-01')], visitWork: [work()] },
    lines: [['20553', [], 1]],
    not: ['modifier'],
  },
  {
    name: 'SCS trial leads: units as ordered (2 leads)',
    services: [svc('63650', { kind: 'scs-trial', quantity: 2, reasonIcd10: ['M96.1'] })],
    lines: [['63650', [], 2]],
    not: ['mue'],
  },
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
  // NCCI PTP with modifier indicator (pairs unverified -> warnings)
  {
    name: 'TFESI L5-S1 + MBB L3-L4 same day: indicator 1, different levels documented -> XS',
    services: [TF(['L5-S1'], 'right'), FACET(['L3-L4'], 'right')],
    lines: [
      ['64483', ['RT'], 1],
      ['64493', ['RT', 'XS'], 1],
    ],
    not: ['ncci'],
  },
  {
    name: 'TFESI + MBB at the same level: no XS, NCCI warning',
    services: [TF(['L4-L5'], 'right'), FACET(['L4-L5'], 'right')],
    lines: [
      ['64483', ['RT'], 1],
      ['64493', ['RT'], 1],
    ],
    has: [['ncci', 'warning']],
  },
  {
    name: '20553 + 20552-59: indicator 0, no modifier bypasses',
    services: [TP(3)],
    given: [
      ['20553', [], 1],
      ['20552', ['59'], 1],
    ],
    has: [['ncci', 'warning']],
  },
  {
    name: 'XS with no pair to bypass: modifier warning',
    services: [TF(['L5-S1'], 'right')],
    given: [['64483', ['RT', 'XS'], 1]],
    has: [['modifier', 'warning']],
  },
  {
    name: 'TFESI + trigger points same day: indicator 1, separate structure -> XS on 20552',
    services: [TF(['L5-S1'], 'right'), TP(2)],
    lines: [
      ['64483', ['RT'], 1],
      ['20552', ['XS'], 1],
    ],
    not: ['ncci', 'modifier'],
  },
  {
    name: 'MBB lumbar + cervical TFESI: different regions -> no PTP pair, no modifier',
    services: [FACET(['L4-L5'], 'right'), TF(['C5-C6'], 'right', '64479')],
    lines: [
      ['64493', ['RT'], 1],
      ['64479', ['RT'], 1],
    ],
    not: ['ncci', 'modifier'],
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

function toLines(given: L[]): CodingLine[] {
  return given.map(([code, modifiers, units]) => ({
    code,
    label: code,
    modifiers: [...modifiers],
    units,
    diagnosisPointers: [1],
    evidence: [],
    rationale: [],
  }));
}

describe('suggestCoding: coding case table', () => {
  it('has at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  it.each(CASES)('$name', (c) => {
    const pic = picture({ diagnoses: [dx('M54.16'), dx('M47.816')], ...c.pic });
    const s = suggestCoding(pic, c.services, { today: '2026-11-23', ...c.opts });
    const edits = c.given
      ? validateLines(toLines(c.given), s.diagnoses, { picture: pic, services: c.services, dateOfService: s.dateOfService })
      : s.edits;
    if (c.lines) expect(s.lines.map((l) => [l.code, l.modifiers, l.units])).toEqual(c.lines);
    for (const e of edits) expect(e.citation, `${e.kind}: ${e.message}`).toBeDefined();
    for (const [kind, severity] of c.has ?? []) {
      expect(
        edits.some((e) => e.kind === kind && e.severity === severity),
        `${kind}/${severity} in ${JSON.stringify(edits.map((e) => [e.kind, e.severity, e.message]))}`,
      ).toBe(true);
    }
    for (const kind of c.not ?? []) {
      expect(edits.filter((e) => e.kind === kind && e.severity !== 'info').map((e) => e.message)).toEqual([]);
    }
    for (const l of s.lines) {
      expect(l.diagnosisPointers.length).toBeGreaterThan(0);
      expect(l.diagnosisPointers.length).toBeLessThanOrEqual(4);
    }
    expect(s.dateOfService).toBe(c.opts?.dateOfService ?? DOS);
  });
});
