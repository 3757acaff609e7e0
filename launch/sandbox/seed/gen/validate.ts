// Self-checks run by build.ts before anything is written: a seed that breaks its own promises must not ship.
import type { Bundle, FhirResource } from 'fhir/r4';
import type { ManifestEntry } from './manifest';

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

/** Every relative reference ("Type/id") found anywhere in a resource. */
function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value) references(v, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'reference' || k === 'url') && typeof v === 'string' && /^[A-Z][A-Za-z]+\/[^/]+$/.test(v)) out.push(v);
      else references(v, out);
    }
  }
  return out;
}

export function validateBundle(bundle: Bundle, entry: ManifestEntry, seenIds: Map<string, string>): string[] {
  const problems: string[] = [];
  const local = new Set<string>();
  const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is FhirResource => r !== undefined);
  for (const r of resources) {
    const key = `${r.resourceType}/${r.id ?? ''}`;
    if (!r.id || !ID_RE.test(r.id)) problems.push(`${key}: invalid id`);
    if (local.has(key)) problems.push(`${key}: duplicated in bundle`);
    local.add(key);
    // Shared resources (clinic, physician, payers) repeat across bundles by design; nothing else may.
    const owner = seenIds.get(key);
    const shared = r.resourceType === 'Organization' || r.resourceType === 'Practitioner';
    if (owner && owner !== entry.patient && !shared) problems.push(`${key}: also in ${owner}`);
    seenIds.set(key, entry.patient);
  }
  for (const r of resources) {
    for (const ref of references(r)) if (!local.has(ref)) problems.push(`${r.resourceType}/${r.id ?? ''}: dangling reference ${ref}`);
  }
  for (const s of entry.services) {
    if (!local.has(`ServiceRequest/${s.serviceRequest}`)) problems.push(`manifest service ${s.serviceRequest} missing`);
    const sr = resources.find((r) => r.resourceType === 'ServiceRequest' && r.id === s.serviceRequest);
    if (sr?.resourceType === 'ServiceRequest') {
      if (sr.status !== 'active') problems.push(`${s.serviceRequest}: manifest service is not active`);
      if (sr.code?.coding?.[0]?.code !== s.code) problems.push(`${s.serviceRequest}: code differs from manifest ${s.code}`);
    }
  }
  for (const n of [...(entry.noise ?? []), ...(entry.dataIssues ?? [])]) {
    if (!local.has(n.ref)) problems.push(`manifest ref ${n.ref} not in bundle`);
  }
  return problems.map((p) => `${entry.patient}: ${p}`);
}
