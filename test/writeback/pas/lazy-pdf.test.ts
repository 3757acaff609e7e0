// pdf-lib (~0.5 MB) must not load with the app: only `await import('pdf-lib')` inside renderPacketPdf may pull it in.
// Walks the static import graph from the prior-auth view and the packet modules and fails on any static import.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // `import type` is erased at build time; `import('x')` is a dynamic import and starts its own chunk.
  return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => existsSync(f));
}

function reachablePackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop() ?? '';
    if (seen.has(f)) continue;
    seen.add(f);
    for (const spec of staticImports(f)) {
      const local = resolveLocal(f, spec);
      if (local) stack.push(local);
      else if (!spec.startsWith('.')) packages.add(spec);
    }
  }
  return packages;
}

describe('pdf-lib is loaded only when a packet is made', () => {
  for (const entry of ['ui/views/PriorAuth.tsx', 'writeback/packet.ts', 'writeback/packet-pdf.ts']) {
    it(`${entry} does not import pdf-lib statically`, () => {
      const pkgs = reachablePackages(join(SRC, entry));
      expect([...pkgs].filter((p) => p.startsWith('pdf-lib'))).toEqual([]);
    });
  }
  it('the walk follows local imports to the packages behind them (control: the view reaches zod via the validator)', () => {
    const pkgs = reachablePackages(join(SRC, 'ui/views/PriorAuth.tsx'));
    expect(pkgs.has('react')).toBe(true);
    expect(pkgs.has('zod')).toBe(true);
    expect(readFileSync(join(SRC, 'writeback/packet-pdf.ts'), 'utf8')).toContain("await import('pdf-lib')");
  });
});
