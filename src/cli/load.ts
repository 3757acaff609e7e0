// Loads FHIR resources from a Bundle/resource .json file, an .ndjson file, or a folder of them (Node only).
// A file, line or entry that is not FHIR is reported and skipped; everything else still loads. Bundle references by
// fullUrl (urn:uuid:, absolute URLs) are rewritten to "Type/id" here, so the reader sees what a FHIR server returns.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { indexFullUrls, normalizeReferences } from '../fhir/index';

const ResourceSchema = z.looseObject({ resourceType: z.string().min(1), id: z.string().optional() });
const BundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.unknown()).optional(),
});
const EntrySchema = z.looseObject({ fullUrl: z.string().optional(), resource: z.unknown().optional() });

export type LoadedResource = z.infer<typeof ResourceSchema>;

export interface Loaded {
  resources: LoadedResource[];
  problems: string[];
  files: number;
}

interface State extends Loaded {
  /** Type/id -> the first copy's JSON, to tell a repeated shared resource from a conflicting one. */
  keys: Map<string, string>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const t = (value as { resourceType?: unknown }).resourceType;
  return t === undefined ? 'an object without resourceType' : `an object with resourceType ${JSON.stringify(t).slice(0, 40)}`;
}

function addResource(out: State, value: unknown, where: string): void {
  const bundle = BundleSchema.safeParse(value);
  if (bundle.success) {
    const entries = bundle.data.entry ?? [];
    const parsed = entries.map((e) => EntrySchema.safeParse(e));
    const fullUrls = indexFullUrls(parsed.flatMap((p) => (p.success ? [p.data] : [])));
    parsed.forEach((p, i) => {
      if (!p.success) {
        out.problems.push(`${where} entry ${i}: not a Bundle entry (${describe(entries[i])})`);
        return;
      }
      if (p.data.resource === undefined || p.data.resource === null) {
        // A transaction DELETE or a search outcome carries no resource: nothing is lost.
        const req = (entries[i] as { request?: { method?: unknown } }).request;
        if (req?.method !== 'DELETE') out.problems.push(`${where} entry ${i}: entry without a resource`);
        return;
      }
      normalizeReferences(p.data.resource, fullUrls);
      addResource(out, p.data.resource, `${where} entry ${i}`);
    });
    return;
  }
  const r = ResourceSchema.safeParse(value);
  if (!r.success) {
    out.problems.push(`${where}: not a FHIR resource (${describe(value)})`);
    return;
  }
  if (r.data.id !== undefined) {
    const key = `${r.data.resourceType}/${r.data.id}`;
    const body = JSON.stringify(r.data);
    const first = out.keys.get(key);
    if (first !== undefined) {
      // Per-patient exports repeat the shared clinic and clinician in every file: only a different body is a problem.
      if (first !== body) out.problems.push(`${where}: duplicate ${key} with different contents; the first copy is used`);
      return;
    }
    out.keys.set(key, body);
  }
  out.resources.push(r.data);
}

/** JSON text as files really arrive: a UTF-8 byte-order mark (Windows exports) is not part of the JSON. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function loadFile(out: State, file: string): void {
  let text: string;
  try {
    text = stripBom(readFileSync(file, 'utf8'));
  } catch (e) {
    out.problems.push(`${file}: could not be read (${e instanceof Error ? e.message : String(e)})`);
    return;
  }
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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    out.problems.push(`${file}: not valid JSON`);
    return;
  }
  addResource(out, json, file);
}

export function loadFhir(paths: string[]): Loaded {
  const out: State = { resources: [], problems: [], files: 0, keys: new Map() };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.problems.push(`${p}: no such file or folder`);
      continue;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (/\.(json|ndjson)$/.test(name) && name !== 'manifest.json') loadFile(out, join(p, name));
      }
    } else loadFile(out, p);
  }
  return { resources: out.resources, problems: out.problems, files: out.files };
}
