// The service's HTTP API under /service, as a plain function of the request so tests call it without a socket and
// any node:http server can mount it. Every route but the public JWKS and the payer's rest-hook needs the user's SMART
// access token (checked by introspection); bodies are JSON and never logged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { LifecycleService, SECRET_HEADER, ServiceError } from './service';
import type { Introspector } from './user-auth';

export interface ServiceRequest {
  method: string;
  /** Path below /service, e.g. "/requests". */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface ServiceAnswer {
  status: number;
  json: unknown;
}

const SubmitBody = z.object({
  bundle: z.unknown(),
  priority: z.enum(['standard', 'expedited']).optional(),
  portal: z.boolean().optional(),
  chartTask: z.string().min(3).max(300).optional(),
});
const MAX_BODY = 20 * 1024 * 1024;

export function serviceRoutes(
  service: LifecycleService,
  introspector: Introspector,
  jwks: unknown,
): (req: ServiceRequest) => Promise<ServiceAnswer> {
  const fail = (status: number, message: string): ServiceAnswer => ({ status, json: { error: message } });
  return async (req) => {
    const { method, path } = req;
    if (path === '/jwks' && method === 'GET') return { status: 200, json: jwks };
    const notify = /^\/notify\/([^/]+)$/.exec(path);
    if (notify && method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse(req.body);
      } catch {
        return fail(400, 'not JSON');
      }
      const status = await service.notify(decodeURIComponent(notify[1]!), req.headers[SECRET_HEADER], body);
      return { status, json: status === 200 ? { ok: true } : { error: 'unknown subscription or wrong secret' } };
    }
    const who = await introspector.check(req.headers.authorization);
    if (!who.ok) return fail(who.status, who.reason);
    const caller = who.caller;
    let json: unknown;
    if (method === 'POST' && req.body) {
      try {
        json = JSON.parse(req.body);
      } catch {
        return fail(400, 'The request body is not JSON.');
      }
    }
    try {
      if (path === '/requests' && method === 'POST') {
        const b = SubmitBody.safeParse(json);
        if (!b.success) return fail(400, 'Send {"bundle": <PAS request Bundle>, "priority"?: "standard"|"expedited", "portal"?: true}.');
        return {
          status: 200,
          json: await service.submit(b.data.bundle, caller, {
            ...(b.data.priority ? { priority: b.data.priority } : {}),
            ...(b.data.portal ? { portal: true } : {}),
            ...(b.data.chartTask ? { chartTask: b.data.chartTask } : {}),
          }),
        };
      }
      if (path === '/requests' && method === 'GET') {
        const patient = req.query.get('patient') ?? caller.patient;
        if (!patient) return fail(400, 'Name the patient (?patient=ID).');
        return { status: 200, json: await service.forPatient(patient, caller) };
      }
      if (path === '/queue' && method === 'GET') {
        const status = req.query.get('status') ?? undefined;
        const payerId = req.query.get('payer') ?? undefined;
        return { status: 200, json: await service.queue(caller, { ...(status ? { status } : {}), ...(payerId ? { payerId } : {}) }) };
      }
      const one = /^\/requests\/([A-Za-z0-9-]+)(\/inquire|\/portal|\/response|\/answer)?$/.exec(path);
      if (one) {
        const id = one[1]!;
        if (!one[2] && method === 'GET') return { status: 200, json: await service.get(id, caller) };
        if (one[2] === '/response' && method === 'GET') return { status: 200, json: await service.response(id, caller) };
        if (one[2] === '/inquire' && method === 'POST') return { status: 200, json: await service.inquire(id, caller) };
        if (one[2] === '/portal' && method === 'POST') return { status: 200, json: await service.portal(id, caller, json) };
        if (one[2] === '/answer' && method === 'POST') return { status: 200, json: await service.answer(id, caller, json) };
      }
      return fail(404, `No service route ${method} ${path}`);
    } catch (err) {
      if (err instanceof ServiceError) return fail(err.status, err.message);
      throw err;
    }
  };
}

/** Adapts the routes to node:http, for a request whose path starts with `prefix` (e.g. "/service"). */
export function nodeHandler(
  routes: (req: ServiceRequest) => Promise<ServiceAnswer>,
  prefix: string,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://service.invalid');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req as AsyncIterable<Buffer>) {
      size += c.length;
      if (size > MAX_BODY) {
        res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'request body too large' }));
        return;
      }
      chunks.push(c);
    }
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    let answer: ServiceAnswer;
    try {
      answer = await routes({
        method: req.method ?? 'GET',
        path: url.pathname.slice(prefix.length) || '/',
        query: url.searchParams,
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
    } catch (err) {
      console.error(`service: ${req.method ?? ''} ${url.pathname} failed: ${err instanceof Error ? err.message : 'error'}`);
      answer = { status: 500, json: { error: 'Internal service error; nothing was lost, try again.' } };
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(answer.json === undefined ? '' : JSON.stringify(answer.json));
  };
}
