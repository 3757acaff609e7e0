// The four documentation pillars for services without a confirmed payer policy in shared/policy: every threshold is
// marked unverified, so each finding is a warning that says the rule is unconfirmed and never decides the verdict.
import type { Citation } from '../verdicts';
import type { PolicyParams } from './types';
import { codeValidityRequirement } from '../requirements/diagnosis';
import { conservativeFailureRequirement, functionalRequirement, painScaleRequirement } from '../requirements/pillars';
import { siteConsistencyRequirement } from '../requirements/site';
import { sameDayEmRequirement } from '../requirements/same-day';
import { SHARED } from './shared-citations';

export function unconfirmedPillars(document: string, note: string): PolicyParams {
  const c = (section: string): Citation => ({ document, section, verified: false, note });
  return {
    codeValidity: { value: true, citation: SHARED.icd10 },
    painScale: { value: { maxAgeDays: 30 }, citation: c('Documentation pillar: validated pain scale (30-day recency is a ClaimReady parameter)') },
    functional: { value: { maxAgeDays: 30 }, citation: c('Documentation pillar: functional impairment') },
    conservativeFailure: { value: { contraindicatedSatisfies: true }, citation: c('Documentation pillar: failed conservative care') },
    siteConsistency: { value: true, citation: c('Documentation pillar: site and side consistent between order and note') },
    sameDayEm: { value: true, citation: SHARED.modifier25 },
  };
}

export function pillarRequirements(p: PolicyParams) {
  return [
    codeValidityRequirement('dx-code-valid', p.codeValidity!.citation),
    painScaleRequirement('pain-scale', p.painScale!.citation),
    functionalRequirement('functional-impairment', p.functional!.citation),
    conservativeFailureRequirement('conservative-failed', p.conservativeFailure!.citation),
    siteConsistencyRequirement('site-consistency', p.siteConsistency!.citation),
    sameDayEmRequirement('same-day-em', p.sameDayEm!.citation),
  ];
}
