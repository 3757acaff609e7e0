// The SMART EHR launch, for real: Chromium opens the sandbox chart, launches ClaimReady in the chart's iframe,
// and the app completes PKCE, reads the record and shows the picture. Also standalone, refused PKCE, expired
// session and withheld scopes, with axe-core over chart and app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser, screenshot, seriousAxeViolations } from './browser';
import { appFrame, launchInChart, waitForPicture } from './chart';

let sandbox: Sandbox;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, today: '2026-11-23' });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function freshPage(width = 1280): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ viewport: { width, height: 900 } });
  page = await context.newPage();
  return page;
}

describe('EHR launch from the sandbox chart', () => {
  it.each([
    ['pt-radic-ready', 'Radiculopathy'],
    ['pt-facet-rfa-ready', 'facet'],
  ])('launches %s in the chart iframe and shows the picture without a patient banner', async (patient) => {
    const p = await freshPage();
    const frame = await launchInChart(p, sandbox.chartUrl, patient);
    await waitForPicture(frame);
    // The app reached its redirect page with an authorization that used PKCE S256 and the launch context.
    expect(new URL(frame.url()).pathname).toBe('/app/index.html');
    expect(await frame.locator('.patient-banner').count()).toBe(0);
    expect(await frame.locator('.verdict').count()).toBeGreaterThan(0);
    await screenshot(p, `launch-${patient}-1280`);
    expect(await seriousAxeViolations(frame)).toEqual([]);
    expect(await seriousAxeViolations(p)).toEqual([]);
  });

  it('fits an 800 px EHR side panel without horizontal scrolling', async () => {
    const p = await freshPage(800);
    await p.goto(sandbox.launchUrl({ patient: 'pt-radic-ready' }));
    await p.waitForSelector('[data-testid="workspace"][data-complete="true"]', { timeout: 30_000 });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(p, 'launch-pt-radic-ready-800');
  });

  it('launches standalone (outside the frame) and then shows the patient banner', async () => {
    const p = await freshPage();
    await p.goto(sandbox.launchUrl({ patient: 'pt-notes-only', standalone: true }));
    await p.waitForSelector('[data-testid="workspace"][data-complete="true"]', { timeout: 30_000 });
    expect(await p.locator('.patient-banner').count()).toBe(1);
    expect(await seriousAxeViolations(p)).toEqual([]);
  });

  it('is refused by the EHR when the PKCE verifier is tampered with, and says so', async () => {
    const p = await freshPage();
    const tokenStatuses: number[] = [];
    p.on('response', (r) => {
      if (r.url().includes('/auth/token')) tokenStatuses.push(r.status());
    });
    await p.route('**/auth/token', async (route) => {
      const body = new URLSearchParams(route.request().postData() ?? '');
      body.set('code_verifier', `${body.get('code_verifier') ?? ''}tampered`);
      await route.continue({ postData: body.toString() });
    });
    await p.goto(sandbox.launchUrl({ patient: 'pt-radic-ready' }));
    await p.waitForSelector('[data-testid^="launch-problem-"]', { timeout: 30_000 });
    expect(tokenStatuses).toContain(400);
    expect(await p.locator('[data-testid="workspace"]').count()).toBe(0);
    await screenshot(p, 'launch-refused-pkce');
  });

  it('shows "session ended" when the token expires before the chart is read', async () => {
    const p = await freshPage();
    // Hold the record searches until the 1-second token (and the session it belongs to) has expired.
    await p.route(/\/fhir\/(Condition|Observation|Procedure)\?/, async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await p.goto(sandbox.launchUrl({ patient: 'pt-radic-ready', tokenLifetime: 1 }));
    await p.waitForSelector('[data-testid="launch-problem-expired"]', { timeout: 30_000 });
    expect(await p.getByText("Relaunch ClaimReady from the patient's chart.").count()).toBe(1);
  });

  it('degrades when the EHR withholds Observation reads: says what was not read, shows the rest', async () => {
    const p = await freshPage();
    await p.goto(sandbox.launchUrl({ patient: 'pt-radic-ready', withholdObservation: true }));
    await p.waitForSelector('[data-testid="workspace"][data-complete="true"]', { timeout: 30_000 });
    const issues = p.getByTestId('data-issues');
    await issues.locator('summary').click();
    expect(await issues.textContent()).toMatch(/not granted access to read Observation/);
    // The rest of the chart was still read and judged.
    expect(await p.locator('.verdict').count()).toBeGreaterThan(0);
  });

  let batchedVerdicts: string[] = [];
  let batchedIssues = '';
  const issuesText = async (p: Page): Promise<string> =>
    (await p.getByTestId('data-issues').count()) ? ((await p.getByTestId('data-issues').textContent()) ?? '') : '';

  it('reads the chart in one wave right after the token: the small searches in one batch, the rest alone', async () => {
    const p = await freshPage();
    sandbox.store.clearRequests();
    await p.goto(sandbox.launchUrl({ patient: 'pt-radic-ready' }));
    await p.waitForSelector('[data-testid="workspace"][data-complete="true"]', { timeout: 30_000 });
    const since = sandbox.store.tokenTimes().at(-1) ?? 0;
    const reads = sandbox.store.requests({ since, authorizedOnly: true, pathPrefix: '/fhir' });
    expect(reads.filter((r) => r.method === 'POST' && r.path === '/fhir').map((r) => r.status)).toEqual([200]);
    expect(reads.some((r) => /^\/fhir\/(Condition|Coverage|Patient\/)/.test(r.path))).toBe(false);
    expect(await p.locator('.verdict').count()).toBeGreaterThan(0);
    batchedVerdicts = await p.locator('.verdict').allTextContents();
    batchedIssues = await issuesText(p);
  });

  it('an EHR that refuses batch Bundles still gets the whole chart read, as plain searches', async () => {
    const p = await freshPage();
    sandbox.store.clearRequests();
    await p.goto(sandbox.launchUrl({ patient: 'pt-radic-ready', ignoreIfNoneExist: true }));
    await p.waitForSelector('[data-testid="workspace"][data-complete="true"]', { timeout: 30_000 });
    const since = sandbox.store.tokenTimes().at(-1) ?? 0;
    const reads = sandbox.store.requests({ since, authorizedOnly: true, pathPrefix: '/fhir' });
    expect(reads.filter((r) => r.method === 'POST' && r.path === '/fhir').map((r) => r.status)).toEqual([405]);
    for (const search of ['Condition?', 'Coverage?', 'ServiceRequest?', 'Patient/pt-radic-ready'])
      expect(reads.filter((r) => r.path.startsWith(`/fhir/${search}`) && r.status === 200)).toHaveLength(1);
    // The same verdicts and the same data issues as with the batch: a refused batch loses nothing.
    expect(await p.locator('.verdict').allTextContents()).toEqual(batchedVerdicts);
    expect(await issuesText(p)).toEqual(batchedIssues);
  });

  it('still launches the app from the chart with a keyboard only', async () => {
    const p = await freshPage();
    await p.goto(sandbox.chartUrl);
    await p.getByTestId('launch-pt-mbb-right').focus();
    await p.keyboard.press('Enter');
    await waitForPicture(await appFrame(p));
  });
});
