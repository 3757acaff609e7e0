// The sandbox EHR serves what the app now reads by reference: the order's rendering Location (and the requester),
// for a patient token with the scopes the app asks for. The data is the EHR-shaped transaction
// test/fixtures/ehr-shaped/txn-order-location.json (urn:uuid fullUrls, no ids) loaded as a data file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { readPatientRecord } from '../../src/fhir/read/read';
import { fetchReader } from '../../src/fhir/read/reader';
import { grantedAccess, requestedScopes } from '../../src/fhir/session/scopes';
import { buildPicture } from '../../src/fhir/picture/build-picture-sync';
import { dataDirWith, login } from './helpers';
import { tmpdir } from 'node:os';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'ehr-shaped', 'txn-order-location.json');
const PATIENT = '7a1d0001-3c2b-4e5f-8a9b-0c1d2e3f0001';
let sb: Sandbox;
let token: string;
let scope: string;

beforeAll(async () => {
  const dir = dataDirWith({ 'order.json': readFileSync(FIXTURE, 'utf8') });
  sb = await startSandbox({ port: 0, seed: false, dataDirs: [dir], distDir: join(tmpdir(), 'no-dist-here') });
  const t = await login(sb, { patient: PATIENT }, requestedScopes());
  token = String(t.access_token);
  scope = String(t.scope);
}, 30_000);
afterAll(async () => {
  await sb.close();
});

describe("the sandbox serves the order's Location and requester", () => {
  it('grants the Location and PractitionerRole reads, and the read wave brings the Location in', async () => {
    const access = grantedAccess(scope);
    expect(access.canRead('Location')).toBe(true);
    expect(access.canRead('PractitionerRole')).toBe(true);
    const record = await readPatientRecord(fetchReader(sb.fhirBase, token), PATIENT, { access });
    expect(record.resources.Location).toEqual([
      expect.objectContaining({ resourceType: 'Location', address: expect.objectContaining({ state: 'TX' }) }),
    ]);
    expect(record.resources.Practitioner).toEqual([expect.objectContaining({ name: [expect.objectContaining({ family: 'Reyes' })] })]);
    const picture = buildPicture(record, { patientId: PATIENT, serviceRequestIds: [], today: '2026-12-01' });
    expect(picture.plannedServices[0]?.location).toMatchObject({ state: 'TX', setting: 'office', placeOfService: '11' });
  });
});
