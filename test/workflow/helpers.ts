// A sandbox seed patient read the way the CLI reads it (FHIR Bundle -> local reader -> read wave -> picture).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPicture, localReader, readPatientRecord } from '../../src/fhir/index';
import type { ClinicalPicture } from '../../src/policy/index';

export const SEED = join(import.meta.dirname, '..', '..', 'launch', 'sandbox', 'seed');
export const ANCHOR = '2026-11-23';

export async function seedPicture(patient: string, today = ANCHOR): Promise<ClinicalPicture> {
  const bundle = JSON.parse(readFileSync(join(SEED, `${patient}.json`), 'utf8')) as { entry?: { resource?: { resourceType: string } }[] };
  const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const reader = localReader(resources);
  const record = await readPatientRecord(reader, patient);
  return buildPicture(record, { patientId: patient, serviceRequestIds: [], today });
}
