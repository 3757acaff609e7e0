// Retrying a write and naming why it failed: shared by write.ts and write-marks.ts (its own file, so neither imports
// the other).
import type { OperationOutcome } from 'fhir/r4';
import type { FhirResponse, WriteItem } from './writer';

export type FailureReason = 'session-ended' | 'forbidden' | 'unsupported' | 'conflict' | 'unreachable' | 'server' | 'rejected';

export interface WriteFailure {
  item: WriteItem;
  status: number;
  message: string;
  reason: FailureReason;
  outcome?: OperationOutcome;
}

export interface WriteOptions {
  /** Provenance.recorded; otherwise the server's meta.lastUpdated of the created resource, else the clock. */
  recorded?: string;
  /** Attempts per request for 5xx, 429 and network failures (status 0). Default 3. */
  attempts?: number;
  /** Wait between attempts (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
}

export const RETRYABLE = (s: number): boolean => s === 0 || s === 429 || s >= 500;

export function reasonOf(status: number): FailureReason {
  if (status === 401) return 'session-ended';
  if (status === 403) return 'forbidden';
  if (status === 405) return 'unsupported';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 0) return 'unreachable';
  if (RETRYABLE(status)) return 'server';
  return 'rejected';
}

export async function withRetry<T>(call: () => Promise<FhirResponse<T>>, opts: WriteOptions): Promise<FhirResponse<T>> {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let res: FhirResponse<T> = { status: 0, body: undefined };
  for (let i = 0; i < attempts; i++) {
    try {
      res = await call();
    } catch {
      res = { status: 0, body: undefined };
    }
    if (!RETRYABLE(res.status)) return res;
    if (i < attempts - 1) await sleep(250 * 2 ** i);
  }
  return res;
}
