// What the sandbox payer answers: the PAS response Bundle (the ClaimResponse for the latest decision, the parties it
// names copied from the request, and a CommunicationRequest while more information is awaited), and its
// CapabilityStatement.
import { claimResponse, communicationRequest, type Decision } from './decisions';
import type { Json, Parsed } from './request-bundle';

const RESPONSE_BUNDLE = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-response-bundle';

export function responseBundle(
  base: string,
  p: Parsed,
  d: Decision,
  o: { serial: number; decisionCount: number; awaitingInfo: boolean; created: string },
): Json {
  const { created } = o;
  const cr = claimResponse(
    { id: p.claim.id, patientRef: p.patientRef, insurerRef: p.insurerRef, requestorRef: p.requestorRef, identifier: p.identifier },
    p.items,
    d,
    created,
    `cr-${o.serial}-${o.decisionCount}`,
  );
  const wanted = new Set([p.patientRef, p.insurerRef, p.requestorRef]);
  const copied = p.entries.filter(
    (e) =>
      typeof e.fullUrl === 'string' && [...wanted].some((r) => r !== '' && (e.fullUrl === r || (e.fullUrl as string).endsWith(`/${r}`))),
  );
  const ask =
    o.awaitingInfo && d.requested
      ? [
          {
            fullUrl: `${base}/fhir/CommunicationRequest/comm-${o.serial}`,
            resource: communicationRequest(p.claim.id, p.patientRef, d.requested, `comm-${o.serial}`, created),
          },
        ]
      : [];
  return {
    resourceType: 'Bundle',
    meta: { profile: [RESPONSE_BUNDLE] },
    ...(p.bundleIdentifier ? { identifier: p.bundleIdentifier } : {}),
    type: 'collection',
    timestamp: created,
    entry: [{ fullUrl: `${base}/fhir/ClaimResponse/${String(cr.id)}`, resource: cr }, ...copied, ...ask],
  };
}

export function capabilityStatement(base: string, today: string): Json {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: today,
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    implementation: { description: 'ClaimReady sandbox payer (Da Vinci PAS 2.2.1)', url: `${base}/fhir` },
    instantiates: ['http://hl7.org/fhir/us/davinci-pas/CapabilityStatement/EHRCapabilities'],
    rest: [
      {
        mode: 'server',
        security: {
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
        },
        resource: [
          {
            type: 'Claim',
            operation: [
              { name: 'submit', definition: 'http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-submit' },
              { name: 'inquire', definition: 'http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-inquiry' },
            ],
          },
          { type: 'Subscription', interaction: [{ code: 'create' }, { code: 'delete' }] },
        ],
      },
    ],
  };
}
