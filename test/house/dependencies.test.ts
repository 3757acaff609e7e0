// Issue 14's rule that every package the code imports is declared, and every declared one is used. npm installs
// transitive packages beside the declared ones, so an import of one (esbuild, which tsx and Vite bring) compiles and
// runs here and breaks when that parent changes or drops it. Imports are read with TypeScript's pre-processor (static,
// dynamic, type-only, re-exports) over the code, the tests, the launch pages and the root configs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './import-graph';

const SKIP = new Set(['node_modules', 'dist', 'fixtures', 'test-artifacts']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith('.')) return [];
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.(ts|tsx|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const files = [
  ...['src', 'test', 'launch'].flatMap((d) => walk(join(ROOT, d))),
  ...readdirSync(ROOT)
    .filter((f) => /\.config\.(ts|js|mjs)$/.test(f))
    .map((f) => join(ROOT, f)),
];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
const builtins = new Set(builtinModules);

/** The package a bare specifier names ("react-dom/client" -> react-dom, "@medplum/core" -> @medplum/core). */
export function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('\0') || spec.startsWith('virtual:')) return undefined;
  if (spec.startsWith('node:') || builtins.has(spec.split('/')[0]!)) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Declared directly, or as the DefinitelyTyped package that provides its types ("fhir/r4" from @types/fhir). */
const isDeclared = (name: string): boolean => declared.has(name) || declared.has(`@types/${name.replace(/^@([^/]+)\//, '$1__')}`);

const imports = new Map<string, string[]>();
const texts: string[] = [JSON.stringify(pkg.scripts)];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  texts.push(text);
  for (const f of ts.preProcessFile(text, true, true).importedFiles) {
    const name = packageOf(f.fileName);
    if (name) imports.set(name, [...(imports.get(name) ?? []), relative(ROOT, file)]);
  }
}

describe('dependencies', () => {
  it('reads the package a specifier names', () => {
    expect(packageOf('react-dom/client')).toBe('react-dom');
    expect(packageOf('@tanstack/react-query')).toBe('@tanstack/react-query');
    expect(packageOf('fhirclient/lib/Client')).toBe('fhirclient');
    expect(packageOf('node:fs')).toBeUndefined();
    expect(packageOf('fs')).toBeUndefined();
    expect(packageOf('./lexicon')).toBeUndefined();
  });

  it('every package imported by the code, tests, launch pages and configs is declared in package.json', () => {
    const undeclared = [...imports]
      .filter(([name]) => !isDeclared(name))
      .map(([name, where]) => `${name} (${where.slice(0, 3).join(', ')})`);
    expect(undeclared).toEqual([]);
  });

  it('every declared package is imported, named by a config or script, gives one its types or is its peer', () => {
    const all = texts.join('\n');
    const named = (name: string): boolean =>
      new RegExp(String.raw`(?:^|[\s'"\x60])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:$|[\s'"\x60/])`, 'm').test(all);
    const direct = (name: string): boolean => {
      if (imports.has(name) || named(name)) return true;
      const typed = /^@types\/(.+)$/.exec(name)?.[1]?.replace(/^([^_]+)__/, '@$1/');
      return typed !== undefined && (typed === 'node' || imports.has(typed));
    };
    // A peer dependency of a package in use must be installed by the project ("@testing-library/dom" for
    // @testing-library/react), though nothing imports it by name.
    const peers = new Set(
      [...declared].filter(direct).flatMap((name) => {
        const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
          peerDependencies?: Record<string, string>;
        };
        return Object.keys(manifest.peerDependencies ?? {});
      }),
    );
    expect([...declared].filter((name) => !direct(name) && !peers.has(name))).toEqual([]);
  });
});
