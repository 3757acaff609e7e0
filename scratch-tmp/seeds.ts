import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resource } from 'fhir/r4';
import { localReader } from '../src/fhir/read/local-reader';
import { readPatientRecord } from '../src/fhir/read/read';
import { buildPicture } from '../src/fhir/picture/build-picture';
import { assess, resolvePayer } from '../src/policy/index';
import { suggestCoding } from '../src/policy/coding/index';
import { assemblePasBundle } from '../src/writeback/pas/bundle';
import { resourceIndex } from '../src/writeback/pas/resources';
import { validatePasConformance, formatIssues } from '../launch/sandbox/conformance/index';
const SEED = 'launch/sandbox/seed'; const TODAY = '2026-11-23'; const NOW = '2026-11-23T10:00:00-05:00';
const CLINIC = { organization: { id: "org-clinic", name: "Sandbox Spine & Pain Clinic", npi: "1487654321" }, practitioner: { id: "prac-okafor", name: "Chidi Okafor, MD", npi: "1326547890" } };
const manifest = JSON.parse(readFileSync(join(SEED, 'manifest.json'), 'utf8')) as { patient: string; services: { serviceRequest: string; code: string }[] }[];
const verbose = process.argv[2];
const counts = new Map<string, number>();
for (const m of manifest) for (const s of m.services) {
  const bundle = JSON.parse(readFileSync(join(SEED, `${m.patient}.json`), 'utf8')) as { entry: { resource: Resource }[] };
  const record = await readPatientRecord(localReader(bundle.entry.map((e) => e.resource) as never), m.patient);
  const picture = buildPicture(record, { patientId: m.patient, serviceRequestIds: [s.serviceRequest], today: TODAY });
  const service = picture.plannedServices.find((p) => p.requestRef === `ServiceRequest/${s.serviceRequest}`)!;
  const payer = resolvePayer(picture.coverages).payer;
  const assessment = assess(picture, service, payer, TODAY);
  const coding = suggestCoding(picture, [service], { today: TODAY, ...(service.date ? { dateOfService: service.date } : {}), payerId: payer.id });
  const build = assemblePasBundle({ picture, service, assessment, coding, today: TODAY, now: NOW, clinic: { organization: bundle.entry.find((e) => e.resource.id === 'org-clinic')!.resource as never, practitioner: bundle.entry.find((e) => e.resource.id === 'prac-okafor')!.resource as never }, resources: resourceIndex(record.resources) }); const b = build.bundle;
  const r = validatePasConformance(b);
  const si = (b.entry![0]!.resource as any).supportingInfo?.length ?? 0;
  console.log(m.patient, s.code, 'errors', r.errors.length, 'warn', r.warnings.length, 'entries', b.entry!.length, 'supportingInfo', si);
  for (const e of r.errors) { const k = e.message.replace(/"[^"]*"/g, '"…"').replace(/\[\d+\]/g, '').slice(0, 110); counts.set(k, (counts.get(k) ?? 0) + 1); }
  if (verbose === m.patient) { console.log(formatIssues(r.errors).join('\n')); console.log(r.checked.map((c) => `${c.path} ${c.resourceType} ${c.profile.split('/').pop()} ${c.ok}`).join('\n')); const claim = b.entry![0]!.resource as any; for (const si of claim.supportingInfo) { const e = b.entry!.find((x) => x.fullUrl === si.valueReference.reference)!; console.log(si.sequence, si.extension[0].extension.find((x: any) => x.url === 'description').valueString, '->', e.resource!.resourceType + '/' + e.resource!.id); } console.log(JSON.stringify(build.notSent)); console.log(JSON.stringify(coding.diagnoses), JSON.stringify(coding.lines.map(l=>[l.code,l.diagnosisPointers])), service.reasonIcd10); }
}
console.log([...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v}\t${k}`).join('\n'));
