// A sandbox seed patient through the real read pipeline (local reader -> readPatientRecord -> buildPicture ->
// assess / suggestCoding) into the packet ClaimReady saves (PDF + PAS bundle), with the seed's own clinic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Organization, Practitioner, Resource } from 'fhir/r4';
import { localReader } from '../../../src/fhir/read/local-reader';
import { readPatientRecord } from '../../../src/fhir/read/read';
import { buildPicture } from '../../../src/fhir/picture/build-picture-sync';
import { assess, resolvePayer } from '../../../src/policy/index';
import { suggestCoding } from '../../../src/policy/coding/index';
import { resourceIndex } from '../../../src/writeback/pas/resources';
import { preparePacket } from '../../../src/writeback/packet';
import type { PasBundleInput } from '../../../src/writeback/pas/bundle';

export const SEED = join(import.meta.dirname, '../../../launch/sandbox/seed');
export const SEED_TODAY = '2026-11-23'; // the seeds' anchor date (launch/sandbox/seed/build.ts SEED_ANCHOR)
export const SEED_NOW = '2026-11-23T10:00:00-05:00';

export interface SeedEntry {
  patient: string;
  services: { serviceRequest: string; code: string }[];
}
export const seedManifest = (): SeedEntry[] => JSON.parse(readFileSync(join(SEED, 'manifest.json'), 'utf8')) as SeedEntry[];

type Raw = Resource & { [k: string]: unknown };

export function seedResources(patient: string): Raw[] {
  const bundle = JSON.parse(readFileSync(join(SEED, `${patient}.json`), 'utf8')) as { entry: { resource: Raw }[] };
  return bundle.entry.map((e) => e.resource);
}

/** The clinic as the chart records it (the order's requester and the visits' service provider). */
export function seedClinic(resources: Resource[]): { organization: Organization; practitioner: Practitioner } {
  const organization = resources.find((r): r is Organization => r.resourceType === 'Organization' && r.id === 'org-clinic');
  const practitioner = resources.find((r): r is Practitioner => r.resourceType === 'Practitioner' && r.id === 'prac-okafor');
  if (!organization || !practitioner) throw new Error('seed has no clinic');
  return { organization, practitioner };
}

export async function seedPacketInput(
  patient: string,
  serviceRequest?: string,
  edit: (resources: Raw[]) => Raw[] = (r) => r,
): Promise<Omit<PasBundleInput, 'pdf'>> {
  const all = edit(seedResources(patient));
  const record = await readPatientRecord(localReader(all), patient);
  const sr = serviceRequest ?? seedManifest().find((m) => m.patient === patient)?.services[0]?.serviceRequest;
  if (!sr) throw new Error(`${patient}: no service in the manifest`);
  const picture = buildPicture(record, { patientId: patient, serviceRequestIds: [sr], today: SEED_TODAY });
  const service = picture.plannedServices.find((p) => p.requestRef === `ServiceRequest/${sr}`);
  if (!service) throw new Error(`${patient}: no planned service for ${sr}`);
  const payer = resolvePayer(picture.coverages).payer;
  const assessment = assess(picture, service, payer, SEED_TODAY);
  const coding = suggestCoding(picture, [service], {
    today: SEED_TODAY,
    ...(service.date ? { dateOfService: service.date } : {}),
    payerId: payer.id,
  });
  return {
    picture,
    service,
    assessment,
    coding,
    today: SEED_TODAY,
    now: SEED_NOW,
    clinic: seedClinic(all),
    resources: resourceIndex(record.resources),
  };
}

export async function seedPacket(patient: string, serviceRequest?: string, edit?: (resources: Raw[]) => Raw[]) {
  return preparePacket(await seedPacketInput(patient, serviceRequest, edit));
}
