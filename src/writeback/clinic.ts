// The requesting clinician and clinic for a packet, from what the chart already says (one home for the app and the
// CLI): the order's requester (a Practitioner, or a PractitionerRole and its practitioner/organization), then the
// visit's participant, then the signed-in user; the clinic is the requester role's organization, a role the record
// gives that clinician, the order's performing organization, the visit's service provider, then the patient's
// managing organization. The role's contact (US Core pd-1) is the EHR role's, else the clinician's, the clinic's, the
// rendering location's or the location the clinician's role names; where none is recorded the packet check says what
// to add. Only what is not in the chart is a placeholder.
// Reads raw FHIR only (no fhir/ code), so it sits with the packet builder rather than in the read layer.
import type {
  ContactPoint,
  Encounter,
  Location,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
  Resource,
  ServiceRequest,
} from 'fhir/r4';
import type { ClinicInfo } from './pas/parties';

export interface ClinicContext {
  requestRefs: readonly (string | undefined)[];
  encounterId?: string;
  patientId: string;
  /** fhirUser of the signed-in user ("Practitioner/123"): the clinician when the chart names none. */
  user?: string;
}

export interface ClinicFromChart {
  /** Undefined when the chart names neither a clinician nor a clinic. */
  clinic?: ClinicInfo;
  /** What the chart does not name (the packet carries a placeholder for it), in words for the user. */
  missing: string[];
}

const refOf = (v: Reference | undefined): string | undefined =>
  v?.reference ? /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(v.reference)?.[1] : undefined;

function get<T extends Resource>(index: ReadonlyMap<string, Resource>, ref: string | undefined, type: T['resourceType']): T | undefined {
  const r = ref ? index.get(ref) : undefined;
  return r?.resourceType === type ? (r as T) : undefined;
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

const work = (t: readonly ContactPoint[] | undefined): ContactPoint[] =>
  (t ?? []).filter((c) => c.value && c.use !== 'home' && c.system !== 'email');

export const PLACEHOLDER_CLINIC = 'Requesting clinic (not configured)';
export const PLACEHOLDER_CLINICIAN = 'Ordering clinician';
/** Both parties unknown: the packet names them as not configured and its check refuses to save it. */
export const PLACEHOLDER_PARTIES: ClinicInfo = {
  organization: { name: PLACEHOLDER_CLINIC },
  practitioner: { name: PLACEHOLDER_CLINICIAN },
};

export function clinicFromChart(index: ReadonlyMap<string, Resource>, ctx: ClinicContext): ClinicFromChart {
  const orders = ctx.requestRefs.map((r) => get<ServiceRequest>(index, r, 'ServiceRequest')).filter((s): s is ServiceRequest => !!s);
  const roles = orders
    .map((o) => get<PractitionerRole>(index, refOf(o.requester), 'PractitionerRole'))
    .filter((r): r is PractitionerRole => !!r);
  const encounters = [
    ...orders.map((o) => get<Encounter>(index, refOf(o.encounter), 'Encounter')),
    ctx.encounterId ? get<Encounter>(index, `Encounter/${ctx.encounterId}`, 'Encounter') : undefined,
  ].filter((e): e is Encounter => !!e);
  const patientEncounters = [...index.values()].filter(
    (r): r is Encounter => r.resourceType === 'Encounter' && refOf((r as Encounter).subject) === `Patient/${ctx.patientId}`,
  );
  const visits = [...encounters, ...patientEncounters];

  const practitioner =
    orders.map((o) => get<Practitioner>(index, refOf(o.requester), 'Practitioner')).find((p) => p) ??
    roles.map((r) => get<Practitioner>(index, refOf(r.practitioner), 'Practitioner')).find((p) => p) ??
    visits.flatMap((e) => (e.participant ?? []).map((p) => get<Practitioner>(index, refOf(p.individual), 'Practitioner'))).find((p) => p) ??
    get<Practitioner>(index, ctx.user, 'Practitioner');
  const patient = get<Patient>(index, `Patient/${ctx.patientId}`, 'Patient');
  // A role the record gives the chosen clinician at a clinic, when the order names the person rather than the role.
  const prKey = practitioner?.id ? `Practitioner/${practitioner.id}` : undefined;
  const clinicianRoles = prKey
    ? [...index.values()].filter(
        (x): x is PractitionerRole =>
          x.resourceType === 'PractitionerRole' &&
          refOf((x as PractitionerRole).practitioner) === prKey &&
          !roles.includes(x as PractitionerRole),
      )
    : [];
  // Where the service is done (the order's, the visit's), then where the clinician's role says they practise.
  const locations = uniq(
    [
      ...orders.flatMap((o) => (o.locationReference ?? []).map((l) => get<Location>(index, refOf(l), 'Location'))),
      ...visits.flatMap((e) => (e.location ?? []).map((l) => get<Location>(index, refOf(l.location), 'Location'))),
      ...[...roles, ...clinicianRoles].flatMap((r) => (r.location ?? []).map((l) => get<Location>(index, refOf(l), 'Location'))),
    ].filter((l): l is Location => !!l),
  );
  const organization =
    roles.map((r) => get<Organization>(index, refOf(r.organization), 'Organization')).find((o) => o) ??
    clinicianRoles.map((r) => get<Organization>(index, refOf(r.organization), 'Organization')).find((o) => o) ??
    orders.flatMap((o) => (o.performer ?? []).map((p) => get<Organization>(index, refOf(p), 'Organization'))).find((o) => o) ??
    visits.map((e) => get<Organization>(index, refOf(e.serviceProvider), 'Organization')).find((o) => o) ??
    get<Organization>(index, refOf(patient?.managingOrganization), 'Organization') ??
    locations.map((l) => get<Organization>(index, refOf(l.managingOrganization), 'Organization')).find((o) => o);

  const missing: string[] = [];
  if (!practitioner) missing.push("the ordering clinician (the order's requester)");
  if (!organization) missing.push("the requesting clinic (the visit's service provider)");
  if (!practitioner && !organization) return { missing };
  // The EHR's own role contact first, then a location's (the clinic's front desk); the clinician's and the clinic's
  // own telecom are added by the role builder.
  const contact = [
    ...roles.flatMap((r) => work(r.telecom)),
    ...clinicianRoles.flatMap((r) => work(r.telecom)),
    ...locations.flatMap((l) => work(l.telecom)),
  ];
  const clinic: ClinicInfo = {
    practitioner: practitioner ?? { name: PLACEHOLDER_CLINICIAN },
    organization: organization ?? { name: PLACEHOLDER_CLINIC },
    ...(contact.length ? { contact } : {}),
  };
  return { clinic, missing };
}
