// A record of every /fhir request (start and end times, method, path, status), so tests and the bench can count
// requests and tell how many sequential "waves" the app made: the longest chain of requests in which each one
// started only after the previous one had finished. One parallel wave whose bundles have two pages each is 2 waves.

export interface RequestRecord {
  method: string;
  /** Path and query relative to the origin (e.g. /fhir/Observation?patient=1). */
  path: string;
  start: number;
  end?: number;
  status?: number;
  authorized: boolean;
}

export class RequestLog {
  private readonly records: RequestRecord[] = [];
  /** performance.now() times at which /auth/token issued an access token. */
  readonly tokenTimes: number[] = [];

  markToken(): void {
    this.tokenTimes.push(performance.now());
  }

  begin(method: string, path: string): RequestRecord {
    const record: RequestRecord = { method, path, start: performance.now(), authorized: false };
    this.records.push(record);
    return record;
  }

  finish(record: RequestRecord, status: number): void {
    record.end = performance.now();
    record.status = status;
  }

  list(filter?: RequestFilter): RequestRecord[] {
    return this.records.filter((r) => matchesFilter(r, filter));
  }

  count(filter?: RequestFilter): number {
    return this.list(filter).length;
  }

  /** Length of the longest chain of strictly sequential requests among those matching the filter. */
  waves(filter?: RequestFilter): number {
    const done = this.list(filter)
      .filter((r): r is RequestRecord & { end: number } => r.end !== undefined)
      .sort((a, b) => a.start - b.start);
    const depth: number[] = [];
    let best = 0;
    done.forEach((r, i) => {
      let d = 1;
      for (let j = 0; j < i; j++) {
        const prev = done[j];
        if (prev && prev.end <= r.start) d = Math.max(d, (depth[j] ?? 0) + 1);
      }
      depth[i] = d;
      best = Math.max(best, d);
    });
    return best;
  }

  clear(): void {
    this.records.length = 0;
    this.tokenTimes.length = 0;
  }
}

export interface RequestFilter {
  /** Only requests that started at or after this performance.now() time. */
  since?: number;
  /** Only requests carrying a valid access token (leaves out metadata and smart-configuration). */
  authorizedOnly?: boolean;
  pathPrefix?: string;
}

function matchesFilter(r: RequestRecord, f: RequestFilter | undefined): boolean {
  if (!f) return true;
  if (f.since !== undefined && r.start < f.since) return false;
  if (f.authorizedOnly && !r.authorized) return false;
  if (f.pathPrefix !== undefined && !r.path.startsWith(f.pathPrefix)) return false;
  return true;
}
