// One parallel wave of searches for the launched patient (every `next` page followed), then one parallel wave for
// note attachments stored as Binary. No per-resource reads: the number of sequential round trips stays at
// 1 + pages (+1 for binaries) whatever the chart size. A search and its pages: search.ts; retries: wave.ts; what the
// record points at but no search returns: by-reference.ts.
import type { DataIssue } from '../../policy/picture';
import { collectAttachments, decodeInlineAttachment, decodeBinaryBody, type AttachmentText } from './attachments';
import { FhirReadError, type FhirReader, type FhirResponse } from './reader';
import { BundlePageSchema } from './bundle';
import { isClaimReadyOutput, savedState, type SavedState } from './saved';
import { planWave } from './wave-plan';
import { MAX_TRIES, Wave, type WaveOptions } from './wave';
import { DEFAULT_TYPES, OWN_OUTPUT_TYPES, isTransient, keyOf, readType, searchUrl } from './search';
import { BY_REFERENCE, WHAT, missingReferenced, type ByReference } from './by-reference';

export { DEFAULT_TYPES, OWN_OUTPUT_TYPES, searchUrl } from './search';
export { retryAfterMs } from './wave';

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

export interface ReadOptions extends WaveOptions {
  types?: readonly string[];
  /** _count per search page (default 1000). */
  count?: number;
  /** Called as soon as a type's last page arrived, so the UI can show the picture early. */
  onType?: (type: string, resources: unknown[]) => void;
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
        ...(isTransient(res.status) ? { transient: true } : {}),
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
        transient: true,
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
        ...(isTransient(res.status) ? { transient: true } : {}),
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
