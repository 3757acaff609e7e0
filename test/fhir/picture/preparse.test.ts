// Validating the searches ahead, page by page as they arrive (what the app's launch read does), must give the same
// picture as validating the whole record at the end: the same resources, the same data issues. External data: the
// Synthea R4 Bundles (Apache-2.0, test/fixtures/synthea), read through the real read path with its onPage pages.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadFhir } from '../../../src/cli/load';
import { localReader } from '../../../src/fhir/read/local-reader';
import { readPatientRecord } from '../../../src/fhir/read/read';
import { toPicture } from '../../../src/fhir/picture/to-picture';
import { parseResources, preparseResources } from '../../../src/fhir/picture/parse';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'synthea');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .slice(0, 4);

async function readAhead(patient: string, reader: ReturnType<typeof localReader>, count: number) {
  let pages = 0;
  const record = await readPatientRecord(reader, patient, {
    count,
    onPage: (page) => {
      pages++;
      const byType = new Map<string, unknown[]>();
      for (const { type, resource } of page) byType.set(type, [...(byType.get(type) ?? []), resource]);
      for (const [type, list] of byType) preparseResources(type, list, { patientId: patient });
    },
  });
  return { record, pages };
}

describe('validating search pages ahead of the picture', () => {
  const loaded = loadFhir(FILES.map((f) => join(DIR, f)));
  const reader = localReader(loaded.resources);

  it.each(reader.patients().slice(0, 4))('gives the same picture as validating at the end (%s)', async (patient) => {
    const ctx = { patientId: patient, serviceRequestIds: [], today: '2026-11-23' };
    // Small pages, so the record arrives in many pages as a large chart would.
    const { record: ahead, pages } = await readAhead(patient, reader, 20);
    const plain = await readPatientRecord(reader, patient, { count: 20 });
    expect(pages).toBeGreaterThan(5);
    const a = toPicture(ahead, ctx);
    expect(a).toEqual(toPicture(plain, ctx));
    // Each answer is used once: a second picture of the same record parses afresh and still agrees.
    expect(toPicture(ahead, ctx)).toEqual(a);
  });

  it('does not reuse an answer given for another patient', () => {
    const observation = {
      resourceType: 'Observation',
      id: 'o1',
      status: 'final',
      subject: { reference: 'Patient/p1' },
      code: { text: 'x' },
    };
    preparseResources('Observation', [observation], { patientId: 'p2' });
    const asP1 = parseResources({ Observation: [observation] }, { patientId: 'p1' });
    expect(asP1.parsed.Observation).toHaveLength(1);
    expect(asP1.issues).toEqual([]);
  });

  it('names a resource it skipped ahead exactly as it would at the end', () => {
    const bad = { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' }, onsetDateTime: 'yesterday' };
    const fresh = parseResources({ Condition: [structuredClone(bad)] }, { patientId: 'p1' });
    preparseResources('Condition', [bad], { patientId: 'p1' });
    const ahead = parseResources({ Condition: [bad] }, { patientId: 'p1' });
    expect(ahead).toEqual(fresh);
    expect(ahead.issues[0]?.message).toMatch(/not a FHIR date/);
  });
});
