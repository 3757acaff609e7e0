// The diagnoses a request states: those on the order and those a claim line points at, in the coder's order.
// A comorbidity the chart lists (hypertension, cataract) is not part of a spine-procedure request. At most 12
// (only the first 12 map to the X12 278: PASClaim.diagnosis ^short). Only codes valid on the date of service: the
// coding's own decision (a deleted code such as M54.5, or a header, is flagged there and pointed at by no line), so
// the packet never requests with a code the claim would not carry.
import { codeProblem } from '../../policy/icd10';
import type { PlannedService } from '../../policy/picture';
import type { CodingSuggestion } from '../../policy/verdicts';

export const MAX_DIAGNOSES = 12;

export interface RequestDiagnoses {
  list: { code: string; label: string }[];
  /** A coding line's diagnosis pointers (1-based into coding.diagnoses) as sequences into `list`. */
  remap: (pointers: readonly number[]) => number[];
}

export function requestDiagnoses(coding: CodingSuggestion, service: PlannedService): RequestDiagnoses {
  const pointed = new Set(coding.lines.flatMap((l) => l.diagnosisPointers));
  const onOrder = new Set(service.reasonIcd10);
  const keep = coding.diagnoses
    .map((d, i) => ({ d, old: i + 1 }))
    .filter(({ d, old }) => d.billable && (pointed.has(old) || onOrder.has(d.code)))
    .slice(0, MAX_DIAGNOSES);
  // Without a coding suggestion (no lines), the order's own reasons, with the same validity test.
  const list = keep.length
    ? keep.map(({ d }) => ({ code: d.code, label: d.label }))
    : coding.diagnoses.length
      ? []
      : service.reasonIcd10
          .filter((code) => codeProblem(code, coding.dateOfService) === undefined)
          .slice(0, MAX_DIAGNOSES)
          .map((code) => ({ code, label: '' }));
  const seq = new Map(keep.map(({ old }, i) => [old, i + 1]));
  return { list, remap: (pointers) => pointers.map((p) => seq.get(p)).filter((n): n is number => n !== undefined) };
}
