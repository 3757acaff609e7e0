// Who requests the packet, as the chart records it (the app shell and the CLI both call clinicFromChart).
import { describe, expect, it } from 'vitest';
import type { FhirResource, Organization, Practitioner } from 'fhir/r4';
import { clinicFromChart } from '../../src/writeback/clinic';

const index = (...rs: FhirResource[]) => new Map(rs.map((r) => [`${r.resourceType}/${r.id}`, r]));
const prac: Practitioner = { resourceType: 'Practitioner', id: 'dr', name: [{ family: 'Okafor' }] };
const clinic: Organization = { resourceType: 'Organization', id: 'clinic', name: 'Spine Clinic' };
const order = (requester: string): FhirResource => ({
  resourceType: 'ServiceRequest',
  id: 's1',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p' },
  requester: { reference: requester },
});

describe('clinicFromChart', () => {
  it('takes the clinician from the order and the organization from the visit', () => {
    const got = clinicFromChart(
      index(
        order('Practitioner/dr'),
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
    expect(got.clinic?.practitioner).toMatchObject({ id: 'dr' });
    expect(got.clinic?.organization).toMatchObject({ id: 'clinic' });
    expect(got.missing).toEqual([]);
  });

  it("follows a PractitionerRole requester to its clinician and clinic, and keeps the role's phone", () => {
    const got = clinicFromChart(
      index(
        order('PractitionerRole/r1'),
        {
          resourceType: 'PractitionerRole',
          id: 'r1',
          practitioner: { reference: 'Practitioner/dr' },
          organization: { reference: 'Organization/clinic' },
          telecom: [
            { system: 'phone', value: '555-0100', use: 'work' },
            { system: 'phone', value: '555-0199', use: 'home' },
          ],
        },
        prac,
        clinic,
      ),
      { requestRefs: ['ServiceRequest/s1'], patientId: 'p' },
    );
    expect(got.clinic?.practitioner).toMatchObject({ id: 'dr' });
    expect(got.clinic?.organization).toMatchObject({ id: 'clinic' });
    expect(got.clinic?.contact).toEqual([{ system: 'phone', value: '555-0100', use: 'work' }]);
  });

  it("uses the patient's visit participant when the order names no requester, and says the clinic is missing", () => {
    const got = clinicFromChart(
      index(
        { resourceType: 'ServiceRequest', id: 's1', status: 'active', intent: 'order', subject: { reference: 'Patient/p' } },
        {
          resourceType: 'Encounter',
          id: 'e9',
          status: 'finished',
          class: { code: 'AMB' },
          subject: { reference: 'Patient/p' },
          participant: [{ individual: { reference: 'Practitioner/dr' } }],
        },
        prac,
      ),
      { requestRefs: ['ServiceRequest/s1'], patientId: 'p' },
    );
    expect(got.clinic?.practitioner).toMatchObject({ id: 'dr' });
    expect(got.clinic?.organization).toEqual({ name: 'Requesting clinic (not configured)' });
    expect(got.missing).toEqual(["the requesting clinic (the visit's service provider)"]);
  });

  it("falls back to the signed-in clinician and the patient's managing organization; nothing known gives no clinic", () => {
    const got = clinicFromChart(
      index({ resourceType: 'Patient', id: 'p', managingOrganization: { reference: 'Organization/clinic' } }, prac, clinic),
      { requestRefs: [undefined], patientId: 'p', user: 'Practitioner/dr' },
    );
    expect(got.clinic?.practitioner).toMatchObject({ id: 'dr' });
    expect(got.clinic?.organization).toMatchObject({ id: 'clinic' });
    expect(clinicFromChart(index(), { requestRefs: [], patientId: 'p' })).toEqual({
      missing: ["the ordering clinician (the order's requester)", "the requesting clinic (the visit's service provider)"],
    });
  });
});
