// All coding edits for a set of lines. The suggestion and the Coding review view run the same function, so a
// coder's change is judged exactly as the suggestion was.
import type { CodedDiagnosis, CodingEdit, CodingLine } from '../verdicts';
import type { ClinicalPicture, PlannedService } from '../picture';
import { addOnEdits, bundlingEdits, codeEdits, emEdits, mueEdits, ptpEdits } from './edits-claim';
import { diagnosisEdits, frequencyEdits, siteEdits } from './edits-clinical';
import { kxEdits } from './edits-kx';

export interface EditContext {
  picture: ClinicalPicture;
  services: readonly PlannedService[];
  dateOfService: string;
  /** The payer the claim goes to, when known (Medicare-only edits such as KX). */
  payerId?: string;
}

const ORDER: Record<CodingEdit['severity'], number> = { error: 0, warning: 1, info: 2 };

export function validateLines(lines: readonly CodingLine[], diagnoses: readonly CodedDiagnosis[], ctx: EditContext): CodingEdit[] {
  const edits = [
    ...codeEdits(lines),
    ...addOnEdits(lines),
    ...bundlingEdits(lines),
    ...ptpEdits(lines),
    ...mueEdits(lines),
    ...emEdits(lines, ctx.picture, ctx.dateOfService),
    ...diagnosisEdits(lines, diagnoses, ctx.dateOfService),
    ...siteEdits(lines, ctx.picture, ctx.services, ctx.dateOfService),
    ...frequencyEdits(lines, ctx.picture, ctx.services, ctx.dateOfService),
    ...kxEdits(lines, ctx.picture, ctx.services, ctx.dateOfService, ctx.payerId),
  ];
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => ORDER[a.e.severity] - ORDER[b.e.severity] || a.i - b.i)
    .map((x) => x.e);
}
