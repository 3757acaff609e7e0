// What the sandbox payer decides, as PAS 2.2.1 ClaimResponses. The decision is chosen per patient by scenario so
// tests and demos are deterministic; the shapes follow the IG's response examples (reviewAction per item, X12 306
// action codes, preAuthPeriod, administrationReferenceNumber while pended).
export type Scenario = 'approve' | 'pend-then-approve' | 'deny' | 'more-info' | 'partial' | 'approve-short';
export const SCENARIOS: readonly Scenario[] = ['approve', 'pend-then-approve', 'deny', 'more-info', 'partial', 'approve-short'];

const PAS = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition';
const X12_306 = 'https://codesystem.x12.org/005010/306';
/**
 * The sandbox payer's own denial reason codes. PAS binds reasonCode to X12's decision reason codes (code source
 * 886), a licensed list not in the official packages, so this test payer codes its reasons in its own system; the
 * app's table (src/policy/denial-reasons.ts) has the same rows. A copy on purpose: the sandbox is a separate payer.
 */
export const DENIAL_SYSTEM = 'https://sandbox.claimready.app/CodeSystem/pa-denial-reason';

export const ACTION = {
  certified: { code: 'A1', display: 'Certified in total' },
  partial: { code: 'A2', display: 'Certified - partial' },
  denied: { code: 'A3', display: 'Not Certified' },
  pended: { code: 'A4', display: 'Pended' },
} as const;
export type ActionCode = (typeof ACTION)[keyof typeof ACTION]['code'];

export interface ClaimItemRequest {
  sequence: number;
  code: string;
  quantity: number;
  servicedDate?: string;
}

export interface Decision {
  action: keyof typeof ACTION;
  /** The authorization number (certified / partial) or the pended tracking number. */
  number?: string;
  period?: { start: string; end: string };
  /** Units approved per item sequence, for a partial approval. */
  approvedUnits?: Record<number, number>;
  reason?: string;
  /** The reason's code in DENIAL_SYSTEM (denials). */
  reasonCode?: { code: string; display: string };
  /** What the payer asks for, as LOINC document codes with a sentence. */
  requested?: { loinc: string; text: string }[];
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first answer to a request, and (for a pended one) the final answer that follows it. */
export function decide(
  scenario: Scenario,
  items: readonly ClaimItemRequest[],
  today: string,
  serial: number,
): { first: Decision; final?: Decision } {
  const start =
    items
      .map((i) => i.servicedDate)
      .filter((d): d is string => !!d)
      .sort()[0] ?? today;
  const approved: Decision = {
    action: 'certified',
    number: `AUTH-${String(serial).padStart(6, '0')}`,
    period: { start: start < today ? today : start, end: addDays(start < today ? today : start, 90) },
  };
  const pended: Decision = { action: 'pended', number: `PEND-${String(serial).padStart(6, '0')}` };
  switch (scenario) {
    case 'approve':
      return { first: approved };
    case 'pend-then-approve':
      return { first: pended, final: approved };
    case 'deny':
      return {
        first: {
          action: 'denied',
          reason: 'Medical necessity not established: failed conservative care for the required weeks is not documented.',
          reasonCode: { code: 'conservative-care', display: 'Conservative care not documented for the required time' },
        },
      };
    case 'more-info':
      return {
        first: {
          ...pended,
          requested: [{ loinc: '11506-3', text: 'Progress note documenting the physical-therapy course (dates and response).' }],
        },
        final: approved,
      };
    case 'approve-short': {
      // A window that closes the day before the planned date: the authorization is on file but will not cover it.
      const end = start > today ? addDays(start, -1) : today;
      return { first: { ...approved, period: { start: today, end } } };
    }
    case 'partial': {
      const approvedUnits = Object.fromEntries(items.map((i) => [i.sequence, Math.max(1, Math.floor(i.quantity / 2))]));
      return { first: { ...approved, action: 'partial', approvedUnits, reason: 'Approved for fewer units than requested.' } };
    }
  }
}

/** A PAS ClaimResponse for `claim` carrying `d` on every item. */
export function claimResponse(
  claim: { id: string; patientRef: string; insurerRef: string; requestorRef: string; identifier: { system: string; value: string } },
  items: readonly ClaimItemRequest[],
  d: Decision,
  created: string,
  id: string,
): Record<string, unknown> {
  const action = ACTION[d.action];
  return {
    resourceType: 'ClaimResponse',
    id,
    meta: { profile: [`${PAS}/profile-claimresponse`] },
    identifier: [claim.identifier],
    status: 'active',
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
    use: 'preauthorization',
    patient: { reference: claim.patientRef },
    created,
    insurer: { reference: claim.insurerRef },
    requestor: { reference: claim.requestorRef },
    request: { reference: `Claim/${claim.id}` },
    outcome: 'complete',
    ...(d.action === 'certified' || d.action === 'partial' ? { preAuthRef: d.number, preAuthPeriod: d.period } : {}),
    ...(d.reason ? { disposition: d.reason } : {}),
    item: items.map((i) => ({
      extension: [
        ...(d.action === 'pended' && d.number ? [{ url: `${PAS}/extension-administrationReferenceNumber`, valueString: d.number }] : []),
        ...(d.period ? [{ url: `${PAS}/extension-itemPreAuthPeriod`, valuePeriod: d.period }] : []),
        ...(d.approvedUnits?.[i.sequence] !== undefined
          ? [
              {
                url: `${PAS}/extension-itemAuthorizedDetail`,
                extension: [{ url: 'quantity', valueQuantity: { value: d.approvedUnits[i.sequence] } }],
              },
            ]
          : []),
      ],
      itemSequence: i.sequence,
      adjudication: [
        {
          extension: [
            {
              url: `${PAS}/extension-reviewAction`,
              extension: [
                ...(d.number && d.action !== 'pended' ? [{ url: 'number', valueString: d.number }] : []),
                ...(d.reason && d.action === 'denied'
                  ? [
                      {
                        url: 'reasonCode',
                        valueCodeableConcept: {
                          ...(d.reasonCode ? { coding: [{ system: DENIAL_SYSTEM, ...d.reasonCode }] } : {}),
                          text: d.reason,
                        },
                      },
                    ]
                  : []),
                {
                  url: `${PAS}/extension-reviewActionCode`,
                  valueCodeableConcept: { coding: [{ system: X12_306, code: action.code, display: action.display }] },
                },
              ],
            },
          ],
          category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'submitted' }] },
        },
      ],
    })),
  };
}

export function communicationRequest(
  claimId: string,
  patientRef: string,
  asks: readonly { loinc: string; text: string }[],
  id: string,
  authoredOn: string,
): Record<string, unknown> {
  return {
    resourceType: 'CommunicationRequest',
    id,
    meta: { profile: [`${PAS}/profile-communicationrequest`] },
    status: 'active',
    subject: { reference: patientRef },
    about: [{ reference: `Claim/${claimId}` }],
    authoredOn,
    payload: asks.map((a) => ({
      extension: [
        { url: `${PAS}/extension-contentModifier`, valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: a.loinc }] } },
      ],
      contentString: a.text,
    })),
  };
}
