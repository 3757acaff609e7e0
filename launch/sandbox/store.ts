// In-memory FHIR resource store: read, search with paging, create, conditional create, update.
// Paging uses snapshots: the first page stores the matching ids under a random key, and every `next` link points at
// that snapshot, so following pages costs no re-matching and stays stable while the app writes meanwhile.
import { randomUUID } from 'node:crypto';
import { matchesAll, referencesOf, warmValues } from './match';
import { parseSearch, sortKey, type Include } from './search';
import { operationOutcome, type StoredResource } from './resource';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
const MAX_SNAPSHOTS = 200;

export interface StoreResult {
  status: number;
  body: StoredResource;
  headers?: Record<string, string>;
}

interface Snapshot {
  resourceType: string;
  ids: string[];
  includes: Include[];
}

export class ResourceStore {
  private readonly byType = new Map<string, Map<string, StoredResource>>();
  private readonly snapshots = new Map<string, Snapshot>();
  private clock: () => string;

  constructor(clock: () => string = () => new Date().toISOString()) {
    this.clock = clock;
  }

  /** Puts a loaded resource in as-is (keeping its id), for seed and --data loading. */
  put(resource: StoredResource): StoredResource {
    const id = resource.id ?? randomUUID();
    const stored: StoredResource = {
      ...resource,
      id,
      meta: {
        ...(resource.meta ?? {}),
        versionId: resource.meta?.versionId ?? '1',
        lastUpdated: resource.meta?.lastUpdated ?? this.clock(),
      },
    };
    this.table(resource.resourceType).set(id, stored);
    return stored;
  }

  /**
   * Fills the search-value cache for the parameters every launch uses, one type per event-loop turn so the server
   * keeps answering meanwhile. Resolves when done.
   */
  async warm(codes: readonly string[] = ['patient', 'date']): Promise<void> {
    for (const type of this.types()) {
      warmValues(this.all(type), codes);
      await new Promise((r) => setImmediate(r));
    }
  }

  get(resourceType: string, id: string): StoredResource | undefined {
    return this.byType.get(resourceType)?.get(id);
  }

  all(resourceType: string): StoredResource[] {
    return [...(this.byType.get(resourceType)?.values() ?? [])];
  }

  types(): string[] {
    return [...this.byType.keys()].filter((t) => (this.byType.get(t)?.size ?? 0) > 0).sort();
  }

  count(resourceType: string): number {
    return this.byType.get(resourceType)?.size ?? 0;
  }

  read(resourceType: string, id: string): StoreResult {
    const found = this.get(resourceType, id);
    if (!found) return { status: 404, body: operationOutcome('error', 'not-found', `${resourceType}/${id} is not known`) };
    return { status: 200, body: found, headers: versionHeaders(found) };
  }

  /** `base` is the absolute FHIR base; `query` the request's search parameters. */
  /** `visible`: what the token may see (the patient compartment); the rest does not exist for it. */
  search(base: string, resourceType: string, query: URLSearchParams, visible?: (r: StoredResource) => boolean): StoreResult {
    const snapshotKey = query.get('_getpages');
    let ids: string[];
    let includes: Include[] = [];
    let ignored: string[] = [];
    let count: number | undefined;
    let offset: number;
    if (snapshotKey) {
      const snapshot = this.snapshots.get(snapshotKey);
      if (!snapshot || snapshot.resourceType !== resourceType) {
        return { status: 410, body: operationOutcome('error', 'not-found', 'This search page has expired; run the search again.') };
      }
      ids = snapshot.ids;
      includes = snapshot.includes;
      count = numberParam(query.get('_count'));
      offset = numberParam(query.get('_offset')) ?? 0;
    } else {
      let parsed;
      try {
        parsed = parseSearch(resourceType, query);
      } catch (err) {
        return {
          status: 400,
          body: operationOutcome('error', 'invalid', `Search could not be parsed: ${err instanceof Error ? err.message : String(err)}`),
        };
      }
      ignored = parsed.ignored;
      includes = parsed.includes;
      count = parsed.count;
      offset = parsed.offset;
      let hits = this.all(resourceType).filter((r) => matchesAll(r, parsed.criteria) && (!visible || visible(r)));
      if (parsed.sort.length > 0) hits = sortResources(hits, parsed.sort);
      ids = hits.map((r) => r.id ?? '');
    }
    const pageSize = Math.min(count ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const pageIds = ids.slice(offset, offset + pageSize);
    const matched = pageIds.map((id) => this.get(resourceType, id)).filter((r): r is StoredResource => r !== undefined);
    const entries = matched.map((r) => ({ fullUrl: `${base}/${resourceType}/${r.id}`, resource: r, search: { mode: 'match' } }));
    const included = new Set<string>();
    for (const inc of includes) {
      for (const ref of matched.flatMap((r) => referencesOf(r, inc.code))) {
        const [type = '', id = ''] = ref.split('/');
        const target = this.get(type, id);
        if (!target || (visible && !visible(target)) || included.has(ref) || (inc.target && inc.target !== type)) continue;
        included.add(ref);
        entries.push({ fullUrl: `${base}/${ref}`, resource: target, search: { mode: 'include' } });
      }
    }
    const self = new URL(`${base}/${resourceType}`);
    for (const [k, v] of query) self.searchParams.append(k, v);
    const link = [{ relation: 'self', url: self.toString() }];
    if (offset + pageSize < ids.length && pageSize > 0) {
      const key = snapshotKey ?? this.saveSnapshot(resourceType, ids, includes);
      const next = new URL(`${base}/${resourceType}`);
      next.searchParams.set('_getpages', key);
      next.searchParams.set('_offset', String(offset + pageSize));
      next.searchParams.set('_count', String(pageSize));
      link.push({ relation: 'next', url: next.toString() });
    }
    const bundle: StoredResource = { resourceType: 'Bundle', id: randomUUID(), type: 'searchset', total: ids.length, link, entry: entries };
    if (ignored.length > 0) {
      entries.push({
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: operationOutcome('warning', 'not-supported', `Search parameters not supported and ignored: ${ignored.join(', ')}`),
        search: { mode: 'outcome' },
      });
    }
    return { status: 200, body: bundle };
  }

  /** Conditional create per FHIR: 0 matches creates, 1 match returns it with 200, more than 1 is 412. */
  create(base: string, resource: StoredResource, ifNoneExist?: string): StoreResult {
    if (ifNoneExist) {
      const query = new URLSearchParams(ifNoneExist.replace(/^[^?]*\?/, ''));
      let parsed;
      try {
        parsed = parseSearch(resource.resourceType, query);
      } catch (err) {
        return {
          status: 400,
          body: operationOutcome(
            'error',
            'invalid',
            `If-None-Exist could not be parsed: ${err instanceof Error ? err.message : String(err)}`,
          ),
        };
      }
      // An ignored parameter would widen the match and hand back an unrelated resource: refuse instead.
      if (parsed.ignored.length > 0 || parsed.criteria.length === 0) {
        return {
          status: 400,
          body: operationOutcome(
            'error',
            'invalid',
            `If-None-Exist has no usable search parameters (unsupported: ${parsed.ignored.join(', ') || 'none given'})`,
          ),
        };
      }
      const hits = this.all(resource.resourceType).filter((r) => matchesAll(r, parsed.criteria));
      if (hits.length > 1) {
        return {
          status: 412,
          body: operationOutcome('error', 'multiple-matches', `If-None-Exist matched ${hits.length} ${resource.resourceType} resources`),
        };
      }
      const existing = hits[0];
      if (existing) return { status: 200, body: existing, headers: { ...versionHeaders(existing), Location: location(base, existing) } };
    }
    return this.createWithId(base, { ...resource, id: randomUUID() });
  }

  /** Plain create keeping the id the caller assigned (transactions assign ids up front to resolve urn:uuid refs). */
  createWithId(base: string, resource: StoredResource): StoreResult {
    const stored = this.write(resource, '1');
    return { status: 201, body: stored, headers: { ...versionHeaders(stored), Location: location(base, stored) } };
  }

  /** PUT: replaces the resource (update as create when the id is new), bumping versionId. `ifMatch` (W/"n"):
   * version-aware update, 412 when the stored version moved on (FHIR "Managing Resource Contention"). */
  update(base: string, resourceType: string, id: string, resource: StoredResource, ifMatch?: string): StoreResult {
    if (resource.resourceType !== resourceType || resource.id !== id) {
      return { status: 400, body: operationOutcome('error', 'invalid', `Body must be a ${resourceType} with id ${id}`) };
    }
    const existing = this.get(resourceType, id);
    if (ifMatch !== undefined) {
      const wanted = /^(?:W\/)?"([^"]+)"$/.exec(ifMatch.trim())?.[1];
      const current = existing?.meta?.versionId;
      if (!existing || wanted !== current) {
        return {
          status: 412,
          body: operationOutcome(
            'error',
            'conflict',
            `Version conflict: If-Match ${ifMatch} but the current version is ${current ?? 'none'}`,
          ),
        };
      }
    }
    const version = existing ? String(Number.parseInt(existing.meta?.versionId ?? '1', 10) + 1) : '1';
    const stored = this.write(resource, version);
    return { status: existing ? 200 : 201, body: stored, headers: { ...versionHeaders(stored), Location: location(base, stored) } };
  }

  private write(resource: StoredResource, versionId: string): StoredResource {
    const stored: StoredResource = { ...resource, meta: { ...(resource.meta ?? {}), versionId, lastUpdated: this.clock() } };
    this.table(resource.resourceType).set(resource.id ?? '', stored);
    return stored;
  }

  private saveSnapshot(resourceType: string, ids: string[], includes: Include[]): string {
    const key = randomUUID();
    this.snapshots.set(key, { resourceType, ids, includes });
    if (this.snapshots.size > MAX_SNAPSHOTS) {
      const oldest = this.snapshots.keys().next().value;
      if (oldest !== undefined) this.snapshots.delete(oldest);
    }
    return key;
  }

  private table(resourceType: string): Map<string, StoredResource> {
    let t = this.byType.get(resourceType);
    if (!t) {
      t = new Map();
      this.byType.set(resourceType, t);
    }
    return t;
  }
}

function sortResources(resources: StoredResource[], rules: { code: string; descending: boolean }[]): StoredResource[] {
  const keyed = resources.map((r) => ({ r, keys: rules.map((rule) => sortKey(r, rule.code)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < rules.length; i++) {
      const cmp = (a.keys[i] ?? '').localeCompare(b.keys[i] ?? '');
      if (cmp !== 0) return rules[i]?.descending ? -cmp : cmp;
    }
    return 0;
  });
  return keyed.map((k) => k.r);
}

function numberParam(value: string | null): number | undefined {
  if (value === null) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function versionHeaders(r: StoredResource): Record<string, string> {
  const headers: Record<string, string> = {};
  if (r.meta?.versionId) headers.ETag = `W/"${r.meta.versionId}"`;
  if (r.meta?.lastUpdated) headers['Last-Modified'] = new Date(r.meta.lastUpdated).toUTCString();
  return headers;
}

function location(base: string, r: StoredResource): string {
  return `${base}/${r.resourceType}/${r.id}/_history/${r.meta?.versionId ?? '1'}`;
}
