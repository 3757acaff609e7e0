// Held-out policy cases for ClaimReady, written from the coverage TEXTS (not from src/policy/requirements or
// src/policy/policies). Each case is plain data: a ClinicalPicture, one PlannedService, a payer id, `today`, and the
// verdict the text implies (case.ts). They live by policy and topic in the *.cases.ts files next to this one, which
// share the fact builders (facts.ts), the complete baselines (baselines.ts) and the sources as read (sources.ts); a
// new topic is a new *.cases.ts file listed here.
import { ESI_INDICATION_CASES } from './esi-indication.cases';
import { ESI_LIMITS_CASES } from './esi-limits.cases';
import { FACET_DIAGNOSIS_CASES } from './facet-diagnosis.cases';
import { FACET_INDICATION_CASES } from './facet-indication.cases';
import { FACET_RFA_CASES } from './facet-rfa.cases';
import { COMMERCIAL_CASES } from './commercial.cases';
import { SI_JOINT_CASES } from './si-joint.cases';
import type { PolicyCase } from './case';

export type { Grade, PayerId, PolicyCase, Topic } from './case';
export { SRC } from './sources';

export const CASES: readonly PolicyCase[] = [
  ...ESI_INDICATION_CASES,
  ...ESI_LIMITS_CASES,
  ...FACET_DIAGNOSIS_CASES,
  ...FACET_INDICATION_CASES,
  ...FACET_RFA_CASES,
  ...COMMERCIAL_CASES,
  ...SI_JOINT_CASES,
];
