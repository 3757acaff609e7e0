// The prior-auth packet as chart writes: one DocumentReference holding the readable PDF and the PAS bundle JSON, and
// a Task the prior-auth team tracks. Ids come from the packet's content (not the clock), so saving the same packet
// twice matches the first save, while a packet rebuilt from changed facts is saved as a new one.
// A packet whose bundle fails the PAS validator is refused with the reasons.
import type { Bundle, DocumentReference, Task } from 'fhir/r4';
import { ID_BASE, deterministicId, type WriteItem } from './write';
import { assemblePasBundle, type PasBuild, type PasBundleInput } from './pas/bundle';
import { validatePasBundle, type PasViolation } from './pas/validate';
import { bytesToBase64, utf8ToBase64 } from './pas/ids';
import { packetParty, packetTitle, renderPacketPdf } from './packet-pdf';

export const PACKET_ID_SYSTEM = `${ID_BASE}/pa-packet`;
export const TASK_ID_SYSTEM = `${ID_BASE}/pa-task`;

export interface Packet {
  title: string;
  pdf: Uint8Array;
  bundle: Bundle;
  build: PasBuild;
  violations: PasViolation[];
}

/** Renders the PDF, builds the bundle around it and validates the result. */
export async function preparePacket(input: Omit<PasBundleInput, 'pdf'>): Promise<Packet> {
  const title = packetTitle(input);
  const pdf = await renderPacketPdf({ ...input, clinic: packetParty(input.clinic) });
  const build = assemblePasBundle({ ...input, pdf: { base64: bytesToBase64(pdf), title } });
  return { title, pdf, bundle: build.bundle, build, violations: validatePasBundle(build.bundle).violations };
}

export interface PacketWriteContext {
  patientId: string;
  /** "ServiceRequest/123": the order the packet is for (Task.focus). */
  serviceRequestRef?: string;
  /** "Practitioner/123": who asks (Task.requester). */
  requesterRef?: string;
  /** "Organization/123" or "PractitionerRole/123": who works the Task (the prior-auth team), when known. */
  ownerRef?: string;
  payerName: string;
  serviceCode: string;
  now: string;
}

export type PacketWrites =
  | { ok: true; items: WriteItem[]; packetId: string }
  | { ok: false; violations: PasViolation[]; message: string };

/** A hash of what the packet says: the bundle without its timestamps or the PDF bytes (which only restate the
 * facts), so rebuilding the same packet later matches the saved one and changed facts make a new one. */
export function packetFingerprint(bundle: Bundle): string {
  const copy = structuredClone(bundle);
  for (const e of copy.entry ?? []) {
    if (e.resource?.resourceType !== 'DocumentReference') continue;
    for (const c of e.resource.content) if (c.attachment.contentType === 'application/pdf') c.attachment.data = '';
  }
  let text = JSON.stringify(copy);
  if (bundle.timestamp) text = text.split(bundle.timestamp).join('');
  return deterministicId(['pa-packet', text]);
}

export function buildPacketWrites(packet: Pick<Packet, 'pdf' | 'bundle' | 'title'>, ctx: PacketWriteContext): PacketWrites {
  const check = validatePasBundle(packet.bundle);
  if (!check.ok) {
    const first = check.violations.slice(0, 3).map((v) => `${v.rule}: ${v.message}`).join('; ');
    const more = check.violations.length > 3 ? ` (and ${check.violations.length - 3} more)` : '';
    return { ok: false, violations: check.violations, message: `The packet is not saved: its PAS bundle fails ${check.violations.length} rule(s). ${first}${more}` };
  }
  const packetId = packetFingerprint(packet.bundle);
  const subject = { reference: `Patient/${ctx.patientId}` };
  const doc: DocumentReference = {
    resourceType: 'DocumentReference',
    identifier: [{ system: PACKET_ID_SYSTEM, value: packetId }],
    status: 'current',
    type: { coding: [{ system: 'https://claimready.app/CodeSystem/document-type', code: 'pa-packet', display: 'Prior-auth packet' }], text: 'Prior-auth packet' },
    category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note', display: 'Clinical Note' }] }],
    subject,
    date: ctx.now,
    description: `${packet.title} for ${ctx.payerName}`,
    content: [
      { attachment: { contentType: 'application/pdf', data: bytesToBase64(packet.pdf), title: `${packet.title}.pdf`, creation: ctx.now } },
      { attachment: { contentType: 'application/fhir+json', data: utf8ToBase64(JSON.stringify(packet.bundle)), title: `${packet.title} (PAS bundle).json`, creation: ctx.now } },
    ],
    ...(ctx.serviceRequestRef ? { context: { related: [{ reference: ctx.serviceRequestRef }] } } : {}),
  };
  const task: Task = {
    resourceType: 'Task',
    identifier: [{ system: TASK_ID_SYSTEM, value: deterministicId(['pa-task', packetId]) }],
    status: 'requested',
    intent: 'order',
    priority: 'routine',
    code: { text: 'Submit prior authorization request' },
    description: `Submit the prior-auth packet for ${ctx.serviceCode} to ${ctx.payerName}.`,
    ...(ctx.serviceRequestRef ? { focus: { reference: ctx.serviceRequestRef } } : {}),
    for: subject,
    authoredOn: ctx.now,
    ...(ctx.requesterRef ? { requester: { reference: ctx.requesterRef } } : {}),
    ...(ctx.ownerRef ? { owner: { reference: ctx.ownerRef } } : {}),
    // The packet document is named by its identifier: its server id is not known until it is created.
    input: [{ type: { text: 'Prior-auth packet' }, valueReference: { identifier: { system: PACKET_ID_SYSTEM, value: packetId }, display: packet.title } }],
  };
  const items: WriteItem[] = [
    { resource: doc, ifNoneExist: `identifier=${PACKET_ID_SYSTEM}|${packetId}` },
    { resource: task, ifNoneExist: `identifier=${TASK_ID_SYSTEM}|${deterministicId(['pa-task', packetId])}` },
  ];
  return { ok: true, items, packetId };
}
