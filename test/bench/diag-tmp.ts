import { startSandbox } from '../../launch/sandbox/server';
import { openBrowser } from '../e2e/browser';
import { appFrame, waitForPicture } from '../e2e/chart';
const patient = process.argv[2] ?? 'pt-radic-ready';
const sandbox = await startSandbox({ port: 0, latencyMs: 50, today: '2026-11-23' });
const browser = await openBrowser();
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(sandbox.chartUrl);
  const button = page.getByTestId(`launch-${patient}`);
  await button.waitFor();
  const t0 = performance.now();
  await button.evaluate((el: HTMLElement) => el.click());
  const frame = await appFrame(page);
  await waitForPicture(frame);
  const t1 = performance.now();
  if (i === 2) {
    const entries = await frame.evaluate(() => ({ now: performance.now(), nav: performance.getEntriesByType('navigation').map((e) => (e as PerformanceNavigationTiming).domContentLoadedEventEnd), res: performance.getEntriesByType('resource').map((e) => { const r = e as PerformanceResourceTiming; return `${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ${r.transferSize} ${r.name.replace(/^https?:\/\/[^/]+/, '').slice(0, 90)}`; }) }));
    console.log(`total ${Math.round(t1 - t0)}; app page now=${Math.round(entries.now)} dcl=${entries.nav}`);
    console.log(entries.res.join('\n'));
  } else console.log(`run ${i}: ${Math.round(t1 - t0)}`);
  await context.close();
}
await browser.close(); await sandbox.close();
