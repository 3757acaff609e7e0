// One parallel wave of searches for the launched patient (every `next` page followed), then one parallel wave for
// note attachments stored as Binary. No per-resource reads: the number of sequential round trips stays at
// 1 + pages (+1 for binaries) whatever the chart size.
import type { DataIssue } from '../../policy/picture';
import { collectAttachments, sameServerUrl, decodeInlineAttachment, decodeBinaryBody, type AttachmentText } from './attachments';
import { FhirReadError, NetworkError, type FhirReader, type FhirResponse } from './reader';
import { BundlePageSchema } from './bundle';
import { READ_TYPES } from '../session/scopes';
import { indexFullUrls, normalizeReferences } from './references';
import { isClaimReadyOutput, savedState, type SavedState } from './saved';
import { CLAIMREADY_TAG } from './own-output';
import { z } from 'zod';
import { planWave, sendBatch } from './wave-plan';

// Read by reference (payers, authors, note bodies), never searched by patient.
const FETCHED_BY_REFERENCE: ReadonlySet<string> = new Set(['Organization', 'Practitioner', 'PractitionerRole', 'Location', 'Binary']);

/** What is searched by default: everything the picture uses (payer, clinic and clinician come via _include). */
// The types most likely to need several pages go first: over HTTP/1.1 a browser opens six connections per host, and
// a search that waits in that queue would push all of its pages one round trip later.
const LARGEST_FIRST = ['Observation', 'Encounter', 'Procedure', 'DocumentReference'];
export const DEFAULT_TYPES: readonly string[] = [
  ...LARGEST_FIRST,
  ...READ_TYPES.filter((t) => !FETCHED_BY_REFERENCE.has(t) && !LARGEST_FIRST.includes(t)),
];

/**
 * Types read only for ClaimReady's own earlier output (the prior-auth Task the app made, so a relaunch shows it):
 * searched by the own-output tag, never evidence. Anything else a server returns for them (one that ignores _tag)
 * is not ours and not clinical, and is left out.
 */
export const OWN_OUTPUT_TYPES: readonly string[] = ['Task'];

export interface RawRecord {
  /** Resources by resourceType, de-duplicated by id, in server order. */
  resources: Record<string, unknown[]>;
  /** Note text by "DocumentReference/id#n" | "DiagnosticReport/id#n" (n = content / presentedForm index). */
  attachments: Map<string, AttachmentText>;
  issues: DataIssue[];
  /** HTTP requests made, retries included. */
  requests: number;
  /** Sequential waves: 1 for the searches, +1 when Binaries or referenced parties/locations were fetched, +1 when a
   * fetched PractitionerRole named a clinician or clinic not yet read (pages: longestChain). */
  waves?: number;
  /** Longest run of requests that had to wait for each other (pages and retries of one type). */
  longestChain?: number;
  /** ClaimReady's own earlier output, kept out of `resources` (never evidence) and shown as saved state. */
  saved?: SavedState;
}

export interface ReadOptions {
  types?: readonly string[];
  /** _count per search page (default 1000). */
  count?: number;
  /** Called as soon as a type's last page arrived, so the UI can show the picture early. */
  onType?: (type: string, resources: unknown[]) => void;
  signal?: AbortSignal;
  /** Longest honoured Retry-After, ms (default 5000). */
  maxRetryAfterMs?: number;
  /**
   * What the token may read (from grantedAccess): types it may not read are not requested at all and are reported
   * as warnings, so the picture says what it is missing instead of failing on 403s.
   */
  access?: { canRead(type: string): boolean };
  /**
   * Send the small searches together as one batch Bundle (wave-plan.ts), with a plain GET for any the EHR refuses.
   * Off by default: a batch POST is one more thing a strict EHR proxy may block.
   */
  batch?: boolean;
  /** Injected in tests to observe waits without waiting. */
  sleep?: (ms: number) => Promise<void>;
}

const MAX_TRIES = 3;
const BACKOFF_MS = 250;
const MAX_PAGES = 2000;

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | undefined, fallback: number, cap: number, now = Date.now()): number {
  if (header === undefined) return Math.min(fallback, cap);
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.min(Math.max(0, secs * 1000), cap);
  const when = Date.parse(header);
  if (Number.isNaN(when)) return Math.min(fallback, cap);
  return Math.min(Math.max(0, when - now), cap);
}

class Wave {
  requests = 0;
  readonly issues: DataIssue[] = [];
  readonly controller = new AbortController();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly cap: number;
  readonly base: string;

  constructor(
    private readonly reader: FhirReader,
    opts: ReadOptions,
  ) {
    this.base = reader.base;
    this.sleep = opts.sleep ?? defaultSleep;
    this.cap = opts.maxRetryAfterMs ?? 5000;
    const outer = opts.signal;
    if (outer) {
      if (outer.aborted) this.controller.abort();
      else outer.addEventListener('abort', () => this.controller.abort(), { once: true });
    }
  }

  /** GET with retries; returns the final response (any status) plus the tries used, or throws a fatal error. */
  async get(url: string): Promise<{ res: FhirResponse; tries: number }> {
    for (let attempt = 1; ; attempt++) {
      if (this.controller.signal.aborted) throw new FhirReadError('aborted', 'The read was cancelled.');
      this.requests++;
      let res: FhirResponse;
      try {
        res = await this.reader.getJson(url, this.controller.signal);
      } catch (e) {
        if (e instanceof FhirReadError) throw e;
        if (!(e instanceof NetworkError) && !(e instanceof TypeError)) throw e;
        if (attempt >= MAX_TRIES) throw new FhirReadError('unreachable', 'The EHR could not be reached.');
        await this.sleep(BACKOFF_MS * 2 ** (attempt - 1));
        continue;
      }
      if (res.status === 401) throw new FhirReadError('expired', 'The EHR session has expired.', 401);
      const retryable = res.status === 429 || res.status >= 500;
      if (!retryable || attempt >= MAX_TRIES) return { res, tries: attempt };
      const backoff = BACKOFF_MS * 2 ** (attempt - 1);
      await this.sleep(res.status === 429 ? retryAfterMs(res.headers.retryAfter, backoff, this.cap) : backoff);
    }
  }

  /** One POST for many searches (wave-plan.ts); each answer is undefined where that search must be sent alone. */
  batch(urls: string[]): Promise<(FhirResponse | undefined)[]> {
    this.requests++;
    return sendBatch(this.reader, urls, this.controller.signal);
  }

  fail(error: unknown): never {
    this.controller.abort();
    throw error;
  }
}

export function searchUrl(type: string, patientId: string, count: number): string {
  const id = encodeURIComponent(patientId);
  if (type === 'Patient') return `Patient/${id}`;
  if (OWN_OUTPUT_TYPES.includes(type))
    return `${type}?patient=${id}&_tag=${encodeURIComponent(`${CLAIMREADY_TAG.system}|${CLAIMREADY_TAG.code}`)}&_count=${count}`;
  const include = INCLUDES[type] ? `&_include=${INCLUDES[type]}` : '';
  return `${type}?patient=${id}&_count=${count}${include}`;
}

// The payer, the ordering clinician and the clinic ride along with the searches that name them, so no second wave
// is needed where the server honours _include (where it does not, missingReferenced fetches them afterwards).
const INCLUDES: Record<string, string> = {
  Coverage: 'Coverage:payor',
  ServiceRequest: 'ServiceRequest:requester',
  Encounter: 'Encounter:service-provider',
};

function statusIssue(type: string, status: number): DataIssue {
  const why =
    status === 403 ? 'the EHR did not allow reading it' : status === 404 ? 'the EHR does not offer it' : `the EHR answered ${status}`;
  return { resourceType: type, severity: status === 403 || status === 404 ? 'warning' : 'error', message: `${type} was not read: ${why}.` };
}

interface TypeResult {
  resources: { type: string; resource: unknown }[];
  chain: number;
}

/** `first`: the first page's answer as the batch brought it (undefined: the batch did not, so it is fetched). */
async function readType(
  wave: Wave,
  type: string,
  patientId: string,
  count: number,
  first?: Promise<FhirResponse | undefined>,
): Promise<TypeResult> {
  const out: TypeResult = { resources: [], chain: 0 };
  let batched = first ? await first : undefined;
  if (first) out.chain += 1;
  let url: string | undefined = searchUrl(type, patientId, count);
  let triedPlain = false;
  const seen = new Set<string>();
  while (url !== undefined && !seen.has(url) && seen.size < MAX_PAGES) {
    seen.add(url);
    const { res, tries } = batched ? { res: batched, tries: 0 } : await wave.get(url);
    batched = undefined;
    out.chain += tries;
    // A server that rejects _include still answers the plain search.
    if (res.status === 400 && type === 'Coverage' && !triedPlain && seen.size === 1) {
      triedPlain = true;
      url = `Coverage?patient=${encodeURIComponent(patientId)}&_count=${count}`;
      continue;
    }
    // Without the Patient there is no chart to check: a refusal there is a denied launch, not a gap in the picture.
    if (type === 'Patient' && res.status === 403) throw new FhirReadError('denied', 'The EHR did not allow reading this patient.', 403);
    // An unknown patient id is a broken launch, not an empty chart.
    if (type === 'Patient' && (res.status === 404 || res.status === 410))
      throw new FhirReadError('failed', 'The EHR has no record of the patient in the launch context.', res.status);
    if (res.status < 200 || res.status >= 300) {
      wave.issues.push(statusIssue(type, res.status));
      return out;
    }
    if (type === 'Patient') {
      out.resources.push({ type, resource: res.body });
      return out;
    }
    const page = BundlePageSchema.safeParse(res.body);
    if (!page.success) {
      wave.issues.push({ resourceType: type, severity: 'error', message: `${type} search did not return a Bundle.` });
      return out;
    }
    const entries = page.data.entry ?? [];
    const fullUrls = indexFullUrls(entries);
    entries.forEach((entry, i) => {
      if (entry.search?.mode === 'outcome') return;
      const r = entry.resource;
      // One broken entry costs that entry, never the search: it is named so nothing is lost silently.
      if (typeof r !== 'object' || r === null || Array.isArray(r)) {
        wave.issues.push({
          resourceType: type,
          severity: 'error',
          path: `entry[${i}].resource`,
          message: `${type} search: an entry had no resource (${r === null ? 'null' : Array.isArray(r) ? 'an array' : typeof r}); it was skipped.`,
        });
        return;
      }
      const rt = (r as { resourceType?: unknown }).resourceType;
      if (typeof rt !== 'string' || !/^[A-Z][A-Za-z]{1,63}$/.test(rt)) {
        const id = keyOf(r);
        wave.issues.push({
          resourceType: type,
          ...(id !== undefined ? { id } : {}),
          severity: 'error',
          path: `entry[${i}].resource.resourceType`,
          message: `${type} search: an entry without a valid resourceType was skipped.`,
        });
        return;
      }
      normalizeReferences(r, fullUrls);
      out.resources.push({ type: rt, resource: r });
    });
    const next = page.data.link?.find((l) => l.relation === 'next')?.url;
    // A next link is followed with the token, so only when it stays on the EHR's FHIR server.
    url = next === undefined ? undefined : sameServerUrl(next, wave.base);
    if (next !== undefined && url === undefined) {
      wave.issues.push({
        resourceType: type,
        severity: 'warning',
        message: `${type} search: a next page on another server was not followed.`,
      });
    }
  }
  return out;
}

// Who the packet is from, who pays and where the service is rendered: resources the record points at but a patient
// search does not return. A path is dotted through arrays (Encounter.location[].location).
type ByReference = 'Organization' | 'Practitioner' | 'PractitionerRole' | 'Location';
const REFERENCED: Record<ByReference, [string, string][]> = {
  Organization: [
    ['Coverage', 'payor'],
    ['Encounter', 'serviceProvider'],
    ['Patient', 'managingOrganization'],
    ['PractitionerRole', 'organization'],
  ],
  Practitioner: [
    ['ServiceRequest', 'requester'],
    ['ServiceRequest', 'performer'],
    ['Encounter', 'participant.individual'],
    ['PractitionerRole', 'practitioner'],
  ],
  PractitionerRole: [
    ['ServiceRequest', 'requester'],
    ['ServiceRequest', 'performer'],
  ],
  Location: [
    ['ServiceRequest', 'locationReference'],
    ['Encounter', 'location.location'],
    // Where the requester's role says the clinician practises: its phone is the role's call-back line (pd-1).
    ['PractitionerRole', 'location'],
  ],
};
const BY_REFERENCE = Object.keys(REFERENCED) as ByReference[];
const WHAT: Record<ByReference, string> = {
  Organization: 'The payer or clinic organization',
  Practitioner: 'The ordering clinician',
  PractitionerRole: "The ordering clinician's role",
  Location: 'The rendering location',
};

const ReferenceLike = z.looseObject({ reference: z.string().optional() });

function valuesAt(node: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(node)) return node.flatMap((n) => valuesAt(n, path));
  if (path.length === 0) return [node];
  if (typeof node !== 'object' || node === null) return [];
  return valuesAt((node as Record<string, unknown>)[path[0]!], path.slice(1));
}

/** Ids of `type` that the record references (REFERENCED) but has not read yet (e.g. no _include). */
function missingReferenced(resources: Record<string, unknown[]>, type: ByReference): string[] {
  const have = new Set((resources[type] ?? []).map(keyOf));
  const ids = new Set<string>();
  const pattern = new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})$`);
  for (const [source, field] of REFERENCED[type]) {
    for (const r of resources[source] ?? []) {
      for (const v of valuesAt(r, field.split('.'))) {
        const ref = ReferenceLike.safeParse(v);
        const m = ref.success ? pattern.exec(ref.data.reference ?? '') : null;
        if (m && !have.has(m[1]!)) ids.add(m[1]!);
      }
    }
  }
  return [...ids].sort();
}

function keyOf(resource: unknown): string | undefined {
  const id = (resource as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

export async function readPatientRecord(reader: FhirReader, patientId: string, opts: ReadOptions = {}): Promise<RawRecord> {
  const wave = new Wave(reader, opts);
  const can = (type: string): boolean => opts.access?.canRead(type) ?? true;
  const wanted = opts.types ?? DEFAULT_TYPES;
  const own = opts.types ? [] : OWN_OUTPUT_TYPES.filter((t) => opts.access?.canRead(t) ?? false);
  const types = [...wanted.filter(can), ...own];
  for (const type of wanted.filter((t) => !can(t))) {
    wave.issues.push({
      resourceType: type,
      severity: 'warning',
      message: `ClaimReady was not granted access to read ${type}; facts recorded there are not shown.`,
    });
  }
  const count = opts.count ?? 1000;
  const resources: Record<string, unknown[]> = {};
  const seen = new Map<string, Set<string>>();
  const firstCopy = new Map<string, unknown>();
  // Our own write-backs never enter the record, not even the early picture onType feeds: they are saved state.
  const marked: { type: string; resource: unknown }[] = [];
  const markedKeys = new Set<string>();
  const add = (type: string, resource: unknown): void => {
    if (isClaimReadyOutput(resource)) {
      const key = `${type}/${keyOf(resource) ?? marked.length}`;
      if (!markedKeys.has(key)) marked.push({ type, resource });
      markedKeys.add(key);
      return;
    }
    if (OWN_OUTPUT_TYPES.includes(type)) return;
    const id = keyOf(resource);
    const ids = seen.get(type) ?? new Set<string>();
    seen.set(type, ids);
    if (id !== undefined && ids.has(id)) {
      // The same resource _included by two searches is normal; two different bodies under one id are not.
      const first = firstCopy.get(`${type}/${id}`);
      if (first !== resource && JSON.stringify(first) !== JSON.stringify(resource)) {
        wave.issues.push({
          resourceType: type,
          id,
          severity: 'warning',
          message: `${type}/${id} came back twice with different contents; the first copy is used.`,
        });
      }
      return;
    }
    if (id !== undefined) {
      ids.add(id);
      firstCopy.set(`${type}/${id}`, resource);
    }
    (resources[type] ??= []).push(resource);
  };

  let longestChain = 0;
  const plan = planWave(types, opts.batch === true && reader.postJson !== undefined);
  // The searches that may page are sent first and the batch after them, so no page chain starts behind it.
  let answers: Promise<(FhirResponse | undefined)[]> | undefined;
  const reads = Promise.all(
    types.map(async (type) => {
      const i = plan.batched.indexOf(type);
      const first = i >= 0 ? Promise.resolve().then(async () => (await answers)?.[i]) : undefined;
      const result = await readType(wave, type, patientId, count, first).catch((e: unknown) => wave.fail(e));
      longestChain = Math.max(longestChain, result.chain);
      for (const r of result.resources) add(r.type, r.resource);
      opts.onType?.(type, resources[type] ?? []);
    }),
  );
  if (plan.batched.length > 0) answers = wave.batch(plan.batched.map((t) => searchUrl(t, patientId, count)));
  await reads;

  const saved = savedState(marked);
  const { inline, remote, issues } = collectAttachments(resources, reader.base);
  const attachments = new Map<string, AttachmentText>();
  for (const a of inline) {
    const decoded = decodeInlineAttachment(a);
    if (decoded) attachments.set(a.key, decoded);
    else
      wave.issues.push({
        resourceType: a.resourceType,
        id: a.id,
        severity: 'warning',
        message: 'A note attachment could not be decoded.',
        path: a.path,
      });
  }
  wave.issues.push(...issues);

  // Second wave: note Binaries and the payer / clinic / ordering clinician the searches did not include, all at once.
  const readByIds = async (type: ByReference, ids: string[]): Promise<number> => {
    const url = `${type}?_id=${ids.map(encodeURIComponent).join(',')}&_count=${ids.length}`;
    const { res, tries } = await wave.get(url).catch((e: unknown) => wave.fail(e));
    const page = res.status >= 200 && res.status < 300 ? BundlePageSchema.safeParse(res.body) : undefined;
    if (page?.success) {
      for (const e of page.data.entry ?? []) if (e.resource !== undefined) add(type, e.resource);
    } else {
      wave.issues.push({
        resourceType: type,
        severity: 'warning',
        message: `${WHAT[type]} could not be read (${res.status}); it is known by name only.`,
      });
    }
    return tries;
  };
  const asked = new Set<string>();
  const byReference = (): (readonly [ByReference, string[]])[] =>
    BY_REFERENCE.filter(can)
      .map((type) => [type, missingReferenced(resources, type).filter((id) => !asked.has(`${type}/${id}`))] as const)
      .filter(([, ids]) => ids.length > 0)
      .map(([type, ids]) => {
        for (const id of ids) asked.add(`${type}/${id}`);
        return [type, ids] as const;
      });
  const readBinary = async (a: (typeof remote)[number]): Promise<number> => {
    let got: { res: FhirResponse; tries: number };
    try {
      got = await wave.get(a.url);
    } catch (e) {
      // An expired session or a cancel ends the read; one unreachable note body costs only that note.
      if (e instanceof FhirReadError && (e.kind === 'expired' || e.kind === 'aborted')) wave.fail(e);
      wave.issues.push({
        resourceType: a.resourceType,
        id: a.id,
        severity: 'warning',
        message: 'A note attachment could not be fetched (no answer from the EHR); that note is not checked.',
        path: a.path,
      });
      return MAX_TRIES;
    }
    const { res, tries } = got;
    let text: AttachmentText | undefined;
    try {
      text = res.status >= 200 && res.status < 300 ? decodeBinaryBody(res.body, a.contentType) : undefined;
    } catch {
      text = undefined;
    }
    if (text) attachments.set(a.key, text);
    else
      wave.issues.push({
        resourceType: a.resourceType,
        id: a.id,
        severity: 'warning',
        message: `A note attachment could not be fetched (${res.status}).`,
        path: a.path,
      });
    return tries;
  };
  const secondWave = await Promise.all([...byReference().map(([type, ids]) => readByIds(type, ids)), ...remote.map(readBinary)]);
  // The order's requester may be a PractitionerRole: its clinician and clinic are known only once it is read.
  const third = byReference();
  const thirdWave = await Promise.all(third.map(([type, ids]) => readByIds(type, ids)));
  const secondChain = Math.max(0, ...secondWave) + Math.max(0, ...thirdWave);

  return {
    resources,
    attachments,
    saved,
    issues: wave.issues,
    requests: wave.requests,
    waves: 1 + (secondWave.length > 0 ? 1 : 0) + (thirdWave.length > 0 ? 1 : 0),
    longestChain: longestChain + secondChain,
  };
}

export { fetchReader, FhirReadError, type FhirReader, type FhirResponse } from './reader';
