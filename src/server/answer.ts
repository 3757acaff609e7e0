// Answering a payer's request for more information (PAS 2.2.1): the same request again under the same Claim
// identifier, its Claim carrying the answer as supportingInfo — the staff's message as a MessageText slice
// (PASTempCodes#freeFormMessage, valueString) and each attached document as an AdditionalInformation slice
// (PASTempCodes#additionalInformation) referencing a DocumentReference (PAS profile-documentreference: inline data,
// no url) added to the Bundle. Pure: the service stores and sends it.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SYS } from '../policy/index';

const PAS_TEMP = 'http://hl7.org/fhir/us/davinci-pas/CodeSystem/PASTempCodes';
const PAS_DOCREF = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-documentreference';
const DOC_INFO = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-documentInformation';
/** X12 PWK01 report type (code list 755), which the AdditionalInformation slice requires: by the LOINC type asked for. */
const X12_755 = 'https://codesystem.x12.org/005010/755';
const REPORT_TYPE: Record<string, string> = { '11506-3': '09' /* Progress note -> Progress Report */ };
const SUPPORT_DATA = 'OZ'; // Support Data for Claim, for any other document
/** Base64 of at most ~4 MB of document: the service's request body limit with room for the JSON around it. */
const MAX_DATA = 5_500_000;

export const Answer = z.object({
  message: z.string().trim().min(1, 'Say what you are sending (a message to the payer).').max(2000),
  document: z
    .object({
      title: z.string().trim().min(1).max(200),
      contentType: z.enum(['application/pdf', 'text/plain', 'image/png', 'image/jpeg']),
      data: z.base64().min(4).max(MAX_DATA),
      /** The LOINC document type the payer asked for (its CommunicationRequest); Progress note when not given. */
      loinc: z
        .string()
        .regex(/^\d{1,7}-\d$/)
        .optional(),
    })
    .optional(),
});
export type Answer = z.infer<typeof Answer>;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);

/** The request Bundle with the answer on its Claim, or why it cannot be built. */
export function withAnswer(bundle: unknown, answer: Answer, at: string): Json | string {
  const b = obj(bundle);
  const entries = Array.isArray(b?.entry) ? (b.entry as unknown[]).map(obj) : [];
  const claim = obj(entries[0]?.resource);
  if (!b || !claim || claim.resourceType !== 'Claim') return 'The last submitted request has no Claim to answer on.';
  const patient = obj(claim.patient);
  const info = (Array.isArray(claim.supportingInfo) ? (claim.supportingInfo as unknown[]) : []).map(obj).filter((s) => s !== undefined);
  let seq = Math.max(0, ...info.map((s) => (typeof s.sequence === 'number' ? s.sequence : 0)));
  const added: Json[] = [
    { sequence: ++seq, category: { coding: [{ system: PAS_TEMP, code: 'freeFormMessage' }] }, valueString: answer.message },
  ];
  const newEntries: Json[] = [];
  if (answer.document) {
    const d = answer.document;
    // Named after its content: answering twice with the same document does not make a new one.
    const fullUrl = `urn:uuid:${uuidFrom(createHash('sha256').update(d.data).update(d.title).digest('hex'))}`;
    const loinc = d.loinc ?? '11506-3';
    newEntries.push({
      fullUrl,
      resource: {
        resourceType: 'DocumentReference',
        meta: { profile: [PAS_DOCREF] },
        status: 'current',
        type: { coding: [{ system: SYS.loinc, code: loinc }], text: d.title },
        category: [
          { coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note' }] },
        ],
        ...(patient ? { subject: patient } : {}),
        date: at,
        description: answer.message,
        content: [{ attachment: { contentType: d.contentType, data: d.data, title: d.title, creation: at } }],
      },
    });
    added.push({
      extension: [
        {
          url: DOC_INFO,
          extension: [
            { url: 'reportTypeCode', valueCodeableConcept: { coding: [{ system: X12_755, code: REPORT_TYPE[loinc] ?? SUPPORT_DATA }] } },
          ],
        },
      ],
      sequence: ++seq,
      category: { coding: [{ system: PAS_TEMP, code: 'additionalInformation' }] },
      valueReference: { reference: fullUrl },
    });
  }
  return {
    ...b,
    timestamp: at,
    entry: [
      { ...entries[0], resource: { ...claim, supportingInfo: [...info, ...added] } },
      ...(b.entry as unknown[]).slice(1),
      ...newEntries,
    ],
  };
}

function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
