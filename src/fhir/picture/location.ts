// Where a planned service is rendered (state, setting), for Medicare's prior-authorization programs: the order's
// ServiceRequest.locationReference, else the launch encounter's (or the order's) Encounter.location, read from
// Location.address.state and a CMS place-of-service type (else v3 RoleCode HOSP, a hospital: outpatient unless the
// encounter is inpatient); Encounter.class IMP means inpatient. A minimal mapping, kept apart from the rest of the
// picture; anything unreadable leaves the location unknown ("depends"). The clinic's or clinician's own address is
// not used: a billing or mailing address does not say where the procedure is done.
import { z } from 'zod';
import type { CareSetting, PlannedService, ServiceLocation } from '../../policy/picture';
import { usStateCode } from './us-states';

const POS_SYSTEM = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';
const POS_SETTING: Record<string, CareSetting> = {
  '11': 'office',
  '19': 'hospital-outpatient',
  '22': 'hospital-outpatient',
  '24': 'asc',
  '21': 'inpatient',
};

const ROLE_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

const Ref = z.looseObject({ reference: z.string().optional() });
const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional() });
const Concept = z.looseObject({ coding: z.array(Coding).optional() });

const LocationSchema = z.looseObject({
  resourceType: z.literal('Location'),
  id: z.string(),
  address: z.looseObject({ state: z.string().optional() }).optional(),
  type: z.array(Concept).optional(),
});
const EncounterSchema = z.looseObject({
  resourceType: z.literal('Encounter'),
  id: z.string(),
  class: Coding.optional(),
  location: z.array(z.looseObject({ location: Ref })).optional(),
});
const ServiceRequestSchema = z.looseObject({
  resourceType: z.literal('ServiceRequest'),
  id: z.string(),
  encounter: Ref.optional(),
  locationReference: z.array(Ref).optional(),
  locationCode: z.array(Concept).optional(),
});

/**
 * The resources of a type by id, each validated when first asked for: a chart's hundreds of Encounters are not all
 * parsed (a loose object copies every field, 7 ms on the launch's main thread) to find the one or two a planned
 * service names. An id that fails the schema is absent, as a resource that failed it was.
 */
function byId<T>(schema: z.ZodType<T>, raw: readonly unknown[] | undefined): (id: string | undefined) => T | undefined {
  const index = new Map<string, unknown>();
  for (const r of raw ?? []) {
    const id = (r as { id?: unknown } | null)?.id;
    if (typeof id === 'string') index.set(id, r);
  }
  const parsed = new Map<string, T | undefined>();
  return (id) => {
    if (id === undefined || !index.has(id)) return undefined;
    if (!parsed.has(id)) {
      const p = schema.safeParse(index.get(id));
      parsed.set(id, p.success ? p.data : undefined);
    }
    return parsed.get(id);
  };
}

function idOf(ref: string | undefined, type: string): string | undefined {
  if (!ref) return undefined;
  const m = new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(ref);
  return m?.[1];
}

function isHospital(concepts: readonly z.infer<typeof Concept>[] | undefined): boolean {
  return (concepts ?? []).some((c) => (c.coding ?? []).some((k) => k.system === ROLE_CODE_SYSTEM && k.code === 'HOSP'));
}

function posOf(concepts: readonly z.infer<typeof Concept>[] | undefined): string | undefined {
  for (const c of concepts ?? []) for (const k of c.coding ?? []) if (k.system === POS_SYSTEM && k.code) return k.code;
  return undefined;
}

/**
 * Sets `location` on each planned service whose order or encounter names one; returns the ids of the Locations it
 * read, so the caller can list the others as not read.
 */
export function applyServiceLocations(
  services: PlannedService[],
  resources: Readonly<Record<string, readonly unknown[] | undefined>>,
  encounterId?: string,
): Set<string> {
  const read = new Set<string>();
  const location = byId(LocationSchema, resources.Location);
  const encounter = byId(EncounterSchema, resources.Encounter);
  const order = byId(ServiceRequestSchema, resources.ServiceRequest);
  for (const svc of services) {
    const sr = order(idOf(svc.requestRef, 'ServiceRequest'));
    const enc = encounter(idOf(sr?.encounter?.reference, 'Encounter') ?? encounterId);
    // The first named Location the record holds: the order's, then the encounter's.
    const loc = [...(sr?.locationReference ?? []), ...(enc?.location ?? []).map((l) => l.location)]
      .map((r) => location(idOf(r.reference, 'Location')))
      .find((l) => l !== undefined);
    if (loc) read.add(loc.id);
    const pos = posOf(sr?.locationCode) ?? posOf(loc?.type);
    const inpatient = enc?.class?.code === 'IMP';
    const setting =
      (pos ? POS_SETTING[pos] : undefined) ??
      (inpatient ? 'inpatient' : isHospital(sr?.locationCode) || isHospital(loc?.type) ? 'hospital-outpatient' : undefined);
    const state = usStateCode(loc?.address?.state);
    if (!state && !setting) continue;
    const evidence = [
      ...(loc ? [{ ref: `Location/${loc.id}`, display: 'Rendering location' }] : []),
      ...(enc ? [{ ref: `Encounter/${enc.id}`, display: 'Encounter' }] : []),
    ];
    const out: ServiceLocation = { source: 'coded', evidence };
    if (state) out.state = state;
    if (setting) out.setting = setting;
    if (pos) out.placeOfService = pos;
    svc.location = out;
  }
  return read;
}
