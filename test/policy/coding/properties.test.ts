// Properties of suggestCoding over random services from the catalogue (fast-check): it never throws, respects the
// claim limits, and an edit whose source is unconfirmed is never an error (shared/policy VERIFY rule).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suggestCoding } from '../../../src/policy/coding/suggest';
import { validateLines } from '../../../src/policy/coding/edits';
import { SERVICES } from '../../../src/policy/services';
import type { PlannedService } from '../../../src/policy/picture';
import { dx, picture, svc, work } from './build';

const LEVELS = ['C4-C5', 'C5-C6', 'C6-C7', 'T11-T12', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'];
const ICD = ['M54.16', 'M54.5', 'M54.1', 'M47.816', 'M48.062', 'I10', 'G89.4', 'M51.16', 'XYZ'];

const service: fc.Arbitrary<PlannedService> = fc
  .record({
    def: fc.constantFrom(...SERVICES),
    levels: fc.subarray(LEVELS, { maxLength: 5 }),
    laterality: fc.constantFrom(undefined, 'left', 'right', 'bilateral'),
    reasons: fc.subarray(ICD, { maxLength: 3 }),
    muscles: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    imaging: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ def, levels, laterality, reasons, muscles, imaging }) =>
    svc(def.code, {
      kind: def.kind,
      levels,
      laterality: laterality as PlannedService['laterality'],
      reasonIcd10: reasons,
      muscleCount: muscles,
      imageGuidance: imaging,
    }),
  );

describe('suggestCoding properties', () => {
  it('never throws; at most 12 diagnoses and 4 pointers per line; unconfirmed sources never give errors', () => {
    fc.assert(
      fc.property(
        fc.array(service, { maxLength: 4 }),
        fc.subarray(ICD),
        fc.boolean(),
        fc.constantFrom<'50' | 'RT-LT'>('50', 'RT-LT'),
        (services, codes, sameDayWork, style) => {
          const pic = picture({ diagnoses: codes.map((c) => dx(c)), visitWork: sameDayWork ? [work()] : [] });
          const s = suggestCoding(pic, services, { today: '2026-11-23', bilateralStyle: style });
          expect(s.diagnoses.length).toBeLessThanOrEqual(12);
          for (const l of s.lines) {
            expect(l.diagnosisPointers.length).toBeLessThanOrEqual(4);
            expect(l.units).toBeGreaterThanOrEqual(1);
            for (const p of l.diagnosisPointers) expect(p).toBeLessThanOrEqual(s.diagnoses.length);
          }
          for (const e of s.edits) {
            expect(e.citation, `${e.kind}: ${e.message}`).toBeDefined();
            if (e.citation && !e.citation.verified) expect(e.severity).not.toBe('error');
            for (const i of e.lines) expect(i).toBeLessThan(s.lines.length);
          }
          // The view re-runs the same edits on unchanged lines and must agree with the suggestion.
          const again = validateLines(s.lines, s.diagnoses, { picture: pic, services, dateOfService: s.dateOfService });
          expect(again).toEqual(s.edits.filter((e) => e.lines.length > 0 || !['bundling', 'modifier'].includes(e.kind)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic: same input, same output', () => {
    fc.assert(
      fc.property(fc.array(service, { maxLength: 3 }), (services) => {
        const pic = picture({ diagnoses: [dx('M54.16')] });
        expect(suggestCoding(pic, services, { today: '2026-11-23' })).toEqual(suggestCoding(pic, services, { today: '2026-11-23' }));
      }),
      { numRuns: 100 },
    );
  });
});
