// Every sandbox seed patient through the real read pipeline (local reader -> readPatientRecord -> buildPicture ->
// assess / suggestCoding) into a PAS bundle that must pass the official PAS 2.2.1 / US Core profiles with 0 errors
// (launch/sandbox/conformance: @medplum/core's validator plus the steps around it), the in-house validator and the
// structural checks; a set of them
// are also kept as golden outlines (regenerate deliberately with UPDATE_GOLDEN=1). The outline (entries, items,
// diagnoses, what each supportingInfo points at) rather than the whole bundle: these pictures come from other
// modules still being tuned, and a wording change in an assessment should not churn a megabyte of base64.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bundle, Claim, Organization, Practitioner, Resource } from 'fhir/r4';
import { localReader } from '../../../src/fhir/read/local-reader';
import { readPatientRecord } from '../../../src/fhir/read/read';
import { buildPicture } from '../../../src/fhir/picture/build-picture-sync';
import { assess, resolvePayer } from '../../../src/policy/index';
import { suggestCoding } from '../../../src/policy/coding/index';
import { assemblePasBundle } from '../../../src/writeback/pas/bundle';
import { validatePasBundle } from '../../../src/writeback/pas/validate';
import { resourceIndex } from '../../../src/writeback/pas/resources';
import { structuralProblems } from './structure';
import { formatIssues, validatePasConformance } from '../../../launch/sandbox/conformance/index';

const SEED = join(import.meta.dirname, '../../../launch/sandbox/seed');
const GOLDEN = join(import.meta.dirname, '../../fixtures/pas/golden/sandbox');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const TODAY = '2026-11-23'; // the seeds' anchor date (launch/sandbox/seed/build.ts SEED_ANCHOR)
const NOW = '2026-11-23T10:00:00-05:00';
const GOLDEN_PATIENTS = new Set([
  'pt-radic-ready',
  'pt-facet-rfa-ready',
  'pt-cervical-summit',
  'pt-stenosis-bcbsma',
  'pt-si-joint',
  'pt-scs-trial',
  'pt-notes-only',
]);

interface SeedEntry {
  patient: string;
  services: { serviceRequest: string; code: string }[];
}
const manifest = JSON.parse(readFileSync(join(SEED, 'manifest.json'), 'utf8')) as SeedEntry[];

// The clinic as the chart records it (the order's requester and the visits' service provider), as the app's
// clinicFor() takes it, so references to it from encounters and orders resolve in the bundle.
function clinicOf(resources: Resource[]) {
  const organization = resources.find((r): r is Organization => r.resourceType === 'Organization' && r.id === 'org-clinic');
  const practitioner = resources.find((r): r is Practitioner => r.resourceType === 'Practitioner' && r.id === 'prac-okafor');
  if (!organization || !practitioner) throw new Error('seed has no clinic');
  return { organization, practitioner };
}

async function packetFor(patient: string, serviceRequest: string) {
  const bundle = JSON.parse(readFileSync(join(SEED, `${patient}.json`), 'utf8')) as {
    entry: { resource: Resource & { [k: string]: unknown } }[];
  };
  const record = await readPatientRecord(localReader(bundle.entry.map((e) => e.resource)), patient);
  const resources = resourceIndex(record.resources);
  const picture = buildPicture(record, { patientId: patient, serviceRequestIds: [serviceRequest], today: TODAY });
  const service = picture.plannedServices.find((p) => p.requestRef === `ServiceRequest/${serviceRequest}`);
  if (!service) throw new Error(`${patient}: no planned service for ${serviceRequest}`);
  const payer = resolvePayer(picture.coverages).payer;
  const assessment = assess(picture, service, payer, TODAY);
  const coding = suggestCoding(picture, [service], {
    today: TODAY,
    ...(service.date ? { dateOfService: service.date } : {}),
    payerId: payer.id,
  });
  return assemblePasBundle({
    picture,
    service,
    assessment,
    coding,
    today: TODAY,
    now: NOW,
    clinic: clinicOf(bundle.entry.map((e) => e.resource)),
    resources,
  });
}

function outline(b: Bundle) {
  const keyByUrl = new Map((b.entry ?? []).map((e) => [e.fullUrl, `${e.resource?.resourceType ?? ''}/${e.resource?.id ?? ''}`]));
  const claim = b.entry?.[0]?.resource as Claim;
  return {
    entries: [...keyByUrl.values()],
    items: (claim.item ?? []).map((i) => ({
      sequence: i.sequence,
      code: i.productOrService.coding?.[0]?.code,
      modifiers: (i.modifier ?? []).map((m) => m.coding?.[0]?.code),
      quantity: i.quantity?.value,
      servicedDate: i.servicedDate,
      diagnosisSequence: i.diagnosisSequence,
    })),
    diagnoses: (claim.diagnosis ?? []).map((d) => d.diagnosisCodeableConcept?.coding?.[0]?.code),
    supportingInfo: (claim.supportingInfo ?? []).map((si) => {
      const info = si.extension?.[0]?.extension?.find((x) => x.url === 'reportTypeCode');
      return `${si.sequence} ${info?.valueCodeableConcept?.coding?.[0]?.code ?? '?'} ${keyByUrl.get(si.valueReference?.reference) ?? si.valueReference?.reference ?? ''}`;
    }),
  };
}

describe('PAS bundles for the sandbox seed patients', () => {
  for (const m of manifest) {
    for (const s of m.services) {
      it(`${m.patient} ${s.code}: conforms to the official profiles, every reference inside, nothing omitted or unresolved`, async () => {
        const build = await packetFor(m.patient, s.serviceRequest);
        const conformance = validatePasConformance(build.bundle);
        expect(formatIssues(conformance.errors)).toEqual([]);
        // Every supporting item was checked against a PAS / US Core profile, not just the base.
        const profiled = new Set(conformance.checked.filter((c) => c.ok).map((c) => c.path));
        const claim = build.bundle.entry?.[0]?.resource as Claim;
        for (const si of claim.supportingInfo ?? []) {
          const i = build.bundle.entry?.findIndex((e) => e.fullUrl === si.valueReference?.reference) ?? -1;
          expect(profiled.has(`Bundle.entry[${i}].resource`)).toBe(true);
        }
        expect((claim.supportingInfo ?? []).length).toBeLessThanOrEqual(10);
        expect(validatePasBundle(build.bundle).violations).toEqual([]);
        expect(structuralProblems(build.bundle)).toEqual([]);
        expect(build.unresolved).toEqual([]);
        expect(build.omitted).toEqual([]);
        if (!GOLDEN_PATIENTS.has(m.patient)) return;
        const file = join(GOLDEN, `${m.patient}-${s.serviceRequest}.json`);
        const text = `${JSON.stringify(outline(build.bundle), null, 1)}\n`;
        if (UPDATE) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, text);
        }
        expect(existsSync(file), `golden file missing; run UPDATE_GOLDEN=1 to create ${file}`).toBe(true);
        expect(text).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
