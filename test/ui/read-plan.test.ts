import { describe, expect, it } from 'vitest';
import { essentialReadsMissing } from '../../src/ui/read-plan';
import { grantedAccess } from '../../src/fhir/session/scopes';
import { DEFAULT_TYPES } from '../../src/fhir/read/read';

describe('essentialReadsMissing', () => {
  it('is empty for a full v2 grant and for one that withholds only Observation', () => {
    expect(essentialReadsMissing(grantedAccess('launch openid fhirUser patient/*.rs').canRead)).toEqual([]);
    const scope = DEFAULT_TYPES.filter((t) => t !== 'Observation')
      .map((t) => `patient/${t}.read`)
      .join(' ');
    expect(essentialReadsMissing(grantedAccess(scope).canRead)).toEqual([]);
  });

  it('names what is missing (denied-scope screen) without diagnoses or procedures', () => {
    expect(essentialReadsMissing(grantedAccess('launch patient/Patient.rs patient/Observation.rs').canRead)).toEqual([
      'Condition',
      'Procedure',
    ]);
  });
});
