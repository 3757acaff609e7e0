// The raw EHR resources by "Type/id", as the packet builder wants them, from the reader's per-type lists
// (RawRecord.resources). Entries without a resourceType or id are skipped: nothing can reference them.
import type { Resource } from 'fhir/r4';

export function resourceIndex(byType: Record<string, readonly unknown[]>): Map<string, Resource> {
  const out = new Map<string, Resource>();
  for (const list of Object.values(byType)) {
    for (const r of list) {
      if (typeof r !== 'object' || r === null) continue;
      const { resourceType, id } = r as { resourceType?: unknown; id?: unknown };
      if (typeof resourceType === 'string' && typeof id === 'string' && id) out.set(`${resourceType}/${id}`, r as Resource);
    }
  }
  return out;
}
