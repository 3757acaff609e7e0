// A FhirReader over resources already in memory (files given to the CLI), so the CLI runs exactly the read and
// picture pipeline the app runs against an EHR. It answers only the requests readPatientRecord makes:
// Patient/<id>, <Type>?patient=<id>[&_include=Coverage:payor], <Type>?_id=a,b and Binary/<id>.
// Indexing is one pass over the resources (linear): a 68k-resource export indexes in well under a second.
import type { FhirReader, FhirResponse } from './reader';
import { parseRef, patientRefOf } from './references';

interface Res {
  resourceType: string;
  id?: string;
  [k: string]: unknown;
}

/** A resource that names a patient the data does not hold (or names none where one is required). */
export interface Unlinked {
  ref: string;
  reason: string;
}

// Types that live outside any one patient's record: nobody expects a subject on them.
const SHARED_TYPES = new Set([
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Location',
  'Medication',
  'Binary',
  'Substance',
  'Device',
  'Group',
  'Endpoint',
  'HealthcareService',
  'Bundle',
  'ValueSet',
  'CodeSystem',
  'StructureDefinition',
  'Questionnaire',
  'Provenance',
]);

export function patientOf(r: Res): string | undefined {
  if (r.resourceType === 'Patient') return r.id;
  const ref = patientRefOf(r);
  const target = ref ? parseRef(ref) : undefined;
  return target?.type === 'Patient' ? target.id : undefined;
}

export function localReader(resources: readonly Res[]): FhirReader & { patients(): string[]; unlinked(): Unlinked[] } {
  const byKey = new Map<string, Res>();
  const byPatientType = new Map<string, Res[]>();
  const patientIds: string[] = [];
  for (const r of resources) {
    if (r.id) byKey.set(`${r.resourceType}/${r.id}`, r);
    if (r.resourceType === 'Patient' && r.id) patientIds.push(r.id);
    const p = patientOf(r);
    if (p) {
      const k = `${p}|${r.resourceType}`;
      const list = byPatientType.get(k);
      if (list) list.push(r);
      else byPatientType.set(k, [r]);
    }
  }
  const patientSet = new Set(patientIds);
  const unlinked: Unlinked[] = [];
  for (const r of resources) {
    if (r.resourceType === 'Patient' || SHARED_TYPES.has(r.resourceType)) continue;
    const ref = patientRefOf(r);
    const p = patientOf(r);
    const name = `${r.resourceType}/${r.id ?? '(no id)'}`;
    if (!ref) unlinked.push({ ref: name, reason: 'names no patient (subject/patient missing)' });
    else if (!p)
      unlinked.push({ ref: name, reason: `its patient reference ${JSON.stringify(ref.slice(0, 80))} does not resolve to a Patient` });
    else if (!patientSet.has(p)) unlinked.push({ ref: name, reason: `its patient Patient/${p} is not in the data` });
  }
  const ok = (body: unknown): FhirResponse => ({ status: 200, body, headers: {} });
  const notFound: FhirResponse = {
    status: 404,
    body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] },
    headers: {},
  };
  const bundle = (entry: { resource: Res; search: { mode: string } }[], total: number): FhirResponse =>
    ok({ resourceType: 'Bundle', type: 'searchset', total, entry });
  return {
    base: 'local:///',
    patients: () => [...patientIds],
    unlinked: () => [...unlinked],
    async getJson(url) {
      const u = new URL(url, 'local:///');
      const path = u.pathname.replace(/^\/+/, '');
      const [type, id] = path.split('/');
      if (!type) return notFound;
      if (id) {
        const r = byKey.get(`${type}/${decodeURIComponent(id)}`);
        return r ? ok(r) : notFound;
      }
      const ids = u.searchParams.get('_id');
      if (ids !== null) {
        const found = ids.split(',').flatMap((i) => {
          const r = byKey.get(`${type}/${i}`);
          return r ? [{ resource: r, search: { mode: 'match' } }] : [];
        });
        return bundle(found, found.length);
      }
      const patient = u.searchParams.get('patient') ?? '';
      const matches = byPatientType.get(`${patient}|${type}`) ?? [];
      const entry: { resource: Res; search: { mode: string } }[] = matches.map((resource) => ({ resource, search: { mode: 'match' } }));
      if (u.searchParams.getAll('_include').includes('Coverage:payor')) {
        const seen = new Set<string>();
        for (const c of matches) {
          for (const p of Array.isArray(c.payor) ? c.payor : []) {
            const ref =
              p && typeof p === 'object' && typeof (p as { reference?: unknown }).reference === 'string'
                ? (p as { reference: string }).reference
                : undefined;
            const t = ref ? parseRef(ref) : undefined;
            const key = t ? `${t.type}/${t.id}` : undefined;
            const org = key ? byKey.get(key) : undefined;
            if (org && key && !seen.has(key)) {
              seen.add(key);
              entry.push({ resource: org, search: { mode: 'include' } });
            }
          }
        }
      }
      return bundle(entry, matches.length);
    },
  };
}
