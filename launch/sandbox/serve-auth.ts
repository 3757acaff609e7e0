// The sandbox's SMART authorization server over HTTP (/auth/*, /smart-style.json): authorize with its patient
// picker, token, introspection and the JWKS. The decisions themselves are auth.ts's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthServer } from './auth';
import { SMART_STYLE } from './capability';
import { chartPatients } from './chart-data';
import { CORS_HEADERS, page, readBody, reply } from './http';
import type { RequestLog } from './request-log';
import { escapeHtml } from './static';
import type { ResourceStore } from './store';

/** Answers the request and returns true if it is one of the authorization server's. */
export async function serveAuth(
  at: { auth: AuthServer; log: RequestLog; resources: ResourceStore },
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const { auth, log } = at;
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (path === '/auth/introspect' && method === 'POST') {
    return reply(
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
    if (outcome.kind === 'redirect') return reply(res, 302, { Location: outcome.location, 'Cache-Control': 'no-store' }, '');
    if (outcome.kind === 'error-page')
      return reply(
        res,
        outcome.status,
        { 'Content-Type': 'text/html; charset=utf-8' },
        page('Authorization refused', `<p>${escapeHtml(outcome.message)}</p>`),
      );
    const pickerBase = new URL(url);
    pickerBase.search = params.toString();
    return reply(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, pickerPage(at.resources, pickerBase));
  }
  if (path === '/auth/token') {
    if (method === 'OPTIONS') return reply(res, 204, CORS_HEADERS, '');
    if (method !== 'POST') return reply(res, 405, { ...CORS_HEADERS, Allow: 'POST' }, '');
    const result = auth.token(new URLSearchParams(await readBody(req)));
    if (result.status === 200) log.markToken();
    return reply(
      res,
      result.status,
      { ...CORS_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Pragma: 'no-cache' },
      JSON.stringify(result.body),
    );
  }
  if (path === '/auth/jwks') return reply(res, 200, { ...CORS_HEADERS, 'Content-Type': 'application/json' }, JSON.stringify(auth.jwks));
  if (path === '/smart-style.json')
    return reply(res, 200, { ...CORS_HEADERS, 'Content-Type': 'application/json' }, JSON.stringify(SMART_STYLE));
  return false;
}

function pickerPage(resources: ResourceStore, url: URL): string {
  const items = chartPatients(resources)
    .map((p) => {
      const next = new URL(url);
      next.searchParams.set('sandbox_patient', p.id);
      return `<li><a data-testid="pick-${escapeHtml(p.id)}" href="${escapeHtml(next.pathname + next.search)}">${escapeHtml(p.name)}</a> <span>${escapeHtml(p.birthDate ?? '')}</span></li>`;
    })
    .join('');
  return page('Choose a patient', `<p>The app asked for a patient. Choose one:</p><ul>${items}</ul>`);
}
