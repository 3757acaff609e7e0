// Main-thread CPU time of a launch (by hand, not a budget), robust to a busy machine where wall times are not: a
// Chromium trace of the 'toplevel' category from the click to the picture, summing the thread time (tdur) of the
// top-level tasks on every renderer main thread, and the worker threads' apart. App and floor alternate.
// Run: npx vite build && npx tsx test/bench/launch-cpu.ts [patient] [runs]   (LAUNCH_APP_DIST: another app build)
import type { Browser } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser } from '../e2e/browser';
import { appFrame, waitForPicture } from '../e2e/chart';
import { floorDist } from './floor';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

async function cpuOnce(
  browser: Browser,
  sandbox: Sandbox,
  patient: string,
): Promise<{ main: number; workers: number; wall: number; phases: number[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(sandbox.chartUrl);
  const button = page.getByTestId(`launch-${patient}`);
  await button.waitFor();
  await browser.startTracing(page, { categories: ['toplevel', '__metadata', 'blink.user_timing'] });
  const t0 = performance.now();
  await button.evaluate((el: HTMLElement) => el.click());
  await waitForPicture(await appFrame(page));
  const wall = performance.now() - t0;
  const buf = await browser.stopTracing();
  await context.close();
  const events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  let main = 0;
  let workers = 0;
  // The app's own marks (cr:token, cr:record), where present: main-thread CPU before the token, up to the record, after.
  const mark = (n: string) => events.find((e) => e.name === n)?.ts;
  const token = mark('cr:token');
  const record = mark('cr:record');
  const phases = [0, 0, 0];
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined || !/RunTask/.test(e.name)) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? '';
    if (thread === 'CrRendererMain') {
      main += e.tdur / 1000;
      const i = token === undefined || e.ts < token ? 0 : record === undefined || e.ts < record ? 1 : 2;
      phases[i]! += e.tdur / 1000;
    } else if (/DedicatedWorker/.test(thread)) workers += e.tdur / 1000;
  }
  return { main, workers, wall, phases };
}

const patient = process.argv[2] ?? 'pt-radic-ready';
const runs = Number(process.argv[3] ?? 5);
const appDist = process.env.LAUNCH_APP_DIST;
const app = await startSandbox({ port: 0, latencyMs: 50, today: '2026-11-23', ...(appDist ? { distDir: appDist } : {}) });
const bare = floorDist();
const floor = await startSandbox({ port: 0, latencyMs: 50, today: '2026-11-23', distDir: bare.dir });
const browser = await openBrowser();
const med = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
try {
  await cpuOnce(browser, app, patient);
  await cpuOnce(browser, floor, patient);
  const a: Awaited<ReturnType<typeof cpuOnce>>[] = [];
  const f: typeof a = [];
  for (let i = 0; i < runs; i++) {
    a.push(await cpuOnce(browser, app, patient));
    f.push(await cpuOnce(browser, floor, patient));
  }
  const show = (label: string, xs: typeof a) =>
    console.log(
      `${label}: renderer main-thread CPU median ${med(xs.map((x) => x.main))} ms (${xs.map((x) => Math.round(x.main)).join(', ')}); ` +
        `[before token / token to record / after record: ${[0, 1, 2].map((i) => med(xs.map((x) => x.phases[i]!))).join(' / ')}]; ` +
        `worker CPU ${med(xs.map((x) => x.workers))} ms; wall (as polled) ${med(xs.map((x) => x.wall))} ms`,
    );
  show(`app ${appDist ?? 'dist'}`, a);
  show('floor', f);
} finally {
  await browser.close();
  await app.close();
  await floor.close();
  bare.dispose();
}
