// fast-check generators for random clinical pictures and services (property tests and the bench share the shape).
import fc from 'fast-check';
import { emptyPicture } from '../../src/policy/picture';
import type {
  ClinicalPicture,
  ConservativeKind,
  Evidence,
  PlannedService,
  ServiceKind,
  SpinalRegion,
  CareOutcome,
} from '../../src/policy/picture';
import { addDays } from '../../src/policy/dates';
import { PLANNABLE_CODES, serviceKind } from '../../src/policy/services';
import { TODAY } from './build';

const REGIONS: SpinalRegion[] = ['cervical', 'thoracic', 'lumbar', 'sacral'];
const LEVELS = ['C5-C6', 'C6-C7', 'T11-T12', 'L3-L4', 'L4-L5', 'L5-S1'];
const ICD = [
  'M54.16',
  'M54.12',
  'M54.5',
  'M54.50',
  'M54.1',
  'M47.816',
  'M47.81',
  'M48.062',
  'M51.16',
  'M96.1',
  'B02.29',
  'S32.010A',
  'G89.29',
  'Z00.00',
  'M79.18',
];
const CARE: ConservativeKind[] = ['physical-therapy', 'home-exercise', 'nsaid', 'analgesic', 'opioid', 'activity-modification', 'other'];
const OUTCOMES: CareOutcome[] = ['failed', 'helped', 'ongoing', 'contraindicated', 'not-tolerated', 'unknown'];
const PROC_KINDS: ServiceKind[] = ['esi-transforaminal', 'esi-interlaminar', 'facet-mbb', 'facet-rfa', 'si-joint'];

const day = fc.integer({ min: -730, max: 5 }).map((d) => addDays(TODAY, d));
const ev = fc.integer({ min: 1, max: 999 }).map((n): Evidence[] => [{ ref: `DocumentReference/n${n}`, display: 'note' }]);
const region = fc.option(fc.constantFrom(...REGIONS), { nil: undefined });
const levels = fc.subarray(LEVELS, { maxLength: 3 });
const side = fc.option(fc.constantFrom('left' as const, 'right' as const, 'bilateral' as const), { nil: undefined });

const relief = fc.record({
  percent: fc.integer({ min: 0, max: 100 }),
  durationHours: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: undefined }),
  measure: fc.constantFrom('pain' as const, 'function' as const),
  source: fc.constant('note' as const),
  evidence: ev,
});

export const arbPicture: fc.Arbitrary<ClinicalPicture> = fc
  .record({
    diagnoses: fc.array(
      fc.record({
        icd10: fc.constantFrom(...ICD),
        display: fc.constant('dx'),
        clinicalStatus: fc.constantFrom('active' as const, 'resolved' as const),
        onset: fc.option(day, { nil: undefined }),
        source: fc.constant('coded' as const),
        evidence: ev,
      }),
      { maxLength: 4 },
    ),
    painScores: fc.array(
      fc.record({
        instrument: fc.constantFrom('NRS' as const, 'VAS' as const, 'other' as const),
        value: fc.integer({ min: 0, max: 10 }),
        raw: fc.constant('x'),
        date: day,
        source: fc.constant('note' as const),
        evidence: ev,
      }),
      { maxLength: 3 },
    ),
    functionalStatus: fc.array(
      fc.record({
        instrument: fc.constant('ODI' as const),
        score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        limitation: fc.option(fc.constant('cannot sit'), { nil: undefined }),
        date: day,
        source: fc.constant('note' as const),
        evidence: ev,
      }),
      { maxLength: 2 },
    ),
    conservativeCare: fc.array(
      fc.record({
        kind: fc.constantFrom(...CARE),
        description: fc.constant('care'),
        start: fc.option(day, { nil: undefined }),
        end: fc.option(day, { nil: undefined }),
        weeks: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        outcome: fc.constantFrom(...OUTCOMES),
        source: fc.constant('note' as const),
        evidence: ev,
      }),
      { maxLength: 4 },
    ),
    painDuration: fc.array(
      fc.record({
        onset: fc.option(day, { nil: undefined }),
        weeks: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        asOf: day,
        source: fc.constant('note' as const),
        evidence: ev,
      }),
      { maxLength: 2 },
    ),
    symptoms: fc.array(
      fc.record({
        kind: fc.constantFrom('radicular' as const, 'axial' as const, 'neurogenic-claudication' as const),
        present: fc.boolean(),
        region,
        laterality: side,
        source: fc.constant('note' as const),
        evidence: ev,
      }),
      { maxLength: 3 },
    ),
    siteMentions: fc.array(
      fc.record({
        context: fc.constantFrom('plan' as const, 'history' as const),
        region,
        levels,
        laterality: side,
        date: fc.option(day, { nil: undefined }),
        source: fc.constant('note' as const),
        evidence: ev,
      }),
      { maxLength: 2 },
    ),
    procedureHistory: fc.array(
      fc.record({
        code: fc.constant('64483'),
        system: fc.constant('cpt' as const),
        display: fc.constant('p'),
        kind: fc.constantFrom(...PROC_KINDS),
        date: day,
        status: fc.constantFrom('completed', 'not-done'),
        region,
        levels,
        laterality: side,
        relief: fc.array(relief, { maxLength: 2 }),
        source: fc.constant('coded' as const),
        evidence: ev,
      }),
      { maxLength: 5 },
    ),
    visitWork: fc.array(
      fc.record({ date: day, description: fc.constant('separate problem'), source: fc.constant('note' as const), evidence: ev }),
      { maxLength: 1 },
    ),
  })
  .map((parts) => ({ ...emptyPicture('p'), ...parts }));

export const arbService: fc.Arbitrary<PlannedService> = fc
  .record({
    code: fc.constantFrom(...PLANNABLE_CODES, '62322', '99214'),
    region,
    levels,
    laterality: side,
    reasonIcd10: fc.subarray(ICD, { maxLength: 2 }),
    imageGuidance: fc.option(fc.boolean(), { nil: undefined }),
    muscleCount: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  })
  .map((s) => ({
    ...s,
    kind: serviceKind(s.code),
    date: TODAY,
    source: 'coded' as const,
    evidence: [{ ref: 'ServiceRequest/sr', display: 'order' }],
  }));

export const arbPayer = fc.constantFrom('medicare', 'summit', 'bcbsma', 'acme');
