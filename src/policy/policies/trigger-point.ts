// Trigger point injections (20552 1-2 muscles / 20553 3 or more; per session, not per muscle). The code structure
// is confirmed (CPT); no coverage text was read, so the pillars are unconfirmed advice.
import type { PolicyDef } from './def';
import { cite } from './cite';
import { muscleCountRequirement } from '../requirements/same-day';
import { pillarRequirements, unconfirmedPillars } from './unconfirmed-pillars';
import { familyKinds } from '../services';

const CODE_STRUCTURE = cite({
  ruleId: 'TPI-MUSCLES',
  document: 'CPT code structure (20552/20553)',
  section: 'Trigger point injections are reported per session by number of muscles: 1-2 or 3 or more',
  grade: 'P',
});

export const TRIGGER_POINT: PolicyDef = {
  id: 'trigger-point',
  title: 'Trigger point injection (no coverage text read)',
  citation: CODE_STRUCTURE,
  kinds: familyKinds('trigger-point'),
  versions: [
    {
      version: 'code structure only',
      from: '2000-01-01',
      params: {
        ...unconfirmedPillars('No coverage text read (trigger point injection)', 'No LCD for 20552/20553 was read; these are advice only.'),
        muscleCount: { value: true, citation: CODE_STRUCTURE },
      },
    },
  ],
  requirements: [...pillarRequirements(), muscleCountRequirement('tpi-muscle-count')],
};
