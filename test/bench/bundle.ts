// Initial JavaScript of the app page: the entry script and its modulepreloads, gzipped (what a launch downloads
// before the first render; lazily loaded views and the PDF library are not counted, and are listed separately).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './types';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const BUDGET_KB = 200;

function gz(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export function initialScripts(html: string): string[] {
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(srcs)].map((s) => s.replace(/^.*\/assets\//, 'assets/'));
}

export async function run(): Promise<BenchResult[]> {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = initialScripts(html);
  const initialBytes = initial.reduce((sum, f) => sum + gz(join(DIST, f)), 0);
  const all = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  const lazy = all.filter((f) => !initial.includes(`assets/${f}`));
  const lazyKb = lazy.map((f) => `${f.replace(/-[\w-]{8}\.js$/, '')} ${(gz(join(DIST, 'assets', f)) / 1024).toFixed(1)} kB`);
  const kb = initialBytes / 1024;
  return [
    {
      name: 'initial JavaScript (gzipped)',
      value: Number(kb.toFixed(1)),
      unit: 'kB',
      budget: `<= ${BUDGET_KB} kB`,
      ok: kb <= BUDGET_KB,
      detail: `${initial.length} files; loaded later: ${lazyKb.join(', ') || 'none'}`,
    },
  ];
}
