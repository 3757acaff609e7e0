// A batch Bundle of GET entries (FHIR R4 http.html#transaction): each entry is answered as the same GET sent on its
// own (same token, scopes and patient compartment), and a failing entry fails only itself. Real EHRs differ here
// (many answer batch with GETs, some refuse batch altogether, as the sandbox does under the no-transactions
// restriction), and the app must work with both.
import { operationOutcome } from './resource';

export interface BatchGet {
  path: string;
  query: URLSearchParams;
}

/** The GET entries of a batch Bundle, or undefined when the body is anything else (left to processBundle). */
export function batchOfGets(body: string): BatchGet[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const b = json as { resourceType?: unknown; type?: unknown; entry?: unknown };
  if (b?.resourceType !== 'Bundle' || b.type !== 'batch' || !Array.isArray(b.entry) || b.entry.length === 0) return undefined;
  const gets: BatchGet[] = [];
  for (const e of b.entry as { request?: { method?: unknown; url?: unknown } }[]) {
    const method = e?.request?.method;
    const url = e?.request?.url;
    if (typeof method !== 'string' || method.toUpperCase() !== 'GET' || typeof url !== 'string') return undefined;
    const [path = '', query = ''] = url.replace(/^\/+/, '').split('?', 2);
    gets.push({ path, query: new URLSearchParams(query) });
  }
  return gets;
}

export function batchResponse(answers: { status: number; json?: unknown }[]): unknown {
  return {
    resourceType: 'Bundle',
    type: 'batch-response',
    entry: answers.map((a) =>
      a.status >= 200 && a.status < 300
        ? { resource: a.json, response: { status: String(a.status) } }
        : {
            response: {
              status: String(a.status),
              outcome: a.json ?? operationOutcome('error', 'processing', `The entry failed (${a.status})`),
            },
          },
    ),
  };
}
