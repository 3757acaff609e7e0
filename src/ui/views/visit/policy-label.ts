// Which policy a verdict was reached under, in the payer's own terms: a commercial plan's guideline (eviCore
// CMM-200 for Summit, BCBSMA policy 690) with the Medicare baseline only for what it does not set; a commercial plan
// with no guideline of its own encoded for this service says so, rather than reading as if Medicare were its payer.
import type { Assessment } from '../../../policy/index';

export interface PolicyLabel {
  /** The policy the verdict is under, first: what the physician reads next to the verdict. */
  primary: string;
  /** The rest: what the baseline still decides, or why the baseline is used. */
  detail?: string;
}

export function policyLabel(a: Assessment): PolicyLabel {
  const overlay = a.policy.overlay;
  if (overlay)
    return {
      primary: `${a.payer.name}: ${overlay.document} (${overlay.version})`,
      detail: `${a.policy.citation.document} where it sets no rule`,
    };
  if (a.payer.fellBackToBaseline || a.payer.id === 'medicare' || a.policy.id === 'none') return { primary: a.policy.title };
  return {
    primary: a.policy.title,
    detail: `${a.payer.name} has no policy of its own for this service encoded in ClaimReady: the Medicare baseline is used`,
  };
}
