// The service and the sandbox payer in one process, joined by a fetch that routes by URL: no sockets, PGlite in
// memory (or in a data dir to test restarts). Introspection is a table of tokens standing in for the EHR.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SandboxPayer } from '../../launch/sandbox/payer/payer';
import type { Scenario } from '../../launch/sandbox/payer/decisions';
import { startService, type RunningService } from '../../src/server/start';
import { openPglite, type Sql } from '../../src/server/db';
import type { ServiceAnswer } from '../../src/server/routes';

export const ORIGIN = 'http://stack.test';
const FIX = join(import.meta.dirname, 'fixtures', 'pas');

/** The PAS IG's request Bundle example (patient SubscriberExample), optionally with another Claim identifier. */
export function igRequest(claimValue?: string, patientId?: string): Record<string, unknown> {
  const b = JSON.parse(readFileSync(join(FIX, 'Bundle-MedicalServicesAuthorizationBundleExample.json'), 'utf8')) as {
    entry: { fullUrl: string; resource: Record<string, unknown> }[];
  };
  const claim = b.entry[0]!.resource as { identifier: { value: string }[]; patient: { reference: string } };
  if (claimValue) claim.identifier[0]!.value = claimValue;
  if (patientId) {
    const p = b.entry.find((e) => e.resource.resourceType === 'Patient')!;
    p.resource.id = patientId;
    p.fullUrl = `http://example.org/fhir/Patient/${patientId}`;
    claim.patient.reference = `Patient/${patientId}`;
  }
  return b as unknown as Record<string, unknown>;
}

let shared: Promise<Sql> | undefined;
/** One in-memory PGlite per test file (it takes seconds to open), emptied for each harness. */
export async function sharedSql(): Promise<Sql> {
  shared ??= openPglite();
  const sql = await shared;
  await sql.query(`DROP TABLE IF EXISTS pa_event, pa_request, pa_subscription`);
  return sql;
}

export interface Harness {
  payer: SandboxPayer;
  svc: RunningService;
  /** Tokens the fake EHR knows: token -> patient context (undefined: user-level). */
  tokens: Map<string, string | undefined>;
  call(method: string, path: string, body?: unknown, token?: string, query?: Record<string, string>): Promise<ServiceAnswer>;
  /** Make the next n payer FHIR calls fail with 503 (or throw, for 'network'). */
  failNext(n: number, how?: 503 | 'network'): void;
  payerCalls: string[];
  /** The fetch joining everything: the app's service client can use it too. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

export async function harness(
  o: {
    scenario?: Scenario | ((patient: string) => Scenario);
    dataDir?: string;
    /** A Postgres server: the service opens it itself, as `npm start` does with DATABASE_URL. */
    databaseUrl?: string;
    portalPayers?: string[];
    payer?: SandboxPayer;
    validate?: (b: unknown) => string[];
  } = {},
): Promise<Harness> {
  const tokens = new Map<string, string | undefined>([
    ['tok-patient', 'SubscriberExample'],
    ['tok-user', undefined],
    ['tok-other', 'someone-else'],
  ]);
  let failing = 0;
  let failHow: 503 | 'network' = 503;
  const payerCalls: string[] = [];
  const late: { svc?: RunningService } = {};
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const body = typeof init?.body === 'string' ? init.body : init?.body instanceof URLSearchParams ? init.body.toString() : '';
    const headers = Object.fromEntries(
      Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    if (url.pathname === '/auth/introspect') {
      const t = new URLSearchParams(body).get('token') ?? '';
      const json = tokens.has(t)
        ? {
            active: true,
            sub: 'prac-1',
            fhirUser: 'Practitioner/prac-1',
            exp: Math.floor(Date.now() / 1000) + 600,
            ...(tokens.get(t) ? { patient: tokens.get(t) } : {}),
          }
        : { active: false };
      return Response.json(json);
    }
    if (url.pathname.startsWith('/payer/')) {
      const path = url.pathname.slice('/payer'.length);
      if (path.startsWith('/fhir/')) {
        payerCalls.push(path);
        if (failing > 0) {
          failing -= 1;
          if (failHow === 'network') throw new TypeError('fetch failed');
          return new Response('{"resourceType":"OperationOutcome","issue":[]}', { status: 503 });
        }
      }
      const a = await payer.handle({ method: init?.method ?? 'GET', path, headers, body });
      return new Response(a.json === undefined ? null : JSON.stringify(a.json), { status: a.status });
    }
    if (url.pathname.startsWith('/service/')) {
      const a = await late.svc!.routes({
        method: init?.method ?? 'GET',
        path: url.pathname.slice('/service'.length),
        query: url.searchParams,
        headers,
        body,
      });
      return new Response(JSON.stringify(a.json), { status: a.status });
    }
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  const scenario = o.scenario ?? 'approve';
  const payer =
    o.payer ??
    new SandboxPayer({
      origin: ORIGIN,
      today: () => '2026-11-23',
      pendMs: 60_000,
      fetchImpl,
      scenarioFor: typeof scenario === 'function' ? scenario : () => scenario,
      ...(o.validate ? { validate: o.validate } : {}),
    });
  const svc = await startService({
    ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : o.dataDir ? { dataDir: o.dataDir } : { sql: await sharedSql() }),
    publicBase: `${ORIGIN}/service`,
    introspectUrl: `${ORIGIN}/auth/introspect`,
    payers: [{ id: '*', fhirBase: `${ORIGIN}/payer/fhir`, tokenUrl: `${ORIGIN}/payer/auth/token`, clientId: 'claimready-service' }],
    fetch: fetchImpl,
    retryDelayMs: 1,
    ...(o.portalPayers ? { portalPayers: o.portalPayers } : {}),
  });
  late.svc = svc;
  payer.auth.register('claimready-service', svc.key.jwks);
  return {
    payer,
    svc,
    tokens,
    payerCalls,
    fetch: fetchImpl,
    call: (method, path, body, token = 'tok-patient', query = {}) =>
      svc.routes({
        method,
        path,
        query: new URLSearchParams(query),
        headers: token ? { authorization: `Bearer ${token}` } : {},
        body: body === undefined ? '' : JSON.stringify(body),
      }),
    failNext: (n, how = 503) => {
      failing = n;
      failHow = how;
    },
    close: async () => {
      if (!o.payer) payer.close();
      await svc.close();
    },
  };
}
