// FhirWriter over fhirclient's client.request (the app). fhirclient throws HttpError for non-2xx answers; the
// status is mapped back and the OperationOutcome recovered from the error text it appends, so write.ts sees the
// same FhirResponse as with fetch.
import { z } from 'zod';
import type Client from 'fhirclient/lib/Client';
import type { Bundle, CapabilityStatement, Resource } from 'fhir/r4';
import type { FhirResponse, FhirWriter } from './writer';

const ResourceShape = z.looseObject({ resourceType: z.string(), id: z.string().optional() });
const Combined = z.object({ body: z.unknown(), response: z.custom<Response>((v) => typeof v === 'object' && v !== null && 'status' in v) });
const HttpErrorShape = z.object({ status: z.number(), message: z.string(), response: z.unknown().optional() });

function asResource<T>(v: unknown): T | undefined {
  const p = ResourceShape.safeParse(v);
  return p.success ? (p.data as T) : undefined;
}

/** fhirclient's HttpError.parse() appends the JSON body after a blank line: pull the resource back out. */
function bodyFromErrorText(message: string): unknown {
  const i = message.indexOf('\n\n');
  if (i < 0) return undefined;
  try {
    return JSON.parse(message.slice(i + 2));
  } catch {
    return undefined;
  }
}

export interface WriterHooks {
  /** The EHR session is over (401, or the refresh token was refused): only a relaunch from the chart helps. */
  onSessionEnded?: () => void;
}

/** fhirclient refreshes an expired access token itself; when the token endpoint refuses, the error is that answer
 * (400 invalid_grant or 401), or fhirclient's own "Unable to refresh" assertion. */
function endedSession(status: number, message: string, url: string | undefined, tokenUri: string | undefined): boolean {
  if (status === 401) return true;
  if (tokenUri && url && url.split('?')[0] === tokenUri.split('?')[0]) return true;
  return /invalid_grant|unable to refresh|session expired|re-?launch/i.test(message);
}

export function fhirclientWriter(client: Client, hooks: WriterHooks = {}): FhirWriter {
  let caps: Promise<CapabilityStatement> | undefined;
  const tokenUri = (): string | undefined => (client as { state?: { tokenUri?: string } }).state?.tokenUri;

  async function send<T>(url: string, init: RequestInit): Promise<FhirResponse<T>> {
    try {
      const raw: unknown = await client.request({ url, includeResponse: true, ...init });
      const c = Combined.safeParse(raw);
      if (!c.success) return { status: 200, body: asResource<T>(raw) };
      const out: FhirResponse<T> = { status: c.data.response.status, body: asResource<T>(c.data.body) };
      const location = c.data.response.headers?.get('Location');
      if (location) out.location = location;
      return out;
    } catch (e) {
      const err = HttpErrorShape.safeParse(e);
      if (!err.success) {
        const text = e instanceof Error ? e.message : '';
        if (endedSession(0, text, undefined, undefined) && !(e instanceof TypeError)) {
          hooks.onSessionEnded?.();
          return { status: 401, body: undefined };
        }
        return { status: 0, body: undefined };
      }
      const parse = (e as { parse?: () => Promise<unknown> }).parse;
      if (typeof parse === 'function') await parse.call(e).catch(() => undefined);
      const message = (e as { message: string }).message;
      const url = (e as { response?: { url?: unknown } }).response?.url;
      if (endedSession(err.data.status, message, typeof url === 'string' ? url : undefined, tokenUri())) {
        hooks.onSessionEnded?.();
        return { status: 401, body: asResource<T>(bodyFromErrorText(message)) };
      }
      return { status: err.data.status, body: asResource<T>(bodyFromErrorText(message)) };
    }
  }

  return {
    capabilities() {
      caps ??= send<CapabilityStatement>('metadata', {}).then((r) => {
        if (r.body?.resourceType !== 'CapabilityStatement') {
          caps = undefined;
          throw new Error(`metadata: status ${r.status}`);
        }
        return r.body;
      });
      return caps;
    },
    create<R extends Resource>(resource: R, ifNoneExist?: string) {
      return send<R>(resource.resourceType, {
        method: 'POST',
        headers: { 'Content-Type': 'application/fhir+json', ...(ifNoneExist ? { 'If-None-Exist': ifNoneExist } : {}) },
        body: JSON.stringify(resource),
      });
    },
    update<R extends Resource>(resource: R, versionId?: string) {
      return send<R>(`${resource.resourceType}/${encodeURIComponent(resource.id ?? '')}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/fhir+json', ...(versionId ? { 'If-Match': `W/"${versionId}"` } : {}) },
        body: JSON.stringify(resource),
      });
    },
    search(type: string, query: string) {
      return send(`${type}?${query}`, {});
    },
    transaction(bundle: Bundle) {
      return send<Bundle>('', { method: 'POST', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(bundle) });
    },
  };
}
