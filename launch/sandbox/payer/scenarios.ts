// Which decision each seed patient's prior-auth requests get from the sandbox payer. One table, so demos and e2e tests
// know what to expect; tests override it per patient (SandboxOptions.payer.scenarios). Every patient here has a
// packet that nothing blocks, so each decision can be reached from the app.
import type { Scenario } from './decisions';

export const SEED_SCENARIOS: Readonly<Record<string, Scenario>> = {
  'pt-radic-ready': 'approve',
  'pt-facet-rfa-ready': 'pend-then-approve',
  'pt-stenosis-bcbsma': 'deny',
  'pt-mbb-right': 'more-info',
  'pt-mbb-bilateral': 'partial',
  'pt-esi-repeat-good': 'approve-short',
};

export function scenarioFor(overrides: Readonly<Record<string, Scenario>> = {}): (patientId: string) => Scenario {
  return (patientId) => overrides[patientId] ?? SEED_SCENARIOS[patientId] ?? 'approve';
}
