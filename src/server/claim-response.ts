// Reads a PAS response Bundle (from $submit, $inquire or a notification) into what prior-auth staff act on. zod at
// the boundary: a payer's answer is untrusted input; anything unreadable is an error with its reason, never a guess.
import { z } from 'zod';

const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const Ext: z.ZodType<{ url: string; extension?: unknown[]; [k: string]: unknown }> = z.looseObject({
  url: z.string(),
  extension: z.array(z.unknown()).optional(),
});
const Period = z.looseObject({ start: z.string().optional(), end: z.string().optional() });
const ClaimResponse = z.looseObject({
  resourceType: z.literal('ClaimResponse'),
  preAuthRef: z.string().optional(),
  preAuthPeriod: Period.optional(),
  disposition: z.string().optional(),
  item: z
    .array(
      z.looseObject({
        itemSequence: z.number(),
        extension: z.array(Ext).optional(),
        adjudication: z.array(z.looseObject({ extension: z.array(Ext).optional() })).optional(),
      }),
    )
    .default([]),
});
const CommunicationRequest = z.looseObject({
  resourceType: z.literal('CommunicationRequest'),
  occurrenceDateTime: z.string().optional(),
  payload: z.array(z.looseObject({ contentString: z.string().optional() })).optional(),
});
const ResponseBundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.looseObject({ resource: z.unknown() })).default([]),
});

const PAS = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition';
export type PaStatus = 'submitted' | 'pended' | 'info-requested' | 'approved' | 'partial' | 'denied' | 'error';

export interface PayerDecision {
  status: PaStatus;
  authNumber?: string;
  period?: { start?: string; end?: string };
  /** Units approved per item sequence (partial approvals). */
  approvedUnits?: Record<string, number>;
  reason?: string;
  /** The reason's code (the reviewAction reasonCode's first coding), when the payer coded it. */
  reasonCode?: { system?: string; code: string; display?: string };
  /** What the payer asked for, in its words. */
  requested: string[];
  requestedBy?: string;
  trackingNumber?: string;
}

const BY_ACTION: Record<string, PaStatus> = { A1: 'approved', A2: 'partial', A6: 'partial', A3: 'denied', A4: 'pended' };

function reviewCode(exts: readonly { url: string; extension?: unknown[] }[] | undefined): {
  code?: string;
  number?: string;
  reason?: string;
  reasonCode?: PayerDecision['reasonCode'];
} {
  const ra = exts?.find((e) => e.url === `${PAS}/extension-reviewAction`);
  const parts = z
    .array(
      z.looseObject({
        url: z.string(),
        valueString: z.string().optional(),
        valueCodeableConcept: z.looseObject({ coding: z.array(Coding).optional(), text: z.string().optional() }).optional(),
      }),
    )
    .safeParse(ra?.extension ?? []);
  if (!parts.success) return {};
  const code = parts.data.find((p) => p.url === `${PAS}/extension-reviewActionCode`)?.valueCodeableConcept?.coding?.[0]?.code;
  const number = parts.data.find((p) => p.url === 'number')?.valueString;
  const reasonCc = parts.data.find((p) => p.url === 'reasonCode')?.valueCodeableConcept;
  const reason = reasonCc?.text ?? reasonCc?.coding?.[0]?.display;
  const coded = reasonCc?.coding?.find((c) => c.code);
  const reasonCode = coded?.code
    ? { code: coded.code, ...(coded.system ? { system: coded.system } : {}), ...(coded.display ? { display: coded.display } : {}) }
    : undefined;
  return { ...(code ? { code } : {}), ...(number ? { number } : {}), ...(reason ? { reason } : {}), ...(reasonCode ? { reasonCode } : {}) };
}

/** The decision in a PAS response Bundle, or a string saying why it cannot be read. */
export function readDecision(body: unknown): PayerDecision | string {
  const bundle = ResponseBundle.safeParse(body);
  if (!bundle.success) return 'The payer did not answer with a Bundle.';
  const cr = ClaimResponse.safeParse(bundle.data.entry[0]?.resource);
  if (!cr.success) return "The payer's answer does not start with a ClaimResponse.";
  const asks = bundle.data.entry
    .map((e) => CommunicationRequest.safeParse(e.resource))
    .filter((r) => r.success)
    .map((r) => r.data);
  const items = cr.data.item.map((i) => {
    const rc = reviewCode(i.adjudication?.flatMap((a) => a.extension ?? []));
    const detail = i.extension?.find((e) => e.url === `${PAS}/extension-itemAuthorizedDetail`);
    const qty = z
      .array(z.looseObject({ url: z.string(), valueQuantity: z.looseObject({ value: z.number() }).optional() }))
      .safeParse(detail?.extension ?? []);
    const units = qty.success ? qty.data.find((q) => q.url === 'quantity')?.valueQuantity?.value : undefined;
    const tracking = i.extension?.find((e) => e.url === `${PAS}/extension-administrationReferenceNumber`) as
      { valueString?: unknown } | undefined;
    return { seq: i.itemSequence, ...rc, units, tracking: typeof tracking?.valueString === 'string' ? tracking.valueString : undefined };
  });
  if (items.length === 0) return 'The ClaimResponse has no items, so it carries no decision.';
  const statuses = items.map((i) => (i.code ? BY_ACTION[i.code] : undefined));
  if (statuses.some((s) => s === undefined))
    return `The payer answered a review action ClaimReady does not know (${items.map((i) => i.code ?? 'none').join(', ')}).`;
  // The request's status is its least favourable item: one denied line means staff must act on the request.
  const rank: PaStatus[] = ['denied', 'pended', 'partial', 'approved'];
  let status = rank.find((r) => statuses.includes(r)) as PaStatus;
  if (status === 'pended' && asks.length > 0) status = 'info-requested';
  const approvedUnits = Object.fromEntries(items.filter((i) => i.units !== undefined).map((i) => [String(i.seq), i.units as number]));
  const reason = cr.data.disposition ?? items.find((i) => i.reason)?.reason;
  const reasonCode = items.find((i) => i.reasonCode)?.reasonCode;
  const authNumber = cr.data.preAuthRef ?? items.find((i) => i.number)?.number;
  const trackingNumber = items.find((i) => i.tracking)?.tracking;
  const due = asks.find((a) => a.occurrenceDateTime)?.occurrenceDateTime;
  return {
    status,
    ...(authNumber && status !== 'pended' && status !== 'info-requested' ? { authNumber } : {}),
    ...(cr.data.preAuthPeriod
      ? {
          period: {
            ...(cr.data.preAuthPeriod.start ? { start: cr.data.preAuthPeriod.start } : {}),
            ...(cr.data.preAuthPeriod.end ? { end: cr.data.preAuthPeriod.end } : {}),
          },
        }
      : {}),
    ...(Object.keys(approvedUnits).length > 0 ? { approvedUnits } : {}),
    ...(reason && status !== 'approved' ? { reason } : {}),
    ...(reasonCode && status !== 'approved' ? { reasonCode } : {}),
    requested: asks.flatMap((a) => (a.payload ?? []).map((p) => p.contentString).filter((s): s is string => typeof s === 'string')),
    ...(due ? { requestedBy: due.slice(0, 10) } : {}),
    ...(trackingNumber ? { trackingNumber } : {}),
  };
}
