import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCodeSet, parseCodeList, parseCodesFile, type ReleaseCodes } from '../../src/tools/icd10-parse';
import { renderFromExtracts } from '../../src/tools/rebuild-icd10';

const release = (id: string, effective: string, billable: Map<string, string | undefined>): ReleaseCodes => ({
  id,
  effective,
  source: 'synthetic',
  billable,
});

describe('ICD-10-CM extracts -> versioned code set', () => {
  it('a code list marks as billable only the codes nothing else extends', () => {
    expect([...parseCodeList('# header\nM51\nM513\nM5136\nM51360\nM51369\nM519\n').keys()]).toEqual(['M51360', 'M51369', 'M519']);
  });
  it('a codes file gives each code its description and refuses a line that is not a code', () => {
    expect(parseCodesFile('M51360  Other disc degeneration, lumbar, back pain only\n').get('M51360')).toBe(
      'Other disc degeneration, lumbar, back pain only',
    );
    expect(() => parseCodesFile('not a code line\n')).toThrow(/not an ICD-10-CM code/);
  });
  it('a code one release expands becomes a header there; added and dropped codes carry their releases', () => {
    const older = release(
      'FY1',
      '2020-10-01',
      new Map([
        ['M5136', 'Disc degeneration, lumbar'],
        ['M5499', 'Gone later'],
      ]),
    );
    const newer = release(
      'FY2',
      '2021-10-01',
      new Map([
        ['M51360', 'Disc degeneration, lumbar region with back pain'],
        ['M51369', 'Disc degeneration, lumbar region without pain'],
      ]),
    );
    const rows = buildCodeSet([older, newer], ['M51', 'M54']);
    expect(rows.find((r) => r.code === 'M51.36')).toEqual({ code: 'M51.36', label: 'Disc degeneration, lumbar', first: 'FY1' });
    expect(rows.find((r) => r.code === 'M51.360')).toMatchObject({ first: 'FY2' });
    expect(rows.find((r) => r.code === 'M54.99')).toMatchObject({ first: 'FY1', gone: 'FY2' });
    // A header's label is its children's shared wording when it has none of its own.
    expect(buildCodeSet([newer], ['M51']).find((r) => r.code === 'M51.36')?.label).toBe('Disc degeneration, lumbar region');
  });
  it('the committed module is what the extracts in src/tools/icd10cm give (nothing edited by hand)', async () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../src/policy/icd10-codes.ts'), 'utf8');
    expect(await renderFromExtracts()).toBe(committed);
  });
  it('the extracts are the files they claim: FY2025, FY2026 and its April update hold M51.360-M51.379 and M51.A0-M51.A5, M51.36 only as a header', () => {
    const dir = resolve(import.meta.dirname, '../../src/tools/icd10cm');
    const fy25 = parseCodeList(readFileSync(resolve(dir, 'icd10cm-code-list-2025-04.pain.txt'), 'utf8'));
    const fy26 = parseCodesFile(readFileSync(resolve(dir, 'icd10cm-codes-2026.pain.txt'), 'utf8'));
    const fy26april = parseCodeList(readFileSync(resolve(dir, 'icd10cm-code-list-2026-04.pain.txt'), 'utf8'));
    const expected = [
      'M51360',
      'M51361',
      'M51362',
      'M51369',
      'M51370',
      'M51371',
      'M51372',
      'M51379',
      'M51A0',
      'M51A1',
      'M51A2',
      'M51A3',
      'M51A4',
      'M51A5',
    ];
    for (const set of [fy25, fy26, fy26april]) {
      for (const c of expected) expect(set.has(c)).toBe(true);
      expect(set.has('M5136')).toBe(false);
      expect(set.has('M545')).toBe(false);
    }
    expect(fy26.size).toBe(fy25.size);
    expect(fy26april.size).toBe(fy25.size);
  });
});
