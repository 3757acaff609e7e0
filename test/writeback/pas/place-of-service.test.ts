// The place of service a request states is the chart's: the rendering Location's CMS code, else the code its setting
// implies, office (11) only when the chart says nothing. An EHR-shaped urn:uuid transaction (test/fixtures/ehr-shaped)
// goes the real path: loader -> reader -> picture -> assessment -> the CLI's packet files (Claim items and the PDF).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFhir } from '../../../src/cli/load';
import { assessPatient } from '../../../src/cli/check';
import { writePacketFiles } from '../../../src/cli/packet-out';
import { localReader } from '../../../src/fhir/read/local-reader';
import { readPdf } from './pdf-text';

const FILE = join(import.meta.dirname, '..', '..', 'fixtures', 'ehr-shaped', 'txn-order-location.json');
const TODAY = '2026-12-01';
const POS = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';
type Entry = { fullUrl: string; resource: Record<string, unknown> & { resourceType: string } };
type Coding = { system?: string; code?: string; display?: string };

async function packetFor(locationType: Coding[]) {
  const b = JSON.parse(readFileSync(FILE, 'utf8')) as { entry: Entry[] };
  const loc = b.entry.find((x) => x.resource.resourceType === 'Location')!.resource;
  loc.type = [{ coding: locationType }];
  loc.telecom = [{ system: 'phone', value: '512-555-0142', use: 'work' }];
  const dir = mkdtempSync(join(tmpdir(), 'pos-'));
  writeFileSync(join(dir, 'record.json'), JSON.stringify(b));
  const loaded = loadFhir([join(dir, 'record.json')]);
  const reader = localReader(loaded.resources);
  const { results } = await assessPatient(reader, reader.patients()[0]!, { today: TODAY });
  const [out] = await writePacketFiles(results, loaded.resources, join(dir, 'p'), { today: TODAY, now: `${TODAY}T12:00:00Z` });
  const bundle = JSON.parse(readFileSync(join(out!.dir, 'pas-bundle.json'), 'utf8')) as { entry: { resource: Entry['resource'] }[] };
  const claim = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'Claim') as unknown as {
    item: { locationCodeableConcept?: { coding?: Coding[] } }[];
  };
  const pdf = await readPdf(new Uint8Array(readFileSync(join(out!.dir, 'packet.pdf'))));
  return { codes: claim.item.map((i) => i.locationCodeableConcept?.coding?.[0]?.code), page1: pdf.pages[0]!, setting: results[0]! };
}

describe('place of service on the PAS Claim items and page one of the letter', () => {
  it.each([
    ['the Location says 22 (on-campus outpatient hospital)', [{ system: POS, code: '22' }], '22'],
    ['the Location says 24 (ambulatory surgical center)', [{ system: POS, code: '24' }], '24'],
    ['the Location says 19 (off-campus outpatient hospital)', [{ system: POS, code: '19' }], '19'],
    [
      'a hospital (v3 RoleCode HOSP) with no CMS code: its outpatient department',
      [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'HOSP' }],
      '22',
    ],
    ['the chart names no setting at all', [{ system: 'http://example.org/local-location-type', code: 'RR2' }], '11'],
  ])('%s -> POS %s', async (_what, type, code: string) => {
    const { codes, page1 } = await packetFor(type);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set([code]));
    expect(page1).toMatch(new RegExp(`place of service ${code}\\b`, 'i'));
  });
});
