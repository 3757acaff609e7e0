// The speed work replaced general code with fast paths (date arithmetic, pairwise evidence de-duplication, lists
// that format only what they show). Each fast path must give exactly what the general version gives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayMs, listMapped, listOf } from '../../src/policy/requirements/common';
import { toDayMs } from '../../src/policy/dates';
import { uniqueEvidence } from '../../src/policy/assess';
import type { Evidence } from '../../src/policy/picture';

const same = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

describe('dayMs (arithmetic) equals toDayMs (regex + Date.UTC)', () => {
  it('on every day of leap and century years, with overflowing days and months, and dateTimes', () => {
    const pad = (n: number, w: number): string => String(n).padStart(w, '0');
    for (const y of [100, 1600, 1900, 1970, 2000, 2021, 2024, 2025, 2100, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 40; d++) {
          const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(same(dayMs(iso), toDayMs(iso)), iso).toBe(true);
          expect(same(dayMs(`${iso}T23:59:00Z`), toDayMs(`${iso}T23:59:00Z`)), iso).toBe(true);
        }
      }
    }
  });

  it('on partial, two-digit-year and malformed dates (these take the general path)', () => {
    for (const iso of ['2025', '2025-03', '0099-01-01', '2025-3-1', '2025-03-1x', '20a5-01-01', '2025/01/01', '', 'x']) {
      expect(same(dayMs(iso), toDayMs(iso)), iso).toBe(true);
    }
  });

  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 14 }), (s) => same(dayMs(s), toDayMs(s))));
  });
});

describe('listMapped equals listOf over the mapped list', () => {
  it('for any length, separator and limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 12 }), fc.constantFrom('; ', ', '), fc.integer({ min: 1, max: 8 }), (xs, sep, max) => {
        const show = (n: number): string => `#${n}`;
        return listMapped(xs, show, sep, max) === listOf(xs.map(show), sep, max);
      }),
    );
  });
});

/** The keyed version the pairwise one replaced. */
function keyed(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = e.quote ? `${e.ref}#${e.quote.start}-${e.quote.end}` : e.ref;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const evidence = fc.record(
  {
    ref: fc.constantFrom('Condition/a', 'Condition/b', 'DocumentReference/n', 'DocumentReference/n#1-9'),
    display: fc.constant('x'),
    quote: fc.record({ text: fc.constant('q'), start: fc.integer({ min: 0, max: 2 }), end: fc.constantFrom(3, 9) }),
  },
  { requiredKeys: ['ref', 'display'] },
);

describe('uniqueEvidence keeps the first of each resource or note span, as the keyed version did', () => {
  it('on short lists (pairwise) and long ones (keyed)', () => {
    fc.assert(
      fc.property(fc.array(evidence, { maxLength: 45 }), (list) => {
        expect(uniqueEvidence(list)).toEqual(keyed(list));
      }),
    );
  });

  it('drops a repeated Condition and a repeated note span, keeps different spans of one note', () => {
    const c: Evidence = { ref: 'Condition/1', display: 'dx' };
    const q1: Evidence = { ref: 'DocumentReference/n', display: 'note', quote: { text: 'a', start: 0, end: 5 } };
    const q2: Evidence = { ref: 'DocumentReference/n', display: 'note', quote: { text: 'b', start: 6, end: 9 } };
    expect(uniqueEvidence([c, q1, { ...c }, q2, { ...q1 }])).toEqual([c, q1, q2]);
  });
});
