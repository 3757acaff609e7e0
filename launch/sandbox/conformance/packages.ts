// The official packages the validator checks against, read from ./packages (CC0 copies of the HL7 releases):
// StructureDefinitions, ValueSets and CodeSystems by canonical URL (and url|version, since PAS 2.2.1 names three
// US Core versions that share URLs), plus each package's example instances.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTgz } from './tar';

export interface Canonical {
  resourceType: string;
  url?: string;
  version?: string;
  id?: string;
  [k: string]: unknown;
}

export interface FhirPackage {
  file: string;
  name: string;
  version: string;
  resources: Canonical[];
  examples: Map<string, Canonical>;
}

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'packages');

function parse(buf: Buffer, where: string): Canonical | undefined {
  try {
    const v = JSON.parse(buf.toString('utf8')) as unknown;
    if (typeof v === 'object' && v !== null && typeof (v as { resourceType?: unknown }).resourceType === 'string') return v as Canonical;
  } catch {
    throw new Error(`conformance package file ${where} is not valid JSON`);
  }
  return undefined;
}

export function loadPackage(file: string): FhirPackage {
  const files = readTgz(readFileSync(file));
  const manifest = files.get('package/package.json');
  const meta = manifest ? (JSON.parse(manifest.toString('utf8')) as { name?: string; version?: string }) : {};
  const resources: Canonical[] = [];
  const examples = new Map<string, Canonical>();
  for (const [path, buf] of files) {
    if (!path.endsWith('.json') || path.endsWith('package.json') || path.includes('/other/') || path.endsWith('.index.json')) continue;
    if (path.startsWith('package/example/')) {
      const r = parse(buf, path);
      if (r) examples.set(path.slice('package/example/'.length), r);
    } else if (/^package\/(StructureDefinition|ValueSet|CodeSystem)-/.test(path)) {
      const r = parse(buf, path);
      if (r) resources.push(r);
    }
  }
  return { file, name: meta.name ?? file, version: meta.version ?? '', resources, examples };
}

let cache: FhirPackage[] | undefined;

export function loadPackages(dir = PACKAGE_DIR): FhirPackage[] {
  if (dir === PACKAGE_DIR && cache) return cache;
  const list = readdirSync(dir)
    .filter((f) => f.endsWith('.tgz'))
    .sort()
    .map((f) => loadPackage(join(dir, f)));
  if (dir === PACKAGE_DIR) cache = list;
  return list;
}
