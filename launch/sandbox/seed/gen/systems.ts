// Code systems and shared reference data used by every seed patient (see the conventions in ../README.md).
// The clinic, its physician and the payers appear in every bundle so each bundle loads on its own.
import type { Organization, Practitioner } from 'fhir/r4';

export const SYS = {
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  icd10: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  tin: 'urn:oid:2.16.840.1.113883.4.4',
  sopt: 'urn:oid:2.16.840.1.113883.3.221.5',
  painObs: 'http://claimready.app/fhir/CodeSystem/pain-observation',
  mrn: 'http://sandbox.claimready.local/fhir/sid/mrn',
  payerId: 'http://claimready.app/fhir/sid/payer',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVer: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  obsCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  diagService: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  idType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  coverageClass: 'http://terminology.hl7.org/CodeSystem/coverage-class',
  medStatementCategory: 'http://terminology.hl7.org/CodeSystem/medication-statement-category',
} as const;

export const LATERALITY = {
  left: { code: '7771000', display: 'Left' },
  right: { code: '24028007', display: 'Right' },
  bilateral: { code: '51440002', display: 'Bilateral' },
} as const;
export type Side = keyof typeof LATERALITY;

// NSAIDs, muscle relaxants, neuropathic agents and analgesics by RxNorm ingredient (the convention list).
export const RX = {
  ibuprofen: { code: '5640', display: 'ibuprofen' },
  naproxen: { code: '7258', display: 'naproxen' },
  meloxicam: { code: '41493', display: 'meloxicam' },
  diclofenac: { code: '3355', display: 'diclofenac' },
  celecoxib: { code: '140587', display: 'celecoxib' },
  cyclobenzaprine: { code: '21949', display: 'cyclobenzaprine' },
  tizanidine: { code: '57258', display: 'tizanidine' },
  methocarbamol: { code: '6845', display: 'methocarbamol' },
  gabapentin: { code: '25480', display: 'gabapentin' },
  pregabalin: { code: '187832', display: 'pregabalin' },
  duloxetine: { code: '72625', display: 'duloxetine' },
  acetaminophen: { code: '161', display: 'acetaminophen' },
  tramadol: { code: '10689', display: 'tramadol' },
  lisinopril: { code: '29046', display: 'lisinopril' },
  metformin: { code: '6809', display: 'metformin' },
  atorvastatin: { code: '83367', display: 'atorvastatin' },
} as const;
export type RxName = keyof typeof RX;

export const PRACTITIONER_ID = 'prac-okafor';
export const CLINIC_ID = 'org-clinic';

export const practitioner: Practitioner = {
  resourceType: 'Practitioner',
  id: PRACTITIONER_ID,
  identifier: [{ system: SYS.npi, value: '1902837461' }],
  active: true,
  name: [{ use: 'official', family: 'Okafor', given: ['Adaeze', 'N.'], prefix: ['Dr.'], suffix: ['MD'] }],
  qualification: [{ code: { text: 'Board certified, Anesthesiology with subspecialty in Pain Medicine' } }],
};

export const clinic: Organization = {
  resourceType: 'Organization',
  id: CLINIC_ID,
  identifier: [
    { system: SYS.npi, value: '1538264908' },
    { system: SYS.tin, type: { coding: [{ system: SYS.idType, code: 'TAX' }] }, value: '04-5821937' },
  ],
  active: true,
  type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov', display: 'Healthcare Provider' }] }],
  name: 'Riverbend Spine & Pain Center',
  telecom: [{ system: 'phone', value: '617-555-0140', use: 'work' }],
  address: [
    { use: 'work', line: ['220 Riverbend Parkway', 'Suite 310'], city: 'Worcester', state: 'MA', postalCode: '01608', country: 'US' },
  ],
};

export type PayerKey = 'medicare' | 'bcbsma' | 'summit' | 'acme';

interface PayerDef {
  id: string;
  display: string;
  identifier: string;
  sopt: string;
  soptDisplay: string;
  plan: string;
}

export const PAYERS: Record<PayerKey, PayerDef> = {
  medicare: {
    id: 'org-payer-medicare',
    display: 'Medicare Part B',
    identifier: 'MEDICARE',
    sopt: '121',
    soptDisplay: 'Medicare Fee For Service',
    plan: 'Original Medicare Part B',
  },
  bcbsma: {
    id: 'org-payer-bcbsma',
    display: 'Blue Cross Blue Shield of Massachusetts',
    identifier: 'BCBSMA',
    sopt: '6',
    soptDisplay: 'BLUE CROSS/BLUE SHIELD',
    plan: 'Blue Care Elect PPO',
  },
  summit: {
    id: 'org-payer-summit',
    display: 'Summit Health Plan',
    identifier: 'SUMMIT',
    sopt: '5',
    soptDisplay: 'PRIVATE HEALTH INSURANCE',
    plan: 'Summit Choice HMO',
  },
  acme: {
    id: 'org-payer-acme',
    display: 'Acme Mutual Insurance',
    identifier: 'ACME',
    sopt: '5',
    soptDisplay: 'PRIVATE HEALTH INSURANCE',
    plan: 'Acme Mutual Gold PPO',
  },
};

export function payerOrganization(key: PayerKey): Organization {
  const p = PAYERS[key];
  return {
    resourceType: 'Organization',
    id: p.id,
    identifier: [{ system: SYS.payerId, value: p.identifier }],
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'pay', display: 'Payer' }] }],
    name: p.display,
  };
}
