// Medicare "Facet Joint Interventions for Pain Management" (L38803 family: L38801 (Noridian, article A58403),
// L38765, L38841, L34892, L35936 ...), effective for services from 2021-04-25. Two policies read the same versions:
// facet injections (diagnostic blocks and therapeutic joint injections, 64490-64495) and ablation (64633-64636).
// Grades: P = the CGS facet page (https://www.cgsmedicare.com/parta/pa/subs/facet.html) or a verbatim quotation of
// the LCD; S1 = the Noridian rubric restating L38801 / A58403 (2025-02-26). The LCD body was not read directly.
// The requirements each facet policy checks; their thresholds and citations, per version, are in lcd-facet-versions.ts.
import type { Citation } from '../verdicts';
import type { PolicyDef } from './def';
import {
  closedListRequirement,
  codeValidityRequirement,
  excludedPathologyRequirement,
  symptomRequirement,
} from '../requirements/diagnosis';
import {
  conservativeFailureRequirement,
  functionalRequirement,
  painDurationRequirement,
  painScaleRequirement,
} from '../requirements/pillars';
import { imageGuidanceRequirement, levelLimitRequirement, siteConsistencyRequirement } from '../requirements/site';
import { injectionIntentRequirement } from '../requirements/intent';
import {
  ablationNotPossibleRequirement,
  diagnosticBlocksRequirement,
  noBlockAfterAblationRequirement,
  secondBlockRequirement,
} from '../requirements/diagnostic-blocks';
import { frequencyRequirement, reliefRequirement } from '../requirements/history';
import { sameDayEmRequirement, sameSessionBlocksRequirement, sedationRequirement } from '../requirements/same-day';
import type { Requirement } from '../requirements/common';
import { BLOCKS, DOCUMENT, FACET_BLOCK_VERSIONS, FACET_COVERED_ICD10, FACET_RFA_VERSIONS, RFA } from './lcd-facet-versions';

function commonRequirements(): Requirement[] {
  return [
    closedListRequirement('facet-diagnosis'),
    codeValidityRequirement('dx-code-valid'),
    symptomRequirement(
      'facet-axial',
      'Predominantly axial pain; no untreated radiculopathy or neurogenic claudication',
      FACET_COVERED_ICD10,
    ),
    excludedPathologyRequirement('facet-other-pathology'),
    painDurationRequirement('facet-pain-duration'),
    painScaleRequirement('pain-scale'),
    functionalRequirement('functional-impairment'),
    conservativeFailureRequirement('conservative-failed'),
    imageGuidanceRequirement('facet-image-guidance'),
    levelLimitRequirement('facet-levels'),
    siteConsistencyRequirement('site-consistency'),
  ];
}

const POLICY_CITATION: Citation = {
  ruleId: 'FJ',
  document: DOCUMENT,
  section: 'Facet Joint Interventions for Pain Management',
  grade: 'S1',
  verified: true,
};

export const LCD_FACET_BLOCK: PolicyDef = {
  id: 'lcd-facet-block',
  title: 'Facet joint injection / medial branch block (Medicare LCD L38803 family)',
  citation: POLICY_CITATION,
  kinds: BLOCKS,
  versions: FACET_BLOCK_VERSIONS,
  requirements: [
    ...commonRequirements(),
    injectionIntentRequirement('facet-intent'),
    frequencyRequirement(
      'facet-frequency-diagnostic',
      'Diagnostic block sessions per spinal region within the rolling-window limit',
      (p) => p.frequencyRegion,
    ),
    frequencyRequirement(
      'facet-frequency-therapeutic',
      'Therapeutic joint injection sessions per spinal region within the rolling-window limit',
      (p) => p.frequencyTherapeutic,
    ),
    secondBlockRequirement('facet-second-block'),
    noBlockAfterAblationRequirement('facet-no-block-after-rfa'),
    diagnosticBlocksRequirement(
      'facet-ia-diagnostic-blocks',
      'A therapeutic joint injection needs two diagnostic blocks with at least 80% relief',
    ),
    ablationNotPossibleRequirement('facet-ia-not-rfa-candidate'),
    reliefRequirement('facet-ia-repeat', 'A repeat therapeutic joint injection needs at least 50% relief for 3 months'),
    sameSessionBlocksRequirement('same-session-blocks'),
    sedationRequirement('sedation'),
    sameDayEmRequirement('same-day-em'),
  ],
};

export const LCD_FACET_RFA: PolicyDef = {
  id: 'lcd-facet-rfa',
  title: 'Facet radiofrequency ablation (Medicare LCD L38803 family)',
  citation: POLICY_CITATION,
  kinds: RFA,
  versions: FACET_RFA_VERSIONS,
  requirements: [
    ...commonRequirements(),
    frequencyRequirement(
      'facet-frequency-region',
      'RFA sessions per spinal region within the rolling-window limit',
      (p) => p.frequencyRegion,
    ),
    diagnosticBlocksRequirement(
      'rfa-diagnostic-blocks',
      'Diagnostic blocks with enough relief before a first ablation (or when the last is more than 2 years old)',
    ),
    reliefRequirement('rfa-repeat-relief', 'A repeat ablation needs at least 50% relief lasting 6 months after the previous one'),
    sedationRequirement('sedation'),
    sameDayEmRequirement('same-day-em'),
  ],
};
