// The payer's `validate` hook: the PAS conformance validator of the packet work (official PAS 2.2.1 + US Core
// StructureDefinitions), errors only, one line each, so the 422 OperationOutcome names every one.
import { formatIssues, validatePasConformance } from '../conformance/index';

export function payerConformance(bundle: unknown): string[] {
  return formatIssues(validatePasConformance(bundle).errors);
}
