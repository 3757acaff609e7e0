// What makes a write recognisable and repeatable: the own-output mark (tag, from own-output.ts) and a content hash
// on every resource, the look-up by identifier that precedes every create, and the save plan the first resource
// carries when a save cannot be one transaction.
import type { Bundle, Resource } from 'fhir/r4';
import { CLAIMREADY_TAG } from '../fhir/read/own-output';
import { deterministicId } from './ids';
import { SYS } from '../policy/code-systems';
import type { FhirWriter } from './writer';
import { reasonOf, withRetry, type WriteFailure, type WriteOptions } from './retry';
import type { WriteItem } from './writer';

export const CONTENT_SYSTEM = 'https://claimready.app/content-hash';
export const SAVE_PLAN_URL = 'https://claimready.app/fhir/StructureDefinition/save-plan';

/** A hash of what the resource says, without meta (the server rewrites it) or its server id. */
export function contentHash(resource: Resource): string {
  const { meta: _meta, id: _id, ...rest } = resource as Resource & { meta?: unknown };
  return deterministicId(['content', JSON.stringify(rest)]);
}

const LOINC = SYS.loinc;
/** LOINC 51851-4 "Administrative note" (FHIR R4 document type codes): what the app writes is administrative. */
export const ADMINISTRATIVE_NOTE = { system: LOINC, code: '51851-4', display: 'Administrative note' } as const;

/** Many EHRs refuse a DocumentReference without a LOINC type: one without it gets the administrative-note code. */
export function withLoincType(item: WriteItem): WriteItem {
  const r = item.resource as Resource & { type?: { coding?: { system?: string }[]; text?: string } };
  if (r.resourceType !== 'DocumentReference' || (r.type?.coding ?? []).some((c) => c.system === LOINC)) return item;
  const type = { ...(r.type ?? {}), coding: [{ ...ADMINISTRATIVE_NOTE }, ...(r.type?.coding ?? [])] };
  return { ...item, resource: { ...r, type } as Resource };
}

/** Stamps the own-output tag and the content hash into meta.tag (idempotent). */
export function markOwnOutput(item: WriteItem): WriteItem {
  const r = item.resource;
  const tags = (r.meta?.tag ?? []).filter(
    (t) => t.system !== CONTENT_SYSTEM && !(t.system === CLAIMREADY_TAG.system && t.code === CLAIMREADY_TAG.code),
  );
  const meta = { ...(r.meta ?? {}), tag: [...tags, { ...CLAIMREADY_TAG }, { system: CONTENT_SYSTEM, code: contentHash(r) }] };
  return { ...item, resource: { ...r, meta } };
}

export interface PlannedItem {
  resource: Resource;
  ifNoneExist: string;
  mode?: 'create' | 'update';
}

/** The first resource of a sequential save carries the rest of the save, so the next launch can finish it. */
export function withPlan(first: WriteItem, rest: WriteItem[]): WriteItem {
  const plan: PlannedItem[] = rest.map((i) => ({ resource: i.resource, ifNoneExist: i.ifNoneExist, ...(i.mode ? { mode: i.mode } : {}) }));
  const meta = {
    ...(first.resource.meta ?? {}),
    extension: [
      ...(first.resource.meta?.extension ?? []).filter((e) => e.url !== SAVE_PLAN_URL),
      { url: SAVE_PLAN_URL, valueString: JSON.stringify(plan) },
    ],
  };
  return { ...first, resource: { ...first.resource, meta } };
}

export interface Found {
  resource?: Resource;
  /** The EHR could not be searched for it (no search permission or support): only If-None-Exist protects it. */
  unsearchable?: boolean;
  failed?: WriteFailure;
}

/** Looks the item up by its identifier (or Provenance tag) before anything is created. */
export async function findExisting(writer: FhirWriter, item: WriteItem, opts: WriteOptions): Promise<Found> {
  const type = item.resource.resourceType;
  const res = await withRetry(() => writer.search(type, item.ifNoneExist), opts);
  if (res.status === 200) {
    const hits = ((res.body as Bundle | undefined)?.entry ?? [])
      .map((e): Resource | undefined => e.resource)
      .filter((r): r is Resource => r?.resourceType === type);
    if (hits.length > 1) {
      const message = `The EHR already holds ${hits.length} ${type} resources with the identifier ClaimReady uses for this one (${item.ifNoneExist}), so it cannot tell which is the saved one; nothing more was written for it.`;
      return { failed: { item, status: 412, reason: 'conflict', message } };
    }
    return hits[0] ? { resource: hits[0] } : {};
  }
  if (res.status === 401 || res.status === 0 || res.status === 429 || res.status >= 500) {
    const message =
      res.status === 401
        ? "Your EHR session has ended, so nothing more was written. Relaunch ClaimReady from the patient's chart."
        : `The EHR could not be asked whether this ${type} was already saved (status ${res.status}), so nothing more was written; try again.`;
    return { failed: { item, status: res.status, reason: reasonOf(res.status), message } };
  }
  return { unsearchable: true };
}
