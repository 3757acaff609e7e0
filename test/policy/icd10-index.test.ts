// The codes below a header come from a sorted run (built on first use) instead of an index of every code's prefix
// matches built at load; for every row of the table and several dates both give the same codes and billability.
import { describe, expect, it } from 'vitest';
import { childCodes, icd10Info } from '../../src/policy/icd10';
import { ICD10_ROWS, icd10Region, type Icd10Row } from '../../src/policy/icd10-table';

const validOn = (r: Icd10Row, dos: string) => (r.from === undefined || dos >= r.from) && (r.deletedOn === undefined || dos < r.deletedOn);
function naive(code: string, dos: string): string[] {
  const below = ICD10_ROWS.filter((o) => o.code !== code && o.code.startsWith(code) && validOn(o, dos));
  return below.filter((r) => !below.some((o) => o.code !== r.code && o.code.startsWith(r.code))).map((r) => r.code);
}

describe('ICD-10-CM codes below a code', () => {
  it('match a full scan of the table for every row and date', () => {
    for (const dos of ['2020-06-01', '2024-12-01', '2025-11-01', '2026-05-01', '9999-12-31'])
      for (const r of ICD10_ROWS) expect(childCodes(r.code, dos).sort()).toEqual(naive(r.code, dos).sort());
  });
  it('give billability and region as the table says', () => {
    for (const r of ICD10_ROWS) {
      const info = icd10Info(r.code)!;
      expect(info.billable).toBe(r.deletedOn === undefined && naive(r.code, '9999-12-31').length === 0);
      expect(info.region).toBe(icd10Region(r.code, r.label));
    }
    expect(icd10Info('M54.16')!.region).toBe('lumbar');
    expect(icd10Info('M54.1')!.billable).toBe(false);
  });
});
