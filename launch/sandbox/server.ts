// The sandbox EHR: one node:http server on 127.0.0.1 holding the chart page (/), the built app (/app/), the FHIR
// R4 API (/fhir), and the SMART authorization server (/auth). Tests and the bench start it on port 0 in-process and
// inspect `store` to count requests; `npm start` runs it through main.ts.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { AuthServer } from './auth';
import { RESOURCE_TYPES, SMART_STYLE } from './capability';
import { chartPatients, launchRequestSchema, toLaunchOptions } from './chart-data';
import { daysBetween, isoDate, SEED_ANCHOR } from './date-shift';
import { handleFhir, type FhirResponse } from './fhir-routes';
import { loadDir } from './load';
import { RequestLog, type RequestFilter, type RequestRecord } from './request-log';
import { escapeHtml, serveApp } from './static';
import { operationOutcome } from './resource';
import { ensureSearchIndex } from './search';
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
const MAX_BODY = 50 * 1024 * 1024;
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, If-None-Exist, If-Match, Prefer',
  'Access-Control-Expose-Headers': 'Location, Content-Location, ETag, Last-Modified, Retry-After, WWW-Authenticate',
  'Access-Control-Max-Age': '600',
};

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = '127.0.0.1';
  if (opts.host !== undefined && opts.host !== host) throw new Error('The sandbox binds to 127.0.0.1 only');
  const today = opts.today ?? isoDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got ${today}`);
  const shiftDays = daysBetween(SEED_ANCHOR, today);
  const distDir = resolve(opts.distDir ?? join(SANDBOX_DIR, '..', '..', 'dist'));
  const latencyMs = Math.max(0, opts.latencyMs ?? 0);
  const faults = Math.min(1, Math.max(0, opts.faults ?? 0));
  const slowMs = opts.slowMs ?? 1500;
  const dice = opts.faultSeed === undefined ? Math.random : mulberry32(opts.faultSeed);

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
  const appHeaders = securityHeaders(opts.appSecurity);
  const chartHtml = readFileSync(join(SANDBOX_DIR, 'chart-page.html'));
  const chartJs = readFileSync(join(SANDBOX_DIR, 'chart-client.js'));
  let origin = '';
  let fhirBase = '';
  // The auth server needs the origin, which exists only once the port is bound.
  const late: { auth?: AuthServer; payer?: SandboxPayer } = {};

  const launchUrl = (launchId: string): string =>
    `${origin}/app/launch/index.html?iss=${encodeURIComponent(fhirBase)}&launch=${encodeURIComponent(launchId)}`;

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
    const auth = late.auth;
    if (!auth) throw new Error('server not ready');
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const path = url.pathname;

    if (path === '/fhir' || path.startsWith('/fhir/')) {
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
        response = handleFhir(
          { origin, fhirBase, today, store: resources, auth },
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
    }

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
    if (path === '/auth/introspect' && method === 'POST') {
      return send(
        res,
        200,
        { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
        JSON.stringify(auth.introspect(new URLSearchParams(await readBody(req)))),
      );
    }
    if (path === '/auth/authorize' && (method === 'GET' || method === 'POST')) {
      // SMART allows the authorize request as a form POST too (capability authorize-post).
      const params = method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
      const outcome = auth.authorize(params, params.get('sandbox_patient') ?? undefined);
      if (outcome.kind === 'redirect') return send(res, 302, { Location: outcome.location, 'Cache-Control': 'no-store' }, '');
      if (outcome.kind === 'error-page')
        return send(
          res,
          outcome.status,
          { 'Content-Type': 'text/html; charset=utf-8' },
          page('Authorization refused', `<p>${escapeHtml(outcome.message)}</p>`),
        );
      const pickerBase = new URL(url);
      pickerBase.search = params.toString();
      return send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, pickerPage(pickerBase));
    }
    if (path === '/auth/token') {
      if (method === 'OPTIONS') return send(res, 204, CORS_HEADERS, '');
      if (method !== 'POST') return send(res, 405, { ...CORS_HEADERS, Allow: 'POST' }, '');
      const result = auth.token(new URLSearchParams(await readBody(req)));
      if (result.status === 200) log.markToken();
      return send(
        res,
        result.status,
        { ...CORS_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Pragma: 'no-cache' },
        JSON.stringify(result.body),
      );
    }
    if (path === '/auth/jwks') return send(res, 200, { ...CORS_HEADERS, 'Content-Type': 'application/json' }, JSON.stringify(auth.jwks));
    if (path === '/smart-style.json')
      return send(res, 200, { ...CORS_HEADERS, 'Content-Type': 'application/json' }, JSON.stringify(SMART_STYLE));

    if (path === '/' || path === '/index.html') return send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, chartHtml);
    if (path === '/chart.js') return send(res, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }, chartJs);
    if (path === '/chart/api/patients')
      return send(res, 200, { 'Content-Type': 'application/json' }, JSON.stringify(chartPatients(resources)));
    if ((path === '/chart/api/launch' && method === 'POST') || path === '/chart/standalone') {
      const standalone = path === '/chart/standalone';
      let input: unknown;
      try {
        input = standalone ? { ...Object.fromEntries(url.searchParams), standalone: true } : JSON.parse(await readBody(req));
      } catch {
        input = undefined;
      }
      const parsed = launchRequestSchema.safeParse(input);
      const options = parsed.success ? toLaunchOptions(resources, parsed.data) : 'The launch request is not valid';
      if (typeof options === 'string') {
        return standalone
          ? send(res, 400, { 'Content-Type': 'text/html; charset=utf-8' }, page('Launch refused', `<p>${escapeHtml(options)}</p>`))
          : send(res, 400, { 'Content-Type': 'application/json' }, JSON.stringify({ error: options }));
      }
      const launch = auth.createLaunch(options);
      if (standalone) return send(res, 302, { Location: launchUrl(launch) }, '');
      return send(res, 200, { 'Content-Type': 'application/json' }, JSON.stringify({ launch, url: launchUrl(launch) }));
    }
    if (path === '/app') return send(res, 301, { Location: '/app/' }, '');
    if (path.startsWith('/app/')) {
      let rel: string;
      try {
        rel = decodeURIComponent(path.slice('/app/'.length));
      } catch {
        return send(res, 400, {}, 'Bad path');
      }
      const file = serveApp(distDir, rel);
      // Hashed build output never changes under its name: cached as a host would (README, Hosting), so what the
      // launch page preloads during the SMART redirects is what the app page then runs. Pages are revalidated.
      const cache = file.status === 200 && rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      // Static, public files: readable by a sandboxed (opaque-origin) frame, whose module scripts load with CORS.
      return send(
        res,
        file.status,
        { ...appHeaders, 'Access-Control-Allow-Origin': '*', 'Content-Type': file.contentType, 'Cache-Control': cache },
        file.body,
      );
    }
    return send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found');
  }

  function pickerPage(url: URL): string {
    const items = chartPatients(resources)
      .map((p) => {
        const next = new URL(url);
        next.searchParams.set('sandbox_patient', p.id);
        return `<li><a data-testid="pick-${escapeHtml(p.id)}" href="${escapeHtml(next.pathname + next.search)}">${escapeHtml(p.name)}</a> <span>${escapeHtml(p.birthDate ?? '')}</span></li>`;
      })
      .join('');
    return page('Choose a patient', `<p>The app asked for a patient. Choose one:</p><ul>${items}</ul>`);
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

function headerMap(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, headers);
  res.end(body);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
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
