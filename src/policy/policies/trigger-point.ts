// Trigger point injections (20552 1-2 muscles / 20553 3 or more; per session, not per muscle). The code structure
// is confirmed (shared/policy, CPT structure); no coverage policy is, so the pillars are unconfirmed warnings.
import type { PolicyDef } from './types';
import { muscleCountRequirement } from '../requirements/same-day';
import { pillarRequirements, unconfirmedPillars } from './unconfirmed-pillars';

const params = {
  ...unconfirmedPillars('No confirmed LCD (trigger point injection)', 'shared/policy gives no coverage policy for 20552/20553; these are advice only.'),
  muscleCount: { value: true as const, citation: { document: 'CPT code structure (20552/20553)', section: 'Trigger point injections are reported per session by number of muscles: 1-2 or 3 or more', verified: true } },
};

export const TRIGGER_POINT: PolicyDef = {
  id: 'trigger-point',
  title: 'Trigger point injection (no confirmed payer policy)',
  citation: { document: 'CPT code structure (20552/20553)', section: 'Per session by number of muscles', verified: true },
  kinds: ['trigger-point'],
  params,
  requirements: [...pillarRequirements(params), muscleCountRequirement('tpi-muscle-count', params.muscleCount.citation)],
};
