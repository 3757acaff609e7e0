// The whole pipeline for one chart, as the app runs it: read wave (over an in-memory EHR) -> picture + notes ->
// assess -> coding -> PAS packet (the PDF is left out: pdf-lib on every run would dominate). Bounded in CI; the
// larger run is the same suite scaled: FUZZ_RUNS=10 npx vitest run test/fuzz (100,800 mutated resources).
import fc from 'fast-check';
import type { Resource } from 'fhir/r4';
import { readPatientRecord, type RawRecord } from '../../src/fhir/read/read';
import type { FhirReader, FhirResponse } from '../../src/fhir/read/reader';
import { buildPicture } from '../../src/fhir/picture/build-picture-sync';
import { parseResources } from '../../src/fhir/picture/parse';
import { assess } from '../../src/policy/assess';
import { resolvePayer } from '../../src/policy/payers';
import { suggestCoding } from '../../src/policy/coding';
import type { ClinicalPicture } from '../../src/policy/picture';
import { buildPasBundle } from '../../src/writeback/pas/bundle';
import { resourceIndex } from '../../src/writeback/pas/resources';
import type { Res } from './base-record';

export const TODAY = '2026-11-23';

/** An EHR that returns `entries[type]` as the search for that type (whatever the entries hold). */
export function memoryEhr(entries: Record<string, unknown[]>, patient: unknown): FhirReader {
  const ok = (body: unknown): FhirResponse => ({ status: 200, body, headers: {} });
  return {
    base: 'https://ehr.test/fhir',
    async getJson(url) {
      const u = new URL(url, 'https://ehr.test/fhir/');
      const path = u.pathname.replace(/^\/fhir\//, '');
      if (path.startsWith('Patient/')) return ok(patient);
      const type = path.split('/')[0]!;
      return ok({
        resourceType: 'Bundle',
        type: 'searchset',
        entry: (entries[type] ?? []).map((resource) => ({ resource, search: { mode: 'match' } })),
      });
    },
  };
}

export interface Run {
  record: RawRecord;
  picture: ClinicalPicture;
  ms: number;
}

/** Places each input under the search of its original type (a mutation may change what it claims to be). */
export async function runPipeline(inputs: { type: string; value: unknown }[]): Promise<Run> {
  const t0 = performance.now();
  const entries: Record<string, unknown[]> = {};
  let patient: unknown = { resourceType: 'Patient', id: 'p1' };
  for (const i of inputs) {
    if (i.type === 'Patient') patient = i.value;
    else (entries[i.type] ??= []).push(i.value);
  }
  const types = ['Patient', ...new Set(inputs.map((i) => i.type).filter((t) => t !== 'Patient'))];
  const record = await readPatientRecord(memoryEhr(entries, patient), 'p1', { types, sleep: async () => {} });
  const picture = buildPicture(record, { patientId: 'p1', serviceRequestIds: ['sr1'], today: TODAY });
  const { payer } = resolvePayer(picture.coverages);
  for (const service of picture.plannedServices) {
    const assessment = assess(picture, service, payer, TODAY);
    const coding = suggestCoding(picture, [service], {
      today: TODAY,
      dateOfService: service.date?.slice(0, 10) ?? TODAY,
      payerId: payer.id,
    });
    buildPasBundle({
      picture,
      service,
      assessment,
      coding,
      today: TODAY,
      now: `${TODAY}T12:00:00Z`,
      clinic: { organization: { name: 'Spine Clinic', npi: '1234567893' }, practitioner: { name: 'Dr. Test', npi: '1245319599' } },
      resources: resourceIndex(record.resources) as ReadonlyMap<string, Resource>,
    });
  }
  return { record, picture, ms: performance.now() - t0 };
}

const BAD_DATES = ['yesterday', 'NaN', '\u200f2026-01-01', '2026-13-45', '', '0000', '2026-02-30T25:61:00Z', '١٢/٣/٢٠٢٦', '9'.repeat(30)];
const FIELDS = [
  'resourceType',
  'id',
  'status',
  'code',
  'subject',
  'valueQuantity',
  'valueInteger',
  'valueString',
  'effectiveDateTime',
  'performedDateTime',
  'performedPeriod',
  'partOf',
  'bodySite',
  'medicationCodeableConcept',
  'authoredOn',
  'content',
  'clinicalStatus',
  'verificationStatus',
  'onsetDateTime',
  'payor',
  'period',
  'conclusion',
  'occurrenceDateTime',
  'reasonReference',
  'meta',
  'identifier',
  'component',
  'outcome',
  'note',
  'category',
  'type',
  'class',
  'date',
];

type Json = unknown;
const setAt = (r: Record<string, Json>, path: (string | number)[], v: Json): void => {
  let node: Json = r;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string | number, Json>)[path[i]!];
  }
  if (typeof node === 'object' && node !== null) (node as Record<string | number, Json>)[path[path.length - 1]!] = v;
};

function leafPaths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  if (depth > 8 || typeof v !== 'object' || v === null) {
    out.push(prefix);
    return out;
  }
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  if (keys.length === 0) out.push(prefix);
  for (const k of keys) leafPaths((v as Record<string | number, Json>)[k], [...prefix, k], out, depth + 1);
  return out;
}

/** One mutation of one resource: what EHRs, exports and fuzzers really produce. */
export const mutation = (others: readonly string[]): fc.Arbitrary<(r: Res) => unknown> =>
  fc.oneof(
    fc.constantFrom<Json>(null, 42, 'Observation', [], true, {}, [null]).map((v) => () => v),
    fc.jsonValue().map((v) => () => v),
    fc.constantFrom<Json>(undefined, '', 'Foo', 'observation', 42, null, 'Patient').map((t) => (r: Res) => ({ ...r, resourceType: t })),
    fc
      .oneof(fc.constantFrom<Json>(undefined, '', 'x/y', 42, null, 'a'.repeat(70)), fc.constantFrom(...others))
      .map((id) => (r: Res) => ({ ...r, id })),
    fc
      .tuple(fc.constantFrom(...FIELDS), fc.oneof(fc.jsonValue(), fc.constantFrom<Json>(...BAD_DATES)))
      .map(([k, v]) => (r: Res) => ({ ...r, [k]: v })),
    fc
      .tuple(fc.nat(), fc.oneof(fc.jsonValue(), fc.constantFrom<Json>(...BAD_DATES, -1, 1e308, Number.MAX_SAFE_INTEGER)))
      .map(([n, v]) => (r: Res) => {
        const copy = structuredClone(r) as Record<string, Json>;
        const paths = leafPaths(copy);
        const path = paths[n % paths.length]!;
        if (path.length === 0) return v;
        setAt(copy, path, v);
        return copy;
      }),
    fc
      .constantFrom('Patient/other', 'urn:uuid:6e1e3c53-0000-4000-8000-000000000000', '#contained', 'Group/g1')
      .map((ref) => (r: Res) => ({ ...r, subject: { reference: ref } })),
    fc.constant((r: Res) => ({ ...r, meta: { tag: [{ system: 'https://claimready.app/fhir/CodeSystem/origin', code: 'claimready' }] } })),
    fc
      .integer({ min: 10_000, max: 300_000 })
      .map((n) => (r: Res) => ({ ...r, note: [{ text: 'L4-L5 pain 7/10 '.repeat(Math.ceil(n / 16)) }], conclusion: 'x'.repeat(n) })),
  );

/** Whether an input resource is accounted for: read into the picture's inputs, saved state, or a named data issue. */
export function unaccounted(inputs: { type: string; value: unknown }[], run: Run): string[] {
  const { parsed } = parseResources(run.record.resources, { patientId: 'p1' });
  const accepted = new Set<string>();
  for (const [type, list] of Object.entries(parsed)) for (const r of list as { id: string }[]) accepted.add(`${type}/${r.id}`);
  for (const list of Object.values(run.record.saved ?? {})) for (const s of list as { ref: string }[]) accepted.add(s.ref);
  const issueIds = new Set(run.picture.dataIssues.filter((i) => i.id !== undefined).map((i) => i.id!));
  const idless = run.picture.dataIssues.filter((i) => i.id === undefined).length;
  const lost: string[] = [];
  let anonymous = 0;
  const seen = new Map<string, string>();
  for (const { type, value } of inputs) {
    const v = value as { resourceType?: unknown; id?: unknown } | null;
    const rt = typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.resourceType === 'string' ? v.resourceType : undefined;
    const rawId = typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.id === 'string' ? v.id : undefined;
    if (rt === undefined && rawId !== undefined && issueIds.has(rawId)) continue;
    const id = rt !== undefined ? rawId : undefined;
    if (rt === undefined || id === undefined) {
      anonymous++;
      continue;
    }
    const key = `${rt}/${id}`;
    // A second identical copy is the same resource, nothing lost; a different one must be named.
    const body = JSON.stringify(value);
    if (seen.has(key) && seen.get(key) === body) continue;
    seen.set(key, body);
    if (accepted.has(key) || issueIds.has(id) || rt === 'Practitioner' || rt === 'Binary' || rt === 'PractitionerRole') continue;
    lost.push(`${type} input ${key}`);
  }
  if (
    anonymous >
    idless +
      run.picture.dataIssues.filter((i) => i.id !== undefined && !inputs.some((x) => (x.value as { id?: unknown } | null)?.id === i.id))
        .length
  ) {
    lost.push(`${anonymous} inputs without a type or id, only ${idless} unnamed data issues`);
  }
  return lost;
}

/** Whether a fact (or note) is the broken resource's own: its evidence, or its ref, names it. */
function cites(v: unknown, refs: readonly string[]): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { ref?: unknown; evidence?: { ref?: unknown }[] };
  if (typeof o.ref === 'string' && refs.includes(o.ref)) return true;
  return Array.isArray(o.evidence) && o.evidence.some((e) => typeof e?.ref === 'string' && refs.includes(e.ref));
}

/** Drops, at every depth, the facts the broken resource gave (a relief inside a procedure, a score, a note). */
export function without(value: unknown, refs: readonly string[]): unknown {
  if (Array.isArray(value)) return value.filter((v) => !cites(v, refs)).map((v) => without(v, refs));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, without(v, refs)]));
  return value;
}

/** The picture minus data issues: what a neighbour's breakage must not change. */
export function facts(p: ClinicalPicture): Omit<ClinicalPicture, 'dataIssues'> {
  const { dataIssues: _ignored, ...rest } = p;
  return rest;
}
