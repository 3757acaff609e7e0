// `npm run check -- --data DIR --packet OUTDIR`: each assessed service's prior-auth packet as files a clinic or an
// external validator can check in batch: the PAS request bundle, the packet DocumentReference (PDF + bundle) and,
// when the payer requires prior auth (or it depends), the Task. A packet that cannot be saved is still written, with
// the reasons in problems.txt, so nothing fails silently.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from './check';
import { buildPacketWrites, clinicFromChart, preparePacket, resourceIndex, PLACEHOLDER_PARTIES } from '../writeback/index';

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');

export interface PacketOutSummary {
  dir: string;
  saved: boolean;
  task: boolean;
  problems: string[];
}

export async function writePacketFiles(
  results: readonly CheckResult[],
  resources: readonly unknown[],
  outDir: string,
  opts: { today: string; now: string },
): Promise<PacketOutSummary[]> {
  const index = resourceIndex({ all: resources });
  const out: PacketOutSummary[] = [];
  for (const r of results) {
    const service = r.assessment.service;
    const dir = join(
      outDir,
      safe(`${r.patient}-${service.code}${service.requestRef ? `-${service.requestRef.split('/').pop() ?? ''}` : ''}`),
    );
    mkdirSync(dir, { recursive: true });
    const { clinic, missing } = clinicFromChart(index, {
      requestRefs: [service.requestRef],
      patientId: r.patient,
    });
    const problems: string[] = missing.length ? [`not found in the record: ${missing.join('; ')}`] : [];
    const packet = await preparePacket({
      picture: r.picture,
      service,
      assessment: r.assessment,
      coding: r.coding,
      today: opts.today,
      now: opts.now,
      resources: index,
      clinic: clinic ?? PLACEHOLDER_PARTIES,
    });
    writeFileSync(join(dir, 'pas-bundle.json'), `${JSON.stringify(packet.bundle, null, 2)}\n`);
    writeFileSync(join(dir, 'packet.pdf'), packet.pdf);
    const writes = buildPacketWrites(packet, {
      patientId: r.patient,
      ...(service.requestRef ? { serviceRequestRef: service.requestRef } : {}),
      payerName: r.assessment.payer.name,
      serviceCode: service.code,
      now: opts.now,
    });
    let task = false;
    if (writes.ok) {
      for (const item of writes.items) {
        const name = item.resource.resourceType === 'Task' ? 'task.json' : 'packet-documentreference.json';
        task ||= item.resource.resourceType === 'Task';
        writeFileSync(join(dir, name), `${JSON.stringify(item.resource, null, 2)}\n`);
      }
    } else problems.push(writes.message);
    for (const n of packet.build.notSent) problems.push(`not sent as supporting information: ${n.key} (${n.why})`);
    if (problems.length) writeFileSync(join(dir, 'problems.txt'), `${problems.join('\n')}\n`);
    out.push({ dir, saved: writes.ok, task, problems });
  }
  return out;
}
