// The packet PDF rendered in a real browser: the seeds' packets (built by the same pipeline the app saves) are
// served from loopback and drawn by pdf.js inside Debian's Chromium, page by page, onto canvases. The test checks
// that every page renders ink (not a blank or an error page) and that the headings a reviewer looks for are on the
// pages they belong to, and keeps a screenshot of each page in test-artifacts/e2e for a person to look at.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openBrowser, screenshot } from './browser';
import { seedPacket } from '../writeback/pas/seed-packet';

const PDFJS = join(import.meta.dirname, '../../node_modules/pdfjs-dist');
const PATIENTS = ['pt-radic-ready', 'pt-cervical-summit'] as const;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>packet</title></head><body>
<main id="pages"></main>
<script type="module">
import * as pdfjs from '/pdfjs/build/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
const name = new URLSearchParams(location.search).get('pdf');
try {
  const doc = await pdfjs.getDocument({ url: '/packet/' + name + '.pdf', standardFontDataUrl: '/pdfjs/standard_fonts/' }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const viewport = page.getViewport({ scale: 1.25 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.setAttribute('aria-label', 'page ' + i);
    document.getElementById('pages').append(canvas);
    const ctx = canvas.getContext('2d');
    await page.render({ canvasContext: ctx, viewport }).promise;
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let k = 0; k < px.length; k += 4) if (px[k + 3] > 0 && px[k] + px[k + 1] + px[k + 2] < 600) ink++;
    const text = (await page.getTextContent()).items.map((t) => t.str).join(' ').replace(/\\s+/g, ' ');
    pages.push({ width: canvas.width, height: canvas.height, ink: ink / (canvas.width * canvas.height), text });
  }
  window.__result = { pages };
} catch (e) {
  window.__result = { error: String(e) };
}
</script></body></html>`;

let server: Server;
let base = '';
let browser: Browser;
const pdfs = new Map<string, Uint8Array>();

beforeAll(async () => {
  for (const p of PATIENTS) pdfs.set(p, (await seedPacket(p)).pdf);
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string | Uint8Array): void => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    if (url.pathname === '/') return send('text/html', PAGE);
    const pdf = /^\/packet\/([a-z-]+)\.pdf$/.exec(url.pathname)?.[1];
    if (pdf && pdfs.has(pdf)) return send('application/pdf', pdfs.get(pdf) as Uint8Array);
    const file = /^\/pdfjs\/((?:build\/pdf(?:\.worker)?\.mjs)|standard_fonts\/[A-Za-z0-9_.-]+)$/.exec(url.pathname)?.[1];
    if (file) return send(file.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream', readFileSync(join(PDFJS, file)));
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => server?.close(() => ok()));
});

interface Rendered {
  pages?: { width: number; height: number; ink: number; text: string }[];
  error?: string;
}

async function render(patient: string): Promise<Rendered> {
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/?pdf=${patient}`);
    await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, {
      timeout: 15_000,
    });
    const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Rendered;
    await screenshot(page, `packet-pdf-${patient}`);
    return result;
  } finally {
    await context.close();
  }
}

describe('packet PDF in Chromium (pdf.js)', () => {
  it('renders the ready ESI packet: letter pages with ink, page one holds request, summary and criteria', async () => {
    const r = await render('pt-radic-ready');
    expect(r.error).toBeUndefined();
    const pages = r.pages ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const p of pages) {
      expect(p.width / p.height).toBeCloseTo(612 / 792, 2); // US letter
      expect(p.ink).toBeGreaterThan(0.003); // text was drawn, not a blank canvas
    }
    const one = pages[0]?.text ?? '';
    for (const heading of [
      'Prior authorization request: medical necessity',
      'Clinical summary',
      'Requested service',
      "Criteria of the payer's policy",
    ])
      expect(one).toContain(heading);
    const all = pages.map((p) => p.text).join(' ');
    for (const heading of ['Pain and function', 'Conservative care', 'Imaging', 'Attestation of the ordering clinician'])
      expect(all).toContain(heading);
    expect(pages[pages.length - 1]?.text).toContain(`page ${pages.length} of ${pages.length}`);
  });

  it("renders the commercial packet with the payer's own guideline named on page one", async () => {
    const r = await render('pt-cervical-summit');
    expect(r.error).toBeUndefined();
    const one = r.pages?.[0]?.text ?? '';
    expect(one).toContain('Policy: eviCore CMM-200 Epidural Steroid Injections');
    expect(one).toContain('Member ID: SHP-40219877-01; payer Summit Health Plan');
    expect(one).not.toContain('198.9');
  });
});
