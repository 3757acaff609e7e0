// Adapter so the read wave goes through fhirclient's request(): it attaches the token and refreshes it when it
// expires. Kept apart from read.ts so the CLI and tests never load fhirclient.
import type Client from 'fhirclient/lib/Client';
import { FhirReadError, NetworkError, type FhirReader, type FhirResponse } from './reader';

interface HttpErrorLike {
  status: number;
  response?: Response;
}

function isHttpError(e: unknown): e is HttpErrorLike {
  return typeof e === 'object' && e !== null && 'status' in e && typeof (e as { status: unknown }).status === 'number';
}

async function errorBody(res: Response | undefined): Promise<unknown> {
  if (!res || res.bodyUsed) return undefined;
  try {
    return (await res.clone().json()) as unknown;
  } catch {
    return undefined;
  }
}

export function fhirclientReader(client: Client): FhirReader {
  async function send(url: string, json: unknown, signal: AbortSignal | undefined): Promise<FhirResponse> {
    const post = json !== undefined;
    try {
      const result = await client.request<{ body: unknown; response: Response }>({
        url,
        includeResponse: true,
        headers: post ? { accept: 'application/fhir+json', 'content-type': 'application/fhir+json' } : { accept: 'application/fhir+json' },
        signal: signal ?? null,
        ...(post ? { method: 'POST', body: JSON.stringify(json) } : {}),
      });
      const retryAfter = result.response.headers.get('retry-after') ?? undefined;
      return { status: result.response.status, body: result.body, headers: retryAfter === undefined ? {} : { retryAfter } };
    } catch (e) {
      if (signal?.aborted) throw new FhirReadError('aborted', 'The read was cancelled.');
      if (isHttpError(e)) {
        const retryAfter = e.response?.headers.get('retry-after') ?? undefined;
        return { status: e.status, body: await errorBody(e.response), headers: retryAfter === undefined ? {} : { retryAfter } };
      }
      throw new NetworkError(e instanceof Error ? e.message : 'network error');
    }
  }
  return {
    base: client.state.serverUrl,
    getJson: (url, signal) => send(url, undefined, signal),
    postJson: (url, body, signal) => send(url, body, signal),
  };
}
