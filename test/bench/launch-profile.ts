// Where a launch's time goes (by hand, not a budget): one cold launch of the app with a Chromium CPU profile of the
// chart page's renderer (the app's iframe is same-origin, so the same main thread), the sandbox's request log, and
// the main thread's busy time in 50 ms buckets from the click, printed as a timeline.
// Run: npx vite build && npx tsx test/bench/launch-profile.ts [patient] [runs]
import { writeFileSync } from 'node:fs';
import { startSandbox } from '../../launch/sandbox/server';
import { openBrowser } from '../e2e/browser';
import { appFrame, waitForPicture } from '../e2e/chart';
import { floorDist } from './floor';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const STAMP = `new MutationObserver(() => { if (window.__pictureAt === undefined && document.querySelector('[data-testid="workspace"][data-complete="true"]')) window.__pictureAt = performance.timeOrigin + performance.now(); }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-complete'] });`;
const stages: Record<string, number[]> = {};
const patient = process.argv[2] ?? 'pt-radic-ready';
const runs = Number(process.argv[3] ?? 1);
const sandbox = await startSandbox({
  port: 0,
  latencyMs: 50,
  today: '2026-11-23',
  ...(process.env.PROF_DIST ? { distDir: process.env.PROF_DIST } : {}),
  ...(process.env.FLOOR ? { distDir: floorDist().dir } : {}),
});
const browser = await openBrowser();
const short = (u: string) => u.replace(/^.*\/(assets|node_modules)\//, '$1/').replace(/^https?:\/\/[^/]+/, '');
for (let run = 0; run <= runs; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(sandbox.chartUrl);
  const cdp = await context.newCDPSession(page);
  if (!process.env.NOCPU) await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  sandbox.store.clearRequests();
  const button = page.getByTestId(`launch-${patient}`);
  await button.waitFor();
  await context.addInitScript(STAMP);
  if (!process.env.NOCPU) await cdp.send('Profiler.start');
  const t0 = performance.now();
  await button.evaluate((el: HTMLElement) => el.click());
  const frame = await appFrame(page);
  await waitForPicture(frame);
  const at = await frame.evaluate(() => (window as unknown as { __pictureAt?: number }).__pictureAt);
  const t1 = at === undefined ? performance.now() : at - performance.timeOrigin;
  const { profile } = process.env.NOCPU
    ? { profile: { nodes: [], startTime: 0, endTime: 0, samples: [], timeDeltas: [] } as Profile }
    : ((await cdp.send('Profiler.stop')) as { profile: Profile });
  const marks = await frame.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)] as const));
  const nav = await frame.evaluate(() => performance.timeOrigin);
  await context.close();
  if (run === 0) continue; // warm-up
  const rel = (t: number) => Math.round(t - t0);
  console.log(`\n=== ${patient} run ${run}: ${Math.round(t1 - t0)} ms click -> picture`);
  console.log('token at', sandbox.store.tokenTimes().map(rel).join(', '));
  for (const r of sandbox.store.requests({ pathPrefix: '/' }))
    console.log(
      `  ${String(rel(r.start)).padStart(5)} .. ${String(r.end === undefined ? '?' : rel(r.end)).padStart(5)}  ${r.method} ${r.path.slice(0, 110)}`,
    );
  // Frame marks on the node clock: both are epoch-based on one machine.
  const toNode = (ms: number) => nav + ms - performance.timeOrigin;
  {
    const reqs = sandbox.store.requests({ pathPrefix: '/fhir' });
    const tok = sandbox.store.tokenTimes().at(-1) ?? 0;
    const lastEnd = Math.max(...reqs.filter((r) => r.start >= tok).map((r) => r.end ?? 0));
    const m = Object.fromEntries(marks.map(([n, v]) => [n, rel(toNode(v))]));
    const put = (k: string, v: number | undefined) => v !== undefined && !Number.isNaN(v) && (stages[k] ??= []).push(v);
    put('click->token', rel(tok));
    put('token->first request', Math.min(...reqs.filter((r) => r.start >= tok).map((r) => rel(r.start))) - rel(tok));
    put('first request->last response', rel(lastEnd) - Math.min(...reqs.filter((r) => r.start >= tok).map((r) => rel(r.start))));
    put('last response->record', m['cr:record']! - rel(lastEnd));
    put('record->picture built', m['cr:picture']! - m['cr:record']!);
    put('picture built->complete effect', m['cr:complete']! - m['cr:picture']!);
    put('last response->in DOM', rel(t1) - rel(lastEnd));
    put('total', rel(t1));
  }
  console.log('app marks:', marks.map(([n, m]) => `${n}@${rel(toNode(m))}`).join('  '), ` picture@${rel(t1)}`);
  // Self time per function, and busy time per 50 ms bucket (profile time is relative to Profiler.start ~ t0).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byUrl = new Map<string, number>();
  const buckets: Map<string, number>[] = [];
  let t = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    t += (profile.timeDeltas[i] ?? 0) / 1000;
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anon)';
    if (name === '(idle)' || name === '(program)') return;
    const key = `${name} ${short(n.callFrame.url)}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const u = short(n.callFrame.url) || name;
    byUrl.set(u, (byUrl.get(u) ?? 0) + dt);
    const b = Math.floor(t / 50);
    buckets[b] ??= new Map();
    buckets[b].set(u, (buckets[b].get(u) ?? 0) + dt);
  });
  console.log('busy per 50 ms from the click (top sources):');
  buckets.forEach((m, b) => {
    if (!m) return;
    const total = [...m.values()].reduce((a, x) => a + x, 0);
    const top = [...m]
      .sort((a, c) => c[1] - a[1])
      .slice(0, 3)
      .map(([u, v]) => `${u} ${v.toFixed(0)}`);
    console.log(`  ${String(b * 50).padStart(5)}: ${total.toFixed(0).padStart(3)} ms  ${top.join(' | ')}`);
  });
  console.log('self time by script:');
  for (const [k, v] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  console.log('self time by function:');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  // Self time per function between consecutive marks, the profile aligned on the read's start (its first sample in
  // startEarlyRead is just after the cr:token mark).
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inRead = (id: number): boolean => {
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x))
      if (byId.get(x)?.callFrame.functionName === 'startEarlyRead') return true;
    return false;
  };
  let offset = 0;
  {
    let tt = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      tt += (profile.timeDeltas[i] ?? 0) / 1000;
      if (inRead(profile.samples[i]!)) {
        offset = tt - rel(toNode(marks.find(([n]) => n === 'cr:token')?.[1] ?? 0));
        break;
      }
    }
  }
  console.log('profile offset', offset.toFixed(0));
  const edges = [...marks.map(([n, m]) => [n, rel(toNode(m))] as const), ['picture', rel(t1)] as const].sort((a, b) => a[1] - b[1]);
  for (let w = 0; w + 1 < edges.length; w++) {
    const [from, a] = edges[w]!;
    const [to, b] = edges[w + 1]!;
    const acc = new Map<string, number>();
    let tt = -offset;
    let busy = 0;
    profile.samples.forEach((id, i) => {
      tt += (profile.timeDeltas[i] ?? 0) / 1000;
      if (tt < a || tt >= b) return;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const n = byId.get(id)!;
      const name = n.callFrame.functionName || '(anon)';
      if (name === '(idle)' || name === '(program)') return;
      busy += dt;
      const key = `${name} ${short(n.callFrame.url)}:${n.callFrame.lineNumber}`;
      acc.set(key, (acc.get(key) ?? 0) + dt);
    });
    const top = [...acc]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 8)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`);
    console.log(`  ${from} -> ${to}: ${b - a} ms, busy ${busy.toFixed(0)}\n      ${top.join('\n      ')}`);
  }
  writeFileSync(`/tmp/launchprof/${patient}-${run}.cpuprofile`, JSON.stringify(profile));
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log('\nmedians over runs:');
for (const [k, v] of Object.entries(stages)) console.log(`  ${k.padEnd(32)} ${String(med(v)).padStart(5)} ms   (${v.join(', ')})`);
await browser.close();
await sandbox.close();
