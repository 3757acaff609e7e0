// What keeps a packet from being requested although its bundle would conform: a request with no valid ICD-10-CM
// diagnosis (a SNOMED-only problem list; a deleted code dropped), and a service the assessment found not eligible.
// Prior-auth staff send a request the payer can approve: a not-eligible service (a third facet level, an uncovered
// diagnosis, a repeat after a failed session) goes back to the ordering clinician to change the order or the
// documentation, rather than out as a request with the uncovered part silently dropped (which levels to drop is the
// clinician's decision, not ClaimReady's). The packet is still built and shown, so the reasons can be read there.
// Nor is a packet built from a record the EHR failed to send in full: it would lack evidence the chart holds, and
// the next launch, reading it all, would build (and save) a second, different packet for the same request.
import type { ClinicalPicture, PlannedService } from '../../policy/picture';
import { uncodedMessage } from '../../policy/requirements/uncoded';
import type { Assessment, CodingSuggestion } from '../../policy/verdicts';
import type { PasViolation } from './violation';

export const RULE_NO_DIAGNOSIS = 'request-diagnosis';
export const RULE_NOT_ELIGIBLE = 'request-not-eligible';
export const RULE_READ_INCOMPLETE = 'request-read-incomplete';

export function requestRefusals(
  input: { picture: ClinicalPicture; service: PlannedService; assessment: Assessment; coding: CodingSuggestion },
  diagnoses: readonly { code: string }[],
): PasViolation[] {
  const out: PasViolation[] = [];
  const unread = input.picture.dataIssues.filter((i) => i.transient);
  if (unread.length > 0) {
    out.push({
      rule: RULE_READ_INCOMPLETE,
      path: 'Bundle',
      message: `part of the chart did not arrive from the EHR just now (${unread
        .slice(0, 2)
        .map((i) => i.message.replace(/\.$/, ''))
        .join(
          '; ',
        )}${unread.length > 2 ? `; and ${unread.length - 2} more` : ''}): relaunch ClaimReady so the packet is built from the whole record`,
    });
  }
  if (diagnoses.length === 0) {
    const uncoded = uncodedMessage(input.picture.diagnoses, input.service, input.coding.dateOfService);
    const flagged = input.coding.diagnoses.filter((d) => !d.billable).map((d) => d.code);
    out.push({
      rule: RULE_NO_DIAGNOSIS,
      path: 'Claim.diagnosis',
      message: `the request states no ICD-10-CM diagnosis valid on ${input.coding.dateOfService}${
        flagged.length ? ` (${flagged.join(', ')} cannot be billed on that date)` : ''
      }: ${uncoded ? uncoded.message.replace(/\.$/, '') : 'code the condition treated in ICD-10-CM on the order or the problem list'}`,
    });
  }
  if (input.assessment.verdict === 'not-eligible') {
    const unmet = input.assessment.findings.filter((f) => f.status === 'not-met' && f.severity === 'blocker').map((f) => f.message);
    out.push({
      rule: RULE_NOT_ELIGIBLE,
      path: 'Claim.item',
      message: `not requested: ${input.service.code} as ordered does not meet ${input.assessment.payer.name}'s coverage rules (${
        unmet.join(' ') || 'see the assessment'
      }); change the order or the documentation with the ordering clinician, then build the packet again`,
    });
  }
  return out;
}
