// The rendering location of a planned service from ServiceRequest / Encounter / Location, as EHRs send them.
import { describe, expect, it } from 'vitest';
import { applyServiceLocations } from '../../../src/fhir/picture/location';
import type { PlannedService } from '../../../src/policy/picture';

const POS = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';
const ROLE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
const svc = (): PlannedService => ({
  code: '64483',
  kind: 'esi-transforaminal',
  levels: [],
  reasonIcd10: [],
  requestRef: 'ServiceRequest/sr1',
  source: 'coded',
  evidence: [],
});

describe('applyServiceLocations', () => {
  it("reads the order's Location (state, place of service)", () => {
    const s = [svc()];
    applyServiceLocations(s, {
      ServiceRequest: [{ resourceType: 'ServiceRequest', id: 'sr1', locationReference: [{ reference: 'Location/hopd' }] }],
      Location: [{ resourceType: 'Location', id: 'hopd', address: { state: 'tx' }, type: [{ coding: [{ system: POS, code: '22' }] }] }],
    });
    expect(s[0]!.location).toMatchObject({ state: 'TX', setting: 'hospital-outpatient', placeOfService: '22' });
  });
  it.each([
    ['Ohio', 'OH'],
    ['  new   jersey ', 'NJ'],
    ['Tx.', 'TX'],
    ['District of Columbia', 'DC'],
    ['Ohio Valley', undefined],
    ['XX', undefined],
  ])('reads Address.state %j as %s (round-4 finding F6: a state written out was unknown)', (text, code) => {
    const s = [svc()];
    applyServiceLocations(s, {
      ServiceRequest: [{ resourceType: 'ServiceRequest', id: 'sr1', locationReference: [{ reference: 'Location/l1' }] }],
      Location: [{ resourceType: 'Location', id: 'l1', address: { state: text }, type: [{ coding: [{ system: POS, code: '11' }] }] }],
    });
    expect(s[0]!.location?.state).toBe(code);
  });
  it("falls back to the launch encounter's location; without one the location stays unknown", () => {
    const s = [svc()];
    applyServiceLocations(
      s,
      {
        ServiceRequest: [{ resourceType: 'ServiceRequest', id: 'sr1' }],
        Encounter: [
          {
            resourceType: 'Encounter',
            id: 'e1',
            class: { code: 'AMB' },
            location: [{ location: { reference: 'urn:uuid:x/Location/clinic' } }],
          },
        ],
        Location: [{ resourceType: 'Location', id: 'clinic', address: { state: 'OH' }, type: [{ coding: [{ system: POS, code: '11' }] }] }],
      },
      'e1',
    );
    expect(s[0]!.location).toMatchObject({ state: 'OH', setting: 'office' });
    const t = [svc()];
    applyServiceLocations(t, { ServiceRequest: [{ resourceType: 'ServiceRequest', id: 'sr1' }] });
    expect(t[0]!.location).toBeUndefined();
  });
  it('reads a v3 RoleCode HOSP location without a place-of-service code as hospital outpatient (inpatient if the visit is)', () => {
    const hosp = { resourceType: 'Location', id: 'h', address: { state: 'PA' }, type: [{ coding: [{ system: ROLE, code: 'HOSP' }] }] };
    const order = { resourceType: 'ServiceRequest', id: 'sr1', locationReference: [{ reference: 'Location/h' }] };
    const s = [svc()];
    applyServiceLocations(s, { ServiceRequest: [order], Location: [hosp] });
    expect(s[0]!.location).toMatchObject({ state: 'PA', setting: 'hospital-outpatient' });
    expect(s[0]!.location?.placeOfService).toBeUndefined();
    const t = [svc()];
    applyServiceLocations(t, {
      ServiceRequest: [{ ...order, encounter: { reference: 'Encounter/e' } }],
      Location: [hosp],
      Encounter: [{ resourceType: 'Encounter', id: 'e', class: { code: 'IMP' } }],
    });
    expect(t[0]!.location).toMatchObject({ setting: 'inpatient' });
  });
  it("takes the order's first Location the record holds, then the encounter's", () => {
    const s = [svc()];
    applyServiceLocations(s, {
      ServiceRequest: [
        {
          resourceType: 'ServiceRequest',
          id: 'sr1',
          locationReference: [{ reference: 'Location/gone' }],
          encounter: { reference: 'Encounter/e' },
        },
      ],
      Encounter: [{ resourceType: 'Encounter', id: 'e', class: { code: 'AMB' }, location: [{ location: { reference: 'Location/asc' } }] }],
      Location: [{ resourceType: 'Location', id: 'asc', address: { state: 'OH' }, type: [{ coding: [{ system: POS, code: '24' }] }] }],
    });
    expect(s[0]!.location).toMatchObject({ state: 'OH', setting: 'asc', placeOfService: '24' });
  });
});
