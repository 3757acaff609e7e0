// Security in real Chromium: the app is served with its headers; the access token reaches no origin but the EHR's,
// even when a DocumentReference points at a foreign listener on another port in every URL form (the CSP is opened
// to that listener here, so only the app's own URL check stands between the token and it).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { openBrowser } from './browser';
import { launchApp, localToday } from './views/app';

let sandbox: Sandbox;
let browser: Browser;
let foreign: Server;
let foreignOrigin = '';
const foreignHits: { url: string; headers: IncomingHttpHeaders }[] = [];
const PATIENT = 'pt-notes-only';

beforeAll(async () => {
  foreign = createServer((req, res) => {
    foreignHits.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' });
    res.end('Pain 9/10, radicular, failed PT (from the foreign listener)');
  });
  await new Promise<void>((ok) => foreign.listen(0, '127.0.0.1', ok));
  foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
  sandbox = await startSandbox({ port: 0, today: localToday(), appSecurity: { connectSrc: [foreignOrigin] } });
  const host = new URL(foreignOrigin).host;
  const forms = [
    `${foreignOrigin}/absolute`,
    `//${host}/protocol-relative`,
    `/\\${host}/backslash`,
    `\\\\${host}/double-backslash`,
    `http://user:pw@${host}/userinfo`,
    `${sandbox.origin}@${host}/ehr-as-userinfo`,
    `%2F%2F${host}/encoded`,
    `http:${host}/scheme-relative`,
    `${foreignOrigin.replace('http:', 'HTTP:')}/upper-scheme`,
  ];
  forms.forEach((url, i) => {
    sandbox.store.resources.put({
      resourceType: 'DocumentReference',
      id: `foreign-${i}`,
      status: 'current',
      subject: { reference: `Patient/${PATIENT}` },
      type: { text: 'Progress note' },
      date: `${localToday()}T09:00:00Z`,
      content: [{ attachment: { contentType: 'text/plain', url, title: `Note ${i}` } }],
    });
  });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await new Promise<void>((ok) => foreign.close(() => ok()));
});

describe('served app security', () => {
  it('sends a strict CSP (no inline code, connect-src self + configured, frame-ancestors), nosniff and no-referrer', async () => {
    for (const path of ['/app/index.html', '/app/launch/index.html']) {
      const res = await fetch(`${sandbox.origin}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toMatch(new RegExp(`connect-src 'self' ${foreignOrigin.replace(/[.:/]/g, '\\$&')}(;|$)`));
      expect(csp).toContain("frame-ancestors 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await res.text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=/);
    }
  });

  it('never sends the token anywhere but the EHR: a chart with attachments on a foreign listener in 9 URL forms', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page: Page = await context.newPage();
    const withToken: Request[] = [];
    context.on('request', (r) => {
      if (r.headers().authorization) withToken.push(r);
    });
    await launchApp(page, sandbox, { patient: PATIENT });
    await page.waitForTimeout(500);
    expect(withToken.length).toBeGreaterThan(5);
    const origins = [...new Set(withToken.map((r) => new URL(r.url()).origin))];
    expect(origins).toEqual([sandbox.origin]);
    expect(foreignHits.filter((h) => h.headers.authorization !== undefined)).toEqual([]);
    const token = (withToken[0]!.headers().authorization ?? '').replace(/^Bearer\s+/i, '');
    expect(foreignHits.filter((h) => JSON.stringify(h).includes(token))).toEqual([]);
    // The notes the app could not fetch are named, not silently dropped.
    await page.getByTestId('data-issues').locator('summary').click();
    expect(await page.getByTestId('data-issues').textContent()).toMatch(/attachment|another server|not fetched|outside/i);
    await context.close();
  });
});
