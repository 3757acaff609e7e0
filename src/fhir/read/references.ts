// Reference resolution as FHIR defines it (R4 §2.36.0.1 Bundle, §3.1 References): inside a Bundle a reference is
// matched against the entries' fullUrl (urn:uuid:..., absolute URLs); otherwise "Type/id", absolute
// "[base]/Type/id[/_history/v]" or "#id" for a contained resource. Everything downstream reads "Type/id" only, so
// references are rewritten to that form once, at the read boundary.

const TYPE_ID = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

export interface RefTarget {
  type: string;
  id: string;
}

/** "Type/id" of a literal reference, or undefined (a urn without a fullUrl match, '#contained', garbage). */
export function parseRef(ref: string, fullUrls?: ReadonlyMap<string, RefTarget>): RefTarget | undefined {
  const hit = fullUrls?.get(ref);
  if (hit) return hit;
  if (ref.startsWith('urn:') || ref.startsWith('#')) return undefined;
  const m = TYPE_ID.exec(ref);
  return m ? { type: m[1]!, id: m[2]! } : undefined;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The id a resource without one is known by, from its entry's fullUrl: a transaction being POSTed carries no ids
 * (R4 §3.1.0.11.2: the server assigns them and rewrites the urn:uuid references), so the fullUrl is its identity.
 * urn:uuid:<uuid> / urn:oid:<oid> give the uuid / oid; "[base]/Type/id" gives id. Undefined when nothing fits.
 */
export function idFromFullUrl(fullUrl: string, resourceType: string): string | undefined {
  const urn = /^urn:(?:uuid|oid):(.+)$/i.exec(fullUrl);
  const candidate = urn ? urn[1]! : (new RegExp(`(?:^|/)${resourceType}/([^/]+)(?:/_history/[^/]+)?$`).exec(fullUrl)?.[1] ?? '');
  return FHIR_ID.test(candidate) ? candidate : undefined;
}

/**
 * fullUrl -> Type/id for the entries of a Bundle (or any list of {fullUrl, resource}). A resource without an id takes
 * the one its fullUrl gives (idFromFullUrl), set on the resource itself, so it is kept and can be referenced.
 */
export function indexFullUrls(
  entries: readonly { fullUrl?: unknown; resource?: unknown }[],
  into = new Map<string, RefTarget>(),
): Map<string, RefTarget> {
  for (const e of entries) {
    const r = e.resource as { resourceType?: unknown; id?: unknown } | null | undefined;
    if (typeof e.fullUrl !== 'string' || !r || typeof r !== 'object' || typeof r.resourceType !== 'string') continue;
    if (r.id === undefined) {
      const id = idFromFullUrl(e.fullUrl, r.resourceType);
      if (id !== undefined) r.id = id;
    }
    if (typeof r.id !== 'string') continue;
    into.set(e.fullUrl, { type: r.resourceType, id: r.id });
  }
  return into;
}

const MAX_DEPTH = 40;

/**
 * Rewrites, in place, every `reference` that names a Bundle entry by fullUrl to "Type/id". Linear in the size of the
 * resource; contained references ("#id") and unknown URNs are left as they are (readers treat them as unresolved).
 */
export function normalizeReferences(resource: unknown, fullUrls: ReadonlyMap<string, RefTarget>): void {
  if (fullUrls.size === 0) return;
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const v of node) walk(v, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (k === 'reference' && typeof v === 'string') {
        const t = fullUrls.get(v);
        if (t) o[k] = `${t.type}/${t.id}`;
      } else if (typeof v === 'object' && v !== null) walk(v, depth + 1);
    }
  };
  walk(resource, 0);
}

/** The patient-compartment links readers follow, in the order US Core resources use them. */
export const PATIENT_LINKS = ['subject', 'patient', 'beneficiary', 'for'] as const;

/** The raw patient reference of a resource (first patient link that has one), or undefined. */
export function patientRefOf(r: Record<string, unknown>): string | undefined {
  for (const k of PATIENT_LINKS) {
    const v = r[k];
    const ref = v && typeof v === 'object' && 'reference' in v && typeof v.reference === 'string' ? v.reference : undefined;
    if (ref) return ref;
  }
  return undefined;
}
