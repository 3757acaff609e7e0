// The prior-auth view in real Chromium against the sandbox EHR: "Save packet to chart" writes one packet document
// (PDF + PAS bundle), one Task for prior-auth staff and their Provenance, and never twice; a blocked patient sees
// its blockers first and cannot save by accident; a refused write is reported and Retry saves once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser, screenshot, seriousAxeViolations } from './browser';
import { createdCounts, createdSince, launchApp, localToday, openView, snapshot, WRITTEN_TYPES, refuseWrites } from './views/app';

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

interface Attachment {
  contentType?: string;
  data?: string;
}

function attachments(doc: Record<string, unknown>): Attachment[] {
  return (doc.content as { attachment: Attachment }[]).map((c) => c.attachment);
}

describe('Prior-auth packet', () => {
  it('saves one packet document (PDF + PAS bundle) and one Task with Provenance, and a second save adds nothing', async () => {
    await launchApp(page, sandbox, { patient: 'pt-radic-ready' });
    await openView(page, 'Prior auth');
    expect(await page.getByRole('heading', { level: 3, name: 'Nothing blocks this packet' }).count()).toBe(1);
    await screenshot(page, 'prior-auth-pt-radic-ready');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const before = snapshot(sandbox, WRITTEN_TYPES);
    await saveButton().dblclick();
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/Saved to the chart/);
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Task: 1, Provenance: 2 });

    const [doc] = createdSince(sandbox, before, 'DocumentReference');
    const [task] = createdSince(sandbox, before, 'Task');
    expect((doc!.subject as { reference: string }).reference).toBe('Patient/pt-radic-ready');
    const att = attachments(doc!);
    expect(att.map((a) => a.contentType).sort()).toEqual(['application/fhir+json', 'application/pdf']);
    const pdf = Buffer.from(att.find((a) => a.contentType === 'application/pdf')!.data ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
    const bundle = JSON.parse(
      Buffer.from(att.find((a) => a.contentType === 'application/fhir+json')!.data ?? '', 'base64').toString('utf8'),
    ) as {
      resourceType: string;
      entry: { resource: { resourceType: string; use?: string } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry[0]?.resource.resourceType).toBe('Claim');
    expect(bundle.entry[0]?.resource.use).toBe('preauthorization');

    expect(task!.intent).toBe('order');
    expect(task!.status).toBe('requested');
    expect((task!.focus as { reference: string }).reference).toBe('ServiceRequest/pt-radic-ready-sr2');
    expect((task!.for as { reference: string }).reference).toBe('Patient/pt-radic-ready');
    const targets = createdSince(sandbox, before, 'Provenance').flatMap((p) =>
      (p.target as { reference: string }[]).map((t) => t.reference),
    );
    expect(targets.sort()).toEqual([`DocumentReference/${doc!.id}`, `Task/${task!.id}`].sort());

    await saveButton().click();
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/Already saved/);
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Task: 1, Provenance: 2 });
  });

  it("puts a blocked packet's blockers at the top and refuses a save that was not asked for as incomplete", async () => {
    await launchApp(page, sandbox, { patient: 'pt-radic-no-conservative' });
    await openView(page, 'Prior auth');
    const blockersHeading = page.getByRole('heading', { level: 3, name: /^What blocks this packet \(\d+\)$/ });
    await blockersHeading.waitFor();
    // The first card under the view's title is "Do first", counting the same blockers the full list below holds.
    const firstCardTitle = await page.locator('.prior-auth > section.card').first().locator('h3').textContent();
    const n = /\((\d+)\)$/.exec((await blockersHeading.textContent()) ?? '')?.[1];
    expect(firstCardTitle).toBe(`Do first: ${n} blocker(s)`);
    const blockers = await page.locator('.pa-blockers > li').allTextContents();
    expect(blockers.length).toBeGreaterThan(0);
    expect(blockers.some((b) => /^Policy/.test(b) && /conservative/i.test(b))).toBe(true);
    expect(await page.locator('.prior-auth .verdict').textContent()).toBe('Documentation incomplete');
    await screenshot(page, 'prior-auth-pt-radic-no-conservative');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const before = snapshot(sandbox, WRITTEN_TYPES);
    await saveButton().click();
    await expect.poll(() => status().textContent()).toMatch(/^Not saved\. The policy criteria under "Do first" are not all documented/);
    expect(createdCounts(sandbox, before)).toEqual({});
  });

  it("shows the EHR's message when the write is refused and Retry then saves once", async () => {
    await launchApp(page, sandbox, { patient: 'pt-facet-rfa-ready' });
    await openView(page, 'Prior auth');
    const ehr = await refuseWrites(page, 'Document store offline (test)');
    const before = snapshot(sandbox, WRITTEN_TYPES);
    await saveButton().click();
    const retry = status().getByRole('button', { name: 'Retry' });
    await retry.waitFor({ timeout: 20_000 });
    expect(ehr.refused()).toBeGreaterThan(0);
    expect(await status().textContent()).toContain('Document store offline (test)');
    expect(createdCounts(sandbox, before)).toEqual({});
    expect(await seriousAxeViolations(page)).toEqual([]);

    ehr.recover();
    await retry.click();
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/Saved to the chart/);
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Task: 1, Provenance: 2 });
    await saveButton().click();
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/Already saved/);
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Task: 1, Provenance: 2 });
  });
});
