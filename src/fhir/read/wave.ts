// One read's HTTP requests: retries with backoff (Retry-After honoured on a 429), the count of requests made, the
// issues found on the way, and one abort for all of them. The searches (search.ts) and the second wave (read.ts) send
// through it.
import type { DataIssue } from '../../policy/picture';
import { FhirReadError, NetworkError, type FhirReader, type FhirResponse } from './reader';
import { sendBatch } from './wave-plan';

export interface WaveOptions {
  /**
   * Called with each search page's resources (by their own resourceType) as it arrives, before its next page is asked
   * for: a listener that has work to do defers it.
   */
  onPage?: (resources: readonly { type: string; resource: unknown }[]) => void;
  signal?: AbortSignal;
  /** Longest honoured Retry-After, ms (default 5000). */
  maxRetryAfterMs?: number;
  /** Injected in tests to observe waits without waiting. */
  sleep?: (ms: number) => Promise<void>;
}

export const MAX_TRIES = 3;
const BACKOFF_MS = 250;

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | undefined, fallback: number, cap: number, now = Date.now()): number {
  if (header === undefined) return Math.min(fallback, cap);
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.min(Math.max(0, secs * 1000), cap);
  const when = Date.parse(header);
  if (Number.isNaN(when)) return Math.min(fallback, cap);
  return Math.min(Math.max(0, when - now), cap);
}

export class Wave {
  requests = 0;
  readonly issues: DataIssue[] = [];
  readonly controller = new AbortController();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly cap: number;
  readonly base: string;
  readonly onPage: ((resources: readonly { type: string; resource: unknown }[]) => void) | undefined;

  constructor(
    private readonly reader: FhirReader,
    opts: WaveOptions,
  ) {
    this.base = reader.base;
    this.sleep = opts.sleep ?? defaultSleep;
    this.cap = opts.maxRetryAfterMs ?? 5000;
    this.onPage = opts.onPage;
    const outer = opts.signal;
    if (outer) {
      if (outer.aborted) this.controller.abort();
      else outer.addEventListener('abort', () => this.controller.abort(), { once: true });
    }
  }

  /** GET with retries; returns the final response (any status) plus the tries used, or throws a fatal error. */
  async get(url: string): Promise<{ res: FhirResponse; tries: number }> {
    for (let attempt = 1; ; attempt++) {
      if (this.controller.signal.aborted) throw new FhirReadError('aborted', 'The read was cancelled.');
      this.requests++;
      let res: FhirResponse;
      try {
        res = await this.reader.getJson(url, this.controller.signal);
      } catch (e) {
        if (e instanceof FhirReadError) throw e;
        if (!(e instanceof NetworkError) && !(e instanceof TypeError)) throw e;
        if (attempt >= MAX_TRIES) throw new FhirReadError('unreachable', 'The EHR could not be reached.');
        await this.sleep(BACKOFF_MS * 2 ** (attempt - 1));
        continue;
      }
      if (res.status === 401) throw new FhirReadError('expired', 'The EHR session has expired.', 401);
      const retryable = res.status === 429 || res.status >= 500;
      if (!retryable || attempt >= MAX_TRIES) return { res, tries: attempt };
      const backoff = BACKOFF_MS * 2 ** (attempt - 1);
      await this.sleep(res.status === 429 ? retryAfterMs(res.headers.retryAfter, backoff, this.cap) : backoff);
    }
  }

  /** One POST for many searches (wave-plan.ts); each answer is undefined where that search must be sent alone. */
  batch(urls: string[]): Promise<(FhirResponse | undefined)[]> {
    this.requests++;
    return sendBatch(this.reader, urls, this.controller.signal);
  }

  fail(error: unknown): never {
    this.controller.abort();
    throw error;
  }
}
