// addMonths reads the calendar from the date's digits (no Date objects: rolling windows call it for every session of
// every rule); it must agree with Date arithmetic on every day of 1999-2030 and on partial or bad dates.
import { expect, it } from 'vitest';
import { addMonths } from '../../src/policy/dates';
// The old Date-based addMonths, as the reference.
function ref(iso: string, months: number): string {
  const y0 = Number(iso.slice(0, 4));
  const mm = iso.length >= 7 ? Number(iso.slice(5, 7)) : 1;
  const dd = iso.length >= 10 ? Number(iso.slice(8, 10)) : 1;
  const ms = Date.UTC(y0, mm - 1, dd);
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const day = d.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const r = new Date(Date.UTC(y, m, Math.min(day, last)));
  return `${String(r.getUTCFullYear()).padStart(4, '0')}-${String(r.getUTCMonth() + 1).padStart(2, '0')}-${String(r.getUTCDate()).padStart(2, '0')}`;
}
it('same as Date arithmetic', () => {
  let n = 0;
  for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000 * 3) {
    const iso = new Date(t).toISOString().slice(0, 10);
    for (const k of [-36, -24, -13, -12, -6, -3, -1, 0, 1, 2, 3, 12, 25]) {
      expect(addMonths(iso, k)).toBe(ref(iso, k));
      n++;
    }
    expect(addMonths(`${iso}T10:00:00Z`, -12)).toBe(ref(iso, -12));
  }
  expect(addMonths('2026-03', 1)).toBe(ref('2026-03-01', 1));
  expect(addMonths('2026', 1)).toBe('2026-02-01');
  expect(addMonths('yesterday', 1)).toBe('');
  expect(n).toBeGreaterThan(40000);
});
