// What a packet must not request although its bundle would conform, through the CLI's real path (loader -> local
// reader -> assessment -> packet files) on an EHR-shaped transaction (test/fixtures/ehr-shaped/txn-order-location.json,
// edited per case; the Location gets a phone so the requester is complete and only the case's own problem is left).
// ICD-10-CM facts: M54.5 was deleted on 2021-10-01 (FY2022 tabular; successors M54.50/M54.51/M54.59); the Alphabetic
// Index sends "Stenosis, spinal, lumbar region, with neurogenic claudication" to M48.062.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFhir } from '../../../src/cli/load';
import { assessPatient } from '../../../src/cli/check';
import { writePacketFiles } from '../../../src/cli/packet-out';
import { localReader } from '../../../src/fhir/read/local-reader';

const FILE = join(import.meta.dirname, '..', '..', 'fixtures', 'ehr-shaped', 'txn-order-location.json');
const TODAY = '2026-12-01';
type Res = Record<string, unknown> & { resourceType: string };
type Entry = { fullUrl: string; resource: Res };

async function packetFor(edit: (entries: Entry[], find: (type: string) => Res) => void) {
  const b = JSON.parse(readFileSync(FILE, 'utf8')) as { entry: Entry[] };
  const find = (type: string): Res => b.entry.find((e) => e.resource.resourceType === type)!.resource;
  find('Location').telecom = [{ system: 'phone', value: '512-555-0142', use: 'work' }];
  edit(b.entry, find);
  const dir = mkdtempSync(join(tmpdir(), 'refusals-'));
  writeFileSync(join(dir, 'record.json'), JSON.stringify(b));
  const loaded = loadFhir([join(dir, 'record.json')]);
  const reader = localReader(loaded.resources);
  const { results } = await assessPatient(reader, reader.patients()[0]!, { today: TODAY });
  const [out] = await writePacketFiles(results, loaded.resources, join(dir, 'p'), { today: TODAY, now: `${TODAY}T12:00:00Z` });
  const pas = JSON.parse(readFileSync(join(out!.dir, 'pas-bundle.json'), 'utf8')) as { entry: { fullUrl: string; resource: Res }[] };
  const claim = pas.entry[0]!.resource as { diagnosis?: { diagnosisCodeableConcept: { coding: { code: string }[] } }[] };
  return {
    out: out!,
    pas,
    result: results[0]!,
    dx: (claim.diagnosis ?? []).map((d) => d.diagnosisCodeableConcept.coding[0]!.code),
    task: existsSync(join(out!.dir, 'task.json')),
  };
}

const icd = (code: string, display: string) => ({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code, display }] });

describe('a packet from a record the EHR did not send in full', () => {
  it('is refused while a search or note failed to arrive (5xx/429 after retries), and saved once it all arrived', async () => {
    const b = JSON.parse(readFileSync(FILE, 'utf8')) as { entry: Entry[] };
    b.entry.find((e) => e.resource.resourceType === 'Location')!.resource.telecom = [{ system: 'phone', value: '512-555-0142' }];
    const dir = mkdtempSync(join(tmpdir(), 'partial-'));
    writeFileSync(join(dir, 'record.json'), JSON.stringify(b));
    const loaded = loadFhir([join(dir, 'record.json')]);
    const reader = localReader(loaded.resources);
    const patient = reader.patients()[0]!;
    const { results } = await assessPatient(reader, patient, { today: TODAY });
    const lost = { resourceType: 'Procedure', severity: 'error' as const, message: 'Procedure was not read: the EHR answered 503.' };
    const partial = results.map((r) => ({
      ...r,
      picture: { ...r.picture, dataIssues: [...r.picture.dataIssues, { ...lost, transient: true }] },
    }));
    const [refused] = await writePacketFiles(partial, loaded.resources, join(dir, 'a'), { today: TODAY, now: `${TODAY}T12:00:00Z` });
    expect(refused!.saved).toBe(false);
    expect(refused!.problems.join('\n')).toMatch(
      /part of the chart did not arrive from the EHR just now \(Procedure was not read: the EHR answered 503\).*relaunch/,
    );
    // The same issue as a refusal (403: the EHR's answer, not a failure) holds nothing back.
    const refusedByEhr = results.map((r) => ({
      ...r,
      picture: { ...r.picture, dataIssues: [...r.picture.dataIssues, { ...lost, severity: 'warning' as const }] },
    }));
    const [whole] = await writePacketFiles(refusedByEhr, loaded.resources, join(dir, 'b'), { today: TODAY, now: `${TODAY}T12:00:00Z` });
    expect(whole!.saved).toBe(true);
  });
});

describe('packet refusals', () => {
  it('the unedited record is requested: saveable, with its Task', async () => {
    const { out, dx, task } = await packetFor(() => {});
    expect(out.problems).toEqual(["not found in the record: the requesting clinic (the visit's service provider)"]);
    expect(out.saved).toBe(true);
    expect(task).toBe(true);
    expect(dx).toEqual(['M54.16']);
  });

  it('leaves a code deleted before the date of service (M54.5) out of Claim.diagnosis, as the coding lines do', async () => {
    const { out, result, dx } = await packetFor((entries, find) => {
      const deleted = structuredClone(find('Condition'));
      deleted.code = icd('M54.5', 'Low back pain');
      entries.push({ fullUrl: 'urn:uuid:7a1d0009-3c2b-4e5f-8a9b-0c1d2e3f0009', resource: deleted });
      (find('ServiceRequest').reasonReference as { reference: string }[]).push({
        reference: 'urn:uuid:7a1d0009-3c2b-4e5f-8a9b-0c1d2e3f0009',
      });
    });
    expect(result.coding.diagnoses.find((d) => d.code === 'M54.5')?.billable).toBe(false);
    expect(result.coding.lines.flatMap((l) => l.diagnosisPointers.map((p) => result.coding.diagnoses[p - 1]!.code))).toEqual(['M54.16']);
    expect(dx).toEqual(['M54.16']);
    expect(out.saved).toBe(true);
  });

  it('refuses a request with no ICD-10-CM diagnosis (SNOMED-only problem) and names the candidate code', async () => {
    const { out, dx, task } = await packetFor((_, find) => {
      find('Condition').code = {
        coding: [
          { system: 'http://snomed.info/sct', code: '18347007', display: 'Spinal stenosis of lumbar region with neurogenic claudication' },
        ],
        text: 'Lumbar spinal stenosis with neurogenic claudication',
      };
    });
    expect(dx).toEqual([]);
    expect(out.saved).toBe(false);
    expect(task).toBe(false);
    const text = out.problems.join('\n');
    expect(text).toContain('request-diagnosis: the request states no ICD-10-CM diagnosis valid on 2026-12-14');
    expect(text).toContain('code it as M48.062 (spinal stenosis, lumbar region with neurogenic claudication)');
  });

  it('does not request a not-eligible service (axial pain only for a TFESI): no saved packet, no Task, the unmet rule named', async () => {
    const { out, result, task } = await packetFor((_, find) => {
      find('Condition').code = icd('M54.50', 'Low back pain, unspecified');
    });
    expect(result.assessment.verdict).toBe('not-eligible');
    expect(out.saved).toBe(false);
    expect(task).toBe(false);
    const text = out.problems.join('\n');
    expect(text).toContain('request-not-eligible: not requested: 64483 as ordered does not meet');
    expect(text).toContain('Only axial (non-radicular) pain is documented (M54.50): not covered.');
  });

  // US Core us-core-6 (PAS Beneficiary): a family or given name. An EHR that sends the name only as text gives the
  // payer nothing to match the member on, and ClaimReady does not split the text to guess which word is the family.
  it('refuses a patient whose name the EHR sends only as text, and says to record the family and given names', async () => {
    const { out, task } = await packetFor((_, find) => {
      find('Patient').name = [{ use: 'official', text: 'Ramon Delgado' }];
    });
    expect(out.saved).toBe(false);
    expect(task).toBe(false);
    expect(out.problems.join('\n')).toContain(
      "us-core-6: the patient's name is recorded only as free text, without a family or given name: record the family name and given name(s) separately",
    );
  });

  it("reads the current name's parts (a maiden name listed first is not the member's name)", async () => {
    const { out, result } = await packetFor((_, find) => {
      find('Patient').name = [
        { use: 'maiden', family: 'Ortiz', given: ['Ramon'] },
        { use: 'official', family: 'Delgado', given: ['Ramon', 'A.'] },
      ];
    });
    expect([result.picture.patient.family, result.picture.patient.given]).toEqual(['Delgado', ['Ramon', 'A.']]);
    expect(out.saved).toBe(true);
  });

  // US Core pd-1: the requesting PractitionerRole needs a telecom or endpoint (the payer's call-back line). Taken from
  // where EHRs record it; refused, naming who and what to add, when the record holds none.
  it('refuses a packet with no phone anywhere, naming the clinician and the fields to record', async () => {
    const { out } = await packetFor((_, find) => {
      delete find('Location').telecom;
    });
    expect(out.saved).toBe(false);
    expect(out.problems.join('\n')).toContain(
      "pd-1: no phone for the requesting clinician or clinic (the payer's call-back line): record a work phone on the ordering clinician (Marisol Reyes) (Practitioner.telecom), the clinic (Organization.telecom) or the rendering location (Location.telecom)",
    );
  });

  it("takes the call-back line from the Location the requester's PractitionerRole names (the order's own location has none)", async () => {
    const { out, pas } = await packetFor((entries, find) => {
      delete find('Location').telecom;
      entries.push(
        {
          fullUrl: 'urn:uuid:7a1d0010-3c2b-4e5f-8a9b-0c1d2e3f0010',
          resource: {
            resourceType: 'Location',
            status: 'active',
            name: 'Hill Country Spine - main office',
            telecom: [{ system: 'phone', value: '512-555-0100', use: 'work' }],
          },
        },
        {
          fullUrl: 'urn:uuid:7a1d0011-3c2b-4e5f-8a9b-0c1d2e3f0011',
          resource: {
            resourceType: 'PractitionerRole',
            active: true,
            practitioner: { reference: 'urn:uuid:7a1d0005-3c2b-4e5f-8a9b-0c1d2e3f0005' },
            location: [{ reference: 'urn:uuid:7a1d0010-3c2b-4e5f-8a9b-0c1d2e3f0010' }],
          },
        },
      );
      find('ServiceRequest').requester = { reference: 'urn:uuid:7a1d0011-3c2b-4e5f-8a9b-0c1d2e3f0011' };
    });
    expect(out.saved).toBe(true);
    // The role the Claim's care team names (the packet also carries the EHR's own role, as the order's requester).
    const claim = pas.entry[0]!.resource as unknown as { careTeam: { provider: { reference: string } }[] };
    const role = pas.entry.find((e) => e.fullUrl === claim.careTeam[0]!.provider.reference)?.resource;
    expect(role?.resourceType).toBe('PractitionerRole');
    expect(role?.telecom).toEqual([{ system: 'phone', value: '512-555-0100', use: 'work' }]);
  });
});
