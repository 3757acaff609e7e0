// A tiny in-memory FHIR server for msw: conditional create (identifier or _tag), search, metadata, transaction,
// and injectable faults. Enough of the semantics that duplicates and retries can be counted.
import { http, HttpResponse } from 'msw';
import type { Bundle, BundleEntry, CapabilityStatement, OperationOutcome, Resource } from 'fhir/r4';

export const BASE = 'https://ehr.test/fhir';

type Stored = Resource & { id: string; identifier?: { system?: string; value?: string }[] };

export interface FakeEhr {
  store: Map<string, Stored[]>;
  requests: { method: string; url: string; ifNoneExist?: string; ifMatch?: string }[];
  /** Statuses to answer instead of the real thing, consumed one per matching request. */
  faults: { type?: string; status: number; outcome?: string }[];
  transaction: boolean;
  /** Behave like EHRs that drop the If-None-Exist header and always create. */
  ignoreIfNoneExist: boolean;
  /** The types the CapabilityStatement declares create (and update) for. */
  creatable: string[];
  count(type: string): number;
  handlers: ReturnType<typeof http.get>[];
}

const oo = (diagnostics: string, code = 'processing'): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, diagnostics }],
});

function matches(r: Stored, query: string): boolean {
  const params = new URLSearchParams(query);
  for (const [k, v] of params) {
    const [sys, val] = v.includes('|') ? v.split('|') : ['', v];
    if (k === 'identifier' && !(r.identifier ?? []).some((i) => (!sys || i.system === sys) && i.value === val)) return false;
    if (k === '_tag' && !(r.meta?.tag ?? []).some((t) => (!sys || t.system === sys) && t.code === val)) return false;
  }
  return true;
}

export function fakeEhr(opts: { transaction?: boolean; ignoreIfNoneExist?: boolean; creatable?: string[] } = {}): FakeEhr {
  const ehr: FakeEhr = {
    store: new Map(),
    requests: [],
    faults: [],
    transaction: opts.transaction ?? false,
    ignoreIfNoneExist: opts.ignoreIfNoneExist ?? false,
    creatable: opts.creatable ?? ['Claim', 'DocumentReference', 'Task', 'Provenance'],
    count: (type) => ehr.store.get(type)?.length ?? 0,
    handlers: [],
  };
  let seq = 0;
  const fault = (type: string): { status: number; outcome?: string } | undefined => {
    const i = ehr.faults.findIndex((f) => !f.type || f.type === type);
    return i >= 0 ? ehr.faults.splice(i, 1)[0] : undefined;
  };
  const conditionalCreate = (
    type: string,
    body: Resource,
    ifNoneExist: string | undefined,
  ): { status: number; resource?: Stored; outcome?: OperationOutcome } => {
    const list = ehr.store.get(type) ?? [];
    const found = ifNoneExist && !ehr.ignoreIfNoneExist ? list.filter((r) => matches(r, ifNoneExist)) : [];
    if (found.length > 1) return { status: 412, outcome: oo(`Multiple matches for ${ifNoneExist}`, 'duplicate') };
    if (found.length === 1) return { status: 200, resource: found[0] };
    const stored = {
      ...body,
      id: `${type.toLowerCase()}-${++seq}`,
      meta: { ...body.meta, versionId: '1', lastUpdated: '2026-11-20T10:00:00Z' },
    } as Stored;
    ehr.store.set(type, [...list, stored]);
    return { status: 201, resource: stored };
  };
  const capability = (): CapabilityStatement => ({
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        interaction: ehr.transaction ? [{ code: 'transaction' }] : [],
        resource: ['Claim', 'DocumentReference', 'Task', 'Provenance'].map((type) => ({
          type,
          interaction: [
            { code: 'read' as const },
            { code: 'search-type' as const },
            ...(ehr.creatable.includes(type) ? [{ code: 'create' as const }, { code: 'update' as const }] : []),
          ],
        })),
      },
    ],
  });

  ehr.handlers = [
    http.get(`${BASE}/metadata`, () => HttpResponse.json(capability())),
    http.get(`${BASE}/:type`, ({ params, request }) => {
      const type = String(params.type);
      const q = new URL(request.url).search.slice(1);
      ehr.requests.push({ method: 'GET', url: request.url });
      const entry = (ehr.store.get(type) ?? []).filter((r) => matches(r, q)).map((resource) => ({ resource }));
      return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', total: entry.length, entry } as Bundle);
    }),
    http.post(`${BASE}/:type`, async ({ params, request }) => {
      const type = String(params.type);
      const ifNoneExist = request.headers.get('If-None-Exist') ?? undefined;
      ehr.requests.push({ method: 'POST', url: request.url, ifNoneExist });
      const f = fault(type);
      if (f) return HttpResponse.json(oo(f.outcome ?? `Injected ${f.status}`), { status: f.status });
      const body = (await request.json()) as Resource;
      const r = conditionalCreate(type, body, ifNoneExist);
      if (r.outcome) return HttpResponse.json(r.outcome, { status: r.status });
      return HttpResponse.json(r.resource, { status: r.status, headers: { Location: `${BASE}/${type}/${r.resource!.id}/_history/1` } });
    }),
    http.put(`${BASE}/:type/:id`, async ({ params, request }) => {
      const type = String(params.type);
      const ifMatch = request.headers.get('If-Match') ?? undefined;
      ehr.requests.push({ method: 'PUT', url: request.url, ...(ifMatch ? { ifMatch } : {}) });
      const f = fault(type);
      if (f) return HttpResponse.json(oo(f.outcome ?? `Injected ${f.status}`), { status: f.status });
      const list = ehr.store.get(type) ?? [];
      const i = list.findIndex((r) => r.id === params.id);
      if (i < 0) return HttpResponse.json(oo('not found', 'not-found'), { status: 404 });
      const current = list[i]!.meta?.versionId ?? '1';
      if (ifMatch && ifMatch !== `W/"${current}"`)
        return HttpResponse.json(oo(`Version conflict: current is ${current}`, 'conflict'), { status: 412 });
      const next = String(Number(current) + 1);
      const body = (await request.json()) as Stored;
      list[i] = { ...body, id: String(params.id), meta: { ...body.meta, versionId: next, lastUpdated: '2026-11-21T10:00:00Z' } };
      return HttpResponse.json(list[i], { status: 200, headers: { Location: `${BASE}/${type}/${params.id}/_history/${next}` } });
    }),
    http.post(BASE, async ({ request }) => {
      ehr.requests.push({ method: 'POST', url: request.url });
      const f = fault('Bundle');
      if (f) return HttpResponse.json(oo(f.outcome ?? `Injected ${f.status}`), { status: f.status });
      const bundle = (await request.json()) as Bundle;
      // All or nothing: work on a copy and commit only if every entry succeeds.
      const snapshot = new Map([...ehr.store].map(([k, v]) => [k, [...v]]));
      const ids = new Map<string, string>();
      const out: BundleEntry[] = [];
      for (const e of bundle.entry ?? []) {
        const type = e.resource!.resourceType;
        const text = JSON.stringify(e.resource).replace(/urn:uuid:[0-9a-f-]+/g, (u) => ids.get(u) ?? u);
        const r = conditionalCreate(type, JSON.parse(text) as Resource, e.request?.ifNoneExist);
        if (r.outcome) {
          ehr.store = snapshot;
          return HttpResponse.json(r.outcome, { status: r.status });
        }
        ids.set(e.fullUrl!, `${type}/${r.resource!.id}`);
        out.push({ response: { status: r.status === 201 ? '201 Created' : '200 OK', location: `${type}/${r.resource!.id}/_history/1` } });
      }
      return HttpResponse.json({ resourceType: 'Bundle', type: 'transaction-response', entry: out } as Bundle);
    }),
  ];
  return ehr;
}
