// The only seam through which the app reads the EHR: one GET returning status + body. The read wave (read.ts)
// owns retries and paging; an implementation only moves bytes.

export interface FhirResponse {
  status: number;
  /** Parsed JSON when the server sent JSON, else the raw text. */
  body: unknown;
  headers: { retryAfter?: string };
}

export interface FhirReader {
  /** `url` is relative to the FHIR base ("Condition?patient=1") or absolute (a `next` link). */
  getJson(url: string, signal?: AbortSignal): Promise<FhirResponse>;
  /** POST a JSON body (a batch Bundle of searches) to `url`; readers without it get one GET per search. */
  postJson?(url: string, body: unknown, signal?: AbortSignal): Promise<FhirResponse>;
  /** FHIR base URL: the read wave sends the token to nothing outside it (attachments, next links). */
  readonly base: string;
}

export type FhirReadErrorKind = 'expired' | 'unreachable' | 'denied' | 'failed' | 'aborted';

/** A failure that ends the whole read (token expired, server unreachable). Per-type failures become DataIssues. */
export class FhirReadError extends Error {
  readonly kind: FhirReadErrorKind;
  readonly status?: number;
  constructor(kind: FhirReadErrorKind, message: string, status?: number) {
    super(message);
    this.name = 'FhirReadError';
    this.kind = kind;
    if (status !== undefined) this.status = status;
  }
}

/** Thrown by readers when the request never got an HTTP answer. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export function resolveUrl(base: string, url: string): string {
  return new URL(url, base.endsWith('/') ? base : `${base}/`).toString();
}

async function bodyOf(res: Response): Promise<unknown> {
  // A UTF-8 byte-order mark is not JSON; some servers and file exports send one.
  const raw = await res.text();
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const type = res.headers.get('content-type') ?? '';
  if (/json/i.test(type) || /^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** Plain fetch with a bearer token (tests, the Node CLI, a server-side batch). */
export function fetchReader(base: string, token?: string, fetchImpl?: typeof fetch): FhirReader {
  return {
    base,
    getJson: (url, signal) => send(url, undefined, signal),
    postJson: (url, body, signal) => send(url, body, signal),
  };

  async function send(url: string, json: unknown, signal: AbortSignal | undefined): Promise<FhirResponse> {
    const headers: Record<string, string> = { accept: 'application/fhir+json, application/json;q=0.9, */*;q=0.1' };
    if (token) headers.authorization = `Bearer ${token}`;
    const post = json !== undefined;
    if (post) headers['content-type'] = 'application/fhir+json';
    let res: Response;
    try {
      // Looked up per call, not captured: test interceptors and polyfills replace globalThis.fetch later.
      res = await (fetchImpl ?? globalThis.fetch)(resolveUrl(base, url), {
        headers,
        signal: signal ?? null,
        ...(post ? { method: 'POST', body: JSON.stringify(json) } : {}),
      });
    } catch (e) {
      if (signal?.aborted) throw new FhirReadError('aborted', 'The read was cancelled.');
      throw new NetworkError(e instanceof Error ? e.message : 'network error');
    }
    const retryAfter = res.headers.get('retry-after') ?? undefined;
    const body = await bodyOf(res);
    return { status: res.status, body, headers: retryAfter === undefined ? {} : { retryAfter } };
  }
}
