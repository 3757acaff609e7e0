// Reading a PAS request as the sandbox payer needs it: the Bundle out of a $submit / $inquire body, then the Claim,
// its identifier, the patient it resolves to and its items. A request it cannot read gets the reason, for a 422.
import type { ClaimItemRequest } from './decisions';

export type Json = Record<string, unknown>;

export interface Parsed {
  claim: Json & { id: string };
  key: string;
  identifier: { system: string; value: string };
  patientId: string;
  patientRef: string;
  insurerRef: string;
  requestorRef: string;
  items: ClaimItemRequest[];
  entries: Json[];
  bundleIdentifier?: unknown;
}

export function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
export function refOf(v: unknown): string {
  const r = obj(v)?.reference;
  return typeof r === 'string' ? r : '';
}

/** The request Bundle from a $submit / $inquire body: the Bundle itself, or a Parameters `resource`. */
export function bundleOf(body: unknown): Json | undefined {
  const b = obj(body);
  if (b?.resourceType === 'Bundle') return b;
  if (b?.resourceType === 'Parameters')
    return bundleOf(
      arr(b.parameter)
        .map(obj)
        .find((p) => p?.name === 'resource')?.resource,
    );
  return undefined;
}

export function parseRequest(bundle: Json): Parsed | string {
  const entries = arr(bundle.entry)
    .map(obj)
    .filter((e): e is Json => e !== undefined);
  const claim = obj(entries[0]?.resource);
  if (!claim || claim.resourceType !== 'Claim') return 'the first entry of the Bundle must be the Claim';
  if (typeof claim.id !== 'string') return 'the Claim has no id';
  const identifier = arr(claim.identifier)
    .map(obj)
    .find((i) => typeof i?.system === 'string' && typeof i.value === 'string') as { system: string; value: string } | undefined;
  if (!identifier) return 'the Claim has no identifier (system and value): the payer could not track it';
  const patientRef = refOf(claim.patient);
  const patientEntry = entries.find(
    (e) => e.fullUrl === patientRef || (typeof e.fullUrl === 'string' && patientRef !== '' && e.fullUrl.endsWith(`/${patientRef}`)),
  );
  const patient = obj(patientEntry?.resource);
  if (!patient || patient.resourceType !== 'Patient')
    return `Claim.patient (${patientRef || 'missing'}) does not resolve to a Patient in the Bundle`;
  const items: ClaimItemRequest[] = arr(claim.item).map((raw, n) => {
    const i = obj(raw) ?? {};
    const code = arr(obj(i.productOrService)?.coding).map(obj)[0]?.code;
    const period = obj(i.servicedPeriod);
    return {
      sequence: typeof i.sequence === 'number' ? i.sequence : n + 1,
      code: typeof code === 'string' ? code : '',
      quantity: typeof obj(i.quantity)?.value === 'number' ? (obj(i.quantity)?.value as number) : 1,
      ...(typeof i.servicedDate === 'string'
        ? { servicedDate: i.servicedDate }
        : typeof period?.start === 'string'
          ? { servicedDate: period.start }
          : {}),
    };
  });
  if (items.length === 0) return 'the Claim has no items';
  return {
    claim: claim as Json & { id: string },
    key: `${identifier.system}|${identifier.value}`,
    identifier,
    patientId: typeof patient.id === 'string' ? patient.id : patientRef,
    patientRef,
    insurerRef: refOf(claim.insurer),
    requestorRef: refOf(claim.provider),
    items,
    entries,
    bundleIdentifier: bundle.identifier,
  };
}

/** Whether the request carries an attached document (supportingInfo additionalInformation -> DocumentReference with data). */
export function hasAttachedDocument(p: Parsed): boolean {
  return arr(p.claim.supportingInfo)
    .map(obj)
    .some((s) => {
      const coded = arr(obj(s?.category)?.coding)
        .map(obj)
        .some((c) => c?.code === 'additionalInformation');
      const ref = refOf(s?.valueReference);
      const doc = obj(p.entries.find((e) => ref !== '' && e.fullUrl === ref)?.resource);
      const data = obj(arr(doc?.content).map(obj)[0]?.attachment)?.data;
      return coded && doc?.resourceType === 'DocumentReference' && typeof data === 'string' && data.length > 0;
    });
}
