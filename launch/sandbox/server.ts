// The sandbox EHR: one node:http server on 127.0.0.1 holding the chart page (/), the built app (/app/), the FHIR
// R4 API (/fhir), and the SMART authorization server (/auth). Tests and the bench start it on port 0 in-process and
// inspect `store` to count requests; `npm start` runs it through main.ts.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { AuthServer } from './auth';
import { RESOURCE_TYPES } from './capability';
import { toLaunchOptions } from './chart-data';
import { daysBetween, isoDate, SEED_ANCHOR } from './date-shift';
import { headerMap, readBody, send } from './http';
import { loadDir } from './load';
import { RequestLog, type RequestFilter, type RequestRecord } from './request-log';
import { operationOutcome } from './resource';
import { ensureSearchIndex } from './search';
import { serveAuth } from './serve-auth';
import { serveChart } from './serve-chart';
import { serveFhir } from './serve-fhir';
import { ResourceStore } from './store';
import type { EhrRestrictions } from './restrictions';
import { securityHeaders, type SecurityHeaderOptions } from './security-headers';
import { SandboxPayer } from './payer/payer';
import type { Scenario } from './payer/decisions';
import { scenarioFor } from './payer/scenarios';

export interface SandboxOptions {
  port?: number;
  /** Always 127.0.0.1: the sandbox serves synthetic data but must never be reachable from the network. */
  host?: string;
  dataDirs?: string[];
  /** Added to every /fhir request, in ms. */
  latencyMs?: number;
  /** 0..1: probability that a /fhir resource request gets a 500, a 429 with Retry-After, or a slow answer. */
  faults?: number;
  /** Seeds the fault dice so a test or bench run is repeatable. */
  faultSeed?: number;
  /** YYYY-MM-DD; seed dates are shifted from the seed anchor to this day (default: the real today). */
  today?: string;
  distDir?: string;
  seed?: boolean;
  /** Where the seed bundles live (default launch/sandbox/seed); tests point it at their own files. */
  seedDir?: string;
  /** Extra delay of a "slow" fault, in ms (default 1500). */
  slowMs?: number;
  /** The app's security headers (security-headers.ts); the sandbox serves EHR and app from one origin, so the
   * defaults ('self') are the strictest that work. Tests add origins to prove the app itself sends nothing there. */
  appSecurity?: SecurityHeaderOptions;
  /** The sandbox payer (/payer): scenario per patient id over the seed table, pend delay, conformance hook. */
  payer?: { scenarios?: Record<string, Scenario>; pendMs?: number; validate?: (bundle: unknown) => string[]; fetchImpl?: typeof fetch };
  /** Other handlers on the same origin by path prefix (e.g. "/service" for the ClaimReady service). */
  mounts?: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>;
}

export interface SandboxStore {
  countRequests(filter?: RequestFilter): number;
  requests(filter?: RequestFilter): RequestRecord[];
  /** Longest chain of strictly sequential /fhir requests (see request-log.ts). */
  waves(filter?: RequestFilter): number;
  /** performance.now() times at which access tokens were issued. */
  tokenTimes(): number[];
  clearRequests(): void;
  resources: ResourceStore;
  /** Problems met while loading seed and --data files (bad lines are skipped, never fatal). */
  loadProblems: string[];
  /** Days the seed dates were shifted by. */
  shiftDays: number;
}

export interface Sandbox {
  origin: string;
  fhirBase: string;
  chartUrl: string;
  /** Builds the app launch URL for a patient without going through the chart page (for tests and the bench). */
  launchUrl(
    options: {
      patient: string;
      encounter?: string;
      serviceRequest?: string;
      standalone?: boolean;
      tokenLifetime?: number;
      withholdWrite?: boolean;
      withholdObservation?: boolean;
    } & EhrRestrictions,
  ): string;
  close(): Promise<void>;
  /** Resolves when the search cache is warm (the server answers before that, just slower the first time). */
  ready: Promise<void>;
  store: SandboxStore;
  /** The sandbox payer, to register client JWKS and settle pended requests in tests. */
  payer: SandboxPayer;
}

const SANDBOX_DIR = import.meta.dirname;

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = '127.0.0.1';
  if (opts.host !== undefined && opts.host !== host) throw new Error('The sandbox binds to 127.0.0.1 only');
  const today = opts.today ?? isoDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got ${today}`);
  const shiftDays = daysBetween(SEED_ANCHOR, today);

  ensureSearchIndex();
  const resources = new ResourceStore();
  const loadProblems: string[] = [];
  const sources = [
    ...(opts.seed === false ? [] : [{ dir: opts.seedDir ?? join(SANDBOX_DIR, 'seed'), shift: shiftDays, quietNonFhir: true }]),
    ...(opts.dataDirs ?? []).map((dir) => ({ dir, shift: 0, quietNonFhir: false })),
  ];
  for (const { dir, shift, quietNonFhir } of sources) {
    const loaded = loadDir(dir, shift, { quietNonFhir });
    loadProblems.push(...loaded.problems);
    for (const r of loaded.resources) resources.put(r);
  }
  const practitionerId = resources.all('Practitioner')[0]?.id ?? resources.put(SANDBOX_PRACTITIONER).id ?? 'sandbox-practitioner';

  const log = new RequestLog();
  let origin = '';
  let fhirBase = '';
  // The auth server needs the origin, which exists only once the port is bound.
  const late: { auth?: AuthServer; payer?: SandboxPayer } = {};
  const ready = (): AuthServer => {
    if (!late.auth) throw new Error('server not ready');
    return late.auth;
  };

  const launchUrl = (launchId: string): string =>
    `${origin}/app/launch/index.html?iss=${encodeURIComponent(fhirBase)}&launch=${encodeURIComponent(launchId)}`;
  const fhir = serveFhir({
    log,
    store: resources,
    today,
    latencyMs: Math.max(0, opts.latencyMs ?? 0),
    faults: Math.min(1, Math.max(0, opts.faults ?? 0)),
    slowMs: opts.slowMs ?? 1500,
    faultSeed: opts.faultSeed,
    at: () => ({ origin, fhirBase, auth: ready() }),
  });
  const chart = {
    resources,
    chartHtml: readFileSync(join(SANDBOX_DIR, 'chart-page.html')),
    chartJs: readFileSync(join(SANDBOX_DIR, 'chart-client.js')),
    distDir: resolve(opts.distDir ?? join(SANDBOX_DIR, '..', '..', 'dist')),
    appHeaders: securityHeaders(opts.appSecurity),
    launchUrl,
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Never echo request data here: bodies may hold (synthetic) PHI.
      console.error(
        `sandbox: ${req.method ?? ''} ${(req.url ?? '').split('?')[0]} failed: ${err instanceof Error ? err.message : 'unknown error'}`,
      );
      if (!res.headersSent)
        send(
          res,
          500,
          { 'Content-Type': 'application/fhir+json' },
          JSON.stringify(operationOutcome('error', 'exception', 'Internal sandbox error')),
        );
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const auth = ready();
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const path = url.pathname;

    if (path === '/fhir' || path.startsWith('/fhir/')) return fhir(req, res, url);
    if ((path === '/payer' || path.startsWith('/payer/')) && late.payer) {
      const answer = await late.payer.handle({
        method,
        path: path.slice('/payer'.length),
        headers: headerMap(req),
        body: method === 'POST' ? await readBody(req) : '',
      });
      if (answer.status === 204 || answer.json === undefined) return send(res, answer.status, {}, '');
      return send(
        res,
        answer.status,
        { 'Content-Type': answer.contentType ?? 'application/json', 'Cache-Control': 'no-store' },
        JSON.stringify(answer.json),
      );
    }
    for (const [prefix, mounted] of Object.entries(opts.mounts ?? {})) {
      if (path === prefix || path.startsWith(`${prefix}/`)) return mounted(req, res);
    }
    if (await serveAuth({ auth, log, resources }, req, res, url)) return;
    if (await serveChart({ ...chart, auth }, req, res, url)) return;
    return send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found');
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 4400, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;
  fhirBase = `${origin}/fhir`;
  const authServer = new AuthServer({ origin, fhirBase, practitionerId, knownTypes: RESOURCE_TYPES, now: () => Date.now() });
  late.auth = authServer;
  const payer = new SandboxPayer({
    origin,
    today: () => today,
    scenarioFor: scenarioFor(opts.payer?.scenarios),
    ...(opts.payer?.pendMs !== undefined ? { pendMs: opts.payer.pendMs } : {}),
    ...(opts.payer?.validate ? { validate: opts.payer.validate } : {}),
    ...(opts.payer?.fetchImpl ? { fetchImpl: opts.payer.fetchImpl } : {}),
  });
  late.payer = payer;
  const warmed = resources.warm();

  return {
    origin,
    fhirBase,
    chartUrl: `${origin}/`,
    ready: warmed,
    payer,
    launchUrl: (o) => {
      const options = toLaunchOptions(resources, { ...o, standalone: o.standalone ?? false });
      if (typeof options === 'string') throw new Error(options);
      return launchUrl(authServer.createLaunch(options));
    },
    close: () =>
      warmed.then(
        () =>
          new Promise<void>((ok, fail) => {
            payer.close();
            server.closeAllConnections();
            server.close((err) => (err ? fail(err) : ok()));
          }),
      ),
    store: {
      countRequests: (f) => log.count(f),
      requests: (f) => log.list(f),
      waves: (f) => log.waves(f),
      tokenTimes: () => [...log.tokenTimes],
      clearRequests: () => log.clear(),
      resources,
      loadProblems,
      shiftDays,
    },
  };
}

const SANDBOX_PRACTITIONER = {
  resourceType: 'Practitioner',
  id: 'sandbox-practitioner',
  active: true,
  name: [{ use: 'official', family: 'Rivera', given: ['Dana'], prefix: ['Dr.'] }],
  identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1999999984' }],
};
