// Look-ups into the code tables. The tables hold the pain-management subset (dozens of rows), so a look-up reads
// the rows as written.
import { MUE } from './mue';
import { NCCI_PTP } from './ncci-ptp';
import type { MueTable, MueValue, PtpPair, PtpTable } from './tables';

/** The pair in either order (column 1 first in the answer), or undefined. */
export function ptpPair(a: string, b: string, table: PtpTable = NCCI_PTP): PtpPair | undefined {
  return table.pairs.find((x) => x.column1 === a && x.column2 === b) ?? table.pairs.find((x) => x.column1 === b && x.column2 === a);
}

export function mueFor(code: string, table: MueTable = MUE): MueValue | undefined {
  return table.values.find((v) => v.code === code);
}
