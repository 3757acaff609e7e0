// Loads FHIR resources from a Bundle/resource .json file, an .ndjson file, or a folder of them (Node only).
// A file or line that is not FHIR is reported and skipped; everything else still loads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { z } from 'zod';

const ResourceSchema = z.looseObject({ resourceType: z.string().min(1), id: z.string().optional() });
const BundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.looseObject({ resource: z.unknown().optional() })).optional(),
});

export type LoadedResource = z.infer<typeof ResourceSchema>;

export interface Loaded {
  resources: LoadedResource[];
  problems: string[];
  files: number;
}

function addResource(out: Loaded, value: unknown, where: string): void {
  const bundle = BundleSchema.safeParse(value);
  if (bundle.success) {
    (bundle.data.entry ?? []).forEach((e, i) => addResource(out, e.resource, `${where} entry ${i}`));
    return;
  }
  const r = ResourceSchema.safeParse(value);
  if (r.success) out.resources.push(r.data);
  else out.problems.push(`${where}: not a FHIR resource (${r.error.issues[0]?.message ?? 'invalid'})`);
}

function loadFile(out: Loaded, file: string): void {
  const text = readFileSync(file, 'utf8');
  out.files++;
  if (extname(file) === '.ndjson') {
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        addResource(out, JSON.parse(line), `${file}:${i + 1}`);
      } catch {
        out.problems.push(`${file}:${i + 1}: not valid JSON`);
      }
    });
    return;
  }
  try {
    addResource(out, JSON.parse(text), file);
  } catch {
    out.problems.push(`${file}: not valid JSON`);
  }
}

export function loadFhir(paths: string[]): Loaded {
  const out: Loaded = { resources: [], problems: [], files: 0 };
  for (const p of paths) {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (/\.(json|ndjson)$/.test(name) && name !== 'manifest.json') loadFile(out, join(p, name));
      }
    } else loadFile(out, p);
  }
  return out;
}
