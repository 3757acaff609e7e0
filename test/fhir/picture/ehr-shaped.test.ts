// Records shaped as EHRs send them (test/fixtures/ehr-shaped): a transaction Bundle being POSTed (urn:uuid fullUrls,
// no ids), Cerner-style absolute URLs, local flowsheet and encounter codes, text-only order details, periods instead of
// dates, the payer and PT only on an EOB and a CarePlan. Each goes through the real path: loader -> local reader ->
// readPatientRecord -> buildPicture -> assessment; the expectations are read off the fixture by hand.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFhir } from '../../../src/cli/load';
import { assessPatient } from '../../../src/cli/check';
import { localReader } from '../../../src/fhir/read/local-reader';
import { readPatientRecord } from '../../../src/fhir/read/read';
import { buildPicture } from '../../../src/fhir/picture/build-picture-sync';
import { grantedAccess, requestedScopes } from '../../../src/fhir/session/scopes';
import { grantable } from '../../../launch/sandbox/scopes';
import { RESOURCE_TYPES } from '../../../launch/sandbox/capability';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'ehr-shaped');
const TODAY = '2026-11-23';
const file = (name: string): string => join(DIR, name);

async function pictureOf(name: string, access?: { canRead(type: string): boolean }) {
  const loaded = loadFhir([file(name)]);
  const reader = localReader(loaded.resources);
  const patientId = reader.patients()[0]!;
  const record = await readPatientRecord(reader, patientId, access ? { access } : {});
  return { loaded, reader, patientId, record, picture: buildPicture(record, { patientId, serviceRequestIds: [], today: TODAY }) };
}

describe('a transaction Bundle being POSTed: urn:uuid fullUrls and no resource ids', () => {
  const raw = JSON.parse(readFileSync(file('txn-post-no-ids.json'), 'utf8')) as { entry: { fullUrl: string; resource: { id?: string } }[] };

  it('keeps every entry, each known by its fullUrl, with every reference resolved to its patient', async () => {
    expect(raw.entry.every((e) => e.resource.id === undefined)).toBe(true);
    const { loaded, reader, patientId } = await pictureOf('txn-post-no-ids.json');
    expect(loaded.problems).toEqual([]);
    expect(loaded.resources).toHaveLength(raw.entry.length);
    expect(patientId).toBe(raw.entry[0]!.fullUrl.slice('urn:uuid:'.length));
    expect(reader.unlinked()).toEqual([]);
  });

  it('builds the picture from them: payer through the urn Organization, the order, the flowsheet pain row', async () => {
    const { picture } = await pictureOf('txn-post-no-ids.json');
    expect(picture.coverages[0]).toMatchObject({ payerId: '12502', payerName: 'MEDICARE PART B' });
    expect(picture.plannedServices.map((s) => s.code)).toEqual(['64493']);
    // The flowsheet row is read with its period's start; the laboratory row that is also named "Pain Score" is not.
    expect(picture.painScores.map((s) => [s.value, s.date.slice(0, 10)])).toEqual([[7, '2026-11-10']]);
    expect(picture.functionalStatus.map((f) => [f.instrument, f.score])).toEqual([['ODI', 42]]);
  });

  it('names the SNOMED-only problem and its ICD-10-CM candidate instead of saying there is no diagnosis', async () => {
    const { reader, patientId } = await pictureOf('txn-post-no-ids.json');
    const [result] = (await assessPatient(reader, patientId, { today: TODAY })).results;
    const dx = result!.assessment.findings.find((f) => f.requirementId === 'dx-code-valid')!;
    expect(dx.status).toBe('missing');
    expect(dx.message).toBe(
      'Chronic low back pain (SNOMED 278860009) is on the problem list but has no ICD-10-CM code; code it as M54.50 (low back pain, unspecified) if that is the condition treated.',
    );
    expect(dx.evidence.map((e) => e.ref)).toEqual([`Condition/${raw.entry[3]!.fullUrl.slice(9)}`]);
    const list = result!.assessment.findings.find((f) => f.requirementId === 'facet-diagnosis')!;
    expect(list.message).toContain('Chronic low back pain (SNOMED 278860009)');
    expect(list.message).not.toMatch(/No ICD-10-CM diagnosis/);
    // The health concern (Z59.82, transportation insecurity) is in the picture but is not a diagnosis to bill.
    expect(result!.picture.diagnoses.find((d) => d.icd10 === 'Z59.82')).toMatchObject({ category: 'health-concern' });
    expect(result!.coding.diagnoses.map((d) => d.code)).not.toContain('Z59.82');
    expect(dx.message).not.toContain('Z59.82');
  });

  it('reads the order levels written only in orderDetail text, the side from coded bodySite', async () => {
    const { picture } = await pictureOf('txn-post-no-ids.json');
    expect(picture.plannedServices[0]).toMatchObject({ levels: ['L4-L5', 'L5-S1'], laterality: 'bilateral', region: 'lumbar' });
    expect(picture.dataIssues.filter((i) => i.resourceType === 'ServiceRequest')).toEqual([]);
  });

  it('counts a PT course recorded as visits named by local type, serviceType, class or CPT; not a new-patient or planned visit', async () => {
    const { picture } = await pictureOf('txn-post-no-ids.json');
    const pt = picture.conservativeCare.filter((c) => c.kind === 'physical-therapy');
    expect(pt).toHaveLength(1);
    expect(pt[0]).toMatchObject({ start: '2026-07-06', end: '2026-08-24', weeks: 7 });
    const visitIds = raw.entry.slice(8, 14).map((e) => `Encounter/${e.fullUrl.slice(9)}`);
    expect(raw.entry.slice(8, 14).every((e) => (e.resource as { resourceType?: string }).resourceType === 'Encounter')).toBe(true);
    expect(pt[0]!.evidence.map((e) => e.ref).sort()).toEqual(visitIds.sort());
    const kinds = new Map(picture.encounters.map((e) => [e.date.slice(0, 10), e.kind]));
    expect(kinds.get('2026-06-15')).not.toBe('physical-therapy');
    expect(kinds.get('2026-08-17')).toBe('physical-therapy');
  });
});

describe('order levels and side written in words (Cerner-style absolute references)', () => {
  it('reads orderDetail codings/text and a note for what bodySite leaves out, and reports words that contradict bodySite', async () => {
    const { picture } = await pictureOf('order-words.json');
    const byRef = new Map(picture.plannedServices.map((s) => [s.requestRef, s]));
    expect(byRef.get('ServiceRequest/sr-tf')).toMatchObject({ levels: ['L4-L5'], laterality: 'left' });
    expect(byRef.get('ServiceRequest/sr-il')).toMatchObject({ levels: ['L4-L5'], laterality: 'left' });
    expect(byRef.get('ServiceRequest/sr-rfa')).toMatchObject({ levels: ['L4-L5', 'L5-S1'], laterality: 'right' });
    const issues = picture.dataIssues.filter((i) => i.resourceType === 'ServiceRequest');
    expect(issues.map((i) => [i.id, i.message])).toEqual([
      ['sr-tf', "The order's bodySite names levels L4-L5 but its text names L5-S1; L4-L5 (bodySite) is used. Correct the order."],
      ['sr-tf', "The order's bodySite names the side left but its text names right; left (bodySite) is used. Correct the order."],
    ]);
  });

  it('keeps an encounter diagnosis without clinicalStatus as a live diagnosis of that visit (US Core category)', async () => {
    const { picture } = await pictureOf('order-words.json');
    expect(picture.diagnoses).toEqual([
      expect.objectContaining({ icd10: 'M54.16', clinicalStatus: 'unknown', category: 'encounter-diagnosis' }),
    ]);
  });
});

describe('payer on an ExplanationOfBenefit and PT on a CarePlan, read by the app as the sandbox grants them', () => {
  const granted = grantable(requestedScopes().split(' '), RESOURCE_TYPES);

  it('the sandbox grants the CarePlan, Claim and ExplanationOfBenefit reads the app asks for', () => {
    for (const t of ['CarePlan', 'Claim', 'ExplanationOfBenefit']) expect(granted).toContain(`patient/${t}.rs`);
    const access = grantedAccess(granted.join(' '));
    expect(access.missingReads).toEqual([]);
  });

  it('builds payer and PT from them under that grant; the episode Encounter counts as PT weeks too', async () => {
    const { picture } = await pictureOf('payer-and-pt-elsewhere.json', grantedAccess(granted.join(' ')));
    expect(picture.coverages[0]).toMatchObject({ payerName: 'Summit Health Plan', from: 'ExplanationOfBenefit' });
    const pt = picture.conservativeCare.filter((c) => c.kind === 'physical-therapy');
    expect(pt.map((c) => [c.start, c.end, c.weeks, c.evidence[0]!.ref.split('/')[0]])).toEqual([
      ['2026-03-02', '2026-04-27', 8, 'CarePlan'],
      ['2026-07-01', '2026-08-26', 8, 'Encounter'],
    ]);
    expect(pt[0]!.outcome).toBe('failed');
  });

  it('says what it could not read when the EHR withholds them, instead of "no coverage" with no reason', async () => {
    const without = granted.filter((s) => !/^patient\/(CarePlan|ExplanationOfBenefit)\./.test(s)).join(' ');
    const { picture } = await pictureOf('payer-and-pt-elsewhere.json', grantedAccess(without));
    expect(picture.coverages).toEqual([]);
    expect(picture.conservativeCare).toHaveLength(1);
    const warned = picture.dataIssues.filter((i) => /not granted access/.test(i.message)).map((i) => i.resourceType);
    expect(warned.sort()).toEqual(['CarePlan', 'ExplanationOfBenefit']);
  });
});
