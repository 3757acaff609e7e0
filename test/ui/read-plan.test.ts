import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/ui/read-plan';
import { grantedAccess } from '../../src/fhir/scopes';
import { DEFAULT_TYPES } from '../../src/fhir/read';

describe('readPlan', () => {
  it('reads everything a full v2 grant allows and skips nothing', () => {
    const plan = readPlan(grantedAccess('launch openid fhirUser patient/*.rs').canRead);
    expect(plan.types).toEqual([...DEFAULT_TYPES]);
    expect(plan.skipped).toEqual([]);
    expect(plan.essentialMissing).toEqual([]);
  });

  it('skips a withheld type with a visible warning and keeps judging', () => {
    const scope = DEFAULT_TYPES.filter((t) => t !== 'Observation').map((t) => `patient/${t}.read`).join(' ');
    const plan = readPlan(grantedAccess(scope).canRead);
    expect(plan.types).not.toContain('Observation');
    expect(plan.skipped).toEqual([expect.objectContaining({ resourceType: 'Observation', severity: 'warning' })]);
    expect(plan.essentialMissing).toEqual([]);
  });

  it('refuses to judge (denied-scope screen) without diagnoses or procedures', () => {
    const plan = readPlan(grantedAccess('launch patient/Patient.rs patient/Observation.rs').canRead);
    expect(plan.essentialMissing).toEqual(['Condition', 'Procedure']);
  });
});
