import { describe, expect, it } from 'vitest';
import type { DocumentReference, Observation, Resource, Task } from 'fhir/r4';
import { buildPacketWrites, packetFingerprint, preparePacket, type PacketWriteContext } from '../../../src/writeback/packet';
import { base64ToUtf8 } from '../../../src/writeback/pas/ids';
import { writeAll } from '../../../src/writeback/write';
import { PATIENTS } from './patients';
import { fakeEhr } from './fake-ehr';

const input = PATIENTS[0]?.input;
if (!input) throw new Error('no patient');
const { pdf: _unused, ...base } = input;
const ctx: PacketWriteContext = {
  patientId: 'p1',
  serviceRequestRef: 'ServiceRequest/sr-p1',
  requesterRef: 'Practitioner/dr-lee',
  payerName: 'Medicare Part B',
  serviceCode: '64483',
  now: input.now,
};

describe('preparePacket + buildPacketWrites', () => {
  it('makes a valid bundle that carries the rendered PDF', async () => {
    const packet = await preparePacket(base);
    expect(packet.violations).toEqual([]);
    const pdfDoc = packet.bundle.entry
      ?.map((e) => e.resource)
      .find(
        (r): r is DocumentReference =>
          r?.resourceType === 'DocumentReference' && r.content[0]?.attachment.contentType === 'application/pdf',
      );
    expect(atob(pdfDoc?.content[0]?.attachment.data ?? '').slice(0, 5)).toBe('%PDF-');
  });

  it('writes a DocumentReference with the PDF and the bundle JSON, and a Task on the order', async () => {
    const packet = await preparePacket(base);
    const w = buildPacketWrites(packet, ctx);
    if (!w.ok) throw new Error(w.message);
    const [docItem, taskItem] = w.items;
    const doc = docItem?.resource as DocumentReference;
    expect(doc.content.map((c) => c.attachment.contentType)).toEqual(['application/pdf', 'application/fhir+json']);
    expect(JSON.parse(base64ToUtf8(doc.content[1]?.attachment.data ?? ''))).toEqual(packet.bundle);
    expect(doc.subject?.reference).toBe('Patient/p1');
    const task = taskItem?.resource as Task;
    expect([task.status, task.intent, task.focus?.reference, task.for?.reference, task.requester?.reference]).toEqual([
      'requested',
      'order',
      'ServiceRequest/sr-p1',
      'Patient/p1',
      'Practitioner/dr-lee',
    ]);
    expect(docItem?.ifNoneExist).toBe(`identifier=https://claimready.app/id/pa-packet|${w.packetId}`);
    expect(taskItem?.ifNoneExist).toMatch(/^identifier=https:\/\/claimready\.app\/id\/pa-task\|[0-9a-f]{32}$/);
  });

  it('gives the same packet the same ids even when rebuilt later, and changed facts new ones', async () => {
    const a = await preparePacket(base);
    const later = await preparePacket({ ...base, now: '2026-11-21T09:00:00-05:00' });
    expect(packetFingerprint(later.bundle)).toBe(packetFingerprint(a.bundle));
    const picture = structuredClone(base.picture);
    picture.painScores.push({
      instrument: 'NRS',
      value: 9,
      raw: '9/10',
      date: '2026-11-19',
      source: 'coded',
      evidence: [{ ref: 'Observation/new-pain', display: 'Pain 9/10' }],
    });
    const resources = new Map<string, Resource>(base.resources);
    resources.set('Observation/new-pain', <Observation>{
      resourceType: 'Observation',
      id: 'new-pain',
      status: 'final',
      code: { text: 'Pain' },
      valueInteger: 9,
    });
    const changed = await preparePacket({ ...base, picture, resources });
    expect(changed.violations).toEqual([]);
    expect(packetFingerprint(changed.bundle)).not.toBe(packetFingerprint(a.bundle));
  });

  it('refuses a packet whose bundle fails the validator and says why', async () => {
    const packet = await preparePacket({ ...base, resources: new Map() });
    expect(packet.violations.length).toBeGreaterThan(0);
    const w = buildPacketWrites(packet, ctx);
    expect(w.ok).toBe(false);
    if (w.ok) return;
    expect(w.message).toMatch(/not saved.*spec-13/);
    // Without the EHR's Coverage the relationship to the subscriber is unknown too.
    expect(new Set(w.violations.map((v) => v.rule))).toEqual(new Set(['spec-13', 'self-beneficiary']));
  });

  it('does not save a packet without a configured clinic, and says why', async () => {
    const unconfigured = { organization: { name: 'Requesting clinic (not configured)' }, practitioner: { name: 'Ordering clinician' } };
    const packet = await preparePacket({ ...base, clinic: unconfigured });
    const w = buildPacketWrites(packet, ctx);
    expect(w.ok).toBe(false);
    if (w.ok) return;
    expect(w.message).toContain('no requesting clinician is configured (no NPI, no family name)');
    expect(w.message).toContain('no phone for the requesting clinician or clinic');
  });

  it('makes the Task a work item: code, business status, due 7 days before the date of service, focus, owner, input', async () => {
    const packet = await preparePacket(base);
    const w = buildPacketWrites(packet, { ...ctx, ownerRef: 'Organization/clinic-1' });
    if (!w.ok) throw new Error(w.message);
    const task = w.items[1]?.resource as Task;
    expect(task.code?.coding?.[0]?.code).toBe('submit-prior-auth');
    expect(task.businessStatus?.text).toBe('Ready to submit');
    expect(task.restriction?.period?.end).toBe('2026-11-26'); // date of service 2026-12-03
    expect(task.owner?.reference).toBe('Organization/clinic-1');
    expect(task.focus?.reference).toBe('ServiceRequest/sr-p1');
    expect(task.input?.[0]?.valueReference?.identifier).toEqual({ system: 'https://claimready.app/id/pa-packet', value: w.packetId });
    expect(task.reasonCode?.text).toBe('test');
  });

  it('makes no Task when the payer does not require prior auth, and one with the reason when it depends', async () => {
    const notRequired = await preparePacket({
      ...base,
      assessment: { ...base.assessment, priorAuth: { required: false, reason: 'Medicare Part B: no prior auth for this code' } },
    });
    const none = buildPacketWrites(notRequired, ctx);
    if (!none.ok) throw new Error(none.message);
    expect(none.items.map((i) => i.resource.resourceType)).toEqual(['DocumentReference']);
    const depends = await preparePacket({
      ...base,
      assessment: { ...base.assessment, priorAuth: { required: 'depends', reason: 'required only at an outpatient hospital department' } },
    });
    const some = buildPacketWrites(depends, ctx);
    if (!some.ok) throw new Error(some.message);
    const task = some.items[1]?.resource as Task;
    expect(task.description).toContain('prior auth depends: required only at an outpatient hospital department');
  });

  it('saves once through writeAll: a second save matches (created false) and a failure reports the EHR outcome', async () => {
    const packet = await preparePacket(base);
    const w = buildPacketWrites(packet, ctx);
    if (!w.ok) throw new Error(w.message);
    const ehr = fakeEhr();
    const first = await writeAll(
      ehr,
      w.items,
      { app: 'claimready', user: 'Practitioner/dr-lee' },
      { recorded: input.now, sleep: async () => {} },
    );
    expect(first.ok).toBe(true);
    expect(first.results.map((r) => [r.item.resource.resourceType, r.created])).toEqual([
      ['DocumentReference', true],
      ['Provenance', true],
      ['Task', true],
      ['Provenance', true],
    ]);
    const again = await writeAll(ehr, w.items, { app: 'claimready' }, { recorded: input.now, sleep: async () => {} });
    expect(again.results.every((r) => !r.created)).toBe(true);
    expect(ehr.stored).toHaveLength(4);

    const other = fakeEhr();
    other.failNext.set('Task', {
      status: 422,
      outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: 'Task.owner required' }] },
    });
    const failed = await writeAll(other, w.items, { app: 'claimready' }, { recorded: input.now, sleep: async () => {} });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.failed.message).toContain('Task.owner required');
  });
});
