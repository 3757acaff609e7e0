// The CLI's --json names where the payer came from (payerSource): the coverage the workflow resolved the payer by,
// not the first coverage the chart lists (a secondary plan listed first once lent its reference), and none when the
// payer was named with --payer.
import { describe, expect, it } from 'vitest';
import { payerFor, payerSourceRef, primaryCoverageId } from '../../src/workflow/index';
import type { CoverageFact } from '../../src/policy/index';
import { seedPicture } from './helpers';

const secondary: CoverageFact = {
  id: 'cov-secondary',
  status: 'active',
  payerId: 'BCBSMA',
  payerName: 'Blue Cross Blue Shield of Massachusetts',
  order: 2,
  source: 'coded',
  evidence: [{ ref: 'Coverage/cov-secondary', display: 'Coverage' }],
};

describe('payerSourceRef', () => {
  it('is the primary coverage the payer was resolved from, though a secondary plan is listed first', async () => {
    const p = await seedPicture('pt-cervical-summit');
    p.coverages = [secondary, ...p.coverages];
    expect(payerFor(p).payer.id).toBe('summit');
    const ref = payerSourceRef(p);
    expect(ref).toBe(`Coverage/${primaryCoverageId(p)}`);
    expect(ref).not.toBe('Coverage/cov-secondary');
  });

  it('is none when the payer was named explicitly', async () => {
    const p = await seedPicture('pt-cervical-summit');
    expect(payerSourceRef(p, 'bcbsma')).toBeUndefined();
  });
});
