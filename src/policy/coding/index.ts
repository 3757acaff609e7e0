// The coding core's public face.
export { suggestCoding, distinctSite, type SuggestOptions } from './suggest';
export { validateLines, type EditContext } from './edits';
export { buildDiagnoses, pointersFor, MAX_DIAGNOSES, MAX_POINTERS } from './diagnoses';
export { linesForService, serviceForLine, isSidedCode } from './lines';
export { KNOWN_MODIFIERS, PTP_MODIFIERS } from './edits-claim';
export { NCCI_PTP } from './data/ncci-ptp';
export { MUE } from './data/mue';
export { mueFor, ptpPair } from './data/lookup';
export type { MueTable, MueValue, PtpPair, PtpTable } from './data/tables';
export { bilateralStyleFor, type BilateralStyle } from './data/payer-coding';
