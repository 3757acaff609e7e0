// The app against EHRs that behave like real ones, in Chromium: restricted write support (no Provenance create,
// If-None-Exist ignored, LOINC type required), storage blocked in the chart's frame, a standalone launch without a
// patient, an unknown patient, the EHR's own error text, an ended session during a save, and a relaunch after a save
// that must not cite ClaimReady's own documents as evidence.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser } from './browser';
import { createdCounts, createdSince, launchApp, localToday, openView, snapshot, waitForWorkspace, WRITTEN_TYPES } from './views/app';

let sandbox: Sandbox;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, today: localToday() });
  browser = await openBrowser();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

const saveButton = () => page.getByRole('button', { name: 'Save packet to chart' });
const status = () => page.locator('.pa-status');

describe('restricted EHRs', () => {
  it('no Provenance create: the packet and Task are saved, no Provenance is sent, and the screen says so', async () => {
    await launchApp(page, sandbox, { patient: 'pt-radic-ready', noProvenanceCreate: true });
    await openView(page, 'Prior auth');
    const before = snapshot(sandbox, WRITTEN_TYPES);
    await saveButton().click();
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/Saved to the chart, except:.*Provenance/);
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Task: 1 });
  });

  it('If-None-Exist ignored (no transactions): three clicks make one packet, one Task and their Provenance', async () => {
    await launchApp(page, sandbox, { patient: 'pt-facet-rfa-ready', ignoreIfNoneExist: true });
    await openView(page, 'Prior auth');
    const before = snapshot(sandbox, WRITTEN_TYPES);
    for (let i = 0; i < 3; i++) {
      await saveButton().click();
      await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/Saved to the chart|Already saved/);
    }
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Task: 1, Provenance: 2 });
    expect(await status().textContent()).toMatch(/Already saved/);
  });

  it('LOINC type required: the packet document carries one and is accepted', async () => {
    await launchApp(page, sandbox, { patient: 'pt-mbb-right', requireLoincType: true });
    await openView(page, 'Prior auth');
    const before = snapshot(sandbox, WRITTEN_TYPES);
    const box = page.getByRole('checkbox', { name: /incomplete packet/ });
    if (await box.count()) await box.check();
    await saveButton().click();
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/Saved to the chart/);
    const [doc] = createdSince(sandbox, before, 'DocumentReference');
    expect((doc!.type as { coding: { system: string; code: string }[] }).coding.some((c) => c.system === 'http://loinc.org')).toBe(true);
  });

  it('no Claim create: the coder saves the summary only, and no Claim is POSTed', async () => {
    await launchApp(page, sandbox, { patient: 'pt-esi-repeat-good', noClaimCreate: true });
    await openView(page, 'Coding review');
    const before = snapshot(sandbox, WRITTEN_TYPES);
    const claimPosts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/fhir\/Claim$/.test(r.url())) claimPosts.push(r.url());
    });
    await page.getByRole('button', { name: 'Save to chart' }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 20_000 }).toMatch(/Coding summary: created/);
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Provenance: 1 });
    expect(claimPosts).toEqual([]);
  });

  it('storage blocked in the chart frame: says what to do, and the new-window fallback opens the chart', async () => {
    await page.goto(sandbox.chartUrl);
    await page.getByTestId('opt-block-storage').check();
    await page.getByTestId('launch-pt-radic-ready').click();
    const frame = (await (await page.getByTestId('app-frame').elementHandle())!.contentFrame())!;
    const alert = frame.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/blocks ClaimReady inside this EHR window/);
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      frame.getByRole('link', { name: 'Open ClaimReady in a new window' }).click(),
    ]);
    await waitForWorkspace(popup);
    expect(await popup.locator('.verdict').count()).toBeGreaterThan(0);
  });
});

describe('launch errors in the EHR’s words', () => {
  it('a standalone launch without a patient asks for launch/patient and the EHR lets the user pick one', async () => {
    const scopes: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/auth/authorize')) scopes.push(new URL(r.url()).searchParams.get('scope') ?? '');
    });
    await page.goto(`${sandbox.origin}/app/launch/index.html?iss=${encodeURIComponent(sandbox.fhirBase)}`);
    await page.getByTestId('pick-pt-notes-only').click();
    await waitForWorkspace(page);
    expect(scopes[0]?.split(' ')).toContain('launch/patient');
    expect(scopes[0]?.split(' ')).not.toContain('launch');
  });

  it('an unknown patient id is an error screen, not an empty chart', async () => {
    await page.route('**/auth/token', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as Record<string, unknown>;
      await route.fulfill({ response: res, json: { ...body, patient: 'no-such-patient' } });
    });
    await page.goto(sandbox.launchUrl({ patient: 'pt-radic-ready' }));
    await page.waitForSelector('[data-testid="launch-problem-unknown-patient"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="workspace"]').count()).toBe(0);
  });

  it("a wrong aud shows the EHR's own error text", async () => {
    await page.route('**/auth/authorize?*', async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('aud', 'https://wrong.example/fhir');
      await route.continue({ url: url.toString() });
    });
    await page.goto(sandbox.launchUrl({ patient: 'pt-radic-ready' }));
    await page.waitForSelector('[data-testid="launch-problem-refused"]', { timeout: 30_000 });
    expect(await page.getByRole('alert').textContent()).toContain('aud must be the FHIR base');
  });

  it('refused write scopes are named as such, in the EHR’s words (not "read")', async () => {
    await page.route('**/auth/authorize?*', async (route) => {
      const url = new URL(route.request().url());
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('error', 'invalid_scope');
      back.searchParams.set('error_description', 'patient/Task.cs and patient/Claim.cus are not allowed for this app');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      await route.fulfill({ status: 302, headers: { Location: back.toString() } });
    });
    await page.goto(sandbox.launchUrl({ patient: 'pt-radic-ready' }));
    await page.waitForSelector('[data-testid="launch-problem-denied-scope"]', { timeout: 30_000 });
    const text = (await page.getByRole('alert').textContent()) ?? '';
    expect(text).toContain('patient/Task.cs and patient/Claim.cus are not allowed');
    expect(text).not.toMatch(/allow ClaimReady to read/);
  });

  it('an ended session during a save is the "session ended, relaunch" screen, with no Retry', async () => {
    await launchApp(page, sandbox, { patient: 'pt-radic-ready', tokenLifetime: 4 });
    await openView(page, 'Prior auth');
    await page.waitForTimeout(4500);
    await saveButton().click();
    await page.waitForSelector('[data-testid="launch-problem-expired"]', { timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
  });
});

describe("ClaimReady's own output is never evidence", () => {
  it('save the packet and the coding, relaunch: the checklist is unchanged and cites no ClaimReady document', async () => {
    // Its evidence is all note prose, so a saved packet or coding summary read back as a note would change the findings.
    // (A not-eligible service, as pt-esi-frequency's was, makes no packet to save.)
    const patient = 'pt-notes-only';
    await launchApp(page, sandbox, { patient });
    const findings = async () => (await page.locator('.vc-finding').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    const first = await findings();
    expect(first.length).toBeGreaterThan(0);
    const before = snapshot(sandbox, WRITTEN_TYPES);
    await openView(page, 'Prior auth');
    const box = page.getByRole('checkbox', { name: /incomplete packet/ });
    if (await box.count()) await box.check();
    await saveButton().click();
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/Saved to the chart/);
    await openView(page, 'Coding review');
    await page.getByRole('button', { name: 'Save to chart' }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 20_000 }).toMatch(/created/);
    const saved = createdSince(sandbox, before, 'DocumentReference');
    expect(saved.length).toBe(2);

    await launchApp(page, sandbox, { patient });
    expect(await findings()).toEqual(first);
    const labels = (await page.locator('.evidence-link').allTextContents()).join('\n');
    expect(labels).not.toMatch(/ClaimReady|Prior-auth packet|Coding suggestion/i);
    for (const d of saved) expect(labels).not.toContain(String(d.id));
  });
});
