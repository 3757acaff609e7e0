// The cold 1 MB extraction where a launch pays it: in a fresh Chromium worker (Debian's chromium, a new browser
// context per run, so no code cache), with the extractor bundled and minified by Vite, as the app ships it. The worker times
// its own module load and the first extraction (wall time in the worker; the browser gives no per-thread CPU), and
// the Node child (notes-cold.ts) stays the budget's measure. Node 20's V8 is older than Chromium's, whose mid-tier
// compiler (Maglev) changes what a first megabyte costs, so the two side by side say which engine a figure is for.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { openBrowser } from '../e2e/browser';

export interface BrowserCold {
  loadMs: number;
  firstMs: number;
  againMs: number;
  mentions: number;
}

const WORKER = `
const t0 = performance.now();
const { extractNoteFacts } = await import('/notes.js');
const loadMs = performance.now() - t0;
onmessage = (e) => {
  const doc = { ref: 'DocumentReference/bench', title: 'bench', date: '2025-06-01', contentType: 'text/plain', text: e.data };
  const t1 = performance.now();
  const f = extractNoteFacts(doc);
  const firstMs = performance.now() - t1;
  let againMs = Infinity;
  for (let i = 0; i < 4; i++) {
    const t2 = performance.now();
    extractNoteFacts(doc);
    againMs = Math.min(againMs, performance.now() - t2);
  }
  postMessage({ loadMs, firstMs, againMs, mentions: f.mentions.length });
};
postMessage('ready');
`;

const PAGE = `<!doctype html><title>cold notes</title><script type="module">
window.coldRun = (text) => new Promise((resolve, reject) => {
  const w = new Worker('/worker.js', { type: 'module' });
  w.onerror = (e) => reject(new Error(e.message));
  w.onmessage = (e) => (e.data === 'ready' ? w.postMessage(text) : resolve(e.data));
});
</script>`;

/** The extractor as one minified ES module, built by Vite (the app's bundler), in memory. */
async function bundle(): Promise<string> {
  const entry = fileURLToPath(new URL('../../src/fhir/notes/extract.ts', import.meta.url));
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'es2022', lib: { entry, formats: ['es'], fileName: 'notes' } },
  });
  const first = Array.isArray(out) ? out[0] : out;
  const chunk = first && 'output' in first ? first.output.find((c) => c.type === 'chunk') : undefined;
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite built no chunk for the note extractor');
  return chunk.code;
}

function serve(notesJs: string): Promise<Server> {
  const files: Record<string, [string, string]> = {
    '/': ['text/html', PAGE],
    '/worker.js': ['text/javascript', WORKER],
    '/notes.js': ['text/javascript', notesJs],
  };
  const server = createServer((req, res) => {
    const f = files[req.url ?? ''];
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': f[0], 'cache-control': 'no-store' }).end(f[1]);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** `runs` cold extractions of `text`, each in a new browser context's first worker. */
export async function coldInBrowser(text: string, runs: number): Promise<BrowserCold[]> {
  const server = await serve(await bundle());
  let browser: Browser | undefined;
  try {
    browser = await openBrowser();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const out: BrowserCold[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => 'coldRun' in window);
      out.push(await page.evaluate((t) => (window as unknown as { coldRun(t: string): Promise<BrowserCold> }).coldRun(t), text));
      await context.close();
    }
    return out;
  } finally {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
