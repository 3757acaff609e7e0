// An unknown commercial payer is assessed against the Medicare baseline criteria, but Medicare's prior-authorization
// programs are not its rules: WISeR (CMS WISeR model, 90 FR 28749, 2025-07-01) and the OPD prior-authorization list
// are Medicare fee-for-service programs (src/policy/prior-auth.ts cites both), so prior auth "depends" on the plan's
// own list, while Original Medicare in a WISeR state requires it for the same service.
import { describe, expect, it } from 'vitest';
import { checkServices } from '../../src/workflow/check';
import type { CoverageFact } from '../../src/policy/picture';
import { esiPicture, tfesi, TODAY } from './build';

const cov = (over: Partial<CoverageFact>): CoverageFact => ({ id: 'c', status: 'active', source: 'coded', evidence: [], ...over });
const service = tfesi({ location: { state: 'NJ', source: 'coded', evidence: [] } });

describe('prior authorization for a payer ClaimReady does not know', () => {
  it('is "depends" on the plan\'s own list, never WISeR, for an Aetna commercial plan rendered in NJ', () => {
    const p = esiPicture();
    p.coverages = [cov({ payerName: 'Aetna Choice POS II', payerId: '60054' })];
    const [a] = checkServices(p, [service], { today: TODAY }).assessments;
    expect(a!.payer.fellBackToBaseline).toBe(true);
    expect(a!.priorAuth.required).toBe('depends');
    expect(a!.priorAuth.program).toBeUndefined();
    expect(a!.priorAuth.reason).toMatch(/prior-authorization rules are not on file/);
  });

  it('while Original Medicare in the same WISeR state requires it', () => {
    const p = esiPicture();
    p.coverages = [cov({ payerName: 'Medicare Part B' })];
    const [a] = checkServices(p, [service], { today: TODAY }).assessments;
    expect(a!.priorAuth.required).toBe(true);
    expect(a!.priorAuth.program).toContain('WISeR');
  });
});
