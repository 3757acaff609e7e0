import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIfChanged, INPUTS, inputsHash } from '../../launch/sandbox/build-if-changed';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'cr-build-'));
  mkdirSync(join(root, 'src', 'ui'), { recursive: true });
  writeFileSync(join(root, 'src', 'ui', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'package.json'), '{}\n');
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html>');
  return root;
}

describe('npm start builds only when sources changed', () => {
  it('the inputs hash follows file content and names, not the output', () => {
    const root = project();
    const h0 = inputsHash(root);
    writeFileSync(join(root, 'dist', 'index.html'), 'changed output');
    expect(inputsHash(root)).toBe(h0);
    writeFileSync(join(root, 'src', 'ui', 'a.ts'), 'export const a = 2;\n');
    const h1 = inputsHash(root);
    expect(h1).not.toBe(h0);
    writeFileSync(join(root, 'src', 'ui', 'b.ts'), '');
    expect(inputsHash(root)).not.toBe(h1);
  });

  it('skips the build, and says so, when the stamp in dist matches the inputs', () => {
    const root = project();
    writeFileSync(join(root, 'dist', '.build-inputs.sha256'), `${inputsHash(root)}\n`);
    const lines: string[] = [];
    expect(buildIfChanged(root, { log: (l) => lines.push(l) })).toEqual({ built: false, reason: 'unchanged' });
    expect(lines.join('\n')).toMatch(/unchanged/);
  });
});

describe('the build inputs', () => {
  const root = join(import.meta.dirname, '..', '..');
  const covered = (file: string): boolean => INPUTS.some((i) => file === i || file.startsWith(`${i}/`));
  // What the launch page and the build configuration pull in by relative path (the app's own imports stay in src/).
  const localImports = (file: string): string[] => {
    const text = readFileSync(join(root, file), 'utf8');
    const specs = [...text.matchAll(/(?:from\s+|import\s+|src=)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
    return specs.map((s) => {
      const path = relative(root, resolve(root, dirname(file), s));
      return ['', '.ts', '.tsx'].map((ext) => path + ext).find((p) => existsSync(join(root, p))) ?? path;
    });
  };

  it('hold every file the launch page and vite.config.ts read by relative path', () => {
    const read = ['launch/index.html', 'launch/launch.ts', 'vite.config.ts'].flatMap(localImports);
    expect(read).toContain('launch/launch.css');
    expect(read.filter((f) => !covered(f))).toEqual([]);
  });
});
