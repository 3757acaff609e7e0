// The prior-auth lifecycle in real Chromium on the `npm start` stack (sandbox EHR + payer + service): a blocked packet
// cannot be submitted and says why; approved (and written back to the chart's Task); pended then approved by the
// payer's notification without a reload; denied with the reason; more information requested, answered with the
// document and decided; a payer 5xx shown and retried once; an authorization that ends before the date of service;
// and no duplicate under double clicks, a relaunch and a resubmit.
// The payer's conformance check is off here: ClaimReady's packets do not pass the official profiles yet (see the
// conformance tests), and this file is about the lifecycle.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStack, type Stack } from '../../launch/stack';
import { openBrowser, screenshot, seriousAxeViolations } from './browser';
import { launchApp, localToday, openView } from './views/app';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  stack = await startStack({ port: 0, today: localToday(), payerConformance: false, payer: { pendMs: 2_000 } });
  browser = await openBrowser();
}, 180_000);

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const statusOf = () => page.getByTestId('pa-request-status').first();
const submit = () => page.getByTestId('pa-submit');

async function open(patient: string): Promise<void> {
  await launchApp(page, stack.sandbox, { patient });
  await openView(page, 'Prior auth');
  await page.getByTestId('pa-lifecycle').waitFor();
}

describe('Prior-auth lifecycle', () => {
  it('does not let a blocked packet be submitted, and says why', async () => {
    await open('pt-radic-no-conservative');
    expect(await submit().isDisabled()).toBe(true);
    expect(await page.getByTestId('pa-submit-blocked').textContent()).toMatch(/Submit is blocked until the issues listed above are fixed/);
  });

  it('approved: one request under a double click, a relaunch and a resubmit; the decision lands on the chart Task', async () => {
    await open('pt-radic-ready');
    const before = stack.sandbox.payer.requestCount;
    await submit().dblclick();
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('Approved');
    expect(await page.getByTestId('pa-auth-number').first().textContent()).toMatch(/^AUTH-\d{6}$/);
    expect(await page.getByTestId('pa-auth-window').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => page.getByTestId('pa-writeback').first().textContent(), { timeout: 20_000 }).toMatch(/task set to "Approved"/);
    await screenshot(page, 'lifecycle-approved');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const tasks = stack.sandbox.store.resources
      .all('Task')
      .filter((t) => (t.for as { reference?: string } | undefined)?.reference === 'Patient/pt-radic-ready');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ status: 'completed', businessStatus: { text: 'Approved' } });

    await open('pt-radic-ready');
    await expect.poll(() => statusOf().textContent(), { timeout: 20_000 }).toBe('Approved');
    await submit().click();
    await page.waitForTimeout(1_000);
    expect(await page.getByTestId('pa-request').count()).toBe(1);
    expect(stack.sandbox.payer.requestCount - before).toBe(1);
  });

  it('pended, then approved by the payer notification without a reload', async () => {
    await open('pt-facet-rfa-ready');
    await submit().click();
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('Pended at the payer');
    expect(await page.getByTestId('pa-next-action').first().textContent()).toMatch(/Await the payer decision.*Due/);
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('Approved');
    expect(await page.getByRole('list', { name: 'History' }).first().textContent()).toMatch(/notification/);
  });

  it('denied: the reason and what to do next', async () => {
    await open('pt-stenosis-bcbsma');
    await submit().click();
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('Denied');
    expect(await page.getByTestId('pa-denial-reason').first().textContent()).toMatch(/Medical necessity not established/);
    expect(await page.getByTestId('pa-next-action').first().textContent()).toMatch(/peer-to-peer|appeal/);
    // The payer's coded reason and the clause of the policy the service was assessed under: BCBSMA's overlay.
    expect(await page.getByTestId('pa-denial-clause').first().textContent()).toMatch(
      /^Code conservative-care \(Conservative care not documented for the required time\) maps to:/,
    );
    const clauses = await page.getByTestId('pa-denial-clauses').first().getByRole('listitem').allTextContents();
    expect(clauses[0]).toMatch(
      /^BCBSMA-690-CONSERVATIVE: BCBSMA Medical Policy 690, provider news reminder 2021-12-07, Criteria: at least 4 weeks/,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('more information round trip: the payer asks, staff attach the document and answer, the payer decides, the chart Task follows', async () => {
    await open('pt-mbb-right');
    await submit().click();
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('More information requested');
    expect(await page.getByTestId('pa-requested').first().textContent()).toMatch(/physical-therapy/);
    expect(await page.getByTestId('pa-next-action').first().textContent()).toMatch(/Send what the payer asked for.*Due/);
    const form = page.getByRole('form', { name: 'Answer the payer' });
    // Nothing typed: the form says so and nothing is sent.
    await form.getByRole('button', { name: 'Send the answer' }).click();
    expect(await form.getByRole('alert').textContent()).toMatch(/Say what you are sending/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByLabel('Message to the payer').fill('Physical-therapy progress note (6 visits, Sept to Oct) attached.');
    const pdf = Buffer.from('%PDF-1.4\n% PT progress note (sandbox)\n%%EOF\n');
    await form.getByLabel(/Attach the document/).setInputFiles({ name: 'pt-progress-note.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByRole('button', { name: 'Send the answer' }).dblclick();
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('Pended at the payer');
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('Approved');
    await expect.poll(() => page.getByTestId('pa-writeback').first().textContent(), { timeout: 20_000 }).toMatch(/task set to "Approved"/);
    const history = await page.getByRole('list', { name: 'History' }).first().textContent();
    expect(history).toMatch(/Answer to the payer sent.*Sent to the payer.*Payer answered: Pended at the payer.*Approved/s);
    // What went to the payer: the answer on the same request, with the document itself.
    const [req] = await stack.service.store.forPatient('pt-mbb-right');
    const sent = (await stack.service.store.lastDetail(req!.id, 'submit')) as {
      bundle: { entry: { resource: Record<string, unknown> }[] };
    };
    expect(sent.bundle.entry.at(-1)!.resource).toMatchObject({
      resourceType: 'DocumentReference',
      content: [{ attachment: { contentType: 'application/pdf', data: pdf.toString('base64'), title: 'pt-progress-note.pdf' } }],
    });
    expect((await stack.service.store.history(req!.id)).filter((e) => e.kind === 'answer')).toHaveLength(1);
    const tasks = stack.sandbox.store.resources
      .all('Task')
      .filter((t) => (t.for as { reference?: string } | undefined)?.reference === 'Patient/pt-mbb-right');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ status: 'completed', businessStatus: { text: 'Approved' } });
  });

  it("a payer 5xx: the payer's error is shown, nothing is half-written, and one retry submits once", async () => {
    await open('pt-mbb-bilateral');
    const payerBefore = stack.sandbox.payer.requestCount;
    const chart = (type: string) =>
      stack.sandbox.store.resources
        .all(type)
        .filter((r) => JSON.stringify(r).includes('Patient/pt-mbb-bilateral') && JSON.stringify(r).includes('claimready'));
    // Down for the first try and the service's own two retries.
    stack.sandbox.payer.outage(3);
    await submit().click();
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('Not submitted (payer unavailable)');
    expect(await page.getByTestId('pa-problems').first().textContent()).toMatch(/temporarily unavailable \(payer maintenance\)/);
    expect(await page.getByTestId('pa-next-action').first().textContent()).toMatch(/submit again/);
    expect(stack.sandbox.payer.requestCount).toBe(payerBefore);
    const tasks = chart('Task');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.status).not.toBe('completed');
    const packets = () =>
      chart('DocumentReference').filter((d) => JSON.stringify(d.identifier ?? []).includes('https://claimready.app/id/pa-packet'));
    const packetCount = packets().length;
    expect(packetCount).toBe(1);
    expect(chart('DocumentReference')).toHaveLength(packetCount);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await submit().click();
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('Partially approved');
    expect(stack.sandbox.payer.requestCount - payerBefore).toBe(1);
    expect(await page.getByTestId('pa-request').count()).toBe(1);
    expect(await page.getByTestId('pa-approved-units').first().textContent()).toMatch(/line 1: \d+/);
    const [req] = await stack.service.store.forPatient('pt-mbb-bilateral');
    expect((await stack.service.store.history(req!.id)).map((e) => e.kind)).toEqual([
      'created',
      'submit',
      'error',
      'retry',
      'submit',
      'decision',
    ]);
    await expect
      .poll(() => page.getByTestId('pa-writeback').first().textContent(), { timeout: 20_000 })
      .toMatch(/task set to "Partially approved"/);
    expect(chart('Task')).toHaveLength(1);
    expect(chart('Task')[0]).toMatchObject({ status: 'completed', businessStatus: { text: 'Partially approved' } });
    // The packet was saved once; the decision adds its own document once.
    expect(packets()).toHaveLength(packetCount);
    expect(chart('DocumentReference')).toHaveLength(packetCount + 1);
  });

  it('an authorization that ends before the date of service is flagged', async () => {
    await open('pt-esi-repeat-good');
    await submit().click();
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('Approved');
    expect(await page.getByTestId('pa-next-action').first().textContent()).toMatch(/before the date of service/);
  });

  it('staged procedures: the facet sequence and ESI sessions in the window, with what this authorization is for', async () => {
    // One diagnostic block on record (85 %), ablation planned: the sequence says the next authorization is block #2.
    await open('pt-facet-one-mbb');
    const stages = page.getByTestId('pa-stages');
    await stages.waitFor();
    const steps = await stages.getByRole('list', { name: 'Stages' }).getByRole('listitem').allTextContents();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/^Diagnostic block #1 done \d{4}-\d{2}-\d{2} · 85 % relief/);
    expect(steps[1]).toMatch(/^Diagnostic block #2 \(not yet\)/);
    expect(steps[2]).toMatch(/^Radiofrequency ablation \(this request\)/);
    expect(await page.getByTestId('pa-stage-this').textContent()).toMatch(
      /1 of the 2 diagnostic blocks with at least 80 % relief is not on record: the next authorization is for a diagnostic block/,
    );
    expect(await stages.textContent()).toMatch(/Read from FJ-DIAGNOSTIC: LCD L38803 family/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Both blocks on record: this request is the ablation.
    await open('pt-facet-rfa-ready');
    const rfa = await page.getByTestId('pa-stages').getByRole('listitem').allTextContents();
    expect(rfa.slice(0, 2).every((t) => /done .* · (85|90) % relief/.test(t))).toBe(true);
    expect(await page.getByTestId('pa-stage-this').textContent()).toMatch(/^This authorization is for: Radiofrequency ablation \(64635/);

    // Four lumbar ESIs in the window (one older outside it): the limit is reached, and the date it frees up is given.
    await open('pt-esi-frequency');
    expect(await page.getByTestId('pa-stage-window').textContent()).toMatch(
      /^4 of at most 4 ESI sessions per spinal region used in the 12 months before/,
    );
    expect(await page.getByTestId('pa-stage-this').textContent()).toMatch(/ESI session 5 in 12 months \(64483/);
    expect(await page.getByTestId('pa-stage-earliest').textContent()).toMatch(
      /Earliest eligible date: \d{4}-\d{2}-\d{2} \(when the session of \d{4}-\d{2}-\d{2} leaves the 12-month window\)/,
    );
  });

  it('the Visit checklist shows the staged track of each planned service, and the authorizations on file from the service', async () => {
    // Facet: one diagnostic block (85 %) on record, ablation planned.
    await launchApp(page, stack.sandbox, { patient: 'pt-facet-one-mbb' });
    await openView(page, 'Visit checklist');
    const facet = page.getByRole('region', { name: 'Facet sequence: diagnostic blocks, then ablation' });
    await facet.waitFor({ timeout: 30_000 });
    const steps = await facet.getByRole('list', { name: 'Stages' }).getByRole('listitem').allTextContents();
    expect(steps[0]).toMatch(/^Diagnostic block #1 done \d{4}-\d{2}-\d{2} · 85 % relief/);
    expect(steps.slice(1)).toEqual(['Diagnostic block #2 (not yet)', 'Radiofrequency ablation (this request)']);
    expect(await facet.getByText(/Read from FJ-DIAGNOSTIC/).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // ESI at the cap: sessions used vs the cap and the earliest eligible date.
    await launchApp(page, stack.sandbox, { patient: 'pt-esi-frequency' });
    await openView(page, 'Visit checklist');
    const window = page.getByTestId('vc-0-stage-window');
    await window.waitFor({ timeout: 30_000 });
    expect(await window.textContent()).toMatch(/^4 of at most 4 ESI sessions per spinal region used in the 12 months before/);
    expect(await page.getByTestId('vc-0-stage-earliest').textContent()).toMatch(
      /^Earliest eligible date: \d{4}-\d{2}-\d{2} \(when the session of \d{4}-\d{2}-\d{2} leaves the 12-month window\)/,
    );

    // An approval whose window closes before the date (approve-short): on file from the service and flagged, in
    // the checklist too. Keyboard: the checklist tab is reached and selected with the keys.
    await open('pt-esi-repeat-good');
    if ((await page.getByTestId('pa-request').count()) === 0) await submit().click();
    await expect.poll(() => statusOf().textContent(), { timeout: 30_000 }).toBe('Approved');
    await page.getByRole('tab', { name: 'Visit checklist' }).focus();
    await page.keyboard.press('Enter');
    const auth = page.getByTestId('vc-0-auths-on-file').getByRole('listitem').first();
    // The chart's copy can be listed a moment before the service's answer joins it ("on file in the chart", then "in
    // the chart and service"): the assertion waits for the service's, as a user would see it settle.
    await expect
      .poll(() => auth.textContent(), { timeout: 30_000 })
      .toMatch(/^AUTH-\d{6} for 64483: .* \(on file in the (service|chart and service)\) · Does not cover the date: ends/);
    expect(await page.getByTestId('vc-0-auths-service-note').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'visit-stages');
  });

  it('the Visit checklist with the service down: the chart is still checked and it says the service is unavailable', async () => {
    await page.route('**/service/**', (route) => route.abort());
    await launchApp(page, stack.sandbox, { patient: 'pt-esi-frequency' });
    await openView(page, 'Visit checklist');
    const note = page.getByTestId('vc-0-auths-service-note');
    await expect.poll(() => note.textContent(), { timeout: 30_000 }).toMatch(/^Authorizations from the ClaimReady service are unavailable/);
    expect(await page.getByTestId('vc-0-stage-window').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the work queue lists the open requests of this session', async () => {
    await open('pt-stenosis-bcbsma');
    await page.getByText('Work queue', { exact: true }).click();
    const table = page.getByTestId('pa-queue');
    await table.waitFor({ timeout: 20_000 });
    expect(await table.textContent()).toMatch(/pt-stenosis-bcbsma.*Denied/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
