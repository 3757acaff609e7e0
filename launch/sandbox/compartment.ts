// The patient compartment for patient/ scopes (SMART App Launch: "patient/ scopes ... restricted to the patient in
// context"): a token issued for patient A reads, searches and writes only A's resources. Shared, non-clinical types
// (who treats, who pays, what a drug is) are readable as referenced; Provenance belongs where its targets belong.
import type { StoredResource } from './resource';
import type { ResourceStore } from './store';

/** Types outside any patient's compartment: readable by any patient token, never written by the app. */
const SHARED = new Set(['Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Medication']);

const PATIENT_REF = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

function references(value: unknown, out: string[]): string[] {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else if (k !== 'contained') references(v, out);
    }
  }
  return out;
}

function patientsOf(r: StoredResource): Set<string> {
  const ids = new Set<string>();
  for (const ref of references(r, [])) {
    const m = PATIENT_REF.exec(ref);
    if (m?.[1]) ids.add(m[1]);
  }
  return ids;
}

export interface CompartmentCheck {
  /** Whether the resource (stored or about to be written) is the patient's. */
  allows(r: StoredResource, resolve?: (ref: string) => StoredResource | undefined): boolean;
}

export function compartment(store: ResourceStore, patientId: string): CompartmentCheck {
  const fromStore = (ref: string): StoredResource | undefined => {
    const m = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref);
    return m ? store.get(m[1]!, m[2]!) : undefined;
  };
  const allows = (r: StoredResource, resolve: (ref: string) => StoredResource | undefined = fromStore, depth = 0): boolean => {
    if (r.resourceType === 'Patient') return r.id === patientId;
    if (SHARED.has(r.resourceType)) return true;
    if (r.resourceType === 'Provenance' && depth === 0) {
      const targets = (Array.isArray(r.target) ? r.target : []) as { reference?: unknown }[];
      return (
        targets.length > 0 &&
        targets.every((t) => {
          const target = typeof t.reference === 'string' ? resolve(t.reference) : undefined;
          return target !== undefined && allows(target, resolve, 1);
        })
      );
    }
    if (r.resourceType === 'Binary') {
      // A Binary is the patient's when one of the patient's documents points at it.
      const id = r.id ?? '';
      return ['DocumentReference', 'DiagnosticReport'].some((type) =>
        store
          .all(type)
          .some((doc) => JSON.stringify(doc.content ?? doc.presentedForm ?? []).includes(`Binary/${id}`) && allows(doc, resolve, 1)),
      );
    }
    const patients = patientsOf(r);
    return patients.size > 0 && [...patients].every((p) => p === patientId);
  };
  return { allows: (r, resolve) => allows(r, resolve) };
}
