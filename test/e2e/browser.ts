// Debian's chromium driven by playwright-core: never a downloaded browser, no network but loopback.
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'e2e');

/** Content-Security-Policy violations seen in any page or frame of any context this browser opened. */
const cspViolations: string[] = [];

/** Returns and clears the violations recorded so far (the e2e setup fails a test that caused any). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0, cspViolations.length);
}

function watchCsp(page: Page): void {
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) cspViolations.push(`${page.url()}: ${text}`);
  });
}

/** Chromium with every page watched for CSP violations: the app runs under the policy it is served with. */
export async function openBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args);
    // Also the violations no console message reports (a frame's), through the DOM event, before any app code runs.
    await context.exposeBinding('__reportCsp', (_src, text: string) => void cspViolations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportCsp(t: string): void }).__reportCsp(
          `${e.documentURI}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`,
        );
      });
    });
    context.on('page', watchCsp);
    return context;
  };
  return browser;
}

async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Runs axe-core in a page or frame and returns the serious and critical violations. */
export async function seriousAxeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  await target.evaluate(axeSource);
  const results = await target.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
