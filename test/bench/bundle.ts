// JavaScript a launch loads before its first paint, gzipped: the app entry, the record read and the React app it
// imports while the token is exchanged (src/ui/hooks/early-read.ts, src/ui/boot.tsx), and everything those import
// statically, read from Vite's build manifest. The visit checklist (the policy core behind the verdict) loads in
// parallel with the chart's reads and is listed on its own; the coder and prior-auth views and the PDF library load
// later, when opened.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { BenchResult } from './types';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const BUDGET_KB = 200;
/** Loaded at every launch, though early-read and boot are dynamic imports (they load during the token exchange). */
const LAUNCH_CRITICAL = ['src/index.html', 'src/ui/hooks/early-read.ts', 'src/ui/boot.tsx'];
/** Loaded at every launch while the chart is read, before the verdict shows (Workspace.tsx starts it). */
const BEFORE_VERDICT = ['src/ui/views/VisitChecklist.tsx'];

const Manifest = z.record(
  z.string(),
  z.object({ file: z.string(), imports: z.array(z.string()).optional(), isEntry: z.boolean().optional() }).loose(),
);
export type BuildManifest = z.infer<typeof Manifest>;

/** Files loaded at launch: the closure of static imports from the launch-critical manifest entries. */
export function launchFiles(manifest: BuildManifest, roots: readonly string[] = LAUNCH_CRITICAL): string[] {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    const entry = manifest[key];
    if (!entry || seen.has(key)) return;
    seen.add(key);
    for (const i of entry.imports ?? []) visit(i);
  };
  roots.forEach(visit);
  return [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
}

function gz(file: string): number {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
}

export async function run(): Promise<BenchResult[]> {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')));
  const initial = launchFiles(manifest);
  const launchPage = launchFiles(manifest, ['launch/index.html']);
  const verdict = launchFiles(manifest, BEFORE_VERDICT).filter((f) => !initial.includes(f));
  const later = Object.values(manifest)
    .map((e) => e.file)
    .filter((f) => f.endsWith('.js') && !initial.includes(f) && !launchPage.includes(f) && !verdict.includes(f));
  const kb = initial.reduce((sum, f) => sum + gz(f), 0) / 1024;
  const label = (f: string) => `${f.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')} ${(gz(f) / 1024).toFixed(1)} kB`;
  return [
    {
      name: 'initial JavaScript of the app (gzipped)',
      value: Number(kb.toFixed(1)),
      unit: 'kB',
      budget: `<= ${BUDGET_KB} kB`,
      ok: kb <= BUDGET_KB,
      detail:
        `at launch: ${initial.map(label).join(', ')}; while the chart is read, before the verdict: ${verdict.map(label).join(', ') || 'none'}` +
        ` (${((kb * 1024 + verdict.reduce((sum, f) => sum + gz(f), 0)) / 1024).toFixed(1)} kB with the launch's); later, when opened: ${later.map(label).join(', ') || 'none'}`,
    },
  ];
}
