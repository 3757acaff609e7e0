// Who the packet is from, who pays and where the service is rendered: resources the record points at but a patient
// search does not return, found after the searches so the second wave can fetch them by id.
import { z } from 'zod';
import { keyOf } from './search';

// A path is dotted through arrays (Encounter.location[].location).
export type ByReference = 'Organization' | 'Practitioner' | 'PractitionerRole' | 'Location';
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
export const BY_REFERENCE = Object.keys(REFERENCED) as ByReference[];
export const WHAT: Record<ByReference, string> = {
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
export function missingReferenced(resources: Record<string, unknown[]>, type: ByReference): string[] {
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
