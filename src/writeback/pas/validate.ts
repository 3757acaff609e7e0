// ClaimReady's own check of a PAS request Bundle before it is saved: only what the official profiles do not state.
// The PASRequestBundle / PASClaim / US Core StructureDefinitions (cardinalities, fixed values, bindings, slices,
// ClaimFirst and the other invariants) decide in the conformance suite (launch/sandbox/conformance: @medplum/core's
// validateResource with the packages indexed, plus the walk around it), which every seed packet passes with 0 errors;
// they are not restated here. Kept, and why:
// - spec-11 (the bundle is JSON of the FHIR shape): nothing else can be checked otherwise;
// - spec-13 (every reference resolves inside the bundle) and spec-20 (every entry is reached from the Claim): IG
//   text, not an invariant; validateResource checks one resource and does not follow references;
// - spec-14 (a resource appears once): bdl-7 covers a repeated fullUrl only, not the same Type/id under two;
// - spec-16 (fullUrl is the RESTful URL or urn:uuid): IG text; the profile types fullUrl only as a uri;
// - claim-rules.ts: unique sequences (spec-22), item pointers, the X12 12-diagnosis limit (see there);
// - party-rules.ts: the beneficiary's name, identifier and sex, a coverage at all, member id, subscriber relationship,
//   the clinician's NPI (and its check digit) and family name and a call-back phone. The
//   profiles state these too, but they depend on what the chart holds (not on the builder, which the suite proves),
//   and the browser does not load the packages: these say in words what to fix, so such a packet is not saved.
import { z } from 'zod';
import { refKey } from './assemble';
import { claimRules } from './claim-rules';
import { partyRules } from './party-rules';
import type { PasViolation } from './violation';

export type { PasViolation } from './violation';

export interface PasValidation {
  ok: boolean;
  violations: PasViolation[];
}

const Entry = z.looseObject({
  fullUrl: z.string().optional(),
  resource: z.looseObject({ resourceType: z.string(), id: z.string().optional() }).optional(),
  request: z.unknown().optional(),
  response: z.unknown().optional(),
  search: z.unknown().optional(),
});

const BundleShape = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string().optional(),
  identifier: z.looseObject({ system: z.string().optional(), value: z.string().optional() }).optional(),
  timestamp: z.string().optional(),
  entry: z.array(Entry).optional(),
});

type EntryT = z.infer<typeof Entry>;

const UUID_URN_RE = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ABS_URL_RE = /^https?:\/\/[^\s]+\/[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

/** Every Reference.reference string in a resource, with its path. */
export function referencesIn(node: unknown, path: string, out: { ref: string; path: string }[] = []): { ref: string; path: string }[] {
  if (Array.isArray(node)) node.forEach((n, i) => referencesIn(n, `${path}[${i}]`, out));
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'reference' && typeof v === 'string') out.push({ ref: v, path: `${path}.reference` });
      else referencesIn(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/** Resolves a reference inside the bundle (FHIR bundle resolution: exact fullUrl, or Type/id against the entries). */
function resolver(entries: EntryT[]): (ref: string) => number | undefined {
  const byUrl = new Map<string, number>();
  const byKey = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.fullUrl) byUrl.set(e.fullUrl, i);
    if (e.resource?.id) byKey.set(`${e.resource.resourceType}/${e.resource.id}`, i);
    const k = e.fullUrl ? refKey(e.fullUrl) : undefined;
    if (k) byKey.set(k, i);
  });
  return (ref) => {
    const exact = byUrl.get(ref);
    if (exact !== undefined) return exact;
    if (ref.startsWith('urn:')) return undefined;
    const k = refKey(ref);
    return k ? byKey.get(k) : undefined;
  };
}

function bundleRules(b: z.infer<typeof BundleShape>, v: PasViolation[]): void {
  const add = (rule: string, path: string, message: string, ref?: string): void => {
    v.push({ rule, path, message, ...(ref ? { ref } : {}) });
  };
  const entries = b.entry ?? [];
  if (entries.length === 0) return; // Bundle.entry 1..* is the profile's
  const seenKey = new Map<string, number>();
  entries.forEach((e, i) => {
    const p = `Bundle.entry[${i}]`;
    if (e.fullUrl && !UUID_URN_RE.test(e.fullUrl) && !ABS_URL_RE.test(e.fullUrl)) {
      add('spec-16', `${p}.fullUrl`, `fullUrl must be the resource's RESTful URL or urn:uuid:<guid>, found "${e.fullUrl}"`);
    }
    if (e.resource?.id) {
      const key = `${e.resource.resourceType}/${e.resource.id}`;
      const j = seenKey.get(key);
      if (j !== undefined) add('spec-14', p, `resource ${e.resource.resourceType} appears twice with the same id (entries ${j} and ${i})`);
      seenKey.set(key, i);
    }
  });

  // spec-13/18: every reference, transitively from the Claim and from every included resource, resolves inside.
  const resolve = resolver(entries);
  const reached = new Set<number>([0]);
  const queue = [0];
  while (queue.length) {
    const i = queue.shift() ?? 0;
    for (const r of referencesIn(entries[i]?.resource, `Bundle.entry[${i}].resource`)) {
      if (r.ref.startsWith('#')) continue;
      const target = resolve(r.ref);
      if (target === undefined) {
        add('spec-13', r.path, `reference "${r.ref}" does not resolve to an entry of the bundle`, r.ref);
      } else if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  // spec-20: supporting resources are pointed to by the Claim; an entry nothing reaches from the Claim is stray.
  entries.forEach((e, i) => {
    if (!reached.has(i) && e.resource) {
      add(
        'spec-20',
        `Bundle.entry[${i}]`,
        `${e.resource.resourceType} is not referenced from the Claim, directly or through other entries`,
      );
    }
  });
}

/** Validates a PAS request bundle given as parsed JSON (object) or JSON text. */
export function validatePasBundle(bundle: unknown): PasValidation {
  const v: PasViolation[] = [];
  let input = bundle;
  if (typeof bundle === 'string') {
    try {
      input = JSON.parse(bundle) as unknown;
    } catch {
      return { ok: false, violations: [{ rule: 'spec-11', path: 'Bundle', message: 'the bundle is not valid JSON' }] };
    }
  }
  const parsed = BundleShape.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `Bundle.${issue.path.join('.')}` : 'Bundle';
    return {
      ok: false,
      violations: [{ rule: 'spec-11', path: where, message: `not a FHIR Bundle in JSON: ${issue?.message ?? 'bad shape'}` }],
    };
  }
  bundleRules(parsed.data, v);
  const entries = parsed.data.entry ?? [];
  const first = entries[0]?.resource;
  if (first?.resourceType === 'Claim') {
    const resolve = resolver(entries);
    const lookup = (ref: string) => {
      const i = resolve(ref);
      return i === undefined ? undefined : entries[i]?.resource;
    };
    claimRules(first, 'Bundle.entry[0].resource', v);
    partyRules(first, 'Bundle.entry[0].resource', lookup, v);
  }
  return { ok: v.length === 0, violations: v };
}
