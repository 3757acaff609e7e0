// Search-parameter matching for the sandbox. The definitions (which FHIRPath expression and type each parameter has)
// come from the FHIR R4 spec bundle via @medplum/core, and values are extracted with its FHIRPath engine; the
// comparison itself is done here because Medplum 4.5.2's matchesSearchRequest did not fit: it took 0.7-1.8 ms per
// resource per filter (2,000 Observations x 3 filters = several seconds per page, against a 2 s launch budget), and
// it matched `date=2026-09` for an Observation at 2026-10-01T10:00Z. Extracted values are cached per stored object
// (a write stores a new object, so the cache never goes stale). Semantics follow FHIR R4 search (3.1.1.4).
import { evalFhirPath, getSearchParameter, parseFhirPath, type FhirPathAtom } from '@medplum/core';
import type { StoredResource } from './resource';

export type ParamType = 'token' | 'reference' | 'date' | 'string' | 'number' | 'quantity' | 'uri';

export interface Criterion {
  code: string;
  type: ParamType;
  modifier?: string;
  /** Comma-separated alternatives (OR). */
  values: string[];
  /** For bare-id reference values: the types an id may belong to. */
  targets: string[];
}

const compiled = new Map<string, { atom: FhirPathAtom; type: ParamType; targets: string[] } | null>();
const valueCache = new WeakMap<StoredResource, Map<string, unknown[]>>();
const SUPPORTED: ReadonlySet<string> = new Set(['token', 'reference', 'date', 'string', 'number', 'quantity', 'uri']);

/** The compiled definition of a parameter for one type, with the union expression cut down to that type's parts. */
export function definition(resourceType: string, code: string): { atom: FhirPathAtom; type: ParamType; targets: string[] } | null {
  const key = `${resourceType}.${code}`;
  const hit = compiled.get(key);
  if (hit !== undefined) return hit;
  let result: { atom: FhirPathAtom; type: ParamType; targets: string[] } | null = null;
  if (code === '_id') result = { atom: parseFhirPath('id'), type: 'token', targets: [] };
  else if (code === '_lastUpdated') result = { atom: parseFhirPath('meta.lastUpdated'), type: 'date', targets: [] };
  else {
    const sp = getSearchParameter(resourceType, code);
    if (sp?.expression && sp.type && SUPPORTED.has(sp.type)) {
      const parts = sp.expression
        .split(' | ')
        .map((p) => p.trim())
        .filter((p) => [`${resourceType}.`, 'Resource.', 'DomainResource.'].some((prefix) => p.replace(/^\(/, '').startsWith(prefix)));
      // `.where(resolve() is Patient)` cannot resolve absolute references; the type check is done in reference().
      const expression = parts.join(' | ').replace(/\.where\(resolve\(\) is [A-Za-z]+\)/g, '');
      if (parts.length > 0) result = { atom: parseFhirPath(expression), type: sp.type as ParamType, targets: sp.target ?? [] };
    }
  }
  compiled.set(key, result);
  return result;
}

function valuesOf(resource: StoredResource, code: string): unknown[] {
  let perResource = valueCache.get(resource);
  if (!perResource) {
    perResource = new Map();
    valueCache.set(resource, perResource);
  }
  const cached = perResource.get(code);
  if (cached) return cached;
  const def = definition(resource.resourceType, code);
  const values = def ? evalFhirPath(def.atom, resource) : [];
  perResource.set(code, values);
  return values;
}

/** Computes and caches the values of the given parameters, so the first search after start is not the slow one. */
export function warmValues(resources: readonly StoredResource[], codes: readonly string[]): void {
  for (const r of resources) for (const code of codes) valuesOf(r, code);
}

/** The local `Type/id` references a reference parameter holds (absolute same-server URLs cut to Type/id). */
export function referencesOf(resource: StoredResource, code: string): string[] {
  return valuesOf(resource, code)
    .map((v) => (typeof v === 'string' ? v : str(obj(v)?.reference)))
    .filter((r): r is string => r !== undefined)
    .map((r) => /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(r)?.[1])
    .filter((r): r is string => r !== undefined);
}

export function matchesAll(resource: StoredResource, criteria: readonly Criterion[]): boolean {
  return criteria.every((c) => matchesCriterion(resource, c));
}

function matchesCriterion(resource: StoredResource, c: Criterion): boolean {
  const values = valuesOf(resource, c.code);
  if (c.modifier === 'missing') return c.values.some((v) => (v === 'true') === (values.length === 0));
  const any = c.values.some((q) => values.some((v) => matchOne(c, v, q)));
  return c.modifier === 'not' ? !any : any;
}

function matchOne(c: Criterion, value: unknown, query: string): boolean {
  switch (c.type) {
    case 'token':
      return c.modifier === 'text' ? tokenText(value, query) : token(value, query);
    case 'reference':
      return reference(value, query, c.targets);
    case 'date':
      return date(value, query);
    case 'string':
      return stringMatch(value, query, c.modifier);
    case 'uri':
      return typeof value === 'string' && value === query;
    case 'number':
    case 'quantity':
      return numeric(value, query);
  }
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Coding, CodeableConcept, Identifier, ContactPoint or a primitive code/boolean/id, against `[system|]code`. */
function token(value: unknown, query: string): boolean {
  const bar = query.indexOf('|');
  const system = bar >= 0 ? query.slice(0, bar) : undefined;
  const code = bar >= 0 ? query.slice(bar + 1) : query;
  const pairs: { system?: string; code?: string }[] = [];
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') pairs.push({ code: String(value) });
  const o = obj(value);
  if (o) {
    if (Array.isArray(o.coding)) for (const cd of o.coding) pairs.push({ system: str(obj(cd)?.system), code: str(obj(cd)?.code) });
    if ('code' in o || 'value' in o) pairs.push({ system: str(o.system), code: str(o.code) ?? str(o.value) });
  }
  return pairs.some((p) => {
    if (system !== undefined && system !== '' && p.system !== system) return false;
    if (system === '' && p.system !== undefined) return false;
    return code === '' ? system !== undefined : p.code === code;
  });
}

function tokenText(value: unknown, query: string): boolean {
  const o = obj(value);
  if (!o) return false;
  const texts = [str(o.text), ...(Array.isArray(o.coding) ? o.coding.map((cd) => str(obj(cd)?.display)) : [])];
  const q = query.toLowerCase();
  return texts.some((t) => t !== undefined && t.toLowerCase().includes(q));
}

/** `Type/id`, an absolute URL ending in Type/id, or a bare id (any of the parameter's target types). */
function reference(value: unknown, query: string, targets: string[]): boolean {
  const ref = typeof value === 'string' ? value : str(obj(value)?.reference);
  if (!ref) return false;
  const local = ref.replace(/^https?:\/\/[^]*?\/(?=[A-Z][A-Za-z]+\/[^/]+$)/, '');
  const q = query.replace(/^https?:\/\/[^]*?\/(?=[A-Z][A-Za-z]+\/[^/]+$)/, '');
  const [type, id] = local.split('/');
  if (q.includes('/') || q.startsWith('urn:'))
    return (local === q || ref === query) && (targets.length === 0 || (type !== undefined && targets.includes(type)));
  return id === q && (targets.length === 0 || (type !== undefined && targets.includes(type)));
}

interface Range {
  lo: number;
  hi: number;
}

/** A FHIR date, dateTime or instant as the half-open range its precision covers (no offset: read as UTC). */
export function dateRange(s: string): Range | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, tz] = m;
  if (h !== undefined) {
    const lo = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${tz ?? 'Z'}`);
    return Number.isNaN(lo) ? undefined : { lo, hi: lo + (sec === undefined ? 60_000 : 1000) };
  }
  const year = Number(y);
  if (mo === undefined) return { lo: Date.UTC(year, 0, 1), hi: Date.UTC(year + 1, 0, 1) };
  const month = Number(mo) - 1;
  if (d === undefined) return { lo: Date.UTC(year, month, 1), hi: Date.UTC(year, month + 1, 1) };
  const lo = Date.UTC(year, month, Number(d));
  return { lo, hi: lo + 86_400_000 };
}

function valueRange(value: unknown): Range | undefined {
  if (typeof value === 'string') return dateRange(value);
  const o = obj(value);
  if (!o) return undefined;
  // Period: an open end stretches to infinity, as the spec says for search.
  const start = str(o.start) ? dateRange(str(o.start) ?? '') : undefined;
  const end = str(o.end) ? dateRange(str(o.end) ?? '') : undefined;
  if (!start && !end) return undefined;
  return { lo: start?.lo ?? Number.NEGATIVE_INFINITY, hi: end?.hi ?? Number.POSITIVE_INFINITY };
}

function date(value: unknown, query: string): boolean {
  const prefix = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)/.exec(query)?.[1] ?? 'eq';
  const q = dateRange(query.slice(/^(eq|ne|gt|lt|ge|le|sa|eb|ap)/.test(query) ? 2 : 0));
  const v = valueRange(value);
  if (!q || !v) return false;
  const contained = v.lo >= q.lo && v.hi <= q.hi;
  switch (prefix) {
    case 'eq':
      return contained;
    case 'ne':
      return !contained;
    case 'gt':
      return v.hi > q.hi;
    case 'lt':
      return v.lo < q.lo;
    // ge / le as most servers read them: any part of the value at or after (before) the start (end) of the query.
    case 'ge':
      return v.hi > q.lo;
    case 'le':
      return v.lo < q.hi;
    case 'sa':
      return v.lo >= q.hi;
    case 'eb':
      return v.hi <= q.lo;
    default:
      return v.lo < q.hi && v.hi > q.lo;
  }
}

function normalizeText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function stringMatch(value: unknown, query: string, modifier?: string): boolean {
  const texts: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (obj(v))
      for (const k of [
        'text',
        'family',
        'given',
        'prefix',
        'suffix',
        'line',
        'city',
        'district',
        'state',
        'postalCode',
        'country',
        'display',
        'value',
      ])
        collect(obj(v)?.[k]);
  };
  collect(value);
  if (modifier === 'exact') return texts.includes(query);
  const q = normalizeText(query);
  return texts.some((t) => (modifier === 'contains' ? normalizeText(t).includes(q) : normalizeText(t).startsWith(q)));
}

function numeric(value: unknown, query: string): boolean {
  const m = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(-?\d+(?:\.\d+)?)(?:\|([^|]*)\|(.*))?$/.exec(query);
  if (!m) return false;
  const target = Number(m[2]);
  const o = obj(value);
  const n = typeof value === 'number' ? value : typeof o?.value === 'number' ? o.value : undefined;
  if (n === undefined) return false;
  if (m[4] && o && o.code !== m[4] && o.unit !== m[4]) return false;
  if (m[3] && o && o.system !== m[3]) return false;
  switch (m[1] ?? 'eq') {
    case 'ne':
      return n !== target;
    case 'gt':
    case 'sa':
      return n > target;
    case 'lt':
    case 'eb':
      return n < target;
    case 'ge':
      return n >= target;
    case 'le':
      return n <= target;
    case 'ap':
      return Math.abs(n - target) <= Math.abs(target) * 0.1;
    default:
      return n === target;
  }
}
