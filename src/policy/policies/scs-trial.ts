// Spinal cord stimulator trial (63650). NCD 160.7 (electrical nerve stimulators) is marked VERIFY in shared/policy
// and was not confirmed, so its psychological-evaluation rule and the pillars are unconfirmed warnings.
import type { PolicyDef } from './types';
import { psychEvaluationRequirement } from '../requirements/same-day';
import { pillarRequirements, unconfirmedPillars } from './unconfirmed-pillars';

const NOTE = 'shared/policy: "NCD 160.7 requires, before implantation, a successful trial and psychological evaluation — VERIFY the exact NCD text"; not confirmed, advice only.';

const params = {
  ...unconfirmedPillars('NCD 160.7', NOTE),
  psychEvaluation: { value: true as const, citation: { document: 'NCD 160.7', section: 'Electrical nerve stimulators: psychological evaluation before implantation', verified: false, note: NOTE } },
};

export const SCS_TRIAL: PolicyDef = {
  id: 'scs-trial',
  title: 'Spinal cord stimulator trial (NCD 160.7, unconfirmed)',
  citation: { document: 'NCD 160.7', section: 'Electrical Nerve Stimulators', verified: false, note: NOTE },
  kinds: ['scs-trial'],
  params,
  requirements: [...pillarRequirements(params), psychEvaluationRequirement('scs-psych-evaluation', params.psychEvaluation.citation)],
};
