import { describe, expect, it } from 'vitest';
import type { FhirResource, Organization, Practitioner } from 'fhir/r4';
import { clinicFor } from '../../src/ui/clinic';

const index = (...rs: FhirResource[]) => new Map(rs.map((r) => [`${r.resourceType}/${r.id}`, r]));
const prac: Practitioner = { resourceType: 'Practitioner', id: 'dr', name: [{ family: 'Okafor' }] };
const clinic: Organization = { resourceType: 'Organization', id: 'clinic', name: 'Spine Clinic' };

describe('clinicFor', () => {
  it('takes the clinician from the order and the organization from the visit', () => {
    const got = clinicFor(
      index(
        {
          resourceType: 'ServiceRequest',
          id: 's1',
          status: 'active',
          intent: 'order',
          subject: { reference: 'Patient/p' },
          requester: { reference: 'Practitioner/dr' },
        },
        {
          resourceType: 'Encounter',
          id: 'e1',
          status: 'finished',
          class: { code: 'AMB' },
          serviceProvider: { reference: 'Organization/clinic' },
        },
        prac,
        clinic,
      ),
      { requestRefs: ['ServiceRequest/s1'], encounterId: 'e1', patientId: 'p' },
    );
    expect(got?.practitioner).toMatchObject({ id: 'dr' });
    expect(got?.organization).toMatchObject({ id: 'clinic' });
  });

  it("falls back to the signed-in clinician and the patient's managing organization", () => {
    const got = clinicFor(
      index({ resourceType: 'Patient', id: 'p', managingOrganization: { reference: 'Organization/clinic' } }, prac, clinic),
      {
        requestRefs: [undefined],
        patientId: 'p',
        user: 'Practitioner/dr',
      },
    );
    expect(got).toBeDefined();
  });

  it('says nothing rather than guessing when either party is unknown', () => {
    expect(clinicFor(index(prac), { requestRefs: [], patientId: 'p', user: 'Practitioner/dr' })).toBeUndefined();
  });
});
