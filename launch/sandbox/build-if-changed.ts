// `npm start` builds the app only when its inputs changed since the last build: a fresh build takes over a minute
// on a small machine, and most starts follow no edit at all. The inputs' content hash is kept next to the output.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

/** What the build reads: the app's sources, the launch page (with its style sheet), static files and the build
 * configuration with what it imports. */
export const INPUTS = [
  'src',
  'launch/index.html',
  'launch/launch.ts',
  'launch/launch.css',
  'public',
  'vite.config.ts',
  'launch/sandbox/security-headers.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
const STAMP = '.build-inputs.sha256';

function files(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(root, join(path, name)));
}

export function inputsHash(root: string): string {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap((p) => files(root, p))) {
    h.update(relative(root, join(root, f)));
    h.update('\0');
    h.update(readFileSync(join(root, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

export type BuildOutcome = { built: boolean; reason: string };

/** Builds into root/dist when the stamp there differs from the inputs' hash (or is missing). */
export function buildIfChanged(root: string, opts: { force?: boolean; log?: (line: string) => void } = {}): BuildOutcome {
  const log = opts.log ?? ((line: string) => console.log(line));
  const hash = inputsHash(root);
  const stampFile = join(root, 'dist', STAMP);
  const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : undefined;
  if (!opts.force && previous === hash && existsSync(join(root, 'dist', 'index.html'))) {
    log('Build: sources unchanged since the last build, using dist/ as it is.');
    return { built: false, reason: 'unchanged' };
  }
  const reason = opts.force ? 'forced' : previous ? 'sources changed' : 'no previous build';
  log(`Build: ${reason}, building the app (npm run build)...`);
  const run = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`npm run build failed (exit ${run.status ?? run.signal})`);
  writeFileSync(stampFile, `${hash}\n`);
  return { built: true, reason };
}
