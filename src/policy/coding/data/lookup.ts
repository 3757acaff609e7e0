// Look-ups into the code tables, indexed once per table.
import { MUE } from './mue';
import { NCCI_PTP } from './ncci-ptp';
import type { MueTable, MueValue, PtpPair, PtpTable } from './tables';

const ptpIndex = new WeakMap<PtpTable, Map<string, PtpPair>>();
const mueIndex = new WeakMap<MueTable, Map<string, MueValue>>();

/** The pair in either order (column 1 first in the answer), or undefined. */
export function ptpPair(a: string, b: string, table: PtpTable = NCCI_PTP): PtpPair | undefined {
  let index = ptpIndex.get(table);
  if (!index) {
    index = new Map(table.pairs.map((x) => [`${x.column1}|${x.column2}`, x]));
    ptpIndex.set(table, index);
  }
  return index.get(`${a}|${b}`) ?? index.get(`${b}|${a}`);
}

export function mueFor(code: string, table: MueTable = MUE): MueValue | undefined {
  let index = mueIndex.get(table);
  if (!index) {
    index = new Map(table.values.map((v) => [v.code, v]));
    mueIndex.set(table, index);
  }
  return index.get(code);
}
