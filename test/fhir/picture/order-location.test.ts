// An order as EHRs send it in a transaction Bundle (urn:uuid fullUrls, no ids; test/fixtures/ehr-shaped/
// txn-order-location.json): the order names its rendering Location (state TX, CMS place of service 11) and its
// requesting Practitioner (NPI, family name, no phone), and no clinic Organization. Real path: loader -> local
// reader -> readPatientRecord -> picture -> assessment -> the CLI's packet files. Expectations read off the fixture.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFhir } from '../../../src/cli/load';
import { assessPatient } from '../../../src/cli/check';
import { writePacketFiles } from '../../../src/cli/packet-out';
import { localReader } from '../../../src/fhir/read/local-reader';
import { readPatientRecord } from '../../../src/fhir/read/read';
import { buildPicture } from '../../../src/fhir/picture/build-picture-sync';

const FILE = join(import.meta.dirname, '..', '..', 'fixtures', 'ehr-shaped', 'txn-order-location.json');
const TODAY = '2026-12-01';
type Entry = { fullUrl: string; resource: Record<string, unknown> & { resourceType: string } };

function bundle(edit?: (entries: Entry[]) => void): unknown {
  const b = JSON.parse(readFileSync(FILE, 'utf8')) as { entry: Entry[] };
  edit?.(b.entry);
  return b;
}

function load(value: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'order-location-'));
  const file = join(dir, 'record.json');
  writeFileSync(file, JSON.stringify(value));
  const loaded = loadFhir([file]);
  const reader = localReader(loaded.resources);
  return { loaded, reader, patientId: reader.patients()[0]!, dir };
}

describe("the order's Location and requester in a urn:uuid transaction", () => {
  it('reads the Location the order points to: state and setting, so WISeR (TX) requires prior auth', async () => {
    const { reader, patientId } = load(bundle());
    const record = await readPatientRecord(reader, patientId);
    expect(record.resources.Location).toHaveLength(1);
    const picture = buildPicture(record, { patientId, serviceRequestIds: [], today: TODAY });
    expect(picture.plannedServices[0]!.location).toMatchObject({ state: 'TX', setting: 'office', placeOfService: '11' });
    const [result] = (await assessPatient(reader, patientId, { today: TODAY })).results;
    expect(result!.assessment.priorAuth.required).toBe(true);
    expect(result!.assessment.priorAuth.program).toContain('WISeR');
  });

  it('the Location the order names is read without a data issue; a Location nothing names is listed as not read', async () => {
    const { reader, patientId } = load(bundle());
    const record = await readPatientRecord(reader, patientId);
    // The reader fetches Locations by reference only; a record handed over whole may hold others.
    record.resources.Location = [
      ...(record.resources.Location ?? []),
      { resourceType: 'Location', id: 'stray-lab', name: 'Outside imaging center', address: { state: 'OK' } },
    ];
    const picture = buildPicture(record, { patientId, serviceRequestIds: [], today: TODAY });
    const locationIssues = picture.dataIssues.filter((i) => i.resourceType === 'Location');
    expect(locationIssues.map((i) => i.id)).toEqual(['stray-lab']);
    expect(locationIssues[0]!.message).toMatch(/no planned service's order or encounter names it/);
    expect(picture.plannedServices[0]!.location?.state).toBe('TX');
  });

  it("falls back to the encounter's Location, and stays 'depends' with the reason when none is recorded", async () => {
    const viaEncounter = load(
      bundle((e) => {
        delete e.find((x) => x.resource.resourceType === 'ServiceRequest')!.resource.locationReference;
      }),
    );
    const rec = await readPatientRecord(viaEncounter.reader, viaEncounter.patientId);
    // The order's encounter is not named: the launch encounter is the visit.
    const encId = (rec.resources.Encounter![0] as { id: string }).id;
    const pic = buildPicture(rec, { patientId: viaEncounter.patientId, serviceRequestIds: [], today: TODAY, encounterId: encId });
    expect(pic.plannedServices[0]!.location).toMatchObject({ state: 'TX', setting: 'office' });

    const none = load(
      bundle((e) => {
        delete e.find((x) => x.resource.resourceType === 'ServiceRequest')!.resource.locationReference;
        delete e.find((x) => x.resource.resourceType === 'Encounter')!.resource.location;
      }),
    );
    const [result] = (await assessPatient(none.reader, none.patientId, { today: TODAY })).results;
    expect(result!.assessment.priorAuth.required).toBe('depends');
    expect(result!.assessment.priorAuth.reason).toContain("the chart does not say the location's state");
  });

  it("names the order's requester (NPI, family name) in the packet; without any phone it is not saveable and says what to add", async () => {
    const { loaded, reader, patientId, dir } = load(bundle());
    const { results } = await assessPatient(reader, patientId, { today: TODAY });
    const [out] = await writePacketFiles(results, loaded.resources, join(dir, 'p'), { today: TODAY, now: `${TODAY}T12:00:00Z` });
    const pas = JSON.parse(readFileSync(join(out!.dir, 'pas-bundle.json'), 'utf8')) as { entry: { resource: Entry['resource'] }[] };
    const practitioners = pas.entry.map((x) => x.resource).filter((r) => r.resourceType === 'Practitioner');
    expect(practitioners).toHaveLength(1);
    expect(practitioners[0]).toMatchObject({
      identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1245319508' }],
      name: [{ family: 'Reyes' }],
    });
    expect(out!.saved).toBe(false);
    const text = out!.problems.join('\n');
    expect(text).not.toContain('PASPractitioner');
    expect(text).toContain('pd-1');
    expect(text).toContain('Practitioner.telecom');
    expect(text).toContain('the requesting clinic');
  });

  it("takes the role's contact from the rendering Location's phone, and then the packet is saveable", async () => {
    const { loaded, reader, patientId, dir } = load(
      bundle((e) => {
        e.find((x) => x.resource.resourceType === 'Location')!.resource.telecom = [{ system: 'phone', value: '512-555-0142', use: 'work' }];
      }),
    );
    const { results } = await assessPatient(reader, patientId, { today: TODAY });
    const [out] = await writePacketFiles(results, loaded.resources, join(dir, 'p'), { today: TODAY, now: `${TODAY}T12:00:00Z` });
    const pas = JSON.parse(readFileSync(join(out!.dir, 'pas-bundle.json'), 'utf8')) as { entry: { resource: Entry['resource'] }[] };
    const role = pas.entry.map((x) => x.resource).find((r) => r.resourceType === 'PractitionerRole');
    expect(role?.telecom).toEqual([{ system: 'phone', value: '512-555-0142', use: 'work' }]);
    expect(out!.problems.filter((p) => p.includes('pd-1') || p.includes('PASPractitioner'))).toEqual([]);
    expect(out!.saved).toBe(true);
  });
});
