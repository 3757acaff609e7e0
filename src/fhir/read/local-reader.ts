// A FhirReader over resources already in memory (files given to the CLI), so the CLI runs exactly the read and
// picture pipeline the app runs against an EHR. It answers only the requests readPatientRecord makes:
// Patient/<id>, <Type>?patient=<id>[&_include=Coverage:payor], and Binary/<id>.
import type { FhirReader, FhirResponse } from './reader';

interface Res {
  resourceType: string;
  id?: string;
  [k: string]: unknown;
}

const PATIENT_LINKS = ['subject', 'patient', 'beneficiary', 'for'];

function refOf(v: unknown): string | undefined {
  return v && typeof v === 'object' && 'reference' in v && typeof v.reference === 'string' ? v.reference : undefined;
}

export function patientOf(r: Res): string | undefined {
  if (r.resourceType === 'Patient') return r.id;
  for (const k of PATIENT_LINKS) {
    const ref = refOf(r[k]);
    const m = ref ? /(?:^|\/)Patient\/([^/]+)$/.exec(ref) : null;
    if (m) return m[1];
  }
  return undefined;
}

export function localReader(resources: readonly Res[]): FhirReader & { patients(): string[] } {
  const byKey = new Map<string, Res>();
  const byPatientType = new Map<string, Res[]>();
  for (const r of resources) {
    if (r.id) byKey.set(`${r.resourceType}/${r.id}`, r);
    const p = patientOf(r);
    if (p) {
      const k = `${p}|${r.resourceType}`;
      byPatientType.set(k, [...(byPatientType.get(k) ?? []), r]);
    }
  }
  const ok = (body: unknown): FhirResponse => ({ status: 200, body, headers: {} });
  const notFound: FhirResponse = { status: 404, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] }, headers: {} };
  return {
    base: 'local:///',
    patients: () => resources.filter((r) => r.resourceType === 'Patient' && r.id).map((r) => r.id as string),
    async getJson(url) {
      const u = new URL(url, 'local:///');
      const path = u.pathname.replace(/^\/+/, '');
      const [type, id] = path.split('/');
      if (!type) return notFound;
      if (id) {
        const r = byKey.get(`${type}/${id}`);
        return r ? ok(r) : notFound;
      }
      const patient = u.searchParams.get('patient') ?? '';
      const matches = byPatientType.get(`${patient}|${type}`) ?? [];
      const entry: { resource: Res; search: { mode: string } }[] = matches.map((resource) => ({ resource, search: { mode: 'match' } }));
      if (u.searchParams.getAll('_include').includes('Coverage:payor')) {
        const seen = new Set<string>();
        for (const c of matches) {
          for (const p of Array.isArray(c.payor) ? c.payor : []) {
            const ref = refOf(p);
            const org = ref ? byKey.get(ref) : undefined;
            if (org && ref && !seen.has(ref)) {
              seen.add(ref);
              entry.push({ resource: org, search: { mode: 'include' } });
            }
          }
        }
      }
      return ok({ resourceType: 'Bundle', type: 'searchset', total: matches.length, entry });
    },
  };
}
