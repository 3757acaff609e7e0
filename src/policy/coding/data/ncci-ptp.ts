// NCCI procedure-to-procedure (PTP) pairs for the pain-management subset (practitioner edits).
// Values were entered by hand from secondary references and could NOT be confirmed against the CMS file in this
// build (the search tool returned no copy of the practitioner PTP tables), so every row is verified: false and the
// edits built from it are warnings. Regenerate with `tsx src/tools/rebuild-code-data.ts --ptp <CMS file>`, which
// marks every row it read from the CMS file as verified.

import type { ModifierIndicator, PtpPair, PtpTable } from './tables';

const p = (column1: string, column2: string, indicator: ModifierIndicator): PtpPair => ({ column1, column2, indicator, verified: false });

export const NCCI_PTP: PtpTable = {
  source: 'CMS NCCI Practitioner PTP Edits (ccipra-v*-f1..f4.txt), hand-entered subset, not yet rebuilt from the file',
  quarter: '2026Q4',
  pairs: [
    // Imaging guidance is part of these codes (also reported as a bundling edit from the catalogue).
    ...[
      '62321',
      '62323',
      '62325',
      '62327',
      '64479',
      '64480',
      '64483',
      '64484',
      '64490',
      '64491',
      '64492',
      '64493',
      '64494',
      '64495',
      '64633',
      '64634',
      '64635',
      '64636',
      '27096',
    ].flatMap((c) => [p(c, '77003', 0), p(c, '77012', 0)]),
    // Same-session families at a different site: bypassable with XS when the sites differ.
    p('62323', '64483', 1),
    p('62321', '64479', 1),
    p('64483', '64493', 1),
    p('64479', '64490', 1),
    p('64493', '62323', 1),
    p('64490', '62321', 1),
    p('64635', '64493', 1),
    p('64633', '64490', 1),
    p('64635', '64483', 1),
    p('64493', '27096', 1),
    p('64483', '27096', 1),
    p('62323', '27096', 1),
    p('64493', '20552', 1),
    p('64493', '20553', 1),
    p('64483', '20552', 1),
    p('64483', '20553', 1),
    // Mutually exclusive by definition.
    p('20553', '20552', 0),
    p('62323', '62322', 0),
    p('62321', '62320', 0),
    p('27096', 'G0260', 0),
  ],
};
