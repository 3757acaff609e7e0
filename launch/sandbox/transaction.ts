// POST /fhir with a transaction or batch Bundle. A transaction is all or nothing: every entry is decided first
// (conditional creates looked up, ids assigned, urn:uuid references resolved), and only when none failed is
// anything written. A batch runs each entry on its own. Supported entry requests: POST (with ifNoneExist) and
// PUT Type/id, which is what the app's write-back sends.
import { randomUUID } from 'node:crypto';
import { matchesAll } from './match';
import { bundleSchema, operationOutcome, parseResource, type StoredResource } from './resource';
import { parseSearch } from './search';
import type { ResourceStore, StoreResult } from './store';
import type { Interaction } from './scopes';

interface Planned {
  kind: 'create' | 'existing' | 'update';
  resource: StoredResource;
}

type Decision = { ok: true; plan: Planned } | { ok: false; status: number; message: string };

/** `admit`: why the server refuses a resource it would write (EHR restrictions, patient compartment), given a way
 * to resolve references to other entries of the same Bundle. */
export type Admit = (resource: StoredResource, resolve: (ref: string) => StoredResource | undefined) => string | undefined;

export function processBundle(
  store: ResourceStore,
  base: string,
  body: string,
  allowed: (type: string, i: Interaction) => boolean,
  admit?: Admit,
): StoreResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { status: 400, body: operationOutcome('error', 'invalid', 'The body is not valid JSON') };
  }
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success || (parsed.data.type !== 'transaction' && parsed.data.type !== 'batch')) {
    return { status: 400, body: operationOutcome('error', 'invalid', 'POST to the base needs a Bundle of type transaction or batch') };
  }
  const isTransaction = parsed.data.type === 'transaction';
  const entries = parsed.data.entry ?? [];
  const aliases = new Map<string, string>();
  const decisions: Decision[] = entries.map((entry) => {
    const resource = entry.resource as StoredResource | undefined;
    const method = entry.request?.method.toUpperCase();
    if (!resource || !entry.request) return { ok: false, status: 400, message: 'Each entry needs a resource and a request' };
    const checked = parseResource(resource);
    if (!checked.ok) return { ok: false, status: 400, message: checked.error };
    if (method === 'POST') {
      if (!allowed(resource.resourceType, 'create'))
        return { ok: false, status: 403, message: `The granted scopes do not allow create on ${resource.resourceType}` };
      const ifNoneExist = typeof entry.request.ifNoneExist === 'string' ? entry.request.ifNoneExist : undefined;
      let plan: Planned = { kind: 'create', resource: { ...resource, id: randomUUID() } };
      if (ifNoneExist) {
        const search = parseSearch(resource.resourceType, new URLSearchParams(ifNoneExist.replace(/^[^?]*\?/, '')));
        if (search.ignored.length > 0 || search.criteria.length === 0)
          return { ok: false, status: 400, message: `ifNoneExist has no usable search parameters: ${ifNoneExist}` };
        const hits = store.all(resource.resourceType).filter((r) => matchesAll(r, search.criteria));
        if (hits.length > 1)
          return { ok: false, status: 412, message: `ifNoneExist matched ${hits.length} ${resource.resourceType} resources` };
        if (hits[0]) plan = { kind: 'existing', resource: hits[0] };
      }
      if (entry.fullUrl) aliases.set(entry.fullUrl, `${resource.resourceType}/${plan.resource.id ?? ''}`);
      return { ok: true, plan };
    }
    if (method === 'PUT') {
      const m = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(entry.request.url);
      if (!m || m[1] !== resource.resourceType) return { ok: false, status: 400, message: `PUT url must be ${resource.resourceType}/<id>` };
      if (!allowed(resource.resourceType, 'update'))
        return { ok: false, status: 403, message: `The granted scopes do not allow update on ${resource.resourceType}` };
      const ifMatch = typeof entry.request.ifMatch === 'string' ? entry.request.ifMatch : undefined;
      if (ifMatch !== undefined) {
        const wanted = /^(?:W\/)?"([^"]+)"$/.exec(ifMatch.trim())?.[1];
        const current = store.get(resource.resourceType, m[2]!)?.meta?.versionId;
        if (wanted !== current)
          return {
            ok: false,
            status: 412,
            message: `Version conflict on ${entry.request.url}: If-Match ${ifMatch}, current ${current ?? 'none'}`,
          };
      }
      if (entry.fullUrl) aliases.set(entry.fullUrl, entry.request.url);
      return { ok: true, plan: { kind: 'update', resource: { ...resource, id: m[2] } } };
    }
    return { ok: false, status: 400, message: `Entry method ${method ?? '(none)'} is not supported by the sandbox` };
  });
  if (admit) {
    const planned = new Map<string, StoredResource>();
    for (const d of decisions) if (d.ok) planned.set(`${d.plan.resource.resourceType}/${d.plan.resource.id ?? ''}`, d.plan.resource);
    const resolve = (ref: string): StoredResource | undefined => {
      const local = aliases.get(ref) ?? ref;
      const m = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(local);
      return m ? (planned.get(`${m[1]}/${m[2]}`) ?? store.get(m[1]!, m[2]!)) : undefined;
    };
    decisions.forEach((d, i) => {
      if (!d.ok || d.plan.kind === 'existing') return;
      const why = admit(d.plan.resource, resolve);
      if (why)
        decisions[i] = {
          ok: false,
          status: /outside the patient/.test(why) ? 403 : /does not support/.test(why) ? 405 : 422,
          message: why,
        };
    });
  }
  const failed = decisions.find((d): d is Extract<Decision, { ok: false }> => !d.ok);
  if (isTransaction && failed) {
    return {
      status: failed.status,
      body: operationOutcome(
        'error',
        failed.status === 412 ? 'multiple-matches' : 'invalid',
        `Transaction refused, nothing written: ${failed.message}`,
      ),
    };
  }
  const responseEntries = decisions.map((d) => {
    if (!d.ok) return { response: { status: String(d.status), outcome: operationOutcome('error', 'invalid', d.message) } };
    if (d.plan.kind === 'existing')
      return {
        resource: d.plan.resource,
        response: { status: '200 OK', location: `${d.plan.resource.resourceType}/${d.plan.resource.id ?? ''}` },
      };
    const resource = resolveAliases(d.plan.resource, aliases);
    const result =
      d.plan.kind === 'create'
        ? store.createWithId(base, resource)
        : store.update(base, resource.resourceType, resource.id ?? '', resource);
    return {
      resource: result.body,
      response: {
        status: result.status === 201 ? '201 Created' : `${result.status}`,
        location: result.headers?.Location,
        etag: result.headers?.ETag,
      },
    };
  });
  return {
    status: 200,
    body: {
      resourceType: 'Bundle',
      id: randomUUID(),
      type: isTransaction ? 'transaction-response' : 'batch-response',
      entry: responseEntries,
    },
  };
}

function resolveAliases<T>(value: T, aliases: Map<string, string>): T {
  if (Array.isArray(value)) return value.map((v: unknown) => resolveAliases(v, aliases)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = k === 'reference' && typeof v === 'string' ? (aliases.get(v) ?? v) : resolveAliases(v, aliases);
  }
  return out as T;
}
