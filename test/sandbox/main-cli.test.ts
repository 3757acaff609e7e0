import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirWith, tinyBundle } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs main.ts until it prints both URLs (or exits), then stops it by its own pid. */
function runMain(args: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'launch/sandbox/main.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (/FHIR base: /.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

describe('npm start entry (main.ts)', () => {
  it('prints the chart URL and the FHIR base URL on 127.0.0.1, and reports bad data lines on stderr', async () => {
    const dir = dataDirWith({ 'tiny.json': JSON.stringify(tinyBundle(1)), 'bad.ndjson': '{oops\n' });
    // --dist skips the build-if-changed step (tested on its own), so this test reads only what main.ts prints.
    const run = await runMain([
      '--port',
      '0',
      '--no-seed',
      '--data',
      dir,
      '--latency',
      '5',
      '--faults',
      '0',
      '--today',
      '2026-11-23',
      '--dist',
      dir,
    ]);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Chart: http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines[1]).toMatch(/^FHIR base: http:\/\/127\.0\.0\.1:\d+\/fhir$/);
    expect(run.stderr).toMatch(/bad\.ndjson:1/);
  }, 40_000);

  it('refuses a bad option value with a usage message', async () => {
    const run = await runMain(['--faults', '2', '--no-seed']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--faults must be a number from 0 to 1/);
  }, 40_000);
});
