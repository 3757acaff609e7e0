// Serves the built app (dist/) under /app/ with the right content types, and a clear 503 page when it is missing.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticFile {
  status: number;
  contentType: string;
  body: Buffer | string;
}

export function contentTypeFor(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** `relPath` is the part after /app/ (already URL-decoded). */
export function serveApp(distDir: string, relPath: string): StaticFile {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) {
    return {
      status: 503,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App not built</title></head><body><main><h1>ClaimReady is not built yet</h1><p>The sandbox serves the app from <code>${escapeHtml(root)}</code>, which has no index.html. Run <code>npm run build</code> (or <code>npm start</code>, which builds first) and reload.</p></main></body></html>`,
    };
  }
  const target = resolve(root, normalize(relPath === '' ? 'index.html' : relPath));
  if (target !== root && !target.startsWith(root + sep)) return notFound();
  let file = target;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) return notFound();
  return { status: 200, contentType: contentTypeFor(file), body: readFileSync(file) };
}

function notFound(): StaticFile {
  return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
