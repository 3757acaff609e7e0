// The sandbox's own pages: the chart (the EHR screen a clinician launches the app from), its patient list and launch
// API, and the built app under /app/, cached as a host would serve it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthServer } from './auth';
import { chartPatients, launchRequestSchema, toLaunchOptions } from './chart-data';
import { page, readBody, reply } from './http';
import { escapeHtml, serveApp } from './static';
import type { ResourceStore } from './store';

export interface ChartPages {
  resources: ResourceStore;
  chartHtml: Buffer;
  chartJs: Buffer;
  distDir: string;
  appHeaders: Record<string, string>;
  launchUrl(launchId: string): string;
}

/** Answers the request and returns true if it is for the chart or the app. */
export async function serveChart(
  at: ChartPages & { auth: AuthServer },
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const { resources, auth, launchUrl } = at;
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (path === '/' || path === '/index.html') return reply(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, at.chartHtml);
  if (path === '/chart.js') return reply(res, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }, at.chartJs);
  if (path === '/chart/api/patients')
    return reply(res, 200, { 'Content-Type': 'application/json' }, JSON.stringify(chartPatients(resources)));
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
        ? reply(res, 400, { 'Content-Type': 'text/html; charset=utf-8' }, page('Launch refused', `<p>${escapeHtml(options)}</p>`))
        : reply(res, 400, { 'Content-Type': 'application/json' }, JSON.stringify({ error: options }));
    }
    const launch = auth.createLaunch(options);
    if (standalone) return reply(res, 302, { Location: launchUrl(launch) }, '');
    return reply(res, 200, { 'Content-Type': 'application/json' }, JSON.stringify({ launch, url: launchUrl(launch) }));
  }
  if (path === '/app') return reply(res, 301, { Location: '/app/' }, '');
  if (path.startsWith('/app/')) {
    let rel: string;
    try {
      rel = decodeURIComponent(path.slice('/app/'.length));
    } catch {
      return reply(res, 400, {}, 'Bad path');
    }
    const file = serveApp(at.distDir, rel);
    // Hashed build output never changes under its name: cached as a host would (README, Hosting), so what the
    // launch page preloads during the SMART redirects is what the app page then runs. Pages are revalidated.
    const cache = file.status === 200 && rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    // Static, public files: readable by a sandboxed (opaque-origin) frame, whose module scripts load with CORS.
    return reply(
      res,
      file.status,
      { ...at.appHeaders, 'Access-Control-Allow-Origin': '*', 'Content-Type': file.contentType, 'Cache-Control': cache },
      file.body,
    );
  }
  return false;
}
