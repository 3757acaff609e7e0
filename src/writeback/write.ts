// The only path that writes to the EHR. A save is one unit: every resource is marked as ClaimReady's own output,
// looked up by its deterministic identifier before anything is created (EHRs that ignore If-None-Exist are common),
// created conditionally, and followed by its Provenance. One transaction Bundle when the server offers it (all or
// nothing); otherwise sequential writes whose plan rides on the first resource, so the next launch rolls a save that
// was cut short forward (save-plan.ts) instead of leaving half a set. Every type is checked against the
// CapabilityStatement first: what the EHR cannot take is not sent, and the outcome says what was and was not saved.
import type { Bundle, BundleEntry, CapabilityStatement, FhirResource, OperationOutcome, Reference, Resource } from 'fhir/r4';
import type { FhirResponse, FhirWriter, WriteItem } from './writer';
import { provenanceItem } from './provenance';
import { RETRYABLE, reasonOf, withRetry, type WriteFailure, type WriteOptions } from './retry';
export { reasonOf, withRetry, type FailureReason, type WriteFailure, type WriteOptions } from './retry';
import { CONTENT_SYSTEM, contentHash, findExisting, markOwnOutput, withLoincType, withPlan, type Found } from './write-marks';
import { deterministicId, deterministicUuid } from './ids';

export { ID_BASE, deterministicId, deterministicUuid } from './ids';

export type { WriteItem } from './writer';

export interface WriteResult {
  item: WriteItem;
  status: number;
  id?: string;
  /** false = it was already there (found by its identifier, or the conditional create matched). */
  created: boolean;
  /** true = an existing resource in the item's slot was updated to this content. */
  updated?: boolean;
  versionId?: string;
}

/** A type the save could not include, and why (shown to the user: "report honestly what was saved"). */
export interface Skipped {
  type: string;
  reason: string;
}

export type WriteOutcome =
  | { ok: true; results: WriteResult[]; skipped: Skipped[] }
  | { ok: false; results: WriteResult[]; skipped: Skipped[]; failed: WriteFailure };

export interface Agent {
  app: string;
  user?: string;
}

function declares(cs: CapabilityStatement, type: string, code: string): boolean {
  return (cs.rest ?? []).some(
    (r) =>
      r.mode !== 'client' && (r.resource ?? []).some((res) => res.type === type && (res.interaction ?? []).some((i) => i.code === code)),
  );
}

export function supportsTransaction(cs: CapabilityStatement): boolean {
  return (cs.rest ?? []).some((r) => r.mode !== 'client' && (r.interaction ?? []).some((i) => i.code === 'transaction'));
}

/** Whether the server declares `create` for the type (no CapabilityStatement rest entry = we cannot tell: false). */
export function supportsCreate(cs: CapabilityStatement, type: string): boolean {
  return declares(cs, type, 'create');
}

export function supportsUpdate(cs: CapabilityStatement, type: string): boolean {
  return declares(cs, type, 'update');
}

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
  if (status === 412 && item.mode === 'update')
    return `The ${what} was changed in the EHR since it was read (version mismatch); nothing was overwritten. Reload to see the newer version.${tail}`;
  if (status === 412)
    return `The EHR found more than one existing ${what} matching ${item.ifNoneExist}, so it could not tell which one this is; nothing was written for it.${tail}`;
  if (status === 409) return `The EHR reported a conflict writing the ${what} (another change got there first).${tail}`;
  if (status === 401)
    return `Your EHR session has ended, so the ${what} was not written. Relaunch ClaimReady from the patient's chart.${tail}`;
  if (status === 403)
    return `The EHR did not allow ClaimReady to write the ${what} (status 403: the write permission was not granted).${tail}`;
  if (status === 0) return `The EHR could not be reached while writing the ${what}.`;
  if (RETRYABLE(status)) return `The EHR kept failing (status ${status}) while writing the ${what}; try again later.${tail}`;
  return `The EHR rejected the ${what} (status ${status}).${tail}`;
}

function fail(item: WriteItem, res: FhirResponse): WriteFailure {
  const outcome = isOutcome(res.body) ? res.body : undefined;
  return {
    item,
    status: res.status,
    reason: reasonOf(res.status),
    message: failureMessage(item, res.status, outcome),
    ...(outcome ? { outcome } : {}),
  };
}

function idFrom(res: FhirResponse, type: string): { id?: string; versionId?: string } {
  const body = res.body as Resource | undefined;
  if (body && body.resourceType === type && typeof body.id === 'string')
    return { id: body.id, ...(body.meta?.versionId ? { versionId: body.meta.versionId } : {}) };
  const m = res.location ? new RegExp(`${type}/([^/]+)(?:/_history/([^/]+))?`).exec(res.location) : null;
  return m ? { id: m[1], ...(m[2] ? { versionId: m[2] } : {}) } : {};
}

type Step = { result: WriteResult; lastUpdated?: string } | { failed: WriteFailure };

/** One item: already there (unchanged), updated in its slot, or created. `found` came from findExisting. */
async function writeOne(writer: FhirWriter, item: WriteItem, found: Found, opts: WriteOptions): Promise<Step> {
  const type = item.resource.resourceType;
  const existing = found.resource;
  if (existing?.id) {
    const same = existing.meta?.tag?.some((t) => t.system === CONTENT_SYSTEM && t.code === contentHash(item.resource));
    if (item.mode !== 'update' || same || !writer.update) {
      return {
        result: {
          item,
          status: 200,
          id: existing.id,
          created: false,
          ...(existing.meta?.versionId ? { versionId: existing.meta.versionId } : {}),
        },
      };
    }
    const body = { ...item.resource, id: existing.id } as Resource;
    const res = await withRetry(() => writer.update!(body, item.ifMatch ?? existing.meta?.versionId), opts);
    if (res.status !== 200 && res.status !== 201) return { failed: fail(item, res) };
    const ref = idFrom(res, type);
    return {
      result: {
        item,
        status: res.status,
        id: existing.id,
        created: false,
        updated: true,
        ...(ref.versionId ? { versionId: ref.versionId } : {}),
      },
      lastUpdated: (res.body as Resource | undefined)?.meta?.lastUpdated,
    };
  }
  const res = await withRetry(() => writer.create(item.resource, item.ifNoneExist), opts);
  if (res.status !== 200 && res.status !== 201) return { failed: fail(item, res) };
  let ref = idFrom(res, type);
  if (!ref.id) {
    // Some servers answer a matched conditional create with no body: look the resource up by its identifier.
    const again = await findExisting(writer, item, opts);
    ref = { id: again.resource?.id };
  }
  return {
    result: { item, status: res.status, ...ref, created: res.status === 201 },
    lastUpdated: (res.body as Resource | undefined)?.meta?.lastUpdated,
  };
}

function provenanceFor(item: WriteItem, result: WriteResult, agent: Agent, recorded: string): WriteItem {
  const type = item.resource.resourceType;
  const target: Reference = result.id
    ? { reference: result.updated && result.versionId ? `${type}/${result.id}/_history/${result.versionId}` : `${type}/${result.id}` }
    : { identifier: identifierOf(item) };
  // An update is a new act with its own Provenance; a create (or its retry) matches the first one.
  const key = item.mode === 'update' ? ['provenance', item.ifNoneExist, contentHash(item.resource)] : ['provenance', item.ifNoneExist];
  return markOwnOutput(provenanceItem(deterministicId(key), target, agent, recorded, result.updated ? 'UPDATE' : 'CREATE'));
}

function identifierOf(item: WriteItem): { system?: string; value?: string } {
  const m = /^identifier=([^|]*)\|(.*)$/.exec(item.ifNoneExist);
  return m ? { system: decodeURIComponent(m[1]!), value: decodeURIComponent(m[2]!) } : {};
}

interface Plan {
  items: WriteItem[];
  found: Found[];
  provenance: boolean;
  skipped: Skipped[];
}

async function sequential(writer: FhirWriter, plan: Plan, agent: Agent, opts: WriteOptions): Promise<WriteOutcome> {
  const results: WriteResult[] = [];
  const { skipped } = plan;
  // The plan rides on the first resource written, so a save cut short here is completed by the next launch
  // (save-plan.ts). It sits in meta, outside the content hash, so it never makes a saved resource look changed.
  const items = plan.items.length > 1 ? [withPlan(plan.items[0]!, plan.items.slice(1)), ...plan.items.slice(1)] : plan.items;
  for (const [i, item] of items.entries()) {
    const main = await writeOne(writer, item, plan.found[i]!, opts);
    if ('failed' in main) return { ok: false, results, skipped, failed: main.failed };
    results.push(main.result);
    if (!plan.provenance) continue;
    const recorded = opts.recorded ?? main.lastUpdated ?? new Date().toISOString();
    const prov = provenanceFor(item, main.result, agent, recorded);
    const pFound = await findExisting(writer, prov, opts);
    if (pFound.failed) return { ok: false, results, skipped, failed: pFound.failed };
    const p = await writeOne(writer, prov, pFound, opts);
    if ('failed' in p) return { ok: false, results, skipped, failed: p.failed };
    results.push(p.result);
  }
  return { ok: true, results, skipped };
}

function statusOf(entry: BundleEntry | undefined): number {
  return Number.parseInt(entry?.response?.status ?? '0', 10) || 0;
}

async function transaction(writer: FhirWriter, plan: Plan, agent: Agent, opts: WriteOptions): Promise<WriteOutcome> {
  const recorded = opts.recorded ?? new Date().toISOString();
  const all: WriteItem[] = [];
  const entry: BundleEntry[] = [];
  const kept: WriteResult[] = [];
  for (const [i, item] of plan.items.entries()) {
    const existing = plan.found[i]!.resource;
    const fullUrl = `urn:uuid:${deterministicUuid(['entry', item.ifNoneExist])}`;
    const type = item.resource.resourceType;
    const same = existing?.meta?.tag?.some((t) => t.system === CONTENT_SYSTEM && t.code === contentHash(item.resource));
    const update = existing?.id !== undefined && item.mode === 'update' && !same;
    let pseudo: WriteResult;
    if (existing?.id && !update) {
      pseudo = { item, status: 200, id: existing.id, created: false };
      kept.push(pseudo);
    } else {
      all.push(item);
      const request = update
        ? {
            method: 'PUT' as const,
            url: `${type}/${existing!.id!}`,
            ...((item.ifMatch ?? existing!.meta?.versionId) ? { ifMatch: `W/"${item.ifMatch ?? existing!.meta!.versionId!}"` } : {}),
          }
        : { method: 'POST' as const, url: type, ifNoneExist: item.ifNoneExist };
      entry.push({ fullUrl, resource: (update ? { ...item.resource, id: existing!.id } : item.resource) as FhirResource, request });
      pseudo = { item, status: 0, created: !update, updated: update };
    }
    if (!plan.provenance) continue;
    const target: WriteResult = pseudo.status === 200 ? pseudo : { ...pseudo, id: undefined };
    const prov = provenanceFor(item, target, agent, recorded);
    if (target.id === undefined)
      (prov.resource as unknown as { target: Reference[] }).target = [{ reference: update ? `${type}/${existing!.id!}` : fullUrl }];
    const pFound = await findExisting(writer, prov, opts);
    if (pFound.failed) return { ok: false, results: [], skipped: plan.skipped, failed: pFound.failed };
    if (pFound.resource?.id) {
      kept.push({ item: prov, status: 200, id: pFound.resource.id, created: false });
      continue;
    }
    all.push(prov);
    entry.push({
      fullUrl: `urn:uuid:${deterministicUuid(['provenance', prov.ifNoneExist])}`,
      resource: prov.resource as FhirResource,
      request: { method: 'POST', url: 'Provenance', ifNoneExist: prov.ifNoneExist },
    });
  }
  if (entry.length === 0) return { ok: true, results: kept, skipped: plan.skipped };
  const bundle: Bundle = { resourceType: 'Bundle', type: 'transaction', entry };
  const res = await withRetry(() => writer.transaction!(bundle), opts);
  if (res.status !== 200 || res.body?.resourceType !== 'Bundle') {
    const outcome = isOutcome(res.body) ? res.body : undefined;
    const server = outcomeText(outcome);
    const why =
      res.status === 412
        ? 'more than one existing resource matched, or a version changed'
        : res.status === 409
          ? 'a conflict'
          : res.status === 0
            ? 'the EHR could not be reached'
            : `status ${res.status}`;
    const head =
      res.status === 401
        ? "Your EHR session has ended; relaunch ClaimReady from the patient's chart."
        : `The EHR did not accept the save (${why}).`;
    const message = `${head} Nothing was saved, all or nothing.${server ? ` The EHR said: ${server}` : ''}`;
    return {
      ok: false,
      results: kept,
      skipped: plan.skipped,
      failed: { item: all[0]!, status: res.status, reason: reasonOf(res.status), message, ...(outcome ? { outcome } : {}) },
    };
  }
  const back = res.body.entry ?? [];
  const written: WriteResult[] = all.map((item, i) => {
    const e = back[i];
    const status = statusOf(e);
    const loc = e?.response?.location;
    const m = loc ? new RegExp(`${item.resource.resourceType}/([^/]+)(?:/_history/([^/]+))?`).exec(loc) : null;
    const isUpdate = entry[i]?.request?.method === 'PUT';
    return {
      item,
      status,
      id: m?.[1] ?? e?.resource?.id,
      created: status === 201 && !isUpdate,
      ...(isUpdate ? { updated: true } : {}),
      ...(m?.[2] ? { versionId: m[2] } : {}),
    };
  });
  return { ok: true, results: [...kept, ...written], skipped: plan.skipped };
}

/** A CapabilityStatement that lists no resources says nothing about them: the server's answer decides. */
function mayCreate(cs: CapabilityStatement, type: string): boolean {
  const listed = (cs.rest ?? []).some((r) => r.mode !== 'client' && (r.resource ?? []).length > 0);
  return !listed || supportsCreate(cs, type);
}

/** Which items the EHR can take at all (CapabilityStatement), and what is left out, said in words. */
function admit(cs: CapabilityStatement, items: WriteItem[]): { items: WriteItem[]; skipped: Skipped[]; provenance: boolean } {
  const skipped: Skipped[] = [];
  const kept: WriteItem[] = [];
  for (const item of items) {
    const type = item.resource.resourceType;
    if (mayCreate(cs, type)) kept.push(item);
    else if (!skipped.some((s) => s.type === type))
      skipped.push({
        type,
        reason: `The EHR does not accept new ${type} resources (its CapabilityStatement declares no create), so none was sent.`,
      });
  }
  const provenance = mayCreate(cs, 'Provenance');
  if (!provenance && kept.length > 0)
    skipped.push({
      type: 'Provenance',
      reason: 'The EHR does not accept Provenance, so who saved this and when is recorded only in the saved resources themselves.',
    });
  return { items: kept, skipped, provenance };
}

const inFlight = new WeakMap<FhirWriter, Map<string, Promise<WriteOutcome>>>();

/** Writes the items as one save. The same save started twice at once (a double click) runs once. */
export function writeAll(writer: FhirWriter, items: WriteItem[], agent: Agent, opts: WriteOptions = {}): Promise<WriteOutcome> {
  if (items.length === 0) return Promise.resolve({ ok: true, results: [], skipped: [] });
  const marked = items.map((i) => markOwnOutput(withLoincType(i)));
  const key = marked.map((i) => `${i.ifNoneExist}#${contentHash(i.resource)}`).join('\n');
  let running = inFlight.get(writer);
  if (!running) inFlight.set(writer, (running = new Map()));
  const existing = running.get(key);
  if (existing) return existing;
  const p = save(writer, marked, agent, opts).finally(() => running.delete(key));
  running.set(key, p);
  return p;
}

async function save(writer: FhirWriter, items: WriteItem[], agent: Agent, opts: WriteOptions): Promise<WriteOutcome> {
  let cs: CapabilityStatement;
  try {
    cs = await writer.capabilities();
  } catch {
    const failed: WriteFailure = {
      item: items[0]!,
      status: 0,
      reason: 'unreachable',
      message: 'The EHR could not be reached (its CapabilityStatement did not load), so nothing was written. Your work is kept; try again.',
    };
    return { ok: false, results: [], skipped: [], failed };
  }
  const admitted = admit(cs, items);
  if (admitted.items.length === 0) {
    const types = [...new Set(items.map((i) => i.resource.resourceType))].join(', ');
    const failed: WriteFailure = {
      item: items[0]!,
      status: 405,
      reason: 'unsupported',
      message: `This EHR does not accept ${types} from apps (its CapabilityStatement declares no create), so nothing was saved. Download the result instead.`,
    };
    return { ok: false, results: [], skipped: admitted.skipped, failed };
  }
  const found: Found[] = [];
  for (const item of admitted.items) {
    const f = await findExisting(writer, item, opts);
    if (f.failed) return { ok: false, results: [], skipped: admitted.skipped, failed: f.failed };
    found.push(f);
  }
  const plan: Plan = { items: admitted.items, found, provenance: admitted.provenance, skipped: admitted.skipped };
  return writer.transaction && supportsTransaction(cs) ? transaction(writer, plan, agent, opts) : sequential(writer, plan, agent, opts);
}
