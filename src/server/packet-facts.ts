// What the service needs to know about a PAS request Bundle before sending it: the Claim's identifier (the key that
// makes submission idempotent), the patient, the payer, the service and its date. Read with zod: the bundle comes from
// the browser and is untrusted.
import { z } from 'zod';
import { serviceDef } from '../policy/index';

const Identifier = z.looseObject({ system: z.string().min(1), value: z.string().min(1) });
const Ref = z.looseObject({ reference: z.string().optional() });
const Claim = z.looseObject({
  resourceType: z.literal('Claim'),
  identifier: z.array(z.unknown()).min(1),
  patient: Ref,
  insurer: Ref.optional(),
  priority: z.looseObject({ coding: z.array(z.looseObject({ code: z.string().optional() })).optional() }).optional(),
  item: z
    .array(
      z.looseObject({
        productOrService: z.looseObject({ coding: z.array(z.looseObject({ code: z.string().optional() })).optional() }).optional(),
        servicedDate: z.string().optional(),
        servicedPeriod: z.looseObject({ start: z.string().optional() }).optional(),
      }),
    )
    .min(1),
});
const Bundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z
    .array(
      z.looseObject({ fullUrl: z.string().optional(), resource: z.looseObject({ resourceType: z.string(), id: z.string().optional() }) }),
    )
    .min(1),
});

export interface PacketFacts {
  claim: { system: string; value: string };
  patientId: string;
  payerId: string;
  serviceCode: string;
  dateOfService?: string;
  priority: 'standard' | 'expedited';
}

const PAYER_ID_SYSTEM = 'https://claimready.app/id/payer';

function resolve(entries: z.infer<typeof Bundle>['entry'], ref: string | undefined): Record<string, unknown> | undefined {
  if (!ref) return undefined;
  return entries.find(
    (e) => e.fullUrl === ref || (e.fullUrl?.endsWith(`/${ref}`) ?? false) || `${e.resource.resourceType}/${e.resource.id ?? ''}` === ref,
  )?.resource;
}

export function packetFacts(body: unknown): PacketFacts | string {
  const b = Bundle.safeParse(body);
  if (!b.success) return 'The packet is not a FHIR Bundle with entries.';
  const c = Claim.safeParse(b.data.entry[0]?.resource);
  if (!c.success) return 'The first entry of the packet must be the Claim, with an identifier, a patient and at least one item.';
  const id = c.data.identifier.map((i) => Identifier.safeParse(i)).find((r) => r.success)?.data;
  if (!id) return 'The Claim has no identifier with a system and a value, so its submission could not be tracked.';
  const patient = resolve(b.data.entry, c.data.patient.reference);
  if (!patient || patient.resourceType !== 'Patient' || typeof patient.id !== 'string')
    return 'Claim.patient does not resolve to a Patient with an id in the packet.';
  const insurer = resolve(b.data.entry, c.data.insurer?.reference);
  const ids = z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).safeParse(insurer?.identifier);
  const payerId =
    (ids.success ? (ids.data.find((i) => i.system === PAYER_ID_SYSTEM)?.value ?? ids.data[0]?.value) : undefined) ??
    (typeof insurer?.id === 'string' ? insurer.id : undefined);
  if (!payerId) return 'Claim.insurer does not resolve to an Organization in the packet, so the payer is unknown.';
  const first = c.data.item[0]!;
  const dates = c.data.item
    .map((i) => i.servicedDate ?? i.servicedPeriod?.start)
    .filter((d): d is string => !!d)
    .sort();
  const code = first.productOrService?.coding?.find((x) => x.code)?.code ?? 'unknown';
  const stat = c.data.priority?.coding?.some((x) => x.code === 'stat') ?? false;
  // An add-on code is only paid with its primary on the same claim (the policy core's add-on table, NCCI's rule), so
  // a request for it alone asks for an authorization the claim could never use: refused before it reaches the payer.
  const codes = new Set(c.data.item.flatMap((i) => (i.productOrService?.coding ?? []).map((x) => x.code).filter((x): x is string => !!x)));
  for (const a of codes) {
    const primaries = serviceDef(a)?.addOnTo;
    if (primaries && !primaries.some((p) => codes.has(p)))
      return `${a} is an add-on code: it must be on the same request as its primary (${primaries.join(' or ')}). Rebuild the packet with both lines.`;
  }
  return {
    claim: { system: id.system, value: id.value },
    patientId: patient.id,
    payerId,
    serviceCode: code,
    ...(dates[0] ? { dateOfService: dates[0].slice(0, 10) } : {}),
    priority: stat ? 'expedited' : 'standard',
  };
}
