// src/tools/rebuild-code-data: the PTP and MUE subsets rebuilt from small synthetic files in the CMS layouts.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMue, parsePtp } from '../../../src/tools/code-data-parse';
import { parseArgs, rebuild } from '../../../src/tools/rebuild-code-data';
import { mueFor, ptpPair } from '../../../src/policy/coding/data/lookup';

const PTP_TXT = [
  'CPT codes, descriptions and other data only are copyright American Medical Association. All rights reserved.',
  '',
  [
    'Column 1',
    'Column 2',
    '* = In existence prior to 1996',
    'Effective Date',
    'Deletion Date *=no data',
    'Modifier 0=not allowed 1=allowed 9=not applicable',
    'PTP Edit Rationale',
  ].join('\t'),
  ['64483', '77003', '', '20100101', '*', '0', 'Misuse of column two code with column one code'].join('\t'),
  ['64493', '64483', '', '20100101', '*', '1', 'Standards of medical / surgical practice'].join('\t'),
  ['64493', '62323', '', '20170101', '20190101', '1', 'deleted before as-of'].join('\t'),
  ['64493', '62323', '', '20300101', '*', '1', 'not yet effective'].join('\t'),
  ['64483', '36000', '', '20100101', '*', '1', 'outside the subset'].join('\t'),
  ['20553', '20552', '', '20100101', '*', '0', 'Mutually exclusive'].join('\t'),
].join('\r\n');

const MUE_CSV = [
  '"Copyright statement, see the CMS license"',
  '"HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"',
  '"64483","1","2 Date of Service Edit: Policy","Anatomic Consideration"',
  '"64484","4","3 Date of Service Edit: Clinical","Clinical: Data"',
  '"99999","9","1 Line Edit","outside the subset"',
  '"20553","1","2 Date of Service Edit: Policy","Code Descriptor / CPT Instruction"',
].join('\n');

const codes = new Set(['64483', '64484', '64493', '62323', '77003', '20552', '20553']);

describe('rebuild-code-data (CMS NCCI file layouts)', () => {
  it('keeps active PTP pairs inside the subset with their modifier indicator, marked verified', () => {
    expect(parsePtp(PTP_TXT, codes, '20261001')).toEqual([
      { column1: '20553', column2: '20552', indicator: 0, verified: true },
      { column1: '64483', column2: '77003', indicator: 0, verified: true },
      { column1: '64493', column2: '64483', indicator: 1, verified: true },
    ]);
  });

  it('reads MUE values and the adjudication indicator digit', () => {
    expect(parseMue(MUE_CSV, codes)).toEqual([
      { code: '20553', units: 1, mai: 2, verified: true },
      { code: '64483', units: 1, mai: 2, verified: true },
      { code: '64484', units: 4, mai: 3, verified: true },
    ]);
  });

  it('rejects a file that is not in the CMS layout', () => {
    expect(() => parseMue('a,b,c\n1,2,3', codes)).toThrow(/not a CMS file/);
  });

  it('writes modules that load and answer lookups with the file name and quarter recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cr-codes-'));
    writeFileSync(join(dir, 'ptp.txt'), PTP_TXT);
    writeFileSync(join(dir, 'mue.csv'), MUE_CSV);
    const done = rebuild(
      parseArgs([
        '--ptp',
        join(dir, 'ptp.txt'),
        '--mue',
        join(dir, 'mue.csv'),
        '--quarter',
        '2026Q4',
        '--as-of',
        '2026-10-01',
        '--out',
        dir,
      ]),
    );
    expect(done).toEqual({ ptp: 3, mue: 3 });
    expect(readFileSync(join(dir, 'ncci-ptp.ts'), 'utf8')).toContain('ptp.txt');
    const ptp = (await import(join(dir, 'ncci-ptp.ts'))) as typeof import('../../../src/policy/coding/data/ncci-ptp');
    const mue = (await import(join(dir, 'mue.ts'))) as typeof import('../../../src/policy/coding/data/mue');
    expect(ptp.NCCI_PTP.quarter).toBe('2026Q4');
    expect(ptpPair('64483', '64493', ptp.NCCI_PTP)).toEqual({ column1: '64493', column2: '64483', indicator: 1, verified: true });
    expect(mueFor('64484', mue.MUE)).toEqual({ code: '64484', units: 4, mai: 3, verified: true });
    expect(mue.MUE.source).toContain('mue.csv');
  });

  it('requires a quarter and an as-of date', () => {
    expect(() => parseArgs(['--ptp', 'x'])).toThrow(/quarter/);
  });
});
