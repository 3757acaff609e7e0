// Canonical URLs and code systems the PAS request bundle uses, in one place so the builder and the validator agree.
// Sources: Da Vinci PAS 2.2.1 (../shared/fixtures/pas/Claim.fsh, Bundle.fsh, Examples.fsh).

import { SYS } from '../../policy/code-systems';

const PAS_SD = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/';

export const PAS = {
  bundleProfile: `${PAS_SD}profile-pas-request-bundle`,
  claimProfile: `${PAS_SD}profile-claim`,
  documentReferenceProfile: `${PAS_SD}profile-documentreference`,
  extRequestType: `${PAS_SD}extension-serviceItemRequestType`,
  extCertificationType: `${PAS_SD}extension-certificationType`,
  extLevelOfService: `${PAS_SD}extension-levelOfServiceCode`,
  extDocumentInformation: `${PAS_SD}extension-documentInformation`,
  extCareTeamClaimScope: `${PAS_SD}extension-careTeamClaimScope`,
  extRequestedService: `${PAS_SD}extension-requestedService`,
  tempCodes: 'http://hl7.org/fhir/us/davinci-pas/CodeSystem/PASTempCodes',
} as const;

export const SYSTEMS = {
  icd10cm: SYS.icd10,
  cpt: SYS.cpt,
  hcpcs: SYS.hcpcs,
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  x12RequestType: 'https://codesystem.x12.org/005010/1525',
  x12CertificationType: 'https://codesystem.x12.org/005010/1322',
  x12ServiceType: 'https://codesystem.x12.org/005010/1365',
  x12ReportType: 'https://codesystem.x12.org/005010/755',
  x12TransmissionMethod: 'https://codesystem.x12.org/005010/756',
  x12EntityType: 'https://codesystem.x12.org/005010/98',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  processPriority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  npi: SYS.npi,
  usCoreDocCategory: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  loinc: 'http://loinc.org',
  v2IdentifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  /** X12 1069 Individual Relationship Code (PAS Coverage.relationship.coding:X12Code; "18" = self). */
  x12Relationship: 'https://codesystem.x12.org/005010/1069',
  /** Our own, documented local system for document types the IG leaves open (packet PDF, excerpts, assessment). */
  localDocType: 'https://claimready.app/CodeSystem/document-type',
  claimIdentifier: 'https://claimready.app/id/pas-claim',
  bundleIdentifier: 'https://claimready.app/id/pas-bundle',
  patientMrn: 'https://claimready.app/id/mrn',
  subscriberId: 'https://claimready.app/id/subscriber',
  payerId: 'https://claimready.app/id/payer',
} as const;

/** X12 PWK01 report type codes (value set pas-pwk01-attachment-report-type-code) used for each kind of support. */
export const REPORT_TYPE = {
  medicalRecord: { code: 'M1', display: 'Medical Record Attachment' },
  physicianReport: { code: 'PY', display: "Physician's Report" },
  radiology: { code: 'RR', display: 'Radiology Reports' },
  physicalTherapy: { code: 'PN', display: 'Physical Therapy Notes' },
  operativeNote: { code: 'OB', display: 'Operative Note' },
  supportData: { code: 'OZ', display: 'Support Data for Claim' },
} as const;

export type ReportType = (typeof REPORT_TYPE)[keyof typeof REPORT_TYPE];

/** LOINC document types for what the packet carries, from the PAS LOINC attachment value set
 * (pas-loinc-attachment-codes, 2.2.1), all document-scale codes as US Core DocumentReference.type requires. */
export const DOC_TYPE = {
  summary: { code: '34133-9', display: 'Summary of episode note' },
  progressNote: { code: '11506-3', display: 'Progress note' },
  procedureNote: { code: '28570-0', display: 'Procedure note' },
  imaging: { code: '18748-4', display: 'Diagnostic imaging study' },
  physicalTherapy: { code: '11515-4', display: 'Physical therapy Episode of care medical records' },
  consultNote: { code: '11488-4', display: 'Consult note' },
  medicalRecords: { code: '11503-0', display: 'Medical records' },
} as const;

export interface DocType {
  code: string;
  display: string;
}

/** X12 278 carries up to 10 PWK (additional information) items for the patient event (2000E) and 10 per service
 * (2000F): X12N RFI 231 on the 278 guide. Secondary source for 005010X217 (the RFI cites 004010X094A1); kept as
 * the limit since the PAS AdditionalInformation slice maps to PWK. */
export const MAX_ATTACHMENTS = 10;
