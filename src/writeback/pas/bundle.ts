// Builds the Da Vinci PAS request Bundle (PAS 2.2.1: PASRequestBundle + PASClaim) for one planned service from the
// picture, the policy assessment and the coding suggestion. Pure: `now` and `today` are inputs, ids are derived.
import { placeOfServiceFor } from '../place-of-service';
import type {
  Bundle,
  BundleEntry,
  Claim,
  ClaimItem,
  ClaimSupportingInfo,
  CodeableConcept,
  Coverage,
  DiagnosticReport,
  DocumentReference,
  Extension,
  Period,
  Practitioner,
  Reference,
  Resource,
  ServiceRequest,
} from 'fhir/r4';
import { pasServiceRequest } from './adapt';
import type { ClinicalPicture, PlannedService } from '../../policy/picture';
import type { Assessment, CodingSuggestion } from '../../policy/verdicts';
import { serviceKind } from '../../policy/services';
import { BundleAssembler, keyOf, refKey } from './assemble';
import { imagingDocument, noteDocument, pdfDocument } from './documents';
import { stableHash, stableUuid } from './ids';
import {
  clinicOrganization,
  clinicPractitioner,
  coverageFromFact,
  focalCoverage,
  insurerFor,
  pasCoverage,
  patientFromPicture,
  practitionerRole,
  type ClinicInfo,
} from './parties';
import { practitionerDisplay, practitionerProblem } from './npi';
import { planSupport } from './supporting';
import { requestDiagnoses } from './request-dx';
import { requestRefusals } from './request-refusals';
import type { PasViolation } from './violation';
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
  /** CMS place-of-service code the clinic chose; else the service's own (place-of-service.ts). */
  placeOfService?: string;
}

export interface PasBuild {
  bundle: Bundle;
  /** References the Claim needs that no supplied resource resolves (the validator reports them: spec-13). */
  unresolved: string[];
  /** References inside included EHR resources that were reduced to their display because they were not supplied. */
  omitted: string[];
  /** Evidence the request does not send as supporting information, with why (the summary PDF states it). */
  notSent: { key: string; why: string }[];
  /** The date of service, or the period requested when no date is scheduled. */
  requested: { date: string } | { period: { start: string; end: string } };
  claimIdentifier: string;
  /** Why the packet must not be requested as it stands (no valid diagnosis, a not-eligible service): saving refuses. */
  refused: PasViolation[];
}

const cc = (system: string, code: string, display?: string): CodeableConcept => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});

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
  const medical =
    kind === 'em-office-new' ||
    kind === 'em-office-established' ||
    kind === 'drug' ||
    kind === 'chronic-pain-management' ||
    kind === 'other';
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

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Days requested when the order names no date: the clinic's usual authorization window. */
export const REQUESTED_WINDOW_DAYS = 90;

function addDays(day: string, n: number): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function requestedFor(service: PlannedService, today: string): PasBuild['requested'] {
  if (service.date) return { date: service.date.slice(0, 10) };
  return { period: { start: today.slice(0, 10), end: addDays(today, REQUESTED_WINDOW_DAYS - 1) } };
}

export function claimIdentifierFor(picture: ClinicalPicture, service: PlannedService): string {
  return stableHash([
    'pas-claim',
    picture.patient.id,
    service.code,
    service.levels.join(','),
    service.laterality ?? '',
    service.date ?? '',
    service.requestRef ?? '',
  ]);
}

export function assemblePasBundle(input: PasBundleInput): PasBuild {
  const { picture, service, assessment, coding, now } = input;
  const raw = input.resources ?? new Map<string, Resource>();
  const local = new Map<string, Resource>();
  // EHR resources adapted to their PAS profile (coverage, notes) replace the raw ones in the bundle.
  const adapted = new Map<string, Resource>();
  const lookup = (key: string): Resource | undefined => {
    const hit = adapted.get(key) ?? raw.get(key) ?? local.get(key);
    // Every order the packet carries (the request's and any a supporting resource is based on) as PAS states one.
    if (hit?.resourceType === 'ServiceRequest' && !adapted.has(key)) adapted.set(key, pasServiceRequest(hit as ServiceRequest));
    return adapted.get(key) ?? hit;
  };
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
  const prKey = put(pr);
  const roleKey = put(practitionerRole(org, pr, input.clinic.contact));

  const cov = focalCoverage(picture, assessment);
  let coverageKey: string | undefined;
  let insurerKey: string;
  if (cov) {
    // A payer read from a Claim or EOB (exports without Coverage) has the id "Claim/x": not a FHIR id.
    const coverageId = FHIR_ID.test(cov.id) ? cov.id : `coverage-${stableHash([cov.id]).slice(0, 24)}`;
    coverageKey = `Coverage/${coverageId}`;
    const rawCov = raw.get(coverageKey) as Coverage | undefined;
    const insurer = insurerFor(cov, rawCov, assessment);
    insurerKey = raw.has(keyOf(insurer)) ? keyOf(insurer) : put(insurer);
    const built = rawCov ?? { ...coverageFromFact(cov, patientFromPicture(picture), insurer), id: coverageId };
    adapted.set(coverageKey, pasCoverage(built, cov, patientKey));
  } else {
    insurerKey = put(insurerFor({ id: 'none', status: 'unknown', source: 'coded', evidence: [] }, undefined, assessment));
  }

  // A clinician named only as context (a visit's participant, a report's performer) whom US Core Practitioner would
  // reject (a placeholder NPI, no identifier or family name) is named by display; the requester is checked instead.
  const asm = new BundleAssembler(lookup, (r) =>
    r.resourceType === 'Practitioner' && keyOf(r) !== prKey && practitionerProblem(r as Practitioner) !== undefined
      ? practitionerDisplay(r as Practitioner)
      : undefined,
  );
  const patient = asm.ref(patientKey);
  const dx = requestDiagnoses(coding, service);
  const plan = planSupport(picture, assessment, new Set(dx.list.map((d) => d.code)), service);

  const supportingInfo: ClaimSupportingInfo[] = [];
  const addInfo = (value: Reference, reportType: ReportType, description: string): number => {
    const sequence = supportingInfo.length + 1;
    supportingInfo.push(additionalInformation(sequence, value, reportType, description));
    return sequence;
  };
  const subject = { reference: patientKey };
  if (input.pdf)
    addInfo(
      asm.ref(put(pdfDocument(input.pdf, claimId, subject, now))),
      REPORT_TYPE.physicianReport,
      'Medical necessity summary (ordering clinician attests)',
    );
  const notSent = [...plan.left];
  for (const s of plan.items) {
    if (s.kind === 'note') {
      const doc = noteDocument(s.note, raw.get(s.key) as DocumentReference | undefined, subject);
      adapted.set(s.key, doc);
      addInfo(asm.ref(s.key, s.note.title), s.reportType, s.about);
    } else if (s.kind === 'imaging') {
      const dr = raw.get(s.key) as DiagnosticReport | undefined;
      const doc = dr ? imagingDocument(dr, subject) : undefined;
      if (doc) addInfo(asm.ref(put(doc), s.display), s.reportType, s.about);
      else notSent.push({ key: s.key, why: 'the imaging report has no text or inline form to send' });
    } else addInfo(asm.ref(s.key, s.display), s.reportType, s.about);
  }

  const diagnosis = dx.list.map((d, i) => ({
    sequence: i + 1,
    diagnosisCodeableConcept: cc(SYSTEMS.icd10cm, d.code, d.label || undefined),
  }));

  const lines = coding.lines.length
    ? coding.lines.map((l) => ({ ...l, diagnosisPointers: dx.remap(l.diagnosisPointers) }))
    : [{ code: service.code, label: '', modifiers: [], units: 1, diagnosisPointers: diagnosis.map((d) => d.sequence) }];
  const requestedWhen = requestedFor(service, input.today);
  const serviced: { servicedDate: string } | { servicedPeriod: Period } =
    'date' in requestedWhen ? { servicedDate: requestedWhen.date } : { servicedPeriod: requestedWhen.period };
  const requested: Extension[] =
    service.requestRef && refKey(service.requestRef)
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
    ...(l.diagnosisPointers.length ? { diagnosisSequence: l.diagnosisPointers } : {}),
    ...(allInfo.length ? { informationSequence: allInfo } : {}),
    category: itemCategory(l.code),
    productOrService: { ...cc(codeSystemFor(l.code), l.code), ...(l.label ? { text: l.label } : {}) },
    ...(l.modifiers.length ? { modifier: l.modifiers.map(modifierCc) } : {}),
    ...serviced,
    locationCodeableConcept: cc(SYSTEMS.placeOfService, placeOfServiceFor(input.service, input.placeOfService)),
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
  return {
    bundle,
    unresolved: [...asm.unresolved].sort(),
    omitted: [...asm.omitted].sort(),
    claimIdentifier: claimId,
    notSent,
    requested: requestedWhen,
    refused: requestRefusals(input, dx.list),
  };
}

export function buildPasBundle(input: PasBundleInput): Bundle {
  return assemblePasBundle(input).bundle;
}
