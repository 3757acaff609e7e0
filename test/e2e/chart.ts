// Drives the sandbox chart like a clinician: pick a patient, launch ClaimReady in the chart's iframe.
import type { Frame, Page } from 'playwright-core';

export async function launchInChart(page: Page, chartUrl: string, patientId: string): Promise<Frame> {
  await page.goto(chartUrl);
  await page.getByTestId(`launch-${patientId}`).click();
  return appFrame(page);
}

export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.getByTestId('app-frame').elementHandle({ timeout: 10_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the chart has no app iframe');
  return frame;
}

/** Waits until the workspace shows the whole record (every page read). */
export async function waitForPicture(frame: Frame): Promise<void> {
  await frame.waitForSelector('[data-testid="workspace"][data-complete="true"]', { timeout: 30_000 });
}
