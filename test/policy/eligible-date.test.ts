// Frequency and spacing limits say the earliest date the patient becomes eligible. The date is checked against the
// rule itself: assessed on that date the limit is met, assessed the day before it is not (LCD L39242 ESI-FREQUENCY
// 4 per region in 12 months; eviCore CMM-200 7 days between injections; BCBSMA 690 30 days; LCD L38803 second
// block >= 2 weeks after the first).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assess } from '../../src/policy/assess';
import type { Assessment, Finding } from '../../src/policy/verdicts';
import { addDays, addMonths } from '../../src/policy/dates';
import { esiPicture, facetPicture, mbb, proc, relief, tfesi, TODAY } from './build';
import { earliestUnderLimit, firstDayOutOfWindow } from '../../src/policy/requirements/eligible';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

const dateIn = (s: string | undefined): string => {
  const m = /on or after (\d{4}-\d{2}-\d{2})/.exec(s ?? '');
  if (!m) throw new Error(`no date in "${s}"`);
  return m[1]!;
};

describe('ESI-FREQUENCY (LCD L39242): 4 sessions per region in a rolling 12 months', () => {
  it('names the day the 4th-newest prior session leaves the window (seed pt-esi-frequency dates)', () => {
    const p = esiPicture();
    for (const d of ['2026-08-25', '2026-06-02', '2026-03-10', '2025-12-09'])
      p.procedureHistory.push(proc('esi-transforaminal', 0, [relief(70, 3000)], { date: d, id: `esi-${d}` }));
    const f = find(assess(p, tfesi({ date: '2026-12-02' }), 'medicare', TODAY), 'esi-frequency-region');
    expect(f.status).toBe('not-met');
    // 2025-12-09 + 12 months: on 2026-12-09 the window starts after 2025-12-09.
    expect(f.message).toContain('Eligible again from 2026-12-09');
    expect(dateIn(f.fix)).toBe('2026-12-09');
  });

  it('assessed on the date it names the limit is met, the day before it is not (any history of 4 to 7 sessions)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 364 }), { minLength: 4, maxLength: 7 }), (daysAgo) => {
        const p = esiPicture();
        for (const d of daysAgo) p.procedureHistory.push(proc('esi-transforaminal', d, [relief(70, 3000)]));
        const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-frequency-region');
        expect(f.status).toBe('not-met');
        const from = dateIn(f.fix);
        expect(from > TODAY).toBe(true);
        expect(find(assess(p, tfesi({ date: from }), 'medicare', TODAY), 'esi-frequency-region').status).toBe('met');
        expect(find(assess(p, tfesi({ date: addDays(from, -1) }), 'medicare', TODAY), 'esi-frequency-region').status).toBe('not-met');
      }),
      { numRuns: 40 },
    );
  });

  it('month ends: a session on 03-31 leaves a 12-month window on the next 03-31 (clamped February not trusted)', () => {
    expect(firstDayOutOfWindow('2025-03-31', 12)).toBe('2026-03-31');
    // 11 months from 2025-03-31 clamps to 2026-02-28, but the window ending on 02-28 starts after 2025-03-28.
    const d = firstDayOutOfWindow('2025-03-31', 11);
    expect('2025-03-31' > addMonths(d, -11)).toBe(false);
    expect('2025-03-31' > addMonths(addDays(d, -1), -11)).toBe(true);
    expect(earliestUnderLimit([{ date: '2026-01-01' }], 2, 12)).toBeUndefined();
  });
});

describe('Spacing: the first day the interval allows', () => {
  it.each([
    ['summit', 3, 7],
    ['bcbsma', 10, 30],
  ] as const)('%s, previous ESI %i days ago: eligible %i days after it', (payer, daysAgo, need) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', daysAgo, [relief(60, 2000)]));
    const f = find(assess(p, tfesi(), payer, TODAY), 'esi-spacing');
    expect(f.status).toBe('not-met');
    const from = addDays(addDays(TODAY, -daysAgo), need);
    expect(f.message).toContain(`Eligible from ${from}`);
    expect(dateIn(f.fix)).toBe(from);
    expect(find(assess(p, tfesi({ date: from }), payer, TODAY), 'esi-spacing').status).toBe('met');
    expect(find(assess(p, tfesi({ date: addDays(from, -1) }), payer, TODAY), 'esi-spacing').status).toBe('not-met');
  });

  it('LCD L38803: a second diagnostic block at least 2 weeks after the first names the date', () => {
    const p = facetPicture();
    p.procedureHistory = [proc('facet-mbb', 5, [relief(90, 6)], { intent: 'diagnostic' })];
    const f = find(assess(p, mbb(), 'medicare', TODAY), 'facet-second-block');
    expect(f.status).toBe('not-met');
    const from = dateIn(f.fix);
    expect(find(assess(p, mbb({ date: from }), 'medicare', TODAY), 'facet-second-block').status).toBe('met');
    expect(find(assess(p, mbb({ date: addDays(from, -1) }), 'medicare', TODAY), 'facet-second-block').status).toBe('not-met');
  });
});
