// Builds the Da Vinci PAS request Bundle (PAS 2.2.1: PASRequestBundle + PASClaim) for one planned service from the
// picture, the policy assessment and the coding suggestion. Pure: `now` and `today` are inputs, ids are derived.
import type { Bundle, BundleEntry, Claim, ClaimItem, ClaimSupportingInfo, CodeableConcept, Coverage, Extension, Reference, Resource } from 'fhir/r4';
import type { ClinicalPicture, PlannedService } from '../../policy/picture';
import type { Assessment, CodingSuggestion } from '../../policy/verdicts';
import { serviceKind } from '../../policy/services';
import { BundleAssembler, keyOf, refKey } from './assemble';
import { assessmentDocument, excerptDocument, pdfDocument } from './documents';
import { stableHash, stableUuid } from './ids';
import { clinicOrganization, clinicPractitioner, coverageFromFact, focalCoverage, insurerFor, patientFromPicture, practitionerRole, type ClinicInfo } from './parties';
import { planSupport } from './supporting';
import { PAS, REPORT_TYPE, SYSTEMS, type ReportType } from './systems';

export type { ClinicInfo, PartyData } from './parties';

export interface PasBundleInput {
  picture: ClinicalPicture;
  service: PlannedService;
  assessment: Assessment;
  coding: CodingSuggestion;
  /** YYYY-MM-DD; the fallback date of service. */
  today: string;
  /** Timestamp with zone (Bundle.timestamp, Claim.created), passed in: the builder never reads the clock. */
  now: string;
  clinic: ClinicInfo;
  pdf?: { base64: string; title: string };
  /** Raw EHR resources by "Type/id": what the picture's evidence points at. */
  resources?: ReadonlyMap<string, Resource>;
  /** CMS place-of-service code; 11 (office) unless the clinic says otherwise (e.g. 22 outpatient hospital, 24 ASC). */
  placeOfService?: string;
}

export interface PasBuild {
  bundle: Bundle;
  /** References the Claim needs that no supplied resource resolves (the validator reports them: spec-13). */
  unresolved: string[];
  /** References inside included EHR resources that were reduced to their display because they were not supplied. */
  omitted: string[];
  claimIdentifier: string;
}

const MAX_DIAGNOSES = 12; // Only the first 12 diagnoses map to the X12 278 (PASClaim.diagnosis ^short).

const cc = (system: string, code: string, display?: string): CodeableConcept => ({ coding: [{ system, code, ...(display ? { display } : {}) }] });

function codeSystemFor(code: string): string {
  return /^\d{4}[0-9A-Z]$/.test(code) ? SYSTEMS.cpt : SYSTEMS.hcpcs;
}

/** Modifiers: two-digit numeric ones are CPT modifiers (25, 50, 59); letters are HCPCS Level II (RT, LT, KX, XS). */
function modifierCc(m: string): CodeableConcept {
  return cc(/^\d{2}$/.test(m) ? SYSTEMS.cpt : SYSTEMS.hcpcs, m);
}

/** X12 1365 service type: procedures are requested as surgical, visits and drugs as medical care. */
function itemCategory(code: string): CodeableConcept {
  const kind = serviceKind(code);
  const medical = kind === 'em-office-new' || kind === 'em-office-established' || kind === 'drug' || kind === 'chronic-pain-management' || kind === 'other';
  return medical ? cc(SYSTEMS.x12ServiceType, '1', 'Medical Care') : cc(SYSTEMS.x12ServiceType, '2', 'Surgical');
}

function additionalInformation(sequence: number, value: Reference, reportType: ReportType, description: string): ClaimSupportingInfo {
  return {
    sequence,
    extension: [
      {
        url: PAS.extDocumentInformation,
        extension: [
          { url: 'reportTypeCode', valueCodeableConcept: cc(SYSTEMS.x12ReportType, reportType.code, reportType.display) },
          { url: 'transmissionMethod', valueCodeableConcept: cc(SYSTEMS.x12TransmissionMethod, 'EL', 'Electronically Only') },
          { url: 'description', valueString: description },
        ],
      },
    ],
    category: cc(PAS.tempCodes, 'additionalInformation', 'Additional Information'),
    valueReference: value,
  };
}

export function claimIdentifierFor(picture: ClinicalPicture, service: PlannedService): string {
  return stableHash(['pas-claim', picture.patient.id, service.code, service.levels.join(','), service.laterality ?? '', service.date ?? '', service.requestRef ?? '']);
}

export function assemblePasBundle(input: PasBundleInput): PasBuild {
  const { picture, service, assessment, coding, now } = input;
  const raw = input.resources ?? new Map<string, Resource>();
  const local = new Map<string, Resource>();
  const lookup = (key: string): Resource | undefined => raw.get(key) ?? local.get(key);
  const put = (r: Resource): string => {
    const key = keyOf(r);
    if (!raw.has(key)) local.set(key, r);
    return key;
  };

  const claimId = claimIdentifierFor(picture, service);
  const patientKey = put(patientFromPicture(picture));
  const org = clinicOrganization(input.clinic.organization);
  const pr = clinicPractitioner(input.clinic.practitioner);
  const orgKey = put(org);
  put(pr);
  const roleKey = put(practitionerRole(org, pr));

  const cov = focalCoverage(picture, assessment);
  let coverageKey: string | undefined;
  let insurerKey: string;
  if (cov) {
    coverageKey = `Coverage/${cov.id}`;
    const rawCov = raw.get(coverageKey) as Coverage | undefined;
    const insurer = insurerFor(cov, rawCov, assessment);
    insurerKey = raw.has(keyOf(insurer)) ? keyOf(insurer) : put(insurer);
    if (!rawCov) put(coverageFromFact(cov, patientFromPicture(picture), insurer));
  } else {
    insurerKey = put(insurerFor({ id: 'none', status: 'unknown', source: 'coded', evidence: [] }, undefined, assessment));
  }

  const asm = new BundleAssembler(lookup);
  const patient = asm.ref(patientKey);
  const plan = planSupport(picture, assessment, service.requestRef);

  const supportingInfo: ClaimSupportingInfo[] = [];
  const addInfo = (value: Reference, reportType: ReportType, description: string): number => {
    const sequence = supportingInfo.length + 1;
    supportingInfo.push(additionalInformation(sequence, value, reportType, description));
    return sequence;
  };
  for (const s of plan.refs) addInfo(asm.ref(s.key, s.display), s.reportType, s.about);
  for (const x of plan.excerpts) {
    const doc = excerptDocument(x, { reference: patientKey }, now);
    addInfo(asm.ref(put(doc)), REPORT_TYPE.physicianReport, `Note excerpts: ${[...new Set(x.quotes.map((q) => q.about))].join(', ') || 'cited note'}`);
  }
  addInfo(asm.ref(put(assessmentDocument(assessment, claimId, { reference: patientKey }, now))), REPORT_TYPE.supportData, 'Documentation completeness assessment against the payer policy');
  if (input.pdf) addInfo(asm.ref(put(pdfDocument(input.pdf, claimId, { reference: patientKey }, now))), REPORT_TYPE.physicianReport, 'Readable prior-auth packet (PDF)');

  const codedDx = coding.diagnoses.length
    ? coding.diagnoses.map((d) => ({ code: d.code, label: d.label }))
    : service.reasonIcd10.map((code) => ({ code, label: '' }));
  const diagnosis = codedDx.slice(0, MAX_DIAGNOSES).map((d, i) => ({
    sequence: i + 1,
    diagnosisCodeableConcept: cc(SYSTEMS.icd10cm, d.code, d.label || undefined),
  }));

  const lines = coding.lines.length ? coding.lines : [{ code: service.code, label: '', modifiers: [], units: 1, diagnosisPointers: diagnosis.map((d) => d.sequence) }];
  const servicedDate = (service.date ?? coding.dateOfService ?? input.today).slice(0, 10);
  const requested: Extension[] = service.requestRef && refKey(service.requestRef)
    ? [{ url: PAS.extRequestedService, valueReference: asm.ref(refKey(service.requestRef) ?? service.requestRef) }]
    : [];
  const allInfo = supportingInfo.map((s) => s.sequence);
  const item: ClaimItem[] = lines.map((l, i) => ({
    extension: [
      { url: PAS.extRequestType, valueCodeableConcept: cc(SYSTEMS.x12RequestType, 'HS', 'Health Services Review') },
      { url: PAS.extCertificationType, valueCodeableConcept: cc(SYSTEMS.x12CertificationType, 'I', 'Initial') },
      ...(i === 0 ? requested : []),
    ],
    sequence: i + 1,
    careTeamSequence: [1],
    ...(l.diagnosisPointers.some((p) => p <= MAX_DIAGNOSES) ? { diagnosisSequence: l.diagnosisPointers.filter((p) => p <= MAX_DIAGNOSES) } : {}),
    ...(allInfo.length ? { informationSequence: allInfo } : {}),
    category: itemCategory(l.code),
    productOrService: { ...cc(codeSystemFor(l.code), l.code), ...(l.label ? { text: l.label } : {}) },
    ...(l.modifiers.length ? { modifier: l.modifiers.map(modifierCc) } : {}),
    servicedDate,
    locationCodeableConcept: cc(SYSTEMS.placeOfService, input.placeOfService ?? '11'),
    quantity: { value: l.units },
  }));

  const claim: Claim = {
    resourceType: 'Claim',
    id: `pas-${claimId.slice(0, 32)}`,
    meta: { profile: [PAS.claimProfile] },
    identifier: [{ system: SYSTEMS.claimIdentifier, value: claimId }],
    status: 'active',
    type: cc(SYSTEMS.claimType, 'professional', 'Professional'),
    use: 'preauthorization',
    patient,
    created: now,
    insurer: asm.ref(insurerKey),
    provider: asm.ref(orgKey),
    priority: cc(SYSTEMS.processPriority, 'normal', 'Normal'),
    careTeam: [{ sequence: 1, extension: [{ url: PAS.extCareTeamClaimScope, valueBoolean: true }], provider: asm.ref(roleKey) }],
    ...(supportingInfo.length ? { supportingInfo } : {}),
    ...(diagnosis.length ? { diagnosis } : {}),
    // Without a coverage the insurance element stays absent and the validator says so, rather than inventing one.
    ...(coverageKey ? { insurance: [{ sequence: 1, focal: true, coverage: asm.ref(coverageKey) }] } : {}),
    item,
  } as Claim;

  const claimEntry: BundleEntry = { fullUrl: `urn:uuid:${stableUuid(['claim', claimId])}`, resource: claim };
  const bundle: Bundle = {
    resourceType: 'Bundle',
    meta: { profile: [PAS.bundleProfile] },
    identifier: { system: SYSTEMS.bundleIdentifier, value: claimId },
    type: 'collection',
    timestamp: now,
    entry: asm.bundleEntries(claimEntry),
  };
  return { bundle, unresolved: [...asm.unresolved].sort(), omitted: [...asm.omitted].sort(), claimIdentifier: claimId };
}

export function buildPasBundle(input: PasBundleInput): Bundle {
  return assemblePasBundle(input).bundle;
}
