import { describe, expect, it } from 'vitest';
import { codeProblem, icd10Info, inCategory, normalizeIcd10 } from '../../src/policy/icd10';

describe('ICD-10-CM facts (FY2026 subset)', () => {
  it('knows M54.5 was deleted on 2021-10-01 with three successors', () => {
    expect(icd10Info('M54.5')?.deleted).toEqual({ on: '2021-10-01', successors: ['M54.50', 'M54.51', 'M54.59'] });
    expect(icd10Info('m545')?.code).toBe('M54.5');
  });
  it('headers are not billable, complete codes are', () => {
    expect(icd10Info('M54.1')?.billable).toBe(false);
    expect(icd10Info('M54.16')?.billable).toBe(true);
    expect(icd10Info('M48.06')?.billable).toBe(false);
    expect(icd10Info('M48.062')?.region).toBe('lumbar');
    expect(icd10Info('Z99.99')).toBeUndefined();
  });
  it('codeProblem: deleted from the effective date, header any time, unknown never', () => {
    expect(codeProblem('M54.5', '2021-09-30')).toBeUndefined();
    expect(codeProblem('M54.5', '2021-10-01')?.kind).toBe('deleted');
    const h = codeProblem('M47.81', '2026-01-01');
    expect(h?.kind).toBe('header');
    expect(h && h.kind === 'header' ? h.children : []).toContain('M47.816');
    expect(codeProblem('Q99.9', '2026-01-01')).toBeUndefined();
  });
  it('category matching ignores dots and case', () => {
    expect(inCategory('M54.16', ['M54.1'])).toBe(true);
    expect(inCategory('m5416', ['M54.1'])).toBe(true);
    expect(inCategory('M54.2', ['M54.1'])).toBe(false);
    expect(normalizeIcd10('m47816')).toBe('M47.816');
  });
});
