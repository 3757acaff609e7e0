// The coder's saved draft across relaunches, in real Chromium against the sandbox EHR: a line saved with modifier
// 59 and accepted comes back on the next launch with 59, accepted, and "Draft saved <date> by <user>"; saving an
// edit then updates that same Claim (version 2, If-Match) instead of adding a second one. Also on an EHR that
// ignores If-None-Exist (and has no transactions), where only the app's own look-up can find the draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser, screenshot, seriousAxeViolations } from './browser';
import { launchApp, localToday, openView, type StoredResource } from './views/app';

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

const CLAIM_SYSTEM = 'https://claimready.app/id/coding-claim';

/** ClaimReady's draft Claims for the patient, as the EHR holds them. */
function drafts(patient: string): StoredResource[] {
  return sandbox.store.resources
    .all('Claim')
    .filter(
      (c) =>
        (c.patient as { reference?: string } | undefined)?.reference === `Patient/${patient}` &&
        ((c.identifier as { system?: string }[] | undefined) ?? []).some((i) => i.system === CLAIM_SYSTEM),
    ) as StoredResource[];
}
const itemCodes = (c: StoredResource): string[][] =>
  (c.item as { modifier?: { coding: { code: string }[] }[] }[]).map((i) => (i.modifier ?? []).map((m) => m.coding[0]!.code));

describe("the coder's draft, read back on relaunch", () => {
  it.each([
    { patient: 'pt-mbb-bilateral', restrictions: {}, name: 'a standard EHR' },
    { patient: 'pt-esi-repeat-good', restrictions: { ignoreIfNoneExist: true }, name: 'an EHR that ignores If-None-Exist' },
  ])(
    '$name: 59 saved and accepted comes back on relaunch; the next save updates the same Claim to version 2',
    async ({ patient, restrictions }) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page: Page = await context.newPage();
      const line1 = () => page.getByTestId('coding-line').first();
      const status = () => page.getByTestId('save-status');
      const draftStatus = () => page.getByTestId('draft-status');
      try {
        await launchApp(page, sandbox, { patient, ...restrictions });
        await openView(page, 'Coding review');
        expect(await draftStatus().textContent()).toMatch(/No draft saved/);
        const mods = (await line1().locator('h4').textContent())?.match(/^Line 1: \S+?((?:-\w+)*) ×/)?.[1] ?? '';
        await page.getByRole('button', { name: 'Change line 1' }).click();
        await page.getByLabel('Modifiers, line 1').fill(`${mods.split('-').filter(Boolean).join(' ')} 59`);
        await page.getByRole('button', { name: 'Done with line 1' }).click();
        await page.getByRole('button', { name: 'Accept line 1' }).click();
        await page.getByRole('button', { name: 'Save to chart', exact: true }).click();
        await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/Draft claim: created/);
        expect(drafts(patient)).toHaveLength(1);
        expect(itemCodes(drafts(patient)[0]!)[0]).toContain('59');

        // A relaunch from the chart: a fresh session (the launch page clears this frame's storage).
        await launchApp(page, sandbox, { patient, ...restrictions });
        await openView(page, 'Coding review');
        expect(await line1().locator('h4').textContent()).toMatch(/-59 × \d+$/);
        expect(await line1().textContent()).toContain('Accepted');
        expect(await draftStatus().textContent()).toMatch(
          /^Draft saved \d{4}-\d\d-\d\d \d\d:\d\d by \S.* \(version 1\)\. The lines below are that draft\./,
        );
        await screenshot(page, `coding-draft-read-back-${patient}`);
        expect(await seriousAxeViolations(page)).toEqual([]);

        await page.getByRole('button', { name: 'Change line 1' }).click();
        await page.getByLabel('Units, line 1').fill('2');
        await page.getByRole('button', { name: 'Done with line 1' }).click();
        expect(await draftStatus().textContent()).toMatch(/changes not saved yet/);
        await page.getByRole('button', { name: 'Save to chart', exact: true }).click();
        await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/Draft claim: updated/);
        const [only, ...more] = drafts(patient);
        expect(more).toHaveLength(0);
        expect((only!.meta as { versionId?: string }).versionId).toBe('2');
        expect(itemCodes(only!)[0]).toContain('59');
        expect((only!.item as { quantity: { value: number } }[])[0]!.quantity.value).toBe(2);
        expect(await draftStatus().textContent()).toMatch(/\(version 2\)\. The lines below are that draft\./);
      } finally {
        await context.close();
      }
    },
  );
});
