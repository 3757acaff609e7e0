// Saving the workflow's results to the chart: the coder's lines (draft Claim + summary) and the prior-auth packet
// (document + Task). Both go through writeAll (conditional creates + Provenance); the views only show the outcome.
import type { CapabilityStatement } from 'fhir/r4';
import type { CodingSuggestion } from '../policy/index';
import type { FhirWriter } from '../writeback/writer';
import { buildCodingWrites } from '../writeback/coding-suggestion';
import { writeAll, outcomeText, type WriteOutcome } from '../writeback/write';
import { buildPacketWrites, preparePacket, TASK_ID_SYSTEM, type Packet } from '../writeback/packet';
import { deterministicId } from '../writeback/ids';
import type { PacketPreview } from './packet';

export interface CodingSaveContext {
  patientId: string;
  encounterId?: string;
  coverageId?: string;
  user?: string;
  /** The user's name, when the chart has their Practitioner: the draft's "saved by". */
  userName?: string;
  today: string;
  /** Per line: reviewed (accepted) by the coder. */
  reviewed?: readonly boolean[];
  /** The draft Claim's versionId the coder continued from (read back at launch, or from the last save). */
  claimBaseVersion?: string;
}

export type SaveResult =
  | { ok: true; outcome: Extract<WriteOutcome, { ok: true }> }
  | {
      ok: false;
      message: string;
      issues: string[];
      outcome?: string;
      /** The EHR's status for the failed write (412: the draft changed since it was read). */
      status?: number;
    };

export async function saveCoding(writer: FhirWriter, suggestion: CodingSuggestion, ctx: CodingSaveContext): Promise<SaveResult> {
  let capabilities: CapabilityStatement;
  try {
    capabilities = await writer.capabilities();
  } catch {
    return { ok: false, message: 'The EHR could not be reached (its capability statement did not load). Your work is kept.', issues: [] };
  }
  const items = buildCodingWrites(suggestion, {
    patientId: ctx.patientId,
    encounterId: ctx.encounterId,
    coverageId: ctx.coverageId,
    providerRef: ctx.user,
    today: ctx.today,
    capabilities,
    ...(ctx.user ? { entererRef: ctx.user } : {}),
    ...(ctx.userName ? { entererName: ctx.userName } : {}),
    ...(ctx.reviewed ? { reviewed: ctx.reviewed } : {}),
    ...(ctx.claimBaseVersion ? { claimBaseVersion: ctx.claimBaseVersion } : {}),
  });
  const outcome = await writeAll(writer, items, { app: 'ClaimReady', user: ctx.user });
  if (outcome.ok) return { ok: true, outcome };
  const issues = (outcome.failed.outcome?.issue ?? []).map((i) => `${i.severity}: ${i.diagnostics ?? i.details?.text ?? i.code}`);
  const detail = outcomeText(outcome.failed.outcome);
  return { ok: false, message: outcome.failed.message, issues, status: outcome.failed.status, ...(detail ? { outcome: detail } : {}) };
}

/** The packet with its PDF, stamped `now` (read by the view; the builders never read the clock). */
export function makePacket(model: PacketPreview, now: string): Promise<Packet> {
  return preparePacket({ ...model.packetInput, now });
}

/** The clinic's Organization as the Task owner, when the shell gave us the EHR's own Organization resource. */
function ownerOf(model: PacketPreview): { ownerRef?: string } {
  const org = model.packetInput.clinic.organization;
  return 'resourceType' in org && org.id ? { ownerRef: `Organization/${org.id}` } : {};
}

export type PacketSaveResult =
  | {
      ok: true;
      created: boolean;
      skipped: string[];
      packet: Packet;
      /** "system|value" of the chart Task, for the payer lifecycle. */ taskKey: string;
    }
  | { ok: false; refused: boolean; message: string; outcome?: string; packet: Packet };

/** Saves the packet (made now, or the one given) as the packet document and its Task, once however often called. */
export async function savePacket(
  writer: FhirWriter,
  model: PacketPreview,
  opts: { now: string; user?: string; packet?: Packet },
): Promise<PacketSaveResult> {
  const packet = opts.packet ?? (await makePacket(model, opts.now));
  const service = model.packetInput.service;
  const writes = buildPacketWrites(packet, {
    patientId: model.packetInput.picture.patient.id,
    ...(service.requestRef ? { serviceRequestRef: service.requestRef } : {}),
    ...(opts.user?.startsWith('Practitioner/') ? { requesterRef: opts.user } : {}),
    ...ownerOf(model),
    payerName: model.payer.name,
    serviceCode: service.code,
    now: packet.bundle.timestamp ?? opts.now,
  });
  if (!writes.ok) return { ok: false, refused: true, message: writes.message, packet };
  const out = await writeAll(writer, writes.items, { app: 'claimready', ...(opts.user ? { user: opts.user } : {}) });
  if (out.ok) {
    const created = out.results.filter((r) => r.item.resource.resourceType !== 'Provenance').some((r) => r.created);
    return {
      ok: true,
      created,
      skipped: out.skipped.map((k) => k.reason),
      packet,
      taskKey: `${TASK_ID_SYSTEM}|${deterministicId(['pa-task', writes.packetId])}`,
    };
  }
  const detail = outcomeText(out.failed.outcome);
  return { ok: false, refused: false, message: out.failed.message, ...(detail ? { outcome: detail } : {}), packet };
}
