// The one table from a payer's coded denial reason to the assessed policy's clause (src/policy/denial-reasons.ts):
// the clause is the rule the service was assessed under (policy version, payer overlay), only the rules that
// applied to it, and a reason the table does not know is said to be unmapped instead of guessed.
import { describe, expect, it } from 'vitest';
import { DENIAL_REASONS, SANDBOX_DENIAL_SYSTEM, denialClause, type DenialClause } from '../../src/policy/denial-reasons';
import { assess } from '../../src/policy/assess';
import { POLICIES } from '../../src/policy/policies/index';
import { DENIAL_SYSTEM } from '../../launch/sandbox/payer/decisions';
import { TODAY, esiPicture, facetPicture, mbb, service, tfesi } from './build';
import type { Citation } from '../../src/policy/verdicts';

const code = (c: string) => ({ system: SANDBOX_DENIAL_SYSTEM, code: c });
function clauses(d: DenialClause): Citation[] {
  if (!d.mapped) throw new Error(d.why);
  return d.clauses;
}

describe('denialClause', () => {
  it("a frequency denial of a Medicare ESI names the LCD's frequency rule with its document, version and section", () => {
    const a = assess(esiPicture(), tfesi(), 'MEDICARE', TODAY);
    const [c, ...rest] = clauses(denialClause(code('frequency'), a, TODAY));
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ ruleId: 'ESI-FREQUENCY', document: 'LCD L39242 family (L39240 / A58993)', grade: 'S1' });
    expect(c!.version).toBe('revision 2026-04-16 (rules carried over; revision text not read)');
    expect(c!.section).toMatch(/4 .*per spinal region.*12 months/i);
  });

  it('the version follows the date of service: before the 2026-04-16 revision the earlier one is named', () => {
    const s = tfesi({ date: '2026-01-10' });
    const a = assess(esiPicture(), s, 'MEDICARE', '2026-01-05');
    expect(clauses(denialClause(code('frequency'), a, '2026-01-10'))[0]!.version).toBe('until 2026-04-15');
  });

  it("under BCBSMA's overlay the clause is BCBSMA policy 690's, not the LCD's", () => {
    const p = esiPicture();
    p.coverages[0] = { ...p.coverages[0]!, payerId: 'BCBSMA', payerName: 'Blue Cross Blue Shield of Massachusetts', typeCode: '6' };
    const a = assess(p, tfesi(), 'BCBSMA', TODAY);
    expect(clauses(denialClause(code('frequency'), a, TODAY)).map((c) => [c.ruleId, c.document])).toEqual([
      ['BCBSMA-690-FREQUENCY', 'BCBSMA Medical Policy 690'],
    ]);
    expect(clauses(denialClause(code('conservative-care'), a, TODAY)).map((c) => c.ruleId)).toEqual([
      'BCBSMA-690-CONSERVATIVE',
      'ESI-CONSERVATIVE',
    ]);
  });

  it('a facet diagnostic block: only the diagnostic frequency rule applied, so only it is named', () => {
    const a = assess(facetPicture(), mbb(), 'MEDICARE', TODAY);
    expect(clauses(denialClause(code('frequency'), a, TODAY)).map((c) => c.ruleId)).toEqual(['FJ-FREQUENCY-DX']);
  });

  it('says plainly when the code is unknown, from another code system, or absent', () => {
    const a = assess(esiPicture(), tfesi(), 'MEDICARE', TODAY);
    expect(denialClause({ system: SANDBOX_DENIAL_SYSTEM, code: 'weather' }, a, TODAY)).toEqual({
      mapped: false,
      code: 'weather',
      why: `The payer's reason code weather (${SANDBOX_DENIAL_SYSTEM}) is not in ClaimReady's table: no policy clause is named for it.`,
    });
    // X12 886 (the PAS binding) is licensed and not in the packages: nothing in it is mapped, even a code we use.
    expect(denialClause({ system: 'https://codesystem.x12.org/external/886', code: 'frequency' }, a, TODAY).mapped).toBe(false);
    expect(denialClause(undefined, a, TODAY)).toMatchObject({ mapped: false, why: expect.stringMatching(/no reason code/) });
  });

  it('a mapped reason the policy has no rule for names no clause (the view says the policy has none)', () => {
    // Trigger-point injections: no LCD was read, so no frequency rule is set.
    const a = assess(esiPicture(), service('20552', 'trigger-point'), 'MEDICARE', TODAY);
    expect(denialClause(code('frequency'), a, TODAY)).toMatchObject({ mapped: true, code: 'frequency', clauses: [] });
  });
});

describe('the table', () => {
  it('every row names rules some policy version sets, and no code twice', () => {
    for (const row of DENIAL_REASONS) {
      const set = POLICIES.some((p) => p.versions.some((v) => row.slots.some((s) => v.params[s] !== undefined)));
      expect(set, row.code).toBe(true);
    }
    const keys = DENIAL_REASONS.map((r) => `${r.system}|${r.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("the sandbox payer's copy of the code system is the same system", () => {
    expect(DENIAL_SYSTEM).toBe(SANDBOX_DENIAL_SYSTEM);
  });
});
