// The read wave against an msw-served EHR: one parallel wave, every page, retries, failures, Binary attachments.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DEFAULT_TYPES, readPatientRecord, retryAfterMs } from '../../../src/fhir/read/read';
import { fetchReader, FhirReadError } from '../../../src/fhir/read/reader';
import { grantedAccess } from '../../../src/fhir/session/scopes';
import { classifyLaunchFailure } from '../../../src/fhir/session/session';

const BASE = 'https://ehr.test/fhir';
const PID = 'p1';
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

type Overrides = Record<string, (url: URL, n: number) => Response | Promise<Response>>;
let overrides: Overrides = {};
const calls = new Map<string, number>();
const log: string[] = [];

function bundle(type: string, ids: string[], next?: string): Response {
  return HttpResponse.json({
    resourceType: 'Bundle',
    type: 'searchset',
    link: next
      ? [
          { relation: 'self', url: 'x' },
          { relation: 'next', url: next },
        ]
      : [{ relation: 'self', url: 'x' }],
    entry: ids.map((id) => ({ resource: { resourceType: type, id }, search: { mode: 'match' } })),
  });
}

const server = setupServer(
  http.get(`${BASE}/:type/:id?`, ({ request, params }) => {
    const url = new URL(request.url);
    const key = `${String(params.type)}${params.id ? `/${String(params.id)}` : ''}${url.searchParams.get('page') ? `?page=${url.searchParams.get('page')}` : ''}`;
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    log.push(key);
    const o = overrides[key];
    if (o) return o(url, n);
    const type = String(params.type);
    if (type === 'Patient') return HttpResponse.json({ resourceType: 'Patient', id: PID, gender: 'female' });
    return bundle(type, []);
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  overrides = {};
  calls.clear();
  log.length = 0;
});
afterAll(() => server.close());

const reader = fetchReader(BASE, 'token');
const noSleep = { sleep: async (): Promise<void> => {} };

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

describe('readPatientRecord: failures and retries', () => {
  it('surfaces 401 as an expired session', async () => {
    overrides.Condition = () => HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: 401 });
    const err = await readPatientRecord(reader, PID, noSleep).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirReadError);
    expect((err as FhirReadError).kind).toBe('expired');
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    overrides.Condition = (_u, n) =>
      n === 1 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '2' } }) : bundle('Condition', ['c1']);
    const waits: number[] = [];
    const rec = await readPatientRecord(reader, PID, { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([2000]);
    expect(rec.resources.Condition).toHaveLength(1);
    expect(calls.get('Condition')).toBe(2);
    expect(rec.requests).toBe(DEFAULT_TYPES.length + 1);
  });

  it('caps a long Retry-After', async () => {
    overrides.Condition = (_u, n) =>
      n === 1 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '3600' } }) : bundle('Condition', []);
    const waits: number[] = [];
    await readPatientRecord(reader, PID, { types: ['Condition'], maxRetryAfterMs: 1500, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([1500]);
  });

  it('retries a 500 with growing backoff and then succeeds', async () => {
    overrides.Procedure = (_u, n) => (n < 3 ? HttpResponse.json({}, { status: 503 }) : bundle('Procedure', ['x']));
    const waits: number[] = [];
    const rec = await readPatientRecord(reader, PID, { types: ['Procedure'], sleep: async (ms) => void waits.push(ms) });
    expect(rec.resources.Procedure).toHaveLength(1);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(rec.requests).toBe(3);
    expect(rec.issues).toEqual([]);
  });

  it('gives up after 3 tries: the type becomes a DataIssue, other types are kept', async () => {
    overrides.Procedure = () => HttpResponse.json({}, { status: 500 });
    overrides.Condition = () => bundle('Condition', ['c1']);
    const rec = await readPatientRecord(reader, PID, { types: ['Procedure', 'Condition'], ...noSleep });
    expect(calls.get('Procedure')).toBe(3);
    expect(rec.resources.Condition).toHaveLength(1);
    expect(rec.issues).toEqual([expect.objectContaining({ resourceType: 'Procedure', severity: 'error' })]);
  });

  it('a type the EHR forbids (403) is skipped with a warning, without retries', async () => {
    overrides.MedicationStatement = () => HttpResponse.json({}, { status: 403 });
    const rec = await readPatientRecord(reader, PID, noSleep);
    expect(calls.get('MedicationStatement')).toBe(1);
    expect(rec.issues).toEqual([expect.objectContaining({ resourceType: 'MedicationStatement', severity: 'warning' })]);
  });

  it('a forbidden Patient read ends the read as denied (the launch screen says so)', async () => {
    overrides[`Patient/${PID}`] = () => HttpResponse.json({}, { status: 403 });
    const err = await readPatientRecord(reader, PID, noSleep).catch((e: unknown) => e);
    expect((err as FhirReadError).kind).toBe('denied');
    expect(classifyLaunchFailure(err).kind).toBe('denied-scope');
  });

  it('a search answered with something other than a Bundle is an issue, not a crash', async () => {
    overrides.Encounter = () => HttpResponse.json({ resourceType: 'Patient' });
    const rec = await readPatientRecord(reader, PID, { types: ['Encounter', 'Condition'] });
    expect(rec.issues.map((i) => i.resourceType)).toEqual(['Encounter']);
  });

  it('network failure after retries is reported as unreachable', async () => {
    overrides.Condition = () => HttpResponse.error();
    const err = await readPatientRecord(reader, PID, noSleep).catch((e: unknown) => e);
    expect((err as FhirReadError).kind).toBe('unreachable');
    expect(calls.get('Condition')).toBe(3);
  });

  it('an aborted signal stops the read', async () => {
    const ac = new AbortController();
    ac.abort();
    const err = await readPatientRecord(reader, PID, { signal: ac.signal }).catch((e: unknown) => e);
    expect((err as FhirReadError).kind).toBe('aborted');
    expect(log).toHaveLength(0);
  });
});

describe('readPatientRecord: note attachments', () => {
  it('decodes inline data and fetches same-server Binary urls in one second wave', async () => {
    overrides.DocumentReference = () =>
      HttpResponse.json({
        resourceType: 'Bundle',
        entry: [
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd1',
              status: 'current',
              content: [
                { attachment: { contentType: 'text/plain; charset=utf-8', data: b64('Pain 7/10 — café') } },
                { attachment: { contentType: 'text/html', url: 'Binary/b1' } },
                { attachment: { contentType: 'application/pdf', url: 'Binary/pdf' } },
              ],
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd2',
              status: 'current',
              content: [{ attachment: { contentType: 'text/plain', url: `${BASE}/Binary/b2` } }],
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd3',
              status: 'current',
              content: [{ attachment: { contentType: 'text/plain', url: '/fhir/Binary/b3' } }],
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd4',
              status: 'current',
              content: [{ attachment: { contentType: 'text/plain', url: 'https://evil.test/Binary/x' } }],
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd5',
              status: 'entered-in-error',
              content: [{ attachment: { contentType: 'text/plain', data: b64('gone') } }],
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd6',
              status: 'current',
              content: [{ attachment: { contentType: 'application/pdf', url: 'Binary/scan' } }],
            },
          },
        ],
      });
    overrides.DiagnosticReport = () =>
      bundleWith({
        resourceType: 'DiagnosticReport',
        id: 'r1',
        status: 'final',
        presentedForm: [{ contentType: 'text/plain', data: b64('MRI: L4-L5 disc protrusion') }],
      });
    overrides['Binary/b1'] = () =>
      HttpResponse.json({ resourceType: 'Binary', contentType: 'text/html', data: b64('<p>PT 6 weeks, no relief</p>') });
    overrides['Binary/b2'] = () => new HttpResponse('raw note text', { headers: { 'content-type': 'text/plain' } });
    overrides['Binary/b3'] = () => HttpResponse.json({ resourceType: 'Binary', contentType: 'text/plain', data: b64('third') });

    const rec = await readPatientRecord(reader, PID);
    expect(rec.attachments.get('DocumentReference/d1#0')).toEqual({ contentType: 'text/plain; charset=utf-8', text: 'Pain 7/10 — café' });
    expect(rec.attachments.get('DocumentReference/d1#1')).toEqual({ contentType: 'text/html', text: '<p>PT 6 weeks, no relief</p>' });
    expect(rec.attachments.has('DocumentReference/d1#2')).toBe(false);
    expect(rec.attachments.get('DocumentReference/d2#0')?.text).toBe('raw note text');
    expect(rec.attachments.get('DocumentReference/d3#0')?.text).toBe('third');
    expect(rec.attachments.get('DiagnosticReport/r1#0')?.text).toContain('L4-L5');
    expect(rec.attachments.has('DocumentReference/d4#0')).toBe(false);
    expect(rec.attachments.has('DocumentReference/d5#0')).toBe(false);
    expect(rec.issues).toEqual([
      expect.objectContaining({ resourceType: 'DocumentReference', id: 'd4', path: 'content[0].attachment.url' }),
      expect.objectContaining({ resourceType: 'DocumentReference', id: 'd6', path: 'content' }),
    ]);
    // 11 searches + 3 binaries, nothing else (the PDF and the foreign URL are not fetched).
    expect(rec.requests).toBe(DEFAULT_TYPES.length + 3);
    expect(log.filter((k) => k.startsWith('Binary'))).toHaveLength(3);
    expect(log.slice(-3).every((k) => k.startsWith('Binary/'))).toBe(true);
    expect(rec.waves).toBe(2);
  });

  it('a Binary that cannot be fetched is a warning; the rest of the record stands', async () => {
    overrides.DocumentReference = () =>
      bundleWith({
        resourceType: 'DocumentReference',
        id: 'd1',
        status: 'current',
        content: [{ attachment: { contentType: 'text/plain', url: 'Binary/missing' } }],
      });
    overrides['Binary/missing'] = () => HttpResponse.json({}, { status: 404 });
    const rec = await readPatientRecord(reader, PID, { types: ['DocumentReference'] });
    expect(rec.resources.DocumentReference).toHaveLength(1);
    expect(rec.attachments.size).toBe(0);
    expect(rec.issues).toEqual([expect.objectContaining({ id: 'd1', severity: 'warning' })]);
  });
});

describe('readPatientRecord: the token never leaves the FHIR server', () => {
  it('fetches no attachment or next page that resolves to another origin, whatever the URL form', async () => {
    const foreign: string[] = [];
    server.use(
      http.all('*', ({ request }) => {
        const u = new URL(request.url);
        if (`${u.origin}/fhir` !== BASE || !u.pathname.startsWith('/fhir/'))
          foreign.push(`${request.url} auth=${request.headers.get('authorization') ?? ''}`);
        return undefined;
      }),
      http.all('https://evil.test/*', () => HttpResponse.text('stolen')),
      http.all('https://ehr.test:8443/*', () => HttpResponse.text('stolen')),
      http.all('http://ehr.test/*', () => HttpResponse.text('stolen')),
    );
    const forms = [
      '//evil.test/fhir/Binary/a',
      '/\\evil.test/fhir/Binary/b',
      'https://user@evil.test/Binary/c',
      'https://ehr.test@evil.test/Binary/d',
      'https://ehr.test:8443/fhir/Binary/e',
      'http://ehr.test/fhir/Binary/f',
      '../x/Binary/g',
    ];
    overrides.DocumentReference = () =>
      HttpResponse.json({
        resourceType: 'Bundle',
        link: [{ relation: 'next', url: '//evil.test/fhir/DocumentReference?page=2' }],
        entry: forms.map((url, i) => ({
          resource: {
            resourceType: 'DocumentReference',
            id: `d${i}`,
            status: 'current',
            content: [{ attachment: { contentType: 'text/plain', url } }],
          },
        })),
      });
    const rec = await readPatientRecord(reader, PID, { types: ['DocumentReference'] });
    expect(foreign).toEqual([]);
    expect(rec.resources.DocumentReference).toHaveLength(forms.length);
    expect(rec.issues.filter((i) => i.path?.endsWith('.url'))).toHaveLength(forms.length);
    expect(rec.issues.some((i) => i.message.includes('next page on another server'))).toBe(true);
  });
});

function bundleWith(...resources: object[]): Response {
  return HttpResponse.json({ resourceType: 'Bundle', entry: resources.map((resource) => ({ resource })) });
}

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, caps, and falls back', () => {
    expect(retryAfterMs('3', 100, 10_000)).toBe(3000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 5)).toUTCString(), 100, 10_000, Date.UTC(2026, 0, 1))).toBe(5000);
    expect(retryAfterMs('99', 100, 2000)).toBe(2000);
    expect(retryAfterMs(undefined, 100, 2000)).toBe(100);
    expect(retryAfterMs('soon', 100, 2000)).toBe(100);
  });
});
