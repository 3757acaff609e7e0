// CLI at scale (issue 16): `npx tsx test/cli/scale.ts 1000 5000` writes cohorts of that many patients and times
// `npm run check --json` over each; prints ms per patient so linearity can be read off (a quadratic step shows as a
// growing per-patient cost). Not part of `npm test`: 5,000 patients take minutes on the shared machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCohort } from './cohort';

const ROOT = join(import.meta.dirname, '..', '..');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const n of sizes.length ? sizes : [1000]) {
  const dir = mkdtempSync(join(tmpdir(), `cr-scale-${n}-`));
  const cohort = writeCohort(dir, n);
  const t0 = performance.now();
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), '--data', dir, '--today', '2026-11-23', '--json'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 2 * 1024 * 1024 * 1024 },
  );
  const ms = performance.now() - t0;
  const json = JSON.parse(out) as { patients: number; assessed: number; notAssessed: { patient: string }[] };
  const listed = json.assessed + json.notAssessed.length;
  process.stdout.write(
    `${n} patients (${n * 24} resources): ${(ms / 1000).toFixed(1)} s, ${(ms / n).toFixed(1)} ms/patient; assessed ${json.assessed}, not assessed ${json.notAssessed.length} (expected ${cohort.withoutOrder.length}), listed ${listed}/${n}\n`,
  );
  rmSync(dir, { recursive: true, force: true });
}
