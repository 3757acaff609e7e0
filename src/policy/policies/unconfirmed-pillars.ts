// The documentation pillars for services whose coverage text was not read: every threshold is graded 'none', so each
// finding is advice that says the rule is unconfirmed and never decides the verdict.
import type { PolicyParams } from './types';
import type { Requirement } from '../requirements/common';
import { cite } from './cite';
import { codeValidityRequirement } from '../requirements/diagnosis';
import { conservativeFailureRequirement, functionalRequirement, painScaleRequirement } from '../requirements/pillars';
import { siteConsistencyRequirement } from '../requirements/site';
import { sameDayEmRequirement } from '../requirements/same-day';
import { BASELINE_RECENCY_DAYS, SHARED } from './shared-citations';

export function unconfirmedPillars(document: string, note: string): PolicyParams {
  const c = (ruleId: string, section: string) => cite({ ruleId, document, section, grade: 'none', note });
  return {
    codeValidity: { value: true, citation: SHARED.icd10 },
    painScale: {
      value: { maxAgeDays: BASELINE_RECENCY_DAYS },
      citation: c(
        'PILLAR-PAIN',
        `Documentation pillar: validated pain scale (${BASELINE_RECENCY_DAYS}-day recency is a ClaimReady parameter)`,
      ),
    },
    functional: {
      value: { maxAgeDays: BASELINE_RECENCY_DAYS },
      citation: c('PILLAR-FUNCTION', 'Documentation pillar: functional impairment'),
    },
    conservativeFailure: {
      value: { contraindicatedSatisfies: true },
      citation: c('PILLAR-CONSERVATIVE', 'Documentation pillar: failed conservative care'),
    },
    siteConsistency: { value: true, citation: c('PILLAR-SITE', 'Documentation pillar: site and side consistent between order and note') },
    sameDayEm: { value: true, citation: SHARED.modifier25 },
  };
}

export function pillarRequirements(): Requirement[] {
  return [
    codeValidityRequirement('dx-code-valid'),
    painScaleRequirement('pain-scale'),
    functionalRequirement('functional-impairment'),
    conservativeFailureRequirement('conservative-failed'),
    siteConsistencyRequirement('site-consistency'),
    sameDayEmRequirement('same-day-em'),
  ];
}
