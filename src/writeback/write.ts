// The only path that writes to the EHR. Every create is conditional (If-None-Exist on a deterministic identifier)
// and is followed by its Provenance, so a retry, a double click or a resumed failure never duplicates anything.
// One transaction Bundle when the server supports it (all or nothing); otherwise sequential creates that stop at the
// first failure and report the server's OperationOutcome.
import type { Bundle, BundleEntry, CapabilityStatement, FhirResource, OperationOutcome, Reference, Resource } from 'fhir/r4';
import type { FhirResponse, FhirWriter, WriteItem } from './writer';
import { provenanceItem } from './provenance';

export type { WriteItem } from './writer';

export interface WriteResult {
  item: WriteItem;
  status: number;
  id?: string;
  /** false = it was already there (the conditional create matched). */
  created: boolean;
}

export type WriteOutcome =
  | { ok: true; results: WriteResult[] }
  | { ok: false; results: WriteResult[]; failed: { item: WriteItem; status: number; message: string; outcome?: OperationOutcome } };

export interface WriteOptions {
  /** Provenance.recorded; otherwise the server's meta.lastUpdated of the created resource, else the clock. */
  recorded?: string;
  /** Attempts per request for 5xx, 429 and network failures (status 0). Default 3. */
  attempts?: number;
  /** Wait between attempts (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
}

export const ID_BASE = 'https://claimready.app/id';

/** 32-bit FNV-1a over four seeded lanes: a stable 128-bit hex id from the parts. Pure (no clock, no randomness). */
export function deterministicId(parts: string[]): string {
  const bytes = new TextEncoder().encode(parts.join('\u001f'));
  return [0, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35]
    .map((seed) => {
      let h = (0x811c9dc5 ^ seed) >>> 0;
      for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    })
    .join('');
}

/** UUID-shaped form of deterministicId (transaction fullUrls). */
export function deterministicUuid(parts: string[]): string {
  const h = deterministicId(parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function supportsTransaction(cs: CapabilityStatement): boolean {
  return (cs.rest ?? []).some((r) => r.mode !== 'client' && (r.interaction ?? []).some((i) => i.code === 'transaction'));
}

/** Whether the server declares `create` for the type (no CapabilityStatement rest entry = we cannot tell: false). */
export function supportsCreate(cs: CapabilityStatement, type: string): boolean {
  return (cs.rest ?? []).some((r) => r.mode !== 'client' && (r.resource ?? []).some((res) => res.type === type && (res.interaction ?? []).some((i) => i.code === 'create')));
}

const RETRYABLE = (s: number): boolean => s === 0 || s === 429 || s >= 500;

function isOutcome(b: unknown): b is OperationOutcome {
  return typeof b === 'object' && b !== null && (b as { resourceType?: unknown }).resourceType === 'OperationOutcome';
}

export function outcomeText(o: OperationOutcome | undefined): string | undefined {
  const parts = (o?.issue ?? []).map((i) => i.diagnostics ?? i.details?.text ?? i.code).filter((x): x is string => Boolean(x));
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function failureMessage(item: WriteItem, status: number, outcome: OperationOutcome | undefined): string {
  const what = item.resource.resourceType;
  const server = outcomeText(outcome);
  const tail = server ? ` The EHR said: ${server}` : '';
  if (status === 412) return `The EHR found more than one existing ${what} matching ${item.ifNoneExist}, so it could not tell which one this is; nothing was written for it.${tail}`;
  if (status === 409) return `The EHR reported a conflict writing the ${what} (another change got there first).${tail}`;
  if (status === 401 || status === 403) return `The EHR refused to let ClaimReady write the ${what} (status ${status}).${tail}`;
  if (status === 0) return `The EHR could not be reached while writing the ${what}.`;
  if (RETRYABLE(status)) return `The EHR kept failing (status ${status}) while writing the ${what}; try again later.${tail}`;
  return `The EHR rejected the ${what} (status ${status}).${tail}`;
}

async function withRetry<T>(call: () => Promise<FhirResponse<T>>, opts: WriteOptions): Promise<FhirResponse<T>> {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let res: FhirResponse<T> = { status: 0, body: undefined };
  for (let i = 0; i < attempts; i++) {
    try {
      res = await call();
    } catch {
      res = { status: 0, body: undefined };
    }
    if (!RETRYABLE(res.status)) return res;
    if (i < attempts - 1) await sleep(250 * 2 ** i);
  }
  return res;
}

function idFrom(res: FhirResponse, type: string): string | undefined {
  const body = res.body as { id?: unknown; resourceType?: unknown } | undefined;
  if (body && body.resourceType === type && typeof body.id === 'string') return body.id;
  const m = res.location ? new RegExp(`${type}/([^/]+)`).exec(res.location) : null;
  return m?.[1];
}

async function createOne(writer: FhirWriter, item: WriteItem, opts: WriteOptions): Promise<{ result?: WriteResult; lastUpdated?: string; failed?: Extract<WriteOutcome, { ok: false }>['failed'] }> {
  const type = item.resource.resourceType;
  const res = await withRetry(() => writer.create(item.resource, item.ifNoneExist), opts);
  if (res.status === 200 || res.status === 201) {
    let id = idFrom(res, type);
    if (!id) {
      // Some servers answer a matched conditional create with no body: look the resource up by its identifier.
      const found = await withRetry(() => writer.search(type, item.ifNoneExist), opts);
      const entry = ((found.body as Bundle | undefined)?.entry ?? [])[0];
      id = entry?.resource?.id;
    }
    const lastUpdated = (res.body as Resource | undefined)?.meta?.lastUpdated;
    return { result: { item, status: res.status, id, created: res.status === 201 }, lastUpdated };
  }
  const outcome = isOutcome(res.body) ? res.body : undefined;
  return { failed: { item, status: res.status, message: failureMessage(item, res.status, outcome), outcome } };
}

async function sequential(writer: FhirWriter, items: WriteItem[], agent: { app: string; user?: string }, opts: WriteOptions): Promise<WriteOutcome> {
  const results: WriteResult[] = [];
  for (const item of items) {
    const main = await createOne(writer, item, opts);
    if (main.failed) return { ok: false, results, failed: main.failed };
    results.push(main.result!);
    const target: Reference = main.result!.id ? { reference: `${item.resource.resourceType}/${main.result!.id}` } : { identifier: identifierOf(item) };
    const recorded = opts.recorded ?? main.lastUpdated ?? new Date().toISOString();
    const prov = provenanceItem(deterministicId(['provenance', item.ifNoneExist]), target, agent, recorded);
    const p = await createOne(writer, prov, opts);
    if (p.failed) return { ok: false, results, failed: p.failed };
    results.push(p.result!);
  }
  return { ok: true, results };
}

function identifierOf(item: WriteItem): { system?: string; value?: string } {
  const m = /^identifier=([^|]*)\|(.*)$/.exec(item.ifNoneExist);
  return m ? { system: decodeURIComponent(m[1]!), value: decodeURIComponent(m[2]!) } : {};
}

function statusOf(entry: BundleEntry | undefined): number {
  return Number.parseInt(entry?.response?.status ?? '0', 10) || 0;
}

async function transaction(writer: FhirWriter, items: WriteItem[], agent: { app: string; user?: string }, opts: WriteOptions): Promise<WriteOutcome> {
  const recorded = opts.recorded ?? new Date().toISOString();
  const all: WriteItem[] = [];
  const entry: BundleEntry[] = [];
  for (const item of items) {
    const fullUrl = `urn:uuid:${deterministicUuid(['entry', item.ifNoneExist])}`;
    const prov = provenanceItem(deterministicId(['provenance', item.ifNoneExist]), { reference: fullUrl }, agent, recorded);
    all.push(item, prov);
    entry.push({ fullUrl, resource: item.resource as FhirResource, request: { method: 'POST', url: item.resource.resourceType, ifNoneExist: item.ifNoneExist } });
    entry.push({ fullUrl: `urn:uuid:${deterministicUuid(['provenance', item.ifNoneExist])}`, resource: prov.resource as FhirResource, request: { method: 'POST', url: 'Provenance', ifNoneExist: prov.ifNoneExist } });
  }
  const bundle: Bundle = { resourceType: 'Bundle', type: 'transaction', entry };
  const res = await withRetry(() => writer.transaction!(bundle), opts);
  if (res.status !== 200 || res.body?.resourceType !== 'Bundle') {
    const outcome = isOutcome(res.body) ? res.body : undefined;
    const first = all[0]!;
    const server = outcomeText(outcome);
    const why = res.status === 412 ? 'more than one existing resource matched a conditional create' : res.status === 409 ? 'a conflict' : res.status === 0 ? 'the EHR could not be reached' : `status ${res.status}`;
    const message = `The EHR did not accept the save (${why}); nothing was saved, all or nothing.${server ? ` The EHR said: ${server}` : ''}`;
    return { ok: false, results: [], failed: { item: first, status: res.status, message, outcome } };
  }
  const back = res.body.entry ?? [];
  const results: WriteResult[] = all.map((item, i) => {
    const e = back[i];
    const status = statusOf(e);
    const loc = e?.response?.location;
    const id = loc ? new RegExp(`${item.resource.resourceType}/([^/]+)`).exec(loc)?.[1] : e?.resource?.id;
    return { item, status, id, created: status === 201 };
  });
  return { ok: true, results };
}

export async function writeAll(writer: FhirWriter, items: WriteItem[], agent: { app: string; user?: string }, opts: WriteOptions = {}): Promise<WriteOutcome> {
  if (items.length === 0) return { ok: true, results: [] };
  let useTransaction = false;
  if (writer.transaction) {
    try {
      useTransaction = supportsTransaction(await writer.capabilities());
    } catch {
      useTransaction = false;
    }
  }
  return useTransaction ? transaction(writer, items, agent, opts) : sequential(writer, items, agent, opts);
}
