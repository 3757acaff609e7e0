// @vitest-environment jsdom
// (jsdom: the app build defines FHIRCLIENT_PURE, so fhirclient expects a browser `window`.)
// fhirclientReader against the real fhirclient Client (2.6.3) and an msw-served EHR: statuses, headers and bodies
// must come through its request() the same way they come through plain fetch.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type Client from 'fhirclient/lib/Client';
import type { fhirclient } from 'fhirclient/lib/types';
import { fhirclientReader } from '../../../src/fhir/read/fhirclient-reader';
import { readPatientRecord } from '../../../src/fhir/read/read';
import { NetworkError } from '../../../src/fhir/read/reader';

const BASE = 'https://ehr.test/fhir';
const auth: string[] = [];

const server = setupServer(
  http.get(`${BASE}/Patient/p1`, ({ request }) => {
    auth.push(request.headers.get('authorization') ?? '');
    return HttpResponse.json({ resourceType: 'Patient', id: 'p1' });
  }),
  http.get(`${BASE}/Condition`, ({ request }) => {
    const page = new URL(request.url).searchParams.get('page');
    return HttpResponse.json({
      resourceType: 'Bundle',
      link: page ? [] : [{ relation: 'next', url: `${BASE}/Condition?page=2` }],
      entry: [{ resource: { resourceType: 'Condition', id: page ? 'c2' : 'c1' } }],
    });
  }),
  http.get(
    `${BASE}/Observation`,
    () =>
      new HttpResponse('{"resourceType":"OperationOutcome"}', {
        status: 429,
        headers: { 'Retry-After': '7', 'content-type': 'application/fhir+json' },
      }),
  ),
  http.get(`${BASE}/Binary/b1`, () => new HttpResponse('<p>note</p>', { headers: { 'content-type': 'text/html' } })),
  http.get(`${BASE}/Encounter`, () => HttpResponse.error()),
);

// fhirclient takes `fetch` from window when its module loads, so it is imported only after msw has patched fetch.
let ClientCtor: typeof Client;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  ClientCtor = (await import('fhirclient/lib/Client')).default;
});
afterEach(() => {
  auth.length = 0;
});
afterAll(() => server.close());

function client(): Client {
  const store = new Map<string, unknown>();
  const env = {
    options: {},
    fhir: undefined,
    btoa: (s: string) => Buffer.from(s).toString('base64'),
    getStorage: () => ({
      get: async (k: string) => store.get(k),
      set: async (k: string, v: unknown) => void store.set(k, v),
      unset: async (k: string) => store.delete(k),
    }),
  } as unknown as fhirclient.Adapter;
  return new ClientCtor(env, {
    serverUrl: BASE,
    clientId: 'claimready',
    tokenResponse: { access_token: 'tok', token_type: 'Bearer', patient: 'p1' },
  });
}

describe('fhirclientReader', () => {
  it('returns status and JSON body, with the bearer token attached by fhirclient', async () => {
    const r = await fhirclientReader(client()).getJson('Patient/p1');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ resourceType: 'Patient', id: 'p1' });
    expect(auth).toEqual(['Bearer tok']);
  });
  it('turns an HTTP error into a status with its Retry-After instead of throwing', async () => {
    const r = await fhirclientReader(client()).getJson('Observation?patient=p1');
    expect(r.status).toBe(429);
    expect(r.headers.retryAfter).toBe('7');
  });
  it('returns text bodies as text and follows absolute URLs', async () => {
    const r = await fhirclientReader(client()).getJson(`${BASE}/Binary/b1`);
    expect(r.body).toBe('<p>note</p>');
  });
  it('reports a network failure as NetworkError', async () => {
    await expect(fhirclientReader(client()).getJson('Encounter?patient=p1')).rejects.toBeInstanceOf(NetworkError);
  });
  it('drives the whole read wave, pages included', async () => {
    const rec = await readPatientRecord(fhirclientReader(client()), 'p1', { types: ['Patient', 'Condition'] });
    expect(rec.resources.Condition?.map((c) => (c as { id: string }).id)).toEqual(['c1', 'c2']);
    expect(rec.requests).toBe(3);
  });
  it('exposes the server URL as the base for same-server attachment checks', () => {
    expect(fhirclientReader(client()).base).toBe(BASE);
  });
});
