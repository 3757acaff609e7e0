// Spinal cord stimulator trial (63650). NCD 160.7 was read only as a summary (S2: five conditions, no percentage;
// the ">= 50% trial" is the contractors' and commercial plans'), so its psychological-evaluation rule and the
// pillars are advice.
import type { PolicyDef } from './def';
import { cite } from './cite';
import { psychEvaluationRequirement } from '../requirements/same-day';
import { pillarRequirements, unconfirmedPillars } from './unconfirmed-pillars';
import { familyKinds } from '../services';

const NOTE =
  'NCD 160.7 read only as a summary (S2): multidisciplinary screening including psychological evaluation before implantation; advice only.';
const PSYCH = cite({
  ruleId: 'SCS-PSYCH',
  document: 'NCD 160.7',
  section: 'Electrical nerve stimulators: psychological and physical evaluation before implantation',
  grade: 'S2',
  note: NOTE,
});

export const SCS_TRIAL: PolicyDef = {
  id: 'scs-trial',
  title: 'Spinal cord stimulator trial (NCD 160.7, summary only)',
  citation: cite({ ruleId: 'SCS', document: 'NCD 160.7', section: 'Electrical Nerve Stimulators', grade: 'S2', note: NOTE }),
  kinds: familyKinds('scs-trial'),
  versions: [
    {
      version: 'as summarised (text not read)',
      from: '2000-01-01',
      params: { ...unconfirmedPillars('NCD 160.7', NOTE), psychEvaluation: { value: true, citation: PSYCH } },
    },
  ],
  requirements: [...pillarRequirements(), psychEvaluationRequirement('scs-psych-evaluation')],
};
