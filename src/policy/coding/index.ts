// The coding core's public face.
export { suggestCoding, distinctSite, type SuggestOptions } from './suggest';
export { validateLines, type EditContext } from './edits';
export { buildDiagnoses, pointersFor, MAX_DIAGNOSES, MAX_POINTERS } from './diagnoses';
export { linesForService, serviceForLine, isSidedCode } from './lines';
export { KNOWN_MODIFIERS, PTP_MODIFIERS } from './edits-claim';
export { NCCI_PTP, ptpPair, type PtpPair, type PtpTable } from './data/ncci-ptp';
export { MUE, mueFor, type MueValue, type MueTable } from './data/mue';
export { bilateralStyleFor, type BilateralStyle } from './data/payer-coding';
