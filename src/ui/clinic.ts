// The requesting clinic and clinician for a packet, from what the chart already says: the order's requester, and
// the visit's (or the patient's) organization. Absent either, the packet says the requester is not configured.
import type { Encounter, Organization, Patient, Practitioner, Resource, ServiceRequest } from 'fhir/r4';
import type { ClinicInfo } from '../writeback/index';

function refOf(v: { reference?: string } | undefined): string | undefined {
  const m = v?.reference ? /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(v.reference) : null;
  return m?.[1];
}

function get<T extends Resource>(index: ReadonlyMap<string, Resource>, ref: string | undefined, type: T['resourceType']): T | undefined {
  const r = ref ? index.get(ref) : undefined;
  return r?.resourceType === type ? (r as T) : undefined;
}

export function clinicFor(
  index: ReadonlyMap<string, Resource>,
  ctx: { requestRefs: (string | undefined)[]; encounterId?: string; patientId: string; user?: string },
): ClinicInfo | undefined {
  const orders = ctx.requestRefs.map((r) => get<ServiceRequest>(index, r, 'ServiceRequest')).filter((s): s is ServiceRequest => !!s);
  const practitioner =
    orders.map((o) => get<Practitioner>(index, refOf(o.requester), 'Practitioner')).find((p) => p) ??
    get<Practitioner>(index, ctx.user, 'Practitioner');
  const encounter = ctx.encounterId ? get<Encounter>(index, `Encounter/${ctx.encounterId}`, 'Encounter') : undefined;
  const anyEncounter = [...index.values()].find(
    (r): r is Encounter => r.resourceType === 'Encounter' && !!(r as Encounter).serviceProvider,
  );
  const patient = get<Patient>(index, `Patient/${ctx.patientId}`, 'Patient');
  const organization =
    get<Organization>(index, refOf(encounter?.serviceProvider), 'Organization') ??
    get<Organization>(index, refOf(anyEncounter?.serviceProvider), 'Organization') ??
    get<Organization>(index, refOf(patient?.managingOrganization), 'Organization');
  return practitioner && organization ? { practitioner, organization } : undefined;
}
