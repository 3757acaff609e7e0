// The who of a request (beneficiary, coverage, insurer, requesting clinic and clinician), taken from the raw EHR
// resources when we have them and otherwise built from the picture's facts, so the Claim's required references
// always resolve inside the bundle.
import type { ContactPoint, Coverage, HumanName, Organization, Patient, Practitioner, PractitionerRole, Resource } from 'fhir/r4';
import type { ClinicalPicture, CoverageFact } from '../../policy/picture';
import type { Assessment } from '../../policy/verdicts';
import { refKey } from './assemble';
import { stableHash } from './ids';
import { SYSTEMS } from './systems';

export interface PartyData {
  id?: string;
  /** Display name ("Chidi Okafor, MD" or the clinic's name). */
  name: string;
  npi?: string;
  /** A person's structured name: PAS Practitioner requires the family name. */
  family?: string;
  given?: string[];
  /** Work phone: PAS PractitionerRole must carry contact information (US Core pd-1). */
  phone?: string;
}

const phoneOf = (phone: string | undefined): ContactPoint[] => (phone ? [{ system: 'phone', value: phone, use: 'work' }] : []);

export interface ClinicInfo {
  organization: Organization | PartyData;
  practitioner: Practitioner | PartyData;
  /** The role's contact where the chart records one apart from the clinician and clinic (the EHR's own
   * PractitionerRole, the rendering Location): US Core pd-1 needs a contact on the role. */
  contact?: ContactPoint[];
}

function isResource<T extends Resource>(v: T | PartyData): v is T {
  return 'resourceType' in v;
}

const slug = (s: string): string => stableHash([s]).slice(0, 16);

export function clinicOrganization(o: Organization | PartyData): Organization {
  if (isResource<Organization>(o)) return o.id ? o : { ...o, id: `clinic-${slug(o.name ?? 'clinic')}` };
  return {
    resourceType: 'Organization',
    id: o.id ?? `clinic-${slug(o.name)}`,
    active: true,
    // X12 98 "1P" Provider: the requester of the service.
    type: [{ coding: [{ system: SYSTEMS.x12EntityType, code: '1P', display: 'Provider' }] }],
    name: o.name,
    ...(o.npi ? { identifier: [{ system: SYSTEMS.npi, value: o.npi }] } : {}),
    ...(o.phone ? { telecom: phoneOf(o.phone) } : {}),
  };
}

export function clinicPractitioner(p: Practitioner | PartyData): Practitioner {
  if (isResource<Practitioner>(p)) return p.id ? p : { ...p, id: `clinician-${slug(JSON.stringify(p.name ?? []))}` };
  return {
    resourceType: 'Practitioner',
    id: p.id ?? `clinician-${slug(p.name)}`,
    name: [{ text: p.name, ...(p.family ? { family: p.family } : {}), ...(p.given?.length ? { given: p.given } : {}) } satisfies HumanName],
    ...(p.npi ? { identifier: [{ system: SYSTEMS.npi, value: p.npi }] } : {}),
    ...(p.phone ? { telecom: phoneOf(p.phone) } : {}),
  };
}

export function practitionerRole(org: Organization, pr: Practitioner, contact: readonly ContactPoint[] = []): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: `role-${stableHash([`Organization/${org.id ?? ''}`, `Practitioner/${pr.id ?? ''}`]).slice(0, 24)}`,
    active: true,
    practitioner: { reference: `Practitioner/${pr.id ?? ''}` },
    organization: { reference: `Organization/${org.id ?? ''}` },
    // The role's contact is the chart's role/location line, else the clinician's work line, else the clinic's (where
    // the payer calls back).
    ...(() => {
      const telecom = [...contact]
        .concat((pr.telecom ?? []).filter((t) => t.use !== 'home'))
        .concat(org.telecom ?? [])
        .filter((t) => t.value);
      return telecom.length ? { telecom: telecom.slice(0, 2) } : {};
    })(),
  };
}

export function patientFromPicture(picture: ClinicalPicture): Patient {
  const p = picture.patient;
  return {
    resourceType: 'Patient',
    id: p.id,
    ...(p.mrn ? { identifier: [{ system: SYSTEMS.patientMrn, value: p.mrn }] } : {}),
    // The name's parts only as the EHR recorded them: a name that arrived as text alone stays text, and the packet
    // check refuses it (us-core-6) rather than the builder guessing which word is the family name.
    ...(p.name || p.family || p.given?.length
      ? {
          name: [
            {
              ...(p.name ? { text: p.name } : {}),
              ...(p.family ? { family: p.family } : {}),
              ...(p.given?.length ? { given: [...p.given] } : {}),
            },
          ],
        }
      : {}),
    ...(p.sex ? { gender: p.sex } : {}),
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
  };
}

/** The coverage the request is for: the assessed payer's, else the first active one by order. The PAS bundle, the
 * packet summary and the necessity letter all name this one. */
export function focalCoverage(picture: ClinicalPicture, assessment: Assessment): CoverageFact | undefined {
  const active = picture.coverages.filter((c) => c.status === 'active').sort((a, b) => (a.order ?? 99) - (b.order ?? 99));
  return active.find((c) => c.payerId !== undefined && c.payerId === assessment.payer.id) ?? active[0];
}

export function insurerFor(c: CoverageFact, raw: Coverage | undefined, assessment: Assessment): Organization {
  const payorKey = raw?.payor?.[0]?.reference ? refKey(raw.payor[0].reference) : undefined;
  const id = payorKey?.startsWith('Organization/')
    ? payorKey.slice('Organization/'.length)
    : `payer-${slug(c.payerId ?? c.payerName ?? assessment.payer.id)}`;
  const payerId = c.payerId ?? assessment.payer.id;
  return {
    resourceType: 'Organization',
    id,
    active: true,
    type: [{ coding: [{ system: SYSTEMS.x12EntityType, code: 'PR', display: 'Payer' }] }],
    name: c.payerName ?? assessment.payer.name,
    ...(payerId ? { identifier: [{ system: SYSTEMS.payerId, value: payerId }] } : {}),
  };
}

export function coverageFromFact(c: CoverageFact, patient: Patient, insurer: Organization): Coverage {
  return {
    resourceType: 'Coverage',
    id: c.id,
    status: c.status === 'active' ? 'active' : 'draft',
    ...(c.subscriberId ? { subscriberId: c.subscriberId } : {}),
    beneficiary: { reference: `Patient/${patient.id ?? ''}` },
    ...(c.typeCode ? { type: { coding: [{ code: c.typeCode }] } } : {}),
    ...(c.periodStart || c.periodEnd
      ? { period: { ...(c.periodStart ? { start: c.periodStart } : {}), ...(c.periodEnd ? { end: c.periodEnd } : {}) } }
      : {}),
    payor: [{ reference: `Organization/${insurer.id ?? ''}` }],
    ...(c.planName
      ? {
          class: [
            { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' }] }, value: c.planName },
          ],
        }
      : {}),
  };
}

/** X12 1069 individual relationship codes for the HL7 subscriber-relationship codes that have one. */
const X12_RELATIONSHIP: Record<string, { code: string; display: string }> = {
  self: { code: '18', display: 'Self' },
  spouse: { code: '01', display: 'Spouse' },
  child: { code: '19', display: 'Child' },
  other: { code: 'G8', display: 'Other Relationship' },
};

/**
 * The coverage as PAS Coverage wants it, from the EHR's own Coverage (or the picture's fact): the member id as an
 * identifier typed MB, the relationship also in X12 1069, and the subscriber (the patient when self). Nothing is
 * invented: without a member id or a relationship the gaps stay, and the packet check names them.
 */
export function pasCoverage(base: Coverage, fact: CoverageFact, patientRef: string): Coverage {
  const out: Coverage = structuredClone(base);
  const memberId =
    base.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MB'))?.value ??
    base.subscriberId ??
    fact.memberId ??
    fact.subscriberId;
  const others = (base.identifier ?? []).filter((i) => !i.type?.coding?.some((c) => c.code === 'MB'));
  if (memberId) {
    out.identifier = [
      { type: { coding: [{ system: SYSTEMS.v2IdentifierType, code: 'MB', display: 'Member Number' }] }, value: memberId },
      ...others,
    ];
    out.subscriberId ??= memberId;
  }
  // No relationship, but the subscriber named is the beneficiary: that is "self", said in the chart's own references.
  const subscriberIsPatient =
    !!base.subscriber?.reference && !!base.beneficiary?.reference && base.subscriber.reference === base.beneficiary.reference;
  if (!base.relationship?.coding?.length && subscriberIsPatient)
    out.relationship = { coding: [{ system: SYSTEMS.subscriberRelationship, code: 'self' }] };
  const relationship = out.relationship;
  const hl7 = relationship?.coding?.find((c) => c.system === SYSTEMS.subscriberRelationship)?.code;
  const x12 = hl7 ? X12_RELATIONSHIP[hl7] : undefined;
  if (relationship && x12 && !relationship.coding?.some((c) => c.system === SYSTEMS.x12Relationship)) {
    out.relationship = { ...relationship, coding: [...(relationship.coding ?? []), { system: SYSTEMS.x12Relationship, ...x12 }] };
  }
  if (hl7 === 'self' && !out.subscriber) out.subscriber = { reference: patientRef };
  return out;
}
