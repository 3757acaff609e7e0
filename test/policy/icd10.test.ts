import { describe, expect, it } from 'vitest';
import { childCodes, codeProblem, icd10Info, icd10ReleaseOn, inCategory, normalizeIcd10 } from '../../src/policy/icd10';
import { ICD10_CATEGORIES, ICD10_READ_RELEASES, ICD10_ROWS, ICD10_UNREAD_RELEASES } from '../../src/policy/icd10-table';
import { ICD10_CODE_SET } from '../../src/policy/icd10-codes';
import { assess } from '../../src/policy/assess';
import { esiPicture, tfesi } from './build';

const FY2025 = '2024-10-01';
const FY2026 = '2025-10-01';
const FY2026_APRIL = '2026-04-01';
const FY2027 = '2026-10-01';

describe('ICD-10-CM facts', () => {
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
  it('codeProblem: deleted from the effective date, header any time, unknown outside the categories', () => {
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
  it('regions come from the site the code names; several sites name none', () => {
    expect(icd10Info('M54.2')?.region).toBe('cervical');
    expect(icd10Info('M47.813')?.region).toBe('cervical');
    expect(icd10Info('M47.815')?.region).toBe('thoracic');
    expect(icd10Info('M51.17')?.region).toBe('lumbar');
    expect(icd10Info('M46.1')?.region).toBe('sacral');
    expect(icd10Info('M51.9')?.region).toBeUndefined();
    expect(icd10Info('G57.01')?.region).toBeUndefined();
  });
});

describe('ICD-10-CM code set: complete and versioned for the pain-relevant categories', () => {
  it('holds the categories the app uses, every code of each, from the CDC/NCHS extracts', () => {
    for (const cat of ['M43', 'M46', 'M47', 'M48', 'M50', 'M51', 'M53', 'M54', 'G89', 'G54', 'G55', 'G56', 'G57', 'B02', 'M79'])
      expect(ICD10_CATEGORIES).toContain(cat);
    expect(ICD10_READ_RELEASES.map((r) => [r.release, r.effective, r.grade])).toEqual([
      ['FY2025', FY2025, 'P'],
      ['FY2026', FY2026, 'P'],
      ['FY2026 April update', FY2026_APRIL, 'P'],
    ]);
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
    expect(childCodes('G57.0')).toEqual(['G57.00', 'G57.01', 'G57.02', 'G57.03']);
    expect(childCodes('M43.5X')).toHaveLength(8);
  });
  it('the FY2025 codes are those the issue names: M51.36/M51.37 headers over .360-.379, M51.A0-M51.A5', () => {
    expect(childCodes('M51.36')).toEqual(['M51.360', 'M51.361', 'M51.362', 'M51.369']);
    expect(childCodes('M51.37')).toEqual(['M51.370', 'M51.371', 'M51.372', 'M51.379']);
    expect(childCodes('M51.A')).toEqual(['M51.A0', 'M51.A1', 'M51.A2', 'M51.A3', 'M51.A4', 'M51.A5']);
    expect(icd10Info('M51.362')?.label).toBe(
      'Other intervertebral disc degeneration, lumbar region with discogenic back pain and lower extremity pain',
    );
  });
  it('FY2026 and its April update (read) listed the same codes as FY2025 in these categories: no row starts or ends with them', () => {
    expect(ICD10_CODE_SET.filter((r) => r.first !== 'FY2025' || r.gone !== undefined)).toEqual([]);
  });
  it('B02.2x are post-herpetic; acute zoster codes (B02.9) are complete', () => {
    expect(icd10Info('B02.29')?.label).toMatch(/[Pp]ostherpetic/);
    expect(codeProblem('B02.9', '2026-01-01')).toBeUndefined();
    expect(codeProblem('B02.2', '2026-01-01')?.kind).toBe('header');
  });
});

describe('ICD-10-CM on the date of service: the release in force decides', () => {
  it.each([
    ['M51.36', '2024-09-30', undefined],
    ['M51.36', FY2025, 'header'],
    ['M51.37', '2024-10-02', 'header'],
    ['M51.362', '2024-09-30', 'not-yet-valid'],
    ['M51.362', FY2025, undefined],
    ['M51.A3', '2024-09-30', 'not-yet-valid'],
    ['M51.A3', FY2025, undefined],
  ] as const)('FY2024/FY2025 boundary: %s on %s -> %s', (code, date, kind) => {
    expect(codeProblem(code, date)?.kind).toBe(kind);
  });
  it.each(['2025-09-30', FY2026])('FY2025/FY2026 boundary (%s): the read releases agree, headers stay headers', (dos) => {
    expect(codeProblem('M51.362', dos)).toBeUndefined();
    expect(codeProblem('M47.816', dos)).toBeUndefined();
    expect(codeProblem('M51.36', dos)).toMatchObject({ kind: 'header', children: ['M51.360', 'M51.361', 'M51.362', 'M51.369'] });
    expect(codeProblem('M54.5', dos)).toMatchObject({ kind: 'deleted', successors: ['M54.50', 'M54.51', 'M54.59'] });
  });
  it('picks the release in force: FY2025 on 2025-09-30, FY2026 from 2025-10-01, both read', () => {
    expect(icd10ReleaseOn('2025-09-30')).toMatchObject({ release: { release: 'FY2025' }, read: true });
    expect(icd10ReleaseOn(FY2026)).toMatchObject({ release: { release: 'FY2026' }, read: true });
    expect(icd10ReleaseOn('2024-09-30')).toEqual({ read: false });
  });
  it('a code the release in force does not list, in a complete category, is not a code (with the codes above it)', () => {
    expect(codeProblem('M51.38', FY2026)).toEqual({
      kind: 'not-a-code',
      code: 'M51.38',
      release: 'FY2026',
      children: ['M51.34', 'M51.35', 'M51.360', 'M51.361', 'M51.362', 'M51.369', 'M51.370', 'M51.371', 'M51.372', 'M51.379'],
    });
    expect(codeProblem('G89.5', '2025-09-30')).toMatchObject({ kind: 'not-a-code', release: 'FY2025' });
    // Before the first release read the table cannot say: unknown, not wrong.
    expect(codeProblem('M51.38', '2024-09-30')).toBeUndefined();
  });
  it('the April 2026 update is in force from 2026-04-01 and was read: a code it does not list is not a code', () => {
    expect(icd10ReleaseOn('2026-03-31')).toMatchObject({ release: { release: 'FY2026' }, read: true });
    expect(icd10ReleaseOn(FY2026_APRIL)).toMatchObject({ release: { release: 'FY2026 April update' }, read: true });
    expect(codeProblem('M51.38', '2026-09-30')).toMatchObject({ kind: 'not-a-code', release: 'FY2026 April update' });
  });
  it('FY2027 (not read) holds the April 2026 state and says so; a code it may have added is unknown', () => {
    expect(ICD10_UNREAD_RELEASES.map((r) => [r.release, r.effective, r.grade])).toEqual([['FY2027', FY2027, 'none']]);
    expect(icd10ReleaseOn('2026-09-30')).toMatchObject({ read: true });
    expect(icd10ReleaseOn(FY2027)).toMatchObject({ release: { release: 'FY2027' }, read: false, held: { release: 'FY2026 April update' } });
    expect(codeProblem('M51.36', '2026-12-02')?.kind).toBe('header');
    expect(codeProblem('M51.38', '2026-12-02')).toBeUndefined();
    expect(ICD10_ROWS.filter((r) => (r.from ?? '') >= FY2026 || (r.deletedOn ?? '') >= FY2026)).toEqual([]);
  });
});

describe('the code-validity rule on the date of service', () => {
  const finding = (dos: string, code: string) =>
    assess(esiPicture(), tfesi({ date: dos, reasonIcd10: [code] }), 'medicare', dos).findings.find(
      (f) => f.requirementId === 'dx-code-valid',
    );
  it('a complete code is met on 2025-09-30 and 2025-10-01, citing the releases read without a caveat', () => {
    for (const dos of ['2025-09-30', FY2026]) {
      const f = finding(dos, 'M51.362');
      expect(f?.status).toBe('met');
      expect(f?.citation.note).not.toMatch(/was not read/);
    }
  });
  it('a header code is never valid: M51.36 on the order is missing, with its four children as the fix', () => {
    const f = finding(FY2026, 'M51.36');
    expect(f?.status).toBe('missing');
    expect(f?.message).toContain('M51.36 is a category header');
    expect(f?.fix).toContain('M51.360, M51.361, M51.362, M51.369');
  });
  it('a code not in the FY2026 code set is refused, one the deleted M54.5 still is', () => {
    expect(finding(FY2026, 'M51.38')?.message).toContain('M51.38 is not an ICD-10-CM code in FY2026');
    expect(finding(FY2026, 'M54.5')?.status).toBe('missing');
  });
  it('on a FY2027 date the finding cites the April 2026 update as read and FY2027 as not read; the day before, no caveat', () => {
    const f = finding('2026-12-02', 'M51.362');
    expect(f?.status).toBe('met');
    expect(f?.citation.version).toBe('FY2026 April update (read); FY2027, in force from 2026-10-01, not read');
    expect(f?.citation.note).toMatch(/FY2027 was not read: codes are checked against FY2026 April update/);
    expect(finding('2026-09-30', 'M51.362')?.citation.note).not.toMatch(/was not read/);
  });
});
