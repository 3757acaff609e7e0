// Launch-to-picture in headless Chromium: the chart's launch click to the workspace showing the whole record, with
// the sandbox adding 50 ms to every FHIR request. Each run uses a fresh browser context (cold cache, new session),
// so the time includes loading the app, the SMART dance and the read wave. Side by side, in the same run and
// alternating with it, the floor (floor.ts): a bare page doing the same launch and the same requests with raw fetch,
// so a slow machine shows up in both and the ratio is what the app's own code costs.
import type { Browser } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser } from '../e2e/browser';
import { appFrame, waitForPicture } from '../e2e/chart';
import { floorDist } from './floor';
import type { BenchResult } from './types';

const LATENCY_MS = 50;
const RUNS = Number(process.env.LAUNCH_RUNS ?? 7);
/** The target: launch to verdict at most this much of the bare app's time. */
const MAX_RATIO = 1.2;

interface Run {
  ms: number;
  /** When Playwright's polling noticed the picture (it polls at 0, 20, 50, 100, 100, then every 500 ms). */
  polledMs: number;
  waves: number;
  requests: number;
  /** The fewest sequential waves these requests allow (plannedWaves). */
  planned: number;
}

/** Page requests of the sandbox (`_getpages`) and of other servers' usual forms. */
const PAGE = /[?&](_getpages|page|_offset|cursor)=/;

/**
 * 1 wave, plus each extra page of the longest search, plus a second wave when note Binaries or referenced resources
 * had to be fetched, plus one when the first wave is larger than the 6 connections a browser opens to one HTTP/1.1
 * host (the sandbox is plain HTTP/1.1). A batch Bundle (POST to the base) is one request of the first wave.
 */
export function plannedWaves(requests: { method: string; path: string }[]): number {
  const firstWave = requests.filter(
    (r) => (r.method === 'POST' && r.path === '/fhir') || (/^\/fhir\/[A-Za-z]+(\?|\/[^/?]+$)/.test(r.path) && !PAGE.test(r.path)),
  );
  const pagesByType = new Map<string, number>();
  for (const r of requests) {
    if (!PAGE.test(r.path)) continue;
    const type = /^\/fhir\/([A-Za-z]+)/.exec(r.path)?.[1] ?? '';
    pagesByType.set(type, (pagesByType.get(type) ?? 0) + 1);
  }
  const longest = 1 + Math.max(0, ...pagesByType.values());
  const second = requests.some((r) => /^\/fhir\/Binary\/|[?&]_id=/.test(r.path)) ? 1 : 0;
  return longest + (firstWave.length > HTTP1_CONNECTIONS ? 1 : 0) + second;
}

const HTTP1_CONNECTIONS = 6;

/**
 * Stamps, in each document of the context, the moment the whole picture is in the DOM (a MutationObserver, so the
 * same for app and floor), as epoch ms. Playwright's wait only says that it has happened: its polls back off to every
 * 500 ms, which would round app and floor alike to the next poll.
 */
// A string, not a function: the bench runs through tsx, whose transform can wrap a function's inner closures in
// helpers the page does not have.
const STAMP_PICTURE = `(() => {
  const seen = () => {
    if (window.__pictureAt === undefined && document.querySelector('[data-testid="workspace"][data-complete="true"]'))
      window.__pictureAt = performance.timeOrigin + performance.now();
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-complete'] });
})();`;

async function launchOnce(browser: Browser, sandbox: Sandbox, patient: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(STAMP_PICTURE);
  const page = await context.newPage();
  await page.goto(sandbox.chartUrl);
  sandbox.store.clearRequests();
  const button = page.getByTestId(`launch-${patient}`);
  await button.waitFor();
  // The click is dispatched in the page: Playwright's own actionability checks are not the app's time.
  const t0 = performance.now();
  await button.evaluate((el: HTMLElement) => el.click());
  const frame = await appFrame(page);
  await waitForPicture(frame);
  const polled = performance.now();
  // The page's epoch stamp on this process's clock (both read the one system clock).
  const at = await frame.evaluate(() => (window as unknown as { __pictureAt?: number }).__pictureAt);
  const t1 = at === undefined ? polled : Math.min(polled, at - performance.timeOrigin);
  const token = sandbox.store.tokenTimes().at(-1) ?? 0;
  // Up to the picture: what the app does after it (a deferred resume of an unfinished save) is not the launch.
  const filter = { since: token, authorizedOnly: true, pathPrefix: '/fhir' };
  const requests = sandbox.store.requests(filter).filter((r) => r.start <= t1 && r.end !== undefined && r.end <= t1);
  const waves = chainOf(requests);
  const run = { ms: t1 - t0, polledMs: polled - t0, waves, requests: requests.length, planned: plannedWaves(requests) };
  await context.close();
  return run;
}

/** The longest chain of requests each started after the previous one ended (the sandbox log's own measure). */
function chainOf(rs: { start: number; end?: number }[]): number {
  const done = rs.filter((r): r is { start: number; end: number } => r.end !== undefined).sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  done.forEach((r, i) => {
    depth[i] = 1 + Math.max(0, ...done.slice(0, i).flatMap((p, j) => (p.end <= r.start ? [depth[j]!] : [])));
  });
  return Math.max(0, ...depth);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (runs: Run[]) => runs.map((r) => Math.round(r.ms)).join(', ');
const polledMedian = (runs: Run[]) => Math.round(median(runs.map((r) => r.polledMs)));

async function measure(
  browser: Browser,
  app: Sandbox,
  floor: Sandbox,
  patient: string,
  label: string,
  budgetMs: number,
): Promise<BenchResult[]> {
  const runs: Run[] = [];
  const floors: Run[] = [];
  // Alternating, so load from the rest of the machine falls on both alike.
  for (let i = 0; i < RUNS; i++) {
    runs.push(await launchOnce(browser, app, patient));
    floors.push(await launchOnce(browser, floor, patient));
  }
  const appMs = median(runs.map((r) => r.ms));
  const floorMs = median(floors.map((r) => r.ms));
  const ratio = appMs / floorMs;
  const waves = Math.max(...runs.map((r) => r.waves));
  const planned = Math.max(...runs.map((r) => r.planned));
  const requests = Math.max(...runs.map((r) => r.requests));
  const floorRequests = Math.max(...floors.map((r) => r.requests));
  const floorWaves = Math.max(...floors.map((r) => r.waves));
  return [
    {
      name: `launch to picture, ${label} (${patient}), median of ${RUNS} cold launches at ${LATENCY_MS} ms/request`,
      value: Math.round(appMs),
      unit: 'ms',
      budget: `<= ${budgetMs} ms`,
      ok: appMs <= budgetMs,
      detail:
        `app runs: ${ms(runs)} ms; floor (bare SMART page, same requests) runs: ${ms(floors)} ms, median ${Math.round(floorMs)} ms; ` +
        `as Playwright's polling saw them: app ${polledMedian(runs)} ms, floor ${polledMedian(floors)} ms`,
    },
    {
      name: `launch to picture over the floor, ${label}`,
      value: Number(ratio.toFixed(2)),
      unit: 'x',
      budget: `<= ${MAX_RATIO}x the floor (${Math.round(floorMs)} ms)`,
      ok: ratio <= MAX_RATIO,
      detail: `app ${Math.round(appMs)} ms - floor ${Math.round(floorMs)} ms = ${Math.round(appMs - floorMs)} ms of the app's own code`,
    },
    {
      name: `sequential request waves after the token, ${label}`,
      value: waves,
      unit: 'waves',
      budget: `<= ${planned} (1 wave + extra pages of the longest search + 1 second wave if needed + 1 if over 6 connections)`,
      ok: waves <= planned,
      detail: `${requests} FHIR requests after the token (floor: ${floorRequests} requests, ${floorWaves} waves); longest chain of requests each waiting for the previous one`,
    },
  ];
}

export async function run(): Promise<BenchResult[]> {
  // LAUNCH_APP_DIST: another build of the app (an earlier commit's, say) against the same floor.
  const appDist = process.env.LAUNCH_APP_DIST;
  const sandbox = await startSandbox({ port: 0, latencyMs: LATENCY_MS, today: '2026-11-23', ...(appDist ? { distDir: appDist } : {}) });
  const bare = floorDist();
  const floor = await startSandbox({ port: 0, latencyMs: LATENCY_MS, today: '2026-11-23', distDir: bare.dir });
  const browser = await openBrowser();
  try {
    // A warm-up launch of each so the first measured run does not pay for Chromium's own start-up.
    await launchOnce(browser, sandbox, 'pt-radic-ready');
    await launchOnce(browser, floor, 'pt-radic-ready');
    return [
      ...(await measure(browser, sandbox, floor, 'pt-radic-ready', 'typical patient', 1000)),
      ...(await measure(browser, sandbox, floor, 'pt-paging', '2,300-Observation patient', 2000)),
    ];
  } finally {
    await browser.close();
    await sandbox.close();
    await floor.close();
    bare.dispose();
  }
}
