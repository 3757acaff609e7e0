import { describe, expect, it } from 'vitest';
import { childCodes, codeProblem, icd10Info, inCategory, normalizeIcd10 } from '../../src/policy/icd10';
import { ICD10_RELEASES, ICD10_ROWS, ICD10_UNREAD_RELEASES } from '../../src/policy/icd10-table';
import { assess } from '../../src/policy/assess';
import { esiPicture, tfesi } from './build';

describe('ICD-10-CM facts (the table through FY2025)', () => {
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

describe('ICD-10-CM FY2025 (effective 2024-10-01): versioned table', () => {
  it.each([
    ['M51.36', '2024-09-30', undefined],
    ['M51.36', '2024-10-01', 'header'],
    ['M51.37', '2024-10-02', 'header'],
    ['M51.362', '2024-09-30', 'not-yet-valid'],
    ['M51.362', '2024-10-01', undefined],
    ['M51.A3', '2024-09-30', 'not-yet-valid'],
    ['M51.A3', '2024-10-01', undefined],
  ] as const)('%s on %s -> %s', (code, date, kind) => {
    expect(codeProblem(code, date)?.kind).toBe(kind);
  });
  it('a header lists its children for the date: M51.36 -> M51.360, .361, .362, .369', () => {
    const p = codeProblem('M51.36', '2026-11-23');
    expect(p && p.kind === 'header' ? p.children : []).toEqual(['M51.360', 'M51.361', 'M51.362', 'M51.369']);
    const a = codeProblem('M51.A', '2026-11-23');
    expect(a && a.kind === 'header' ? a.children : []).toEqual(['M51.A0', 'M51.A1', 'M51.A2', 'M51.A3', 'M51.A4', 'M51.A5']);
  });
  it('the complete categories list every code: M47.81 has .811-.819, M53.8 has .80-.88', () => {
    expect(childCodes('M47.81')).toEqual([
      'M47.811',
      'M47.812',
      'M47.813',
      'M47.814',
      'M47.815',
      'M47.816',
      'M47.817',
      'M47.818',
      'M47.819',
    ]);
    expect(childCodes('M53.8')).toHaveLength(9);
    expect(childCodes('M50.12')).toEqual(['M50.120', 'M50.121', 'M50.122', 'M50.123']);
  });
  it('B02.2x are post-herpetic; acute zoster codes (B02.9) are complete', () => {
    expect(icd10Info('B02.29')?.label).toMatch(/[Pp]ostherpetic/);
    expect(codeProblem('B02.9', '2026-01-01')).toBeUndefined();
    expect(codeProblem('B02.2', '2026-01-01')?.kind).toBe('header');
  });
});

describe('ICD-10-CM FY2026 (effective 2025-10-01): not read, so nothing changes on its date', () => {
  const FY2026 = '2025-10-01';
  it('is recorded as unread (grade none), and no row takes effect or is deleted on or after its date', () => {
    expect(ICD10_UNREAD_RELEASES.find((r) => r.release === 'FY2026')).toMatchObject({ effective: FY2026, grade: 'none' });
    expect(Object.values(ICD10_RELEASES).every((d) => d < FY2026)).toBe(true);
    expect(ICD10_ROWS.filter((r) => (r.from ?? '') >= FY2026 || (r.deletedOn ?? '') >= FY2026)).toEqual([]);
  });
  it.each(['2025-09-30', FY2026, '2026-11-23'])('on %s the FY2025 state holds: valid, header, deleted as before', (dos) => {
    expect(codeProblem('M51.362', dos)).toBeUndefined();
    expect(codeProblem('M51.A3', dos)).toBeUndefined();
    expect(codeProblem('M47.816', dos)).toBeUndefined();
    expect(codeProblem('M51.36', dos)).toMatchObject({ kind: 'header', children: ['M51.360', 'M51.361', 'M51.362', 'M51.369'] });
    expect(codeProblem('M54.5', dos)).toMatchObject({ kind: 'deleted', successors: ['M54.50', 'M54.51', 'M54.59'] });
  });
  it('an ESI planned after 2025-10-01 with a complete FY2025 code is judged valid; the deleted M54.5 is still refused', () => {
    const dos = '2025-10-01';
    const valid = assess(esiPicture(), tfesi({ date: dos, reasonIcd10: ['M51.362'] }), 'medicare', dos);
    expect(valid.findings.find((f) => f.requirementId === 'dx-code-valid')?.status).toBe('met');
    const deleted = assess(esiPicture(), tfesi({ date: dos, reasonIcd10: ['M54.5'] }), 'medicare', dos);
    expect(deleted.findings.find((f) => f.requirementId === 'dx-code-valid')?.status).toBe('missing');
  });
});
