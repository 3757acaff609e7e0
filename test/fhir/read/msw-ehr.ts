// An msw-served EHR for the read-wave tests: every search answers an empty Bundle unless a test overrides it, and
// each request is counted and logged by "Type[/id][?page=n]".
import { afterAll, afterEach, beforeAll } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fetchReader } from '../../../src/fhir/read/reader';

export const BASE = 'https://ehr.test/fhir';
export const PID = 'p1';
export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

type Overrides = Record<string, (url: URL, n: number) => Response | Promise<Response>>;
/** Answers by request key, set per test and cleared after each. */
export const overrides: Overrides = {};
export const calls = new Map<string, number>();
export const log: string[] = [];

export function bundle(type: string, ids: string[], next?: string): Response {
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

export const server = setupServer(
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

/** Starts the EHR for the calling test file and resets it after each test. */
export function startMswEhr(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    for (const k of Object.keys(overrides)) delete overrides[k];
    calls.clear();
    log.length = 0;
  });
  afterAll(() => server.close());
}

export const reader = fetchReader(BASE, 'token');
export const noSleep = { sleep: async (): Promise<void> => {} };

export function bundleWith(...resources: object[]): Response {
  return HttpResponse.json({ resourceType: 'Bundle', entry: resources.map((resource) => ({ resource })) });
}
