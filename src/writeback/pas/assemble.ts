// Collects the resources a PAS bundle needs, exactly once each, under stable urn:uuid fullUrls, following every
// reference transitively (PAS spec-13/14/18). References inside included resources are rewritten to the fullUrls;
// one that cannot be resolved is reduced to its display (never left dangling) and recorded as omitted. A reference
// the Claim itself needs but cannot resolve is kept as-is and recorded as unresolved, so the validator rejects the
// packet instead of the builder silently dropping evidence. A resource the caller declines as context (`reduce` gives
// its display, e.g. a visit's clinician whose NPI is a placeholder) is named by display, as an unsupplied one is.
import type { BundleEntry, Reference, Resource } from 'fhir/r4';
import { stableUuid } from './ids';

const REF_RE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** "Observation/1", "https://ehr/fhir/Observation/1" or "Observation/1/_history/2" -> "Observation/1". */
export function refKey(reference: string): string | undefined {
  if (reference.startsWith('#') || reference.startsWith('urn:')) return undefined;
  const m = REF_RE.exec(reference);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

export function keyOf(resource: Resource): string {
  return `${resource.resourceType}/${resource.id ?? ''}`;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class BundleAssembler {
  private readonly entries = new Map<string, BundleEntry>();
  readonly unresolved = new Set<string>();
  readonly omitted = new Set<string>();

  constructor(
    private readonly lookup: (key: string) => Resource | undefined,
    private readonly reduce: (resource: Resource) => string | undefined = () => undefined,
  ) {}

  fullUrlFor(key: string): string {
    return `urn:uuid:${stableUuid(['resource', key])}`;
  }

  /** Adds a resource (and what it references); returns its fullUrl. */
  add(resource: Resource): string {
    const key = keyOf(resource);
    const existing = this.entries.get(key);
    if (existing?.fullUrl) return existing.fullUrl;
    const fullUrl = this.fullUrlFor(key);
    const entry: BundleEntry = { fullUrl };
    // Registered before the walk so reference cycles (Patient <-> Coverage) terminate.
    this.entries.set(key, entry);
    entry.resource = this.rewrite(structuredClone(resource) as unknown as Json) as unknown as BundleEntry['resource'];
    return fullUrl;
  }

  /** A Reference the Claim needs: resolved into the bundle, or kept dangling (and recorded) for the validator. */
  ref(key: string, display?: string): Reference {
    const r = this.lookup(key);
    const out: Reference = r || this.entries.has(key) ? { reference: r ? this.add(r) : this.fullUrlFor(key) } : { reference: key };
    if (!r && !this.entries.has(key)) this.unresolved.add(key);
    if (display) out.display = display;
    return out;
  }

  /** The Claim entry first, then every collected resource in the order it was first needed. */
  bundleEntries(first: BundleEntry): BundleEntry[] {
    return [first, ...[...this.entries.values()].filter((e) => e.resource)];
  }

  private rewrite(node: Json): Json {
    if (Array.isArray(node)) return node.map((n) => this.rewrite(n));
    if (!isObject(node)) return node;
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) out[k] = this.rewrite(v as Json);
    if (typeof out.reference === 'string' && !out.reference.startsWith('#')) {
      const key = refKey(out.reference);
      const target = key ? this.lookup(key) : undefined;
      const declined = target && !this.entries.has(key ?? '') ? this.reduce(target) : undefined;
      if (declined !== undefined) {
        this.omitted.add(key ?? 'external reference');
        delete out.reference;
        out.display = typeof out.display === 'string' ? out.display : declined;
      } else if (key && (target || this.entries.has(key))) {
        out.reference = target ? this.add(target) : this.fullUrlFor(key);
      } else if (!out.reference.startsWith('urn:uuid:') || !this.hasFullUrl(out.reference)) {
        this.omitted.add(key ?? 'external reference');
        const display = typeof out.display === 'string' ? out.display : `${key?.split('/')[0] ?? 'Resource'} not included`;
        delete out.reference;
        out.display = display;
      }
    }
    return out;
  }

  private hasFullUrl(url: string): boolean {
    for (const e of this.entries.values()) if (e.fullUrl === url) return true;
    return false;
  }
}
