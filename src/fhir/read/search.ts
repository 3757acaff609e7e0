// One search of the read wave and its pages: the URL (with the _include that brings the payer, clinic and clinician
// along), every `next` page on the same server, each entry checked to be a resource, and a refusal or error named as
// a DataIssue instead of failing the read.
import type { DataIssue } from '../../policy/picture';
import { sameServerUrl } from './attachments';
import { FhirReadError, type FhirResponse } from './reader';
import { BundlePageSchema } from './bundle';
import { READ_TYPES } from '../session/scopes';
import { indexFullUrls, normalizeReferences } from './references';
import { CLAIMREADY_TAG } from './own-output';
import type { Wave } from './wave';

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

const MAX_PAGES = 2000;

/** The resource's id, when it has a string one. */
export function keyOf(resource: unknown): string | undefined {
  const id = (resource as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
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
  const issue: DataIssue = {
    resourceType: type,
    severity: status === 403 || status === 404 ? 'warning' : 'error',
    message: `${type} was not read: ${why}.`,
  };
  if (isTransient(status)) issue.transient = true;
  return issue;
}

/** An answer a retry later may not give again: the server failed or throttled, it did not refuse. */
export function isTransient(status: number): boolean {
  return status === 429 || status >= 500;
}

export interface TypeResult {
  resources: { type: string; resource: unknown }[];
  chain: number;
}

/** `first`: the first page's answer as the batch brought it (undefined: the batch did not, so it is fetched). */
export async function readType(
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
    const before = out.resources.length;
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
    wave.onPage?.(out.resources.slice(before));
  }
  return out;
}
