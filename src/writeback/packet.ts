// The prior-auth packet as chart writes: one DocumentReference holding the readable PDF and the PAS bundle JSON, and
// (when the payer requires prior auth, or it depends) a Task the prior-auth team tracks (packet-task.ts). Ids come from the packet's content (not the clock), so saving the same packet
// twice matches the first save, while a packet rebuilt from changed facts is saved as a new one.
// A packet whose bundle fails the PAS validator is refused with the reasons.
import type { Bundle, DocumentReference } from 'fhir/r4';
import type { Assessment } from '../policy/verdicts';
import { priorAuthTask, TASK_ID_SYSTEM } from './packet-task';
import { DOC_TYPE, SYSTEMS } from './pas/systems';
import { ID_BASE, deterministicId, type WriteItem } from './write';
import { assemblePasBundle, type PasBuild, type PasBundleInput } from './pas/bundle';
import { validatePasBundle, type PasViolation } from './pas/validate';
import { bytesToBase64, utf8ToBase64 } from './pas/ids';
import { packetParty, packetTitle, renderPacketPdf } from './packet-pdf';

export const PACKET_ID_SYSTEM = `${ID_BASE}/pa-packet`;
export { TASK_ID_SYSTEM } from './packet-task';

export interface Packet {
  title: string;
  pdf: Uint8Array;
  bundle: Bundle;
  build: PasBuild;
  violations: PasViolation[];
  /** What the Task needs: whether prior auth is required, the verdict, and the date (or period) requested. */
  assessment: Assessment;
  today: string;
}

/** Renders the PDF, builds the bundle around it and validates the result. */
export async function preparePacket(input: Omit<PasBundleInput, 'pdf'>): Promise<Packet> {
  const title = packetTitle(input);
  const pdf = await renderPacketPdf({ ...input, clinic: packetParty(input.clinic) });
  const build = assemblePasBundle({ ...input, pdf: { base64: bytesToBase64(pdf), title } });
  return {
    title,
    pdf,
    bundle: build.bundle,
    build,
    violations: [...validatePasBundle(build.bundle).violations, ...build.refused],
    assessment: input.assessment,
    today: input.today,
  };
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

export type PacketWrites = { ok: true; items: WriteItem[]; packetId: string } | { ok: false; violations: PasViolation[]; message: string };

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

export function buildPacketWrites(
  packet: Pick<Packet, 'pdf' | 'bundle' | 'title' | 'assessment' | 'build' | 'today'>,
  ctx: PacketWriteContext,
): PacketWrites {
  const found = validatePasBundle(packet.bundle).violations;
  // What the chart must change before anything is requested comes first: it is what the user acts on.
  const check = { violations: [...packet.build.refused, ...found] };
  if (check.violations.length > 0) {
    const first = check.violations
      .slice(0, 3)
      .map((v) => `${v.rule}: ${v.message}`)
      .join('; ');
    const more = check.violations.length > 3 ? ` (and ${check.violations.length - 3} more)` : '';
    return {
      ok: false,
      violations: check.violations,
      message: packet.build.refused.length
        ? `The packet is not saved: it cannot be requested as it stands (${check.violations.length} reason(s)). ${first}${more}`
        : `The packet is not saved: its PAS bundle fails ${check.violations.length} rule(s). ${first}${more}`,
    };
  }
  const packetId = packetFingerprint(packet.bundle);
  const subject = { reference: `Patient/${ctx.patientId}` };
  const doc: DocumentReference = {
    resourceType: 'DocumentReference',
    identifier: [{ system: PACKET_ID_SYSTEM, value: packetId }],
    status: 'current',
    type: {
      coding: [{ system: SYSTEMS.loinc, code: DOC_TYPE.summary.code, display: DOC_TYPE.summary.display }],
      text: 'Prior-auth packet',
    },
    category: [
      {
        coding: [
          {
            system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
            code: 'clinical-note',
            display: 'Clinical Note',
          },
        ],
      },
    ],
    subject,
    date: ctx.now,
    description: `${packet.title} for ${ctx.payerName}`,
    content: [
      { attachment: { contentType: 'application/pdf', data: bytesToBase64(packet.pdf), title: `${packet.title}.pdf`, creation: ctx.now } },
      {
        attachment: {
          contentType: 'application/fhir+json',
          data: utf8ToBase64(JSON.stringify(packet.bundle)),
          title: `${packet.title} (PAS bundle).json`,
          creation: ctx.now,
        },
      },
    ],
    ...(ctx.serviceRequestRef ? { context: { related: [{ reference: ctx.serviceRequestRef }] } } : {}),
  };
  const requested = packet.build.requested;
  const task = priorAuthTask({
    packetId,
    packetTitle: packet.title,
    packetIdentifierSystem: PACKET_ID_SYSTEM,
    patient: subject,
    priorAuth: packet.assessment.priorAuth,
    verdict: packet.assessment.verdict,
    serviceDate: 'date' in requested ? requested.date : requested.period.start,
    today: packet.today,
    now: ctx.now,
    serviceCode: ctx.serviceCode,
    payerName: ctx.payerName,
    ...(ctx.serviceRequestRef ? { serviceRequestRef: ctx.serviceRequestRef } : {}),
    ...(ctx.requesterRef ? { requesterRef: ctx.requesterRef } : {}),
    ...(ctx.ownerRef ? { ownerRef: ctx.ownerRef } : {}),
  });
  const items: WriteItem[] = [{ resource: doc, ifNoneExist: `identifier=${PACKET_ID_SYSTEM}|${packetId}` }];
  if (task) items.push({ resource: task, ifNoneExist: `identifier=${TASK_ID_SYSTEM}|${deterministicId(['pa-task', packetId])}` });
  return { ok: true, items, packetId };
}
