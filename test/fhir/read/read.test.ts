// The read wave against an msw-served EHR (msw-ehr.ts): one parallel wave, every page, scopes, and the second wave for
// the payer, clinic and ordering clinician the searches did not include.
import { describe, expect, it } from 'vitest';
import { HttpResponse } from 'msw';
import { DEFAULT_TYPES, readPatientRecord } from '../../../src/fhir/read/read';
import { grantedAccess } from '../../../src/fhir/session/scopes';
import { BASE, PID, bundle, bundleWith, log, overrides, reader, startMswEhr } from './msw-ehr';

startMswEhr();

describe('readPatientRecord: one wave', () => {
  it('searches every type at once with patient and _count, then follows every next page', async () => {
    overrides.Observation = (url) => {
      expect(url.searchParams.get('patient')).toBe(PID);
      expect(url.searchParams.get('_count')).toBe('500');
      return bundle('Observation', ['o1', 'o2'], `${BASE}/Observation?page=2`);
    };
    overrides['Observation?page=2'] = () => bundle('Observation', ['o3', 'o2'], `${BASE}/Observation?page=3`);
    overrides['Observation?page=3'] = () => bundle('Observation', ['o4']);
    overrides.Coverage = (url) => {
      expect(url.searchParams.get('_include')).toBe('Coverage:payor');
      return HttpResponse.json({
        resourceType: 'Bundle',
        entry: [
          { resource: { resourceType: 'Coverage', id: 'c1' }, search: { mode: 'match' } },
          { resource: { resourceType: 'Organization', id: 'org1' }, search: { mode: 'include' } },
          { resource: { resourceType: 'OperationOutcome', id: 'oo' }, search: { mode: 'outcome' } },
        ],
      });
    };
    const seenTypes: string[] = [];
    const rec = await readPatientRecord(reader, PID, { count: 500, onType: (t) => seenTypes.push(t) });
    // The first 11 requests are the 11 first pages: nothing waited for anything else.
    expect(new Set(log.slice(0, DEFAULT_TYPES.length))).toEqual(
      new Set([...DEFAULT_TYPES.filter((t) => t !== 'Patient'), `Patient/${PID}`]),
    );
    expect(rec.requests).toBe(DEFAULT_TYPES.length + 2);
    expect(log).toHaveLength(rec.requests);
    expect((rec.resources.Observation ?? []).map((o) => (o as { id: string }).id)).toEqual(['o1', 'o2', 'o3', 'o4']);
    expect(rec.resources.Organization).toHaveLength(1);
    expect(rec.resources.OperationOutcome).toBeUndefined();
    expect(rec.resources.Patient).toHaveLength(1);
    expect(rec.waves).toBe(1);
    expect(rec.longestChain).toBe(3);
    expect(new Set(seenTypes)).toEqual(new Set(DEFAULT_TYPES));
    expect(rec.issues).toEqual([]);
  });

  it('has every first-page request in flight at the same time (no request waits for another type)', async () => {
    // Each answer is held until all searches have arrived: a reader that waited for one type before asking for the
    // next would never get there and time out.
    let arrived = 0;
    let release: () => void = () => {};
    const barrier = new Promise<void>((r) => (release = r));
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 2000));
    for (const t of DEFAULT_TYPES) {
      const key = t === 'Patient' ? `Patient/${PID}` : t;
      overrides[key] = async () => {
        if (++arrived === DEFAULT_TYPES.length) release();
        if ((await Promise.race([barrier, timeout])) === 'timeout') return HttpResponse.json({}, { status: 400 });
        return t === 'Patient' ? HttpResponse.json({ resourceType: 'Patient', id: PID }) : bundle(t, [`${t}-1`]);
      };
    }
    const rec = await readPatientRecord(reader, PID);
    expect(arrived).toBe(DEFAULT_TYPES.length);
    expect(rec.issues).toEqual([]);
    expect(Object.keys(rec.resources).sort()).toEqual([...DEFAULT_TYPES].sort());
  });

  it('falls back to a plain Coverage search when the server rejects _include', async () => {
    overrides.Coverage = (url) => (url.searchParams.has('_include') ? HttpResponse.json({}, { status: 400 }) : bundle('Coverage', ['c1']));
    const rec = await readPatientRecord(reader, PID, { types: ['Coverage'] });
    expect(rec.resources.Coverage).toHaveLength(1);
    expect(rec.requests).toBe(2);
  });
});

describe('readPatientRecord: granted scopes', () => {
  it('skips the types the token may not read, with a warning for each, and requests the rest', async () => {
    const access = grantedAccess('launch patient/Patient.rs patient/Condition.read patient/Observation.rs');
    const rec = await readPatientRecord(reader, PID, { access });
    expect(new Set(log)).toEqual(new Set([`Patient/${PID}`, 'Condition', 'Observation']));
    expect(rec.requests).toBe(3);
    const skipped = rec.issues.map((i) => i.resourceType);
    expect(skipped).toEqual(DEFAULT_TYPES.filter((t) => !['Patient', 'Condition', 'Observation'].includes(t)));
    expect(rec.issues.every((i) => i.severity === 'warning')).toBe(true);
  });
});

describe('readPatientRecord: payer organizations', () => {
  it('reads payers the server did not _include in the second wave, in one request', async () => {
    overrides.Coverage = () =>
      bundleWith(
        { resourceType: 'Coverage', id: 'c1', payor: [{ reference: 'Organization/org-a' }] },
        { resourceType: 'Coverage', id: 'c2', payor: [{ reference: `${BASE}/Organization/org-b` }] },
      );
    overrides.Organization = (url) => {
      expect(url.searchParams.get('_id')).toBe('org-a,org-b');
      return bundleWith(
        { resourceType: 'Organization', id: 'org-a', identifier: [{ value: 'MEDICARE' }] },
        { resourceType: 'Organization', id: 'org-b' },
      );
    };
    const rec = await readPatientRecord(reader, PID);
    expect(rec.resources.Organization).toHaveLength(2);
    expect(rec.requests).toBe(DEFAULT_TYPES.length + 1);
    expect(log[log.length - 1]).toBe('Organization');
    expect(rec.waves).toBe(2);
  });
  it('makes no payer request when the Organization came with the Coverage, and warns when it cannot be read', async () => {
    overrides.Coverage = () =>
      bundleWith(
        { resourceType: 'Coverage', id: 'c1', payor: [{ reference: 'Organization/o1' }] },
        { resourceType: 'Organization', id: 'o1' },
      );
    const rec = await readPatientRecord(reader, PID, { types: ['Coverage'] });
    expect(rec.requests).toBe(1);
    overrides.Coverage = () => bundleWith({ resourceType: 'Coverage', id: 'c1', payor: [{ reference: 'Organization/o2' }] });
    overrides.Organization = () => HttpResponse.json({}, { status: 403 });
    const rec2 = await readPatientRecord(reader, PID, { types: ['Coverage'] });
    expect(rec2.resources.Coverage).toHaveLength(1);
    expect(rec2.issues).toEqual([expect.objectContaining({ resourceType: 'Organization', severity: 'warning' })]);
  });
});

describe('readPatientRecord: the clinic and the ordering clinician', () => {
  it('reads the ServiceRequest requester and the Encounter serviceProvider in the same second wave as the payer', async () => {
    overrides.ServiceRequest = () =>
      bundleWith({
        resourceType: 'ServiceRequest',
        id: 's1',
        requester: { reference: 'Practitioner/dr-1' },
        performer: [{ reference: 'Practitioner/dr-1' }],
      });
    overrides.Encounter = () => bundleWith({ resourceType: 'Encounter', id: 'e1', serviceProvider: { reference: 'Organization/clinic' } });
    overrides.Coverage = () => bundleWith({ resourceType: 'Coverage', id: 'c1', payor: [{ reference: 'Organization/payer' }] });
    const asked: Record<string, string | null> = {};
    overrides.Organization = (url) => {
      asked.Organization = url.searchParams.get('_id');
      return bundleWith({ resourceType: 'Organization', id: 'clinic' }, { resourceType: 'Organization', id: 'payer' });
    };
    overrides.Practitioner = (url) => {
      asked.Practitioner = url.searchParams.get('_id');
      return bundleWith({ resourceType: 'Practitioner', id: 'dr-1' });
    };
    const rec = await readPatientRecord(reader, PID);
    expect(asked).toEqual({ Organization: 'clinic,payer', Practitioner: 'dr-1' });
    expect(rec.resources.Practitioner).toHaveLength(1);
    expect(rec.requests).toBe(DEFAULT_TYPES.length + 2);
    expect(rec.waves).toBe(2);
  });

  it("reads the order's Location and PractitionerRole, then the role's clinician and clinic in one more wave", async () => {
    overrides.ServiceRequest = () =>
      bundleWith({
        resourceType: 'ServiceRequest',
        id: 's1',
        requester: { reference: 'PractitionerRole/role-1' },
        locationReference: [{ reference: 'Location/loc-1' }],
      });
    overrides.Encounter = () =>
      bundleWith({ resourceType: 'Encounter', id: 'e1', location: [{ location: { reference: 'Location/loc-2' } }] });
    const asked: Record<string, string | null> = {};
    overrides.Location = (url) => {
      asked.Location = url.searchParams.get('_id');
      return bundleWith({ resourceType: 'Location', id: 'loc-1' }, { resourceType: 'Location', id: 'loc-2' });
    };
    overrides.PractitionerRole = (url) => {
      asked.PractitionerRole = url.searchParams.get('_id');
      return bundleWith({
        resourceType: 'PractitionerRole',
        id: 'role-1',
        practitioner: { reference: 'Practitioner/dr-1' },
        organization: { reference: 'Organization/clinic' },
      });
    };
    overrides.Practitioner = (url) => {
      asked.Practitioner = url.searchParams.get('_id');
      return bundleWith({ resourceType: 'Practitioner', id: 'dr-1' });
    };
    overrides.Organization = (url) => {
      asked.Organization = url.searchParams.get('_id');
      return bundleWith({ resourceType: 'Organization', id: 'clinic' });
    };
    const rec = await readPatientRecord(reader, PID);
    expect(asked).toEqual({ Location: 'loc-1,loc-2', PractitionerRole: 'role-1', Practitioner: 'dr-1', Organization: 'clinic' });
    expect(rec.resources.Location).toHaveLength(2);
    expect(rec.requests).toBe(DEFAULT_TYPES.length + 4);
    expect(rec.waves).toBe(3);
  });

  it("reads the Location the requester's role names (its phone is the role's call-back line) with the role's clinician", async () => {
    overrides.ServiceRequest = () =>
      bundleWith({ resourceType: 'ServiceRequest', id: 's1', requester: { reference: 'PractitionerRole/role-1' } });
    const asked: Record<string, string | null> = {};
    overrides.PractitionerRole = (url) => {
      asked.PractitionerRole = url.searchParams.get('_id');
      return bundleWith({
        resourceType: 'PractitionerRole',
        id: 'role-1',
        practitioner: { reference: 'Practitioner/dr-1' },
        location: [{ reference: 'Location/office' }],
      });
    };
    overrides.Practitioner = (url) => {
      asked.Practitioner = url.searchParams.get('_id');
      return bundleWith({ resourceType: 'Practitioner', id: 'dr-1' });
    };
    overrides.Location = (url) => {
      asked.Location = url.searchParams.get('_id');
      return bundleWith({ resourceType: 'Location', id: 'office', telecom: [{ system: 'phone', value: '512-555-0100' }] });
    };
    const rec = await readPatientRecord(reader, PID);
    expect(asked).toEqual({ PractitionerRole: 'role-1', Practitioner: 'dr-1', Location: 'office' });
    expect(rec.resources.Location).toHaveLength(1);
    expect(rec.waves).toBe(3);
  });
});
