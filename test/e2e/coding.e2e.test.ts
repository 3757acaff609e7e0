// Coding review in real Chromium against the sandbox EHR: a coder's change re-runs the edits, "Save to chart"
// writes one coding summary, one draft Claim and their Provenance, a double submit duplicates nothing, a frame
// reload keeps the coder's work, and a refused write keeps it too until Retry succeeds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser, screenshot, seriousAxeViolations } from './browser';
import { appFrame, launchInChart } from './chart';
import {
  createdCounts,
  createdSince,
  launchApp,
  localToday,
  openView,
  snapshot,
  waitForWorkspace,
  WRITTEN_TYPES,
  type StoredResource,
  refuseWrites,
} from './views/app';

let sandbox: Sandbox;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Where the app runs: the page itself, or the chart's iframe. */
let ui: Page | Frame;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, today: localToday() });
  browser = await openBrowser();
});

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  ui = page;
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

/** The edits as shown: kind, the lines they name (1-based) and the message, read from their own elements. */
async function shownEdits(): Promise<{ kind: string; lines: number[]; message: string }[]> {
  return ui.getByTestId('coding-edit').evaluateAll((els) =>
    els.map((el) => {
      const muted = [...el.querySelectorAll(':scope > .muted')].map((m) => m.textContent ?? '');
      const lines = (muted.find((t) => t.includes('line')) ?? '').replace(/^.*lines?\s*/, '');
      return {
        kind: muted[0] ?? '',
        lines: lines
          .split(',')
          .map((n) => Number.parseInt(n, 10))
          .filter((n) => !Number.isNaN(n)),
        message: el.querySelector('.coding-edit__message')?.textContent ?? '',
      };
    }),
  );
}
const line1Title = () => ui.locator('[data-testid="coding-line"]').first().locator('h4');
const editSummary = () => ui.getByTestId('edit-summary');
const saveButton = () => ui.getByRole('button', { name: 'Save to chart', exact: true });
const saveStatus = () => ui.getByTestId('save-status');

async function changeUnits(units: number): Promise<void> {
  await ui.getByRole('button', { name: 'Change line 1' }).click();
  await ui.getByLabel('Units, line 1').fill(String(units));
  await ui.getByRole('button', { name: 'Done with line 1' }).click();
}

function subjectOf(r: StoredResource): string | undefined {
  const ref = (r.subject ?? r.patient) as { reference?: string } | undefined;
  return ref?.reference;
}

describe('Coding review', () => {
  it('re-runs the edits on a change, saves one summary + draft Claim + Provenance, and a double submit adds nothing', async () => {
    await launchApp(page, sandbox, { patient: 'pt-radic-ready' });
    await openView(page, 'Coding review');
    expect(await line1Title().textContent()).toMatch(/64483-LT × 1/);
    const summaryBefore = await editSummary().textContent();
    expect((await shownEdits()).filter((e) => e.lines.includes(1))).toEqual([]);

    // Two units of a single-level transforaminal code: the edit functions must flag line 1 straight away.
    await changeUnits(2);
    expect(await line1Title().textContent()).toMatch(/64483-LT × 2/);
    await expect.poll(() => editSummary().textContent()).not.toBe(summaryBefore);
    const flagged = (await shownEdits()).filter((e) => e.lines.includes(1));
    expect(flagged.some((e) => e.kind === 'mue' && e.message.includes('2 units'))).toBe(true);
    expect(await editSummary().textContent()).toMatch(/[1-9]\d* error\(s\)|[1-9]\d* warning\(s\)/);
    await screenshot(page, 'coding-pt-radic-ready-edited');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const before = snapshot(sandbox, WRITTEN_TYPES);
    // A real double click: the second click lands while the first save is in flight.
    await saveButton().dblclick();
    await expect.poll(() => saveStatus().textContent(), { timeout: 15_000 }).toMatch(/created/);
    const status = (await saveStatus().textContent()) ?? '';
    expect(status).toMatch(/Coding summary: created \(DocumentReference\/[^)]+\)/);
    expect(status).toMatch(/Draft claim: created \(Claim\/[^)]+\)/);

    const metadata = (await (await page.request.get(`${sandbox.fhirBase}/metadata`)).json()) as {
      rest: { resource: { type: string; interaction: { code: string }[] }[] }[];
    };
    const claimCreatable = metadata.rest[0]!.resource.some((r) => r.type === 'Claim' && r.interaction.some((i) => i.code === 'create'));
    expect(claimCreatable).toBe(true);
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Claim: 1, Provenance: 2 });

    const [doc] = createdSince(sandbox, before, 'DocumentReference');
    const [claim] = createdSince(sandbox, before, 'Claim');
    expect(subjectOf(doc!)).toBe('Patient/pt-radic-ready');
    expect(subjectOf(claim!)).toBe('Patient/pt-radic-ready');
    // The draft claim carries the coder's units, not the suggestion's.
    const items = claim!.item as { productOrService: { coding: { code: string }[] }; quantity?: { value: number } }[];
    expect(items.map((i) => [i.productOrService.coding[0]?.code, i.quantity?.value])).toEqual([['64483', 2]]);
    const targets = createdSince(sandbox, before, 'Provenance').flatMap((p) =>
      (p.target as { reference: string }[]).map((t) => t.reference),
    );
    expect(targets.sort()).toEqual([`Claim/${claim!.id}`, `DocumentReference/${doc!.id}`].sort());

    // Saving again later is answered "already saved" and writes nothing new.
    await saveButton().click();
    await expect.poll(() => saveStatus().textContent(), { timeout: 15_000 }).toMatch(/already saved/);
    expect(await saveStatus().textContent()).not.toMatch(/: created/);
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Claim: 1, Provenance: 2 });
  });

  it("keeps the coder's change across a reload of the chart's app frame, then saves what the coder set", async () => {
    // The chart is the point here: the app lives in the EHR's iframe and its sessionStorage must survive a reload.
    const frame = await launchInChart(page, sandbox.chartUrl, 'pt-mbb-right');
    ui = frame;
    await waitForWorkspace(frame);
    await openView(frame, 'Coding review');
    const original = (await line1Title().textContent()) ?? '';
    expect(original).toMatch(/× 1$/);
    await changeUnits(3);
    expect(await line1Title().textContent()).toMatch(/× 3$/);

    // A marker on the old window proves the frame really navigated before the assertions below run.
    await frame.evaluate(() => {
      (window as unknown as { beforeReload?: boolean }).beforeReload = true;
      window.location.reload();
    });
    ui = await appFrame(page);
    await ui.waitForFunction(
      () => (window as unknown as { beforeReload?: boolean }).beforeReload === undefined && document.readyState !== 'loading',
    );
    await waitForWorkspace(ui);
    await openView(ui, 'Coding review');
    expect(await line1Title().textContent()).toBe(original.replace(/× 1$/, '× 3'));
    await screenshot(page, 'coding-pt-mbb-right-after-frame-reload');

    const before = snapshot(sandbox, WRITTEN_TYPES);
    await saveButton().click();
    await expect.poll(() => saveStatus().textContent(), { timeout: 15_000 }).toMatch(/Coding summary: created/);
    const [claim] = createdSince(sandbox, before, 'Claim');
    const items = claim!.item as { quantity?: { value: number } }[];
    expect(items[0]?.quantity?.value).toBe(3);
  });

  it("shows the EHR's refusal, keeps the coder's lines, and Retry then saves once", async () => {
    await launchApp(page, sandbox, { patient: 'pt-facet-rfa-ready' });
    await openView(page, 'Coding review');
    await changeUnits(2);
    const edited = await line1Title().textContent();

    // Every write the app sends is refused with the EHR's OperationOutcome until the EHR "recovers".
    const ehr = await refuseWrites(page, 'Chart locked by another user (test)');
    const before = snapshot(sandbox, WRITTEN_TYPES);
    await saveButton().click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved.' });
    await alert.waitFor({ timeout: 20_000 });
    expect(ehr.refused()).toBeGreaterThan(0);
    expect(await alert.textContent()).toContain('Chart locked by another user (test)');
    expect(await alert.textContent()).toContain('Your lines are kept.');
    expect(await line1Title().textContent()).toBe(edited);
    expect(createdCounts(sandbox, before)).toEqual({});
    await screenshot(page, 'coding-write-refused');
    expect(await seriousAxeViolations(page)).toEqual([]);

    ehr.recover();
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => saveStatus().textContent(), { timeout: 15_000 }).toMatch(/Coding summary: created/);
    expect(await page.getByRole('alert').filter({ hasText: 'Not saved.' }).count()).toBe(0);
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Claim: 1, Provenance: 2 });
    await saveButton().click();
    await expect.poll(() => saveStatus().textContent(), { timeout: 15_000 }).toMatch(/already saved/);
    expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Claim: 1, Provenance: 2 });
  });
});
