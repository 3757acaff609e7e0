// Launch-to-picture in headless Chromium: the chart's launch click to the workspace showing the whole record, with
// the sandbox adding 50 ms to every FHIR request. Each run uses a fresh browser context (cold cache, new session),
// so the time includes loading the app, the SMART dance and the read wave.
import type { Browser } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser } from '../e2e/browser';
import { appFrame, waitForPicture } from '../e2e/chart';
import type { BenchResult } from './types';

const LATENCY_MS = 50;
const RUNS = 5;

interface Run {
  ms: number;
  waves: number;
  requests: number;
  /** The least number of sequential waves this read can take: 1, plus each extra page of the longest search, plus
   * a second wave when note Binaries or referenced resources had to be fetched, plus one when the first wave is
   * larger than the 6 connections a browser opens to one HTTP/1.1 host (the sandbox is plain HTTP/1.1). */
  floor: number;
}

const HTTP1_CONNECTIONS = 6;

function wavesFloor(paths: string[]): number {
  const searches = paths.filter(
    (p) => /^\/fhir\/[A-Za-z]+\?patient=|^\/fhir\/Patient\/[^/?]+$/.test(p) || /[?&](_getpages|page|_offset|cursor)=/.test(p),
  );
  const pagesByType = new Map<string, number>();
  for (const p of paths) {
    const type = /^\/fhir\/([A-Za-z]+)/.exec(p)?.[1] ?? '';
    if (/[?&]patient=/.test(p) || /[?&](_getpages|page|_offset|cursor)=/.test(p)) pagesByType.set(type, (pagesByType.get(type) ?? 0) + 1);
  }
  const longest = Math.max(1, ...pagesByType.values());
  const firstWave = searches.filter((p) => !/[?&](_getpages|page|_offset|cursor)=/.test(p)).length;
  const second = paths.some((p) => /^\/fhir\/Binary\/|[?&]_id=/.test(p)) ? 1 : 0;
  // Searches queued behind the first six start one round trip late, and a queued search finishing just before a next
  // page starts makes that page wait a wave too: the queue can add one wave to any chain.
  return longest + (firstWave > HTTP1_CONNECTIONS ? 1 : 0) + second;
}

async function launchOnce(browser: Browser, sandbox: Sandbox, patient: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(sandbox.chartUrl);
  sandbox.store.clearRequests();
  const button = page.getByTestId(`launch-${patient}`);
  await button.waitFor();
  // The click is dispatched in the page: Playwright's own actionability checks are not the app's time.
  const t0 = performance.now();
  await button.evaluate((el: HTMLElement) => el.click());
  await waitForPicture(await appFrame(page));
  const ms = performance.now() - t0;
  const token = sandbox.store.tokenTimes().at(-1) ?? 0;
  const filter = { since: token, authorizedOnly: true, pathPrefix: '/fhir' };
  const paths = sandbox.store.requests(filter).map((r) => r.path);
  const run = { ms, waves: sandbox.store.waves(filter), requests: paths.length, floor: wavesFloor(paths) };
  await context.close();
  return run;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(browser: Browser, sandbox: Sandbox, patient: string, label: string, budgetMs: number): Promise<BenchResult[]> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await launchOnce(browser, sandbox, patient));
  const ms = median(runs.map((r) => r.ms));
  const waves = Math.max(...runs.map((r) => r.waves));
  const floor = Math.max(...runs.map((r) => r.floor));
  const pages = Math.max(...runs.map((r) => r.requests));
  return [
    {
      name: `launch to picture, ${label} (${patient}), median of ${RUNS} cold launches at ${LATENCY_MS} ms/request`,
      value: Math.round(ms),
      unit: 'ms',
      budget: `<= ${budgetMs} ms`,
      ok: ms <= budgetMs,
      detail: `runs: ${runs.map((r) => Math.round(r.ms)).join(', ')} ms; ${pages} FHIR requests after the token`,
    },
    {
      name: `sequential request waves after the token, ${label}`,
      value: waves,
      unit: 'waves',
      budget: `<= ${floor} (1 wave + extra pages of the longest search + 1 if queued behind HTTP/1.1's 6 connections + 1 second wave if needed)`,
      ok: waves <= floor,
      detail: 'longest chain of requests each waiting for the previous one (sandbox request log)',
    },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const sandbox = await startSandbox({ port: 0, latencyMs: LATENCY_MS, today: '2026-11-23' });
  const browser = await openBrowser();
  try {
    // A warm-up launch so the first measured run does not pay for Chromium's own start-up.
    await launchOnce(browser, sandbox, 'pt-radic-ready');
    return [
      ...(await measure(browser, sandbox, 'pt-radic-ready', 'typical patient', 1000)),
      ...(await measure(browser, sandbox, 'pt-paging', '2,300-Observation patient', 2000)),
    ];
  } finally {
    await browser.close();
    await sandbox.close();
  }
}
