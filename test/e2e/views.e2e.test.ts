// The visit checklist in real Chromium: every seeded patient's planned service shows the verdict the seed manifest
// expects, and evidence from a note opens that note as text with the quoted span highlighted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser, screenshot, seriousAxeViolations } from './browser';
import { launchApp, localToday, openView, readManifest } from './views/app';

let sandbox: Sandbox;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, today: localToday() });
  browser = await openBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

// The words the view uses for each verdict; the test reads what a clinician reads, not only a data attribute.
const VERDICT_WORDS = { ready: /^Ready$/, incomplete: /^Incomplete/, 'not-eligible': /^Not eligible/ } as const;

const cases = readManifest().flatMap((p) => p.services.map((s) => ({ patient: p.patient, ...s })));

describe('Visit checklist for every sandbox patient', () => {
  it('covers the whole manifest', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('$patient: $code ($serviceRequest) shows $expect.verdict', async ({ patient, serviceRequest, code, expect: want }) => {
    await launchApp(page, sandbox, { patient, serviceRequest });
    const services = page.locator('article.vc-service');
    expect(await services.count()).toBe(1);
    const service = services.first();
    expect(await service.getByRole('heading', { level: 3 }).textContent()).toMatch(new RegExp(`^${code}\\b`));
    expect(await service.getAttribute('data-verdict')).toBe(want.verdict);
    expect((await service.locator('.verdict').textContent())?.trim()).toMatch(VERDICT_WORDS[want.verdict]);
    // A verdict other than ready must say what to do; a ready one must not list open blockers.
    const blockers = await service.locator('li.vc-finding:has(.badge--missing), li.vc-finding:has(.badge--not-met)').count();
    if (want.verdict === 'ready') expect(blockers).toBe(0);
    else expect(blockers).toBeGreaterThan(0);
  });

  it('is axe-clean with a blocked service and its open findings (pt-radic-no-conservative)', async () => {
    await launchApp(page, sandbox, { patient: 'pt-radic-no-conservative' });
    await openView(page, 'Visit checklist');
    await page.locator('.vc-done summary').first().click();
    await screenshot(page, 'visit-pt-radic-no-conservative');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('Evidence from a note (pt-notes-only)', () => {
  it('opens the note with the pain score span highlighted, as text', async () => {
    await launchApp(page, sandbox, { patient: 'pt-notes-only' });
    const finding = page.locator('li.vc-finding[data-requirement="pain-scale"]');
    // A ready service keeps its met findings in a closed disclosure.
    await page.locator('.vc-done summary').first().click();
    const link = finding.getByRole('button', { name: /^Open evidence:/ }).first();
    await link.click();
    const panel = page.getByTestId('evidence-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('DocumentReference/pt-notes-only-note1');
    const highlight = panel.getByTestId('evidence-highlight');
    const quoted = (await highlight.textContent()) ?? '';
    expect(quoted).toContain('/10');
    // The highlight is the finding's own quote, and it sits inside the note's text where the note says it.
    const quoteInFinding = (await finding.locator('.vc-finding__quote').first().textContent()) ?? '';
    expect(quoted).toBe(quoteInFinding);
    const note = panel.locator('pre');
    const noteText = (await note.textContent()) ?? '';
    expect(noteText).toContain('He rates the pain 7/10 on the numeric rating scale');
    // The note is HTML in the EHR: shown as text, so the only element inside is the highlight itself.
    expect(await note.evaluate((el) => [...el.querySelectorAll('*')].map((c) => c.tagName))).toEqual(['MARK']);
    expect(noteText).not.toMatch(/<\/?(b|p|h2|ul)>/);
    // Focus moves to the panel (keyboard users land on the note), Escape closes it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('evidence-panel');
    await screenshot(page, 'visit-evidence-note-pt-notes-only');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
  });

  it('never builds elements from a note that carries script or event-handler markup', async () => {
    // The EHR's Binary is answered with the same note plus hostile markup; the app must show it as inert text.
    let tampered = 0;
    await page.route('**/fhir/Binary/pt-notes-only-note1-bin*', async (route) => {
      const res = await route.fetch();
      const bin = (await res.json()) as { data: string };
      const html = Buffer.from(bin.data, 'base64')
        .toString('utf8')
        .replace('<h3>History</h3>', '<img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script><h3>History</h3>');
      if (html.includes('__pwned')) tampered += 1;
      await route.fulfill({ response: res, json: { ...bin, data: Buffer.from(html, 'utf8').toString('base64') } });
    });
    try {
      await launchApp(page, sandbox, { patient: 'pt-notes-only' });
      await page.locator('.vc-done summary').first().click();
      await page
        .locator('li.vc-finding[data-requirement="pain-scale"]')
        .getByRole('button', { name: /^Open evidence:/ })
        .first()
        .click();
      const note = page.getByTestId('evidence-panel').locator('pre');
      await note.waitFor();
      expect(tampered).toBeGreaterThan(0);
      expect(await note.evaluate((el) => [...el.querySelectorAll('*')].map((c) => c.tagName))).toEqual(['MARK']);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      // The note still reads as the clinician wrote it.
      expect(await note.textContent()).toContain('He rates the pain 7/10');
    } finally {
      await page.unroute('**/fhir/Binary/pt-notes-only-note1-bin*');
    }
  });
});

describe('An 800 px EHR side panel', () => {
  it.each(['Visit checklist', 'Coding review', 'Prior auth'] as const)('%s fits without horizontal scrolling', async (view) => {
    const narrow = await browser.newContext({ viewport: { width: 800, height: 900 } });
    try {
      const p = await narrow.newPage();
      await launchApp(p, sandbox, { patient: 'pt-facet-rfa-ready' });
      await openView(p, view);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(p, `view-800-${view.toLowerCase().replace(/\s+/g, '-')}`);
    } finally {
      await narrow.close();
    }
  });
});
