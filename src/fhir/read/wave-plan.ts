// The read wave's plan: which patient searches go out as their own GET and which ride together in one batch Bundle
// (FHIR R4 http.html#transaction: a `batch` of GET entries, each answered on its own). A browser opens six
// connections to an HTTP/1.1 host and the app's own scripts share them, so thirteen separate searches take three
// round trips where four searches and one batch take one. Where the EHR refuses the batch (no batch interaction, an
// error, an answer that is not a batch-response with one entry per search) or answers one of its entries with an
// error, that search is sent again as a plain GET: an EHR without batch costs one round trip, never a search.
import { z } from 'zod';
import type { FhirReader, FhirResponse } from './reader';

/** Searches that may need several pages go alone: a page chain cannot ride in a batch, and starts at once. */
export const ALONE: ReadonlySet<string> = new Set(['Observation', 'Encounter', 'Procedure', 'DocumentReference']);

export interface WavePlan {
  alone: string[];
  batched: string[];
}

/** `batch`: whether the reader can POST a batch at all (the CLI's file reader cannot). */
export function planWave(types: readonly string[], batch: boolean): WavePlan {
  const batched = batch ? types.filter((t) => !ALONE.has(t)) : [];
  // A batch of one is a GET with extra steps.
  if (batched.length < 2) return { alone: [...types], batched: [] };
  return { alone: types.filter((t) => ALONE.has(t)), batched };
}

export function batchBundle(urls: readonly string[]): unknown {
  return { resourceType: 'Bundle', type: 'batch', entry: urls.map((url) => ({ request: { method: 'GET', url } })) };
}

const BatchResponseSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('batch-response'),
  entry: z.array(z.looseObject({ resource: z.unknown().optional(), response: z.looseObject({ status: z.string() }) })),
});

/**
 * Each entry's answer in request order, as if it had been its own GET; `undefined` where the search must be sent
 * alone (the whole batch refused, or that entry not a success).
 */
export function batchAnswers(res: FhirResponse | undefined, n: number): (FhirResponse | undefined)[] {
  const none = Array.from({ length: n }, () => undefined);
  if (!res || res.status < 200 || res.status >= 300) return none;
  const parsed = BatchResponseSchema.safeParse(res.body);
  if (!parsed.success || parsed.data.entry.length !== n) return none;
  return parsed.data.entry.map((e) => {
    // "200 OK", "200": the status code leads the string (R4 Bundle.entry.response.status).
    const status = Number(/^\s*(\d{3})/.exec(e.response.status)?.[1] ?? NaN);
    if (!(status >= 200 && status < 300) || e.resource === undefined) return undefined;
    return { status, body: e.resource, headers: {} };
  });
}

/** Posts the batch to the FHIR base; never throws (a failed batch is a batch to send as plain searches). */
export async function sendBatch(reader: FhirReader, urls: readonly string[], signal: AbortSignal): Promise<(FhirResponse | undefined)[]> {
  if (!reader.postJson) return batchAnswers(undefined, urls.length);
  try {
    return batchAnswers(await reader.postJson(reader.base, batchBundle(urls), signal), urls.length);
  } catch {
    return batchAnswers(undefined, urls.length);
  }
}
