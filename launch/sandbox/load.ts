// Reads FHIR data from disk: the seed bundles and any `--data DIR`. Every *.json file may be a Bundle (its entries
// are loaded) or a single resource; every *.ndjson file holds one resource per line. Transaction bundles commonly
// use urn:uuid fullUrls with references between entries, so those are resolved to Type/id before storing.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shiftResourceDates } from './date-shift';
import { bundleSchema, parseResource, type StoredResource } from './resource';

export interface LoadResult {
  resources: StoredResource[];
  /** Problems per file (never fatal: one bad line must not hide the rest of the data). */
  problems: string[];
  files: string[];
}

const CONTAINER_TYPES = new Set(['collection', 'transaction', 'batch', 'searchset', 'transaction-response', 'batch-response']);

/** `quietNonFhir`: JSON that is not FHIR (the seed's manifest.json) is skipped without a problem report. */
export function loadDir(dir: string, shiftDays: number, options: { quietNonFhir?: boolean } = {}): LoadResult {
  const result: LoadResult = { resources: [], problems: [], files: [] };
  if (!existsSync(dir)) {
    result.problems.push(`${dir}: directory not found`);
    return result;
  }
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json') || n.endsWith('.ndjson'))
    .sort();
  for (const name of names) {
    const path = join(dir, name);
    result.files.push(path);
    const text = readFileSync(path, 'utf8');
    const parsed = name.endsWith('.ndjson') ? parseNdjson(text, name) : parseJsonFile(text, name);
    if (parsed.notFhir && options.quietNonFhir) continue;
    result.problems.push(...parsed.problems);
    for (const r of parsed.resources) result.resources.push(shiftResourceDates(r, shiftDays));
  }
  return result;
}

function parseNdjson(text: string, name: string): { resources: StoredResource[]; problems: string[]; notFhir?: boolean } {
  const resources: StoredResource[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`${name}:${i + 1}: not valid JSON`);
      return;
    }
    const r = parseResource(json);
    if (r.ok) resources.push(r.resource);
    else problems.push(`${name}:${i + 1}: ${r.error}`);
  });
  return { resources, problems };
}

export function parseJsonFile(text: string, name: string): { resources: StoredResource[]; problems: string[]; notFhir?: boolean } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { resources: [], problems: [`${name}: not valid JSON`] };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !('resourceType' in json)) {
    return { resources: [], problems: [`${name}: not a FHIR resource or Bundle (skipped)`], notFhir: true };
  }
  const bundle = bundleSchema.safeParse(json);
  if (bundle.success && CONTAINER_TYPES.has(bundle.data.type)) return unpackBundle(bundle.data, name);
  const r = parseResource(json);
  return r.ok ? { resources: [r.resource], problems: [] } : { resources: [], problems: [`${name}: ${r.error}`] };
}

interface BundleLike {
  entry?: { fullUrl?: string; resource?: StoredResource; request?: { method: string; url: string } }[];
}

function unpackBundle(bundle: BundleLike, name: string): { resources: StoredResource[]; problems: string[] } {
  const problems: string[] = [];
  const resources: StoredResource[] = [];
  const aliases = new Map<string, string>();
  (bundle.entry ?? []).forEach((entry, i) => {
    const resource = entry.resource;
    if (!resource) {
      problems.push(`${name}: entry ${i} has no resource`);
      return;
    }
    // A PUT to Type/id names the id; otherwise keep the resource's own id, or the uuid of a urn:uuid fullUrl.
    const putId =
      entry.request?.method.toUpperCase() === 'PUT' ? /^[A-Za-z]+\/([A-Za-z0-9\-.]{1,64})/.exec(entry.request.url)?.[1] : undefined;
    const uuid = entry.fullUrl?.startsWith('urn:uuid:') ? entry.fullUrl.slice('urn:uuid:'.length) : undefined;
    const id = resource.id ?? putId ?? (uuid && /^[A-Za-z0-9\-.]{1,64}$/.test(uuid) ? uuid : randomUUID());
    const withId: StoredResource = { ...resource, id };
    if (entry.fullUrl) aliases.set(entry.fullUrl, `${resource.resourceType}/${id}`);
    resources.push(withId);
  });
  if (aliases.size === 0) return { resources, problems };
  return { resources: resources.map((r) => rewriteReferences(r, aliases)), problems };
}

function rewriteReferences<T>(value: T, aliases: Map<string, string>): T {
  if (Array.isArray(value)) return value.map((v: unknown) => rewriteReferences(v, aliases)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = k === 'reference' && typeof v === 'string' && v.startsWith('urn:') ? (aliases.get(v) ?? v) : rewriteReferences(v, aliases);
  }
  return out as T;
}
