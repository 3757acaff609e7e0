// The FHIR R4 REST interface under /fhir: metadata and smart-configuration (public), then Bearer-checked read,
// search (GET and POST _search), create / conditional create, update, and Binary read in its native content type.
// Scopes are enforced per interaction and type, so a withheld scope shows up to the app as a 403, as in real EHRs;
// a patient token sees and writes only its patient's compartment; the launch's EHR restrictions (restrictions.ts)
// shape the CapabilityStatement it is shown and refuse what such an EHR refuses.
import type { AuthServer } from './auth';
import { capabilityStatement, smartConfiguration } from './capability';
import { operationOutcome, parseResource, type StoredResource } from './resource';
import { allows, type Interaction } from './scopes';
import type { ResourceStore, StoreResult } from './store';
import { processBundle } from './transaction';
import { batchOfGets, batchResponse } from './batch-read';
import { compartment } from './compartment';
import { refusal, restrictCapabilities } from './restrictions';

export interface FhirRequest {
  method: string;
  /** Path below /fhir, without the leading slash (e.g. "Observation", "Patient/1"). */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface FhirResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  raw?: { contentType: string; data: Buffer };
  /** Whether the request carried a valid token (for the request log). */
  authorized?: boolean;
}

export interface FhirContext {
  origin: string;
  fhirBase: string;
  today: string;
  store: ResourceStore;
  auth: AuthServer;
}

const TYPE = /^[A-Z][A-Za-z]+$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;

export function handleFhir(ctx: FhirContext, req: FhirRequest): FhirResponse {
  const parts = req.path.split('/').filter((p) => p.length > 0);
  if (req.method === 'GET' && parts.length === 1 && parts[0] === 'metadata') {
    const cs = capabilityStatement(ctx.origin, ctx.fhirBase, { today: ctx.today });
    // Public; with a token it is the statement of the EHR that token's launch simulates.
    const who = ctx.auth.check(req.headers.authorization);
    return { status: 200, json: who.ok ? restrictCapabilities(cs, who.token.restrictions) : cs };
  }
  if (req.method === 'GET' && parts[0] === '.well-known' && parts[1] === 'smart-configuration') {
    return { status: 200, json: smartConfiguration(ctx.origin, ctx.fhirBase) };
  }
  const check = ctx.auth.check(req.headers.authorization);
  if (!check.ok) {
    return {
      status: 401,
      headers: { 'WWW-Authenticate': `Bearer realm="sandbox", error="invalid_token", error_description="${check.reason}"` },
      json: operationOutcome('error', 'login', check.reason),
    };
  }
  const scope = check.token.scope;
  const denied = (interaction: Interaction, type: string): FhirResponse | undefined =>
    allows(scope, type, interaction)
      ? undefined
      : {
          status: 403,
          authorized: true,
          json: operationOutcome('error', 'forbidden', `The granted scopes do not allow ${interaction} on ${type}`),
        };
  const done = (r: StoreResult): FhirResponse => ({ status: r.status, headers: r.headers, json: r.body, authorized: true });
  const restrictions = check.token.restrictions;
  const mine = check.token.patient ? compartment(ctx.store, check.token.patient) : undefined;
  const outside = (what: string): FhirResponse => ({
    status: 403,
    authorized: true,
    json: operationOutcome('error', 'forbidden', `${what} is outside the patient in context of this token`),
  });
  const admit = (r: StoredResource, resolve?: (ref: string) => StoredResource | undefined): string | undefined => {
    const refused = refusal(restrictions, r);
    if (refused) return refused.message;
    if (mine && !mine.allows(r, resolve)) return `${r.resourceType} is outside the patient in context of this token`;
    return undefined;
  };

  if (parts.length === 0 && req.method === 'POST') {
    if (restrictions.ignoreIfNoneExist)
      return {
        status: 405,
        authorized: true,
        json: operationOutcome('error', 'not-supported', 'This EHR does not support transaction or batch Bundles'),
      };
    const gets = batchOfGets(req.body);
    if (gets) {
      const answers = gets.map((g) =>
        handleFhir(ctx, {
          method: 'GET',
          path: g.path,
          query: g.query,
          headers: { ...req.headers, accept: 'application/fhir+json' },
          body: '',
        }),
      );
      return { status: 200, authorized: true, json: batchResponse(answers) };
    }
    return done(processBundle(ctx.store, ctx.fhirBase, req.body, (t, i) => allows(scope, t, i), admit));
  }
  const [type, second, third] = parts;
  if (!type || !TYPE.test(type) || parts.length > 3)
    return { status: 404, authorized: true, json: operationOutcome('error', 'not-found', `No route for /fhir/${req.path}`) };

  const visible = mine ? (r: StoredResource) => mine.allows(r) : undefined;
  if (parts.length === 1 && req.method === 'GET')
    return denied('search', type) ?? done(ctx.store.search(ctx.fhirBase, type, req.query, visible));
  if (parts.length === 2 && second === '_search' && req.method === 'POST') {
    const merged = new URLSearchParams(req.query);
    for (const [k, v] of new URLSearchParams(req.body)) merged.append(k, v);
    return denied('search', type) ?? done(ctx.store.search(ctx.fhirBase, type, merged, visible));
  }
  if (parts.length === 1 && req.method === 'POST') {
    const parsed = parseBody(req.body, type);
    if (!parsed.ok) return { status: 400, authorized: true, json: operationOutcome('error', 'invalid', parsed.error) };
    const refused = denied('create', type) ?? refusalResponse(restrictions, parsed.resource);
    if (refused) return refused;
    if (mine && !mine.allows(parsed.resource)) return outside(`The new ${type}`);
    return done(ctx.store.create(ctx.fhirBase, parsed.resource, restrictions.ignoreIfNoneExist ? undefined : req.headers['if-none-exist']));
  }
  if (!second || !ID.test(second))
    return { status: 400, authorized: true, json: operationOutcome('error', 'invalid', `"${second ?? ''}" is not a valid id`) };
  if (parts.length === 3 && third === '_history')
    return { status: 404, authorized: true, json: operationOutcome('error', 'not-supported', 'History is not kept by the sandbox') };
  if (parts.length === 2 && req.method === 'GET') {
    const refused = denied('read', type);
    if (refused) return refused;
    const result = ctx.store.read(type, second);
    if (result.status === 200 && mine && !mine.allows(result.body)) return outside(`${type}/${second}`);
    if (type === 'Binary' && result.status === 200 && !wantsFhirJson(req.headers.accept)) return binaryContent(result.body);
    return done(result);
  }
  if (parts.length === 2 && req.method === 'PUT') {
    const parsed = parseBody(req.body, type);
    if (!parsed.ok) return { status: 400, authorized: true, json: operationOutcome('error', 'invalid', parsed.error) };
    const refused = denied('update', type);
    if (refused) return refused;
    const existing = ctx.store.get(type, second);
    if (mine && ((existing && !mine.allows(existing)) || !mine.allows(parsed.resource))) return outside(`${type}/${second}`);
    if (!existing && refusal(restrictions, parsed.resource)) return refusalResponse(restrictions, parsed.resource)!;
    return done(ctx.store.update(ctx.fhirBase, type, second, parsed.resource, req.headers['if-match']));
  }
  return {
    status: 405,
    authorized: true,
    headers: { Allow: 'GET, POST, PUT' },
    json: operationOutcome('error', 'not-supported', `${req.method} is not supported here`),
  };
}

function refusalResponse(restrictions: Parameters<typeof refusal>[0], r: StoredResource): FhirResponse | undefined {
  const refused = refusal(restrictions, r);
  return refused ? { status: refused.status, authorized: true, json: operationOutcome('error', refused.code, refused.message) } : undefined;
}

function parseBody(body: string, type: string): { ok: true; resource: StoredResource } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: 'The body is not valid JSON' };
  }
  const parsed = parseResource(json);
  if (!parsed.ok) return parsed;
  if (parsed.resource.resourceType !== type) return { ok: false, error: `The body is a ${parsed.resource.resourceType}, not a ${type}` };
  return parsed;
}

/** FHIR: a Binary read returns the resource for FHIR/JSON Accept headers and the native content otherwise. */
function wantsFhirJson(accept: string | undefined): boolean {
  return accept !== undefined && /(application\/fhir\+json|application\/json|json)/i.test(accept);
}

function binaryContent(binary: StoredResource): FhirResponse {
  const contentType = typeof binary.contentType === 'string' ? binary.contentType : 'application/octet-stream';
  const data = typeof binary.data === 'string' ? Buffer.from(binary.data, 'base64') : Buffer.alloc(0);
  return { status: 200, authorized: true, raw: { contentType, data } };
}
