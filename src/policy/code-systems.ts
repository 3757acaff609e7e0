// The code systems ClaimReady reads and writes, and the other spellings real EHRs send for them (OIDs, http/https,
// trailing slashes). The one table: the reader matches codings against it, the writers stamp its canonical URLs.
// Canonical URLs are HL7 Terminology's (THO); HCPCS's is http://, as in the Da Vinci PAS 2.2.1 examples.

export const SYS = {
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  icd10: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  painObs: 'http://claimready.app/fhir/CodeSystem/pain-observation',
  sopt: 'urn:oid:2.16.840.1.113883.3.221.5',
} as const;

export type CodeSystem = (typeof SYS)[keyof typeof SYS];

export const SYSTEM_ALIASES: Readonly<Record<string, readonly string[]>> = {
  [SYS.cpt]: ['urn:oid:2.16.840.1.113883.6.12', 'http://www.ama-assn.org/go/cpt/', 'https://www.ama-assn.org/go/cpt'],
  [SYS.hcpcs]: [
    'urn:oid:2.16.840.1.113883.6.285',
    'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
    'urn:oid:2.16.840.1.113883.6.14',
  ],
  [SYS.icd10]: ['urn:oid:2.16.840.1.113883.6.90', 'http://hl7.org/fhir/sid/icd-10-cm/', 'https://hl7.org/fhir/sid/icd-10-cm'],
  [SYS.snomed]: ['urn:oid:2.16.840.1.113883.6.96', 'https://snomed.info/sct'],
  [SYS.loinc]: ['urn:oid:2.16.840.1.113883.6.1', 'https://loinc.org'],
  [SYS.rxnorm]: ['urn:oid:2.16.840.1.113883.6.88', 'https://www.nlm.nih.gov/research/umls/rxnorm'],
  [SYS.npi]: ['urn:oid:2.16.840.1.113883.4.6'],
  [SYS.sopt]: ['https://nahdo.org/sopt', 'http://nahdo.org/sopt'],
};

// Each alias -> its canonical URL, built once: the readers ask isSystem for every coding of every resource.
const CANONICAL_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(SYSTEM_ALIASES).flatMap(([canonical, aliases]) => aliases.map((alias) => [alias, canonical] as const)),
);

/** Whether `system` names `wanted` in any spelling the table knows. */
export function isSystem(system: string | undefined, wanted: string): boolean {
  if (!system) return false;
  return system === wanted || CANONICAL_OF.get(system) === wanted;
}

/** CPT codes are five digits; HCPCS Level II start with a letter (J1040, G0260). */
export function procedureSystemOf(code: string): typeof SYS.cpt | typeof SYS.hcpcs {
  return /^\d/.test(code) ? SYS.cpt : SYS.hcpcs;
}
