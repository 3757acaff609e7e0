// FhirWriter over plain fetch (tests, the CLI, the sandbox). Response bodies are outside data: checked with zod
// for the one thing write.ts relies on (a FHIR resource shape), anything else becomes "no body".
import { z } from 'zod';
import type { Bundle, CapabilityStatement, Resource } from 'fhir/r4';
import type { FhirResponse, FhirWriter } from './writer';

const ResourceShape = z.looseObject({ resourceType: z.string(), id: z.string().optional() });

async function readBody<T>(res: Response): Promise<T | undefined> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    const parsed = ResourceShape.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as T) : undefined;
  } catch {
    return undefined;
  }
}

export function fetchWriter(base: string, token?: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): FhirWriter {
  const root = base.replace(/\/+$/, '');
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    Accept: 'application/fhir+json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...extra,
  });
  let caps: Promise<CapabilityStatement> | undefined;

  async function send<T>(url: string, init: RequestInit): Promise<FhirResponse<T>> {
    const res = await fetchImpl(url, init);
    const out: FhirResponse<T> = { status: res.status, body: await readBody<T>(res) };
    const location = res.headers.get('Location') ?? res.headers.get('Content-Location');
    if (location) out.location = location;
    return out;
  }

  return {
    capabilities() {
      caps ??= send<CapabilityStatement>(`${root}/metadata`, { headers: headers() }).then((r) => {
        if (r.status !== 200 || r.body?.resourceType !== 'CapabilityStatement') {
          caps = undefined;
          throw new Error(`metadata: status ${r.status}`);
        }
        return r.body;
      });
      return caps;
    },
    create<R extends Resource>(resource: R, ifNoneExist?: string) {
      return send<R>(`${root}/${resource.resourceType}`, {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/fhir+json', ...(ifNoneExist ? { 'If-None-Exist': ifNoneExist } : {}) }),
        body: JSON.stringify(resource),
      });
    },
    update<R extends Resource>(resource: R, versionId?: string) {
      return send<R>(`${root}/${resource.resourceType}/${encodeURIComponent(resource.id ?? '')}`, {
        method: 'PUT',
        headers: headers({ 'Content-Type': 'application/fhir+json', ...(versionId ? { 'If-Match': `W/"${versionId}"` } : {}) }),
        body: JSON.stringify(resource),
      });
    },
    search(type: string, query: string) {
      return send(`${root}/${type}?${query}`, { headers: headers() });
    },
    transaction(bundle: Bundle) {
      return send<Bundle>(root, {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/fhir+json' }),
        body: JSON.stringify(bundle),
      });
    },
  };
}
