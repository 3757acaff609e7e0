// Prior-auth staff in real Chromium against the sandbox EHR: what to do first (and what blocks it) is inside the
// first screen at 800 px and 1280 px wide; the chart Task the app made is shown and read back on relaunch (and its
// decision, authorization number included, once one was written to it); and where the app says no prior
// authorization is needed, saving writes the packet and no Task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser, screenshot, seriousAxeViolations } from './browser';
import { createdCounts, createdSince, launchApp, localToday, openView, snapshot, WRITTEN_TYPES } from './views/app';

let sandbox: Sandbox;
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, today: localToday() });
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function withPage<T>(width: number, height: number, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width, height } });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Where an element ends in the document (px from the top), and the viewport height. */
async function bottomOf(page: Page, testId: string): Promise<{ bottom: number; viewport: number; scrollY: number }> {
  return page.getByTestId(testId).evaluate((el) => ({
    bottom: Math.round(el.getBoundingClientRect().bottom + window.scrollY),
    viewport: window.innerHeight,
    scrollY: window.scrollY,
  }));
}

describe('Prior auth: the first action in the first screen', () => {
  for (const [width, height] of [
    [800, 600],
    [1280, 720],
  ] as const) {
    it.each(['pt-radic-no-conservative', 'pt-radic-ready', 'pt-cervical-summit'])(`${width}x${height}, %s`, async (patient) => {
      await withPage(width, height, async (page) => {
        await launchApp(page, sandbox, { patient });
        await openView(page, 'Prior auth');
        const first = await bottomOf(page, 'pa-first-action');
        const save = await page
          .getByRole('button', { name: 'Save packet to chart' })
          .evaluate((el) => Math.round(el.getBoundingClientRect().bottom + window.scrollY));
        console.info(`[measure] ${width}x${height} ${patient}: first action ends at ${first.bottom}px, Save packet at ${save}px`);
        expect(first.scrollY).toBe(0);
        expect(first.bottom).toBeLessThanOrEqual(first.viewport);
        const text = (await page.getByTestId('pa-first-action').textContent()) ?? '';
        const blockers = await page.locator('.pa-blockers > li').count();
        // A blocked packet starts with its first blocker; an unblocked one with the next step.
        if (blockers > 0) expect(text).toMatch(/^\s*Blocks/);
        else expect(text).toMatch(/^\s*(Check whether|Save the packet|Nothing to submit)/);
        if (width === 800 && patient === 'pt-radic-no-conservative') {
          await screenshot(page, `prior-auth-do-first-${width}-${patient}`);
          expect(await seriousAxeViolations(page)).toEqual([]);
        }
      });
    });
  }
});

describe('Prior auth: the chart Task', () => {
  it('is shown after the save, read back on relaunch, and shows the decision written to it since', async () => {
    await withPage(1280, 900, async (page) => {
      const card = () => page.getByTestId('pa-chart-task');
      await launchApp(page, sandbox, { patient: 'pt-radic-ready' });
      await openView(page, 'Prior auth');
      expect(await card().textContent()).toMatch(/No prior-auth task in the chart yet/);
      const before = snapshot(sandbox, WRITTEN_TYPES);
      await page.getByRole('button', { name: 'Save packet to chart' }).click();
      await expect.poll(() => card().textContent(), { timeout: 20_000 }).toMatch(/StatusRequested/);
      const [task, ...more] = createdSince(sandbox, before, 'Task');
      expect(more).toHaveLength(0);
      const due = (task!.restriction as { period: { end: string } }).period.end;
      expect(await card().textContent()).toContain(`Due${due}`);

      await launchApp(page, sandbox, { patient: 'pt-radic-ready' });
      await openView(page, 'Prior auth');
      expect(await card().textContent()).toMatch(new RegExp(`StatusRequested.*Due${due}.*Authorization numbernot decided yet`));
      expect(await page.getByTestId('pa-do-first').textContent()).toMatch(/Submit the saved packet to .* \(chart task: requested\)/);
      // Saving again after the relaunch resumes the same packet and Task: nothing new is written.
      await page.getByRole('button', { name: 'Save packet to chart' }).click();
      await expect.poll(() => page.locator('.pa-status').textContent(), { timeout: 20_000 }).toMatch(/Already saved/);
      expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Task: 1, Provenance: 2 });

      // The decision as the payer lifecycle writes it onto the Task (status, business status, outputs).
      const decided = {
        ...task!,
        status: 'completed',
        businessStatus: { text: 'Approved' },
        output: [{ type: { text: 'Authorization number' }, valueString: 'E2E-AUTH-4411' }],
      };
      const res = sandbox.store.resources.update(sandbox.fhirBase, 'Task', task!.id!, decided);
      expect(res.status).toBe(200);
      await launchApp(page, sandbox, { patient: 'pt-radic-ready' });
      await openView(page, 'Prior auth');
      expect(await card().textContent()).toMatch(/StatusCompleted.*Business statusApproved.*Authorization numberE2E-AUTH-4411/);
      expect(await page.getByTestId('pa-first-action').textContent()).toMatch(/chart task is completed \(authorization E2E-AUTH-4411\)/);
      expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Task: 1, Provenance: 2 });
    });
  });

  it('no Task where the app says no prior authorization is needed (27096, Medicare)', async () => {
    await withPage(1280, 900, async (page) => {
      await launchApp(page, sandbox, { patient: 'pt-si-joint' });
      await openView(page, 'Prior auth');
      expect(await page.getByTestId('pa-required').textContent()).toBe('No');
      expect(await page.getByTestId('pa-first-action').textContent()).toMatch(
        /Nothing to submit: .* needs no prior authorization .*No task is made\./,
      );
      const before = snapshot(sandbox, WRITTEN_TYPES);
      const box = page.getByRole('checkbox', { name: /incomplete packet/ });
      if (await box.count()) await box.check();
      await page.getByRole('button', { name: 'Save packet to chart' }).click();
      await expect
        .poll(() => page.locator('.pa-status').textContent(), { timeout: 20_000 })
        .toMatch(/no task: no prior authorization is needed/);
      expect(createdCounts(sandbox, before)).toEqual({ DocumentReference: 1, Provenance: 1 });
      expect(await page.getByTestId('pa-chart-task').textContent()).toMatch(/No prior-auth task: none is needed/);
    });
  });
});
