// `npm run check -- --data DIR --packet OUTDIR`: each assessed service's prior-auth packet as files a clinic or an
// external validator can check in batch: the PAS request bundle, the packet DocumentReference (PDF + bundle) and,
// when the payer requires prior auth (or it depends), the Task. A packet that cannot be saved is still written, with
// the reasons in problems.txt, so nothing fails silently.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Encounter, Organization, Practitioner, PractitionerRole, Resource, ServiceRequest } from 'fhir/r4';
import type { CheckResult } from './check';
import { buildPacketWrites, preparePacket, resourceIndex, type ClinicInfo } from '../writeback/index';

const refKey = (v: { reference?: string } | undefined): string | undefined =>
  /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(v?.reference ?? '')?.[1];

/**
 * The clinic as the chart records it. The clinician is the order's requester (a Practitioner, or a PractitionerRole's
 * practitioner); the clinic is, in that order, the requester role's organization, a role the record gives that
 * clinician, the order's performing organization, else the service provider of the patient's visits.
 */
function clinicFrom(index: ReadonlyMap<string, Resource>, r: CheckResult): ClinicInfo | undefined {
  const order = r.assessment.service.requestRef
    ? (index.get(refKey({ reference: r.assessment.service.requestRef }) ?? '') as ServiceRequest | undefined)
    : undefined;
  const requester = index.get(refKey(order?.requester) ?? '');
  const role = requester?.resourceType === 'PractitionerRole' ? (requester as PractitionerRole) : undefined;
  const practitioner = (role ? index.get(refKey(role.practitioner) ?? '') : requester) as Practitioner | undefined;
  if (practitioner?.resourceType !== 'Practitioner') return undefined;
  const prKey = `Practitioner/${practitioner.id ?? ''}`;
  const roleOf = [...index.values()].find(
    (x): x is PractitionerRole =>
      x.resourceType === 'PractitionerRole' &&
      refKey((x as PractitionerRole).practitioner) === prKey &&
      !!(x as PractitionerRole).organization,
  );
  const performer = order?.performer?.map((p) => refKey(p)).find((k) => k?.startsWith('Organization/'));
  const visit = [...index.values()].find(
    (x): x is Encounter =>
      x.resourceType === 'Encounter' &&
      (x as Encounter).subject?.reference?.endsWith(`Patient/${r.patient}`) === true &&
      !!(x as Encounter).serviceProvider,
  );
  const orgKey = refKey(role?.organization) ?? refKey(roleOf?.organization) ?? performer ?? refKey(visit?.serviceProvider);
  const organization = index.get(orgKey ?? '') as Organization | undefined;
  return organization?.resourceType === 'Organization' ? { practitioner, organization } : undefined;
}

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
    const clinic = clinicFrom(index, r);
    const problems: string[] = clinic
      ? []
      : ['no requesting clinic/clinician found in the record (order requester, visit service provider)'];
    const packet = await preparePacket({
      picture: r.picture,
      service,
      assessment: r.assessment,
      coding: r.coding,
      today: opts.today,
      now: opts.now,
      resources: index,
      clinic: clinic ?? { organization: { name: 'Requesting clinic (not configured)' }, practitioner: { name: 'Ordering clinician' } },
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
