// The sandbox's /fhir door: latency, the simulated faults of --faults (500, 429 with Retry-After, a slow answer),
// the request log the tests and the bench count waves from, then the FHIR API itself (fhir-routes.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthServer } from './auth';
import { handleFhir, type FhirResponse } from './fhir-routes';
import { CORS_HEADERS, headerMap, readBody, send, sleep } from './http';
import type { RequestLog } from './request-log';
import { operationOutcome } from './resource';
import type { ResourceStore } from './store';

export interface FhirDoor {
  log: RequestLog;
  store: ResourceStore;
  today: string;
  latencyMs: number;
  /** 0..1, split evenly between a 500, a 429 and a slow answer. */
  faults: number;
  slowMs: number;
  faultSeed: number | undefined;
  /** Known once the port is bound. */
  at(): { origin: string; fhirBase: string; auth: AuthServer };
}

export function serveFhir(door: FhirDoor): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const { log, latencyMs, faults, slowMs } = door;
  const dice = door.faultSeed === undefined ? Math.random : mulberry32(door.faultSeed);
  return async (req, res, url) => {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (method === 'OPTIONS') return send(res, 204, CORS_HEADERS, '');
    const record = log.begin(method, path + url.search);
    const body = method === 'POST' || method === 'PUT' ? await readBody(req) : '';
    if (latencyMs > 0) await sleep(latencyMs);
    let response: FhirResponse;
    const sub = path.slice('/fhir'.length).replace(/^\//, '');
    const faultable = faults > 0 && sub !== 'metadata' && !sub.startsWith('.well-known');
    const roll = faultable ? dice() : 1;
    if (roll < faults / 3) {
      response = { status: 500, json: operationOutcome('error', 'exception', 'Simulated server error (--faults)') };
    } else if (roll < (2 * faults) / 3) {
      response = {
        status: 429,
        headers: { 'Retry-After': '1' },
        json: operationOutcome('error', 'throttled', 'Simulated rate limit (--faults)'),
      };
    } else {
      if (roll < faults) await sleep(slowMs);
      const { origin, fhirBase, auth } = door.at();
      response = handleFhir(
        { origin, fhirBase, today: door.today, store: door.store, auth },
        { method, path: sub, query: url.searchParams, headers: headerMap(req), body },
      );
    }
    record.authorized = response.authorized === true;
    log.finish(record, response.status);
    const headers = { ...CORS_HEADERS, ...(response.headers ?? {}) };
    if (response.raw) return send(res, response.status, { ...headers, 'Content-Type': response.raw.contentType }, response.raw.data);
    return send(
      res,
      response.status,
      { ...headers, 'Content-Type': 'application/fhir+json; charset=utf-8' },
      JSON.stringify(response.json ?? {}),
    );
  };
}

/** Small seeded PRNG so --faults runs can be repeated exactly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
