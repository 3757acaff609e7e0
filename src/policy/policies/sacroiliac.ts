// Sacroiliac joint injection (27096 / G0260). shared/policy marks any SI-joint LCD as VERIFY and none was confirmed,
// so only the documentation pillars are checked, as unconfirmed warnings.
import type { PolicyDef } from './types';
import { pillarRequirements, unconfirmedPillars } from './unconfirmed-pillars';

const params = unconfirmedPillars('No confirmed LCD (sacroiliac joint injection)', 'shared/policy: "Sacroiliac joint injection 27096 / G0260 — VERIFY any LCD"; no LCD text was confirmed, so these are advice only.');

export const SACROILIAC: PolicyDef = {
  id: 'sacroiliac',
  title: 'Sacroiliac joint injection (no confirmed payer policy)',
  citation: { document: 'No confirmed LCD (sacroiliac joint injection)', section: 'Documentation pillars only', verified: false },
  kinds: ['si-joint'],
  params,
  requirements: pillarRequirements(params),
};
