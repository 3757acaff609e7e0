// The few PAS / US Core profile rules whose outcome depends on what the chart holds rather than on how the builder
// writes (the beneficiary's name and its parts, identifier and sex, a coverage at all, member id, relationship, the
// clinician's NPI and family name, a contact for the role). The official profiles decide them in the conformance
// suite (launch/sandbox/conformance); in the browser, where those packages are not loaded, these say in words what is
// missing and which field of which record to fill in, so such a packet is not saved.
import type { PasViolation } from './violation';
import { isValidNpi } from './npi';
import { PLACEHOLDER_CLINIC } from '../clinic';
import { SYSTEMS } from './systems';

const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

type Res = { resourceType: string; [k: string]: unknown };
type Lookup = (ref: string) => Res | undefined;

const arr = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
const refOf = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null && typeof (v as { reference?: unknown }).reference === 'string'
    ? (v as { reference: string }).reference
    : undefined;
const codings = (cc: unknown): Record<string, unknown>[] => arr((cc as { coding?: unknown } | undefined)?.coding);

/** "Dr. Lloyd Effertz" from a Practitioner's first name (text, else its parts), for messages to PA staff. */
function personName(pr: Res): string | undefined {
  const n = arr(pr.name)[0];
  if (!n) return undefined;
  if (typeof n.text === 'string' && n.text.trim()) return n.text.trim();
  const words = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const built = [...words(n.prefix), ...words(n.given), ...(typeof n.family === 'string' ? [n.family] : [])].join(' ').trim();
  return built || undefined;
}

export function partyRules(claim: Res, path: string, lookup: Lookup, v: PasViolation[]): void {
  const add = (rule: string, p: string, message: string): void => {
    v.push({ rule, path: p, message });
  };
  // The beneficiary as US Core / PAS name it (the payer matches the member on these): real exports lack each of them.
  const patientRef = refOf(claim.patient);
  const patient = patientRef ? lookup(patientRef) : undefined;
  if (patient?.resourceType === 'Patient') {
    const p = `${path}.patient`;
    const names = arr(patient.name);
    if (!names.length) add('PASBeneficiary.name', p, "the patient's name is not recorded: record it in the chart");
    // us-core-6: a family or given name (or a data-absent reason); the payer matches the member on the parts.
    const parts = (n: Record<string, unknown>): boolean =>
      (typeof n.family === 'string' && n.family.trim() !== '') ||
      (Array.isArray(n.given) && n.given.some((g) => typeof g === 'string' && g.trim() !== '')) ||
      arr(n.extension).some((e) => e.url === DATA_ABSENT_REASON);
    if (names.length && !names.some(parts))
      add(
        'us-core-6',
        p,
        "the patient's name is recorded only as free text, without a family or given name: record the family name and given name(s) separately on the patient's record in the EHR, as they appear on the insurance card",
      );
    if (!arr(patient.identifier).some((id) => typeof id.value === 'string' && id.value))
      add('PASBeneficiary.identifier', p, 'the patient has no identifier (MRN) on record: record it in the chart');
    if (typeof patient.gender !== 'string' || !patient.gender)
      add('PASBeneficiary.gender', p, 'the patient\'s administrative sex is not recorded ("unknown" is a value): record it in the chart');
  }
  if (!arr(claim.insurance).some((ins) => refOf(ins.coverage)))
    add(
      'PASClaim.insurance',
      `${path}.insurance`,
      'the patient has no active coverage in the chart: record the coverage (payer and member id)',
    );
  arr(claim.insurance).forEach((ins, i) => {
    const ref = refOf(ins.coverage);
    const cov = ref ? lookup(ref) : undefined;
    if (cov?.resourceType !== 'Coverage') return;
    const p = `${path}.insurance[${i}].coverage`;
    // The profile asks for the identifier typed MB; the number itself may sit there or in subscriberId (as the IG's
    // own examples do), but it must be somewhere for the payer to find the member.
    const typed = arr(cov.identifier).filter((id) => codings(id.type).some((c) => c.code === 'MB'));
    const number =
      typed.some((id) => typeof id.value === 'string' && id.value) || (typeof cov.subscriberId === 'string' && cov.subscriberId);
    const payorRef = arr(cov.payor).map(refOf).find(Boolean);
    const payor = payorRef ? lookup(payorRef) : undefined;
    const payerName = typeof payor?.name === 'string' && payor.name ? payor.name : 'not named';
    if (!typed.length || !number)
      add(
        'PASCoverage.identifier:memberid',
        p,
        `the coverage has no member id: record the member id from the patient's insurance card (payer: ${payerName}) on the patient's Coverage in the EHR (Coverage.subscriberId, or a Coverage.identifier typed MB), adding the Coverage if the record has none`,
      );
    const self = codings(cov.relationship).some((c) => c.system === SYSTEMS.x12Relationship && c.code === '18');
    if (!self && !refOf(cov.subscriber))
      add(
        'self-beneficiary',
        p,
        "the coverage names no subscriber and does not say the patient is the subscriber: record the patient's relationship to the subscriber on the Coverage (Coverage.relationship, e.g. self), or the subscriber (Coverage.subscriber)",
      );
  });
  arr(claim.careTeam).forEach((ct, i) => {
    const ref = refOf(ct.provider);
    const role = ref ? lookup(ref) : undefined;
    if (role?.resourceType !== 'PractitionerRole') return;
    const p = `${path}.careTeam[${i}].provider`;
    const prRef = refOf(role.practitioner);
    const pr = prRef ? lookup(prRef) : undefined;
    if (!arr(role.telecom).length && !arr(role.endpoint).length) {
      const clinician = pr?.resourceType === 'Practitioner' ? personName(pr) : undefined;
      const orgRef = refOf(role.organization);
      const org = orgRef ? lookup(orgRef) : undefined;
      const clinic = typeof org?.name === 'string' && org.name && org.name !== PLACEHOLDER_CLINIC ? org.name : undefined;
      add(
        'pd-1',
        p,
        `no phone for the requesting clinician or clinic (the payer's call-back line): record a work phone on the ordering clinician${clinician ? ` (${clinician})` : ''} (Practitioner.telecom), the clinic${clinic ? ` (${clinic})` : ''} (Organization.telecom) or the rendering location (Location.telecom)`,
      );
    }
    if (pr?.resourceType !== 'Practitioner') return;
    const npis = arr(pr.identifier).flatMap((id) =>
      id.system === SYSTEMS.npi && typeof id.value === 'string' && id.value ? [id.value] : [],
    );
    const npi = npis.length > 0;
    const broken = npis.find((n) => !isValidNpi(n));
    const who = personName(pr);
    if (broken)
      add(
        'us-core-16/17',
        p,
        `the requesting clinician's NPI on record (${broken}) is not a valid NPI (10 digits ending in its check digit): record ${who ? `${who}'s` : "the clinician's"} 10-digit NPI (as listed in NPPES) on their Practitioner record in the EHR (identifier system ${SYSTEMS.npi}), or order from a clinician whose NPI is recorded`,
      );
    const family = arr(pr.name).some((n) => typeof n.family === 'string' && n.family);
    if (!npi && !family)
      add(
        'PASPractitioner',
        p,
        'no requesting clinician is configured (no NPI, no family name): open ClaimReady from an order whose requester is recorded, or configure the clinic',
      );
    else {
      if (!npi) add('PASPractitioner.identifier', p, 'the requesting clinician has no NPI on record');
      if (!family) add('PASPractitioner.name.family', p, "the requesting clinician's family name is not recorded");
    }
  });
}
