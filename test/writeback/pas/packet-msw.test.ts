// The packet saved over HTTP (fetchWriter) to an msw-served EHR with conditional create, then read back: the
// DocumentReference found by its identifier carries a PDF and a PAS bundle that still passes the validator, and the
// Task on the order is there once, however often Save is pressed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Bundle, DocumentReference, Resource, Task } from 'fhir/r4';
import { fetchWriter } from '../../../src/writeback/fetch-writer';
import { writeAll } from '../../../src/writeback/write';
import { buildPacketWrites, preparePacket, PACKET_ID_SYSTEM } from '../../../src/writeback/packet';
import { validatePasBundle } from '../../../src/writeback/pas/validate';
import { base64ToUtf8 } from '../../../src/writeback/pas/ids';
import { PATIENTS } from './patients';

const BASE = 'https://ehr.test/fhir';
const store: Resource[] = [];
let n = 0;

function matches(r: Resource, query: string): boolean {
  const params = new URLSearchParams(query);
  const id = params.get('identifier');
  const tag = params.get('_tag');
  const [system, value] = (id ?? tag ?? '|').split('|');
  if (id)
    return ((r as { identifier?: { system?: string; value?: string }[] }).identifier ?? []).some(
      (i) => i.system === system && i.value === value,
    );
  if (tag) return (r.meta?.tag ?? []).some((t) => t.system === system && t.code === value);
  return false;
}

const server = setupServer(
  http.get(`${BASE}/metadata`, () =>
    HttpResponse.json({
      resourceType: 'CapabilityStatement',
      status: 'active',
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['json'],
      rest: [{ mode: 'server' }],
    }),
  ),
  http.post(`${BASE}/:type`, async ({ request, params }) => {
    const body = (await request.json()) as Resource;
    const cond = request.headers.get('If-None-Exist');
    const found = cond ? store.find((r) => r.resourceType === params.type && matches(r, cond)) : undefined;
    if (found) return HttpResponse.json(found, { status: 200 });
    const created = { ...body, id: `srv-${++n}`, meta: { ...body.meta, lastUpdated: '2026-11-20T20:30:00Z' } };
    store.push(created);
    return HttpResponse.json(created, { status: 201, headers: { Location: `${BASE}/${body.resourceType}/${created.id}/_history/1` } });
  }),
  http.get(`${BASE}/:type`, ({ request, params }) => {
    const q = new URL(request.url).search.slice(1);
    const entry = store.filter((r) => r.resourceType === params.type && matches(r, q)).map((resource) => ({ resource }));
    return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', total: entry.length, entry });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('packet saved over HTTP and read back', () => {
  it('round-trips the PDF and a valid PAS bundle, once', async () => {
    const input = PATIENTS[3]?.input;
    if (!input) throw new Error('no patient');
    const { pdf: _fake, ...base } = input;
    const packet = await preparePacket(base);
    const writes = buildPacketWrites(packet, {
      patientId: 'p4',
      serviceRequestRef: 'ServiceRequest/sr-p4',
      payerName: 'Medicare Part B',
      serviceCode: '64635',
      now: input.now,
    });
    if (!writes.ok) throw new Error(writes.message);
    const writer = fetchWriter(BASE, 'token');
    for (let i = 0; i < 2; i++) {
      const out = await writeAll(writer, writes.items, { app: 'claimready' }, { sleep: async () => {} });
      expect(out.ok).toBe(true);
    }
    const docs = await writer.search('DocumentReference', `identifier=${PACKET_ID_SYSTEM}|${writes.packetId}`);
    const entries = (docs.body as Bundle).entry ?? [];
    expect(entries).toHaveLength(1);
    const doc = entries[0]?.resource as DocumentReference;
    const [pdf, json] = doc.content.map((c) => c.attachment);
    expect(atob(pdf?.data ?? '').slice(0, 5)).toBe('%PDF-');
    const bundle = JSON.parse(base64ToUtf8(json?.data ?? '')) as Bundle;
    expect(validatePasBundle(bundle).ok).toBe(true);
    expect(bundle.entry?.[0]?.resource?.resourceType).toBe('Claim');
    const tasks = store.filter((r): r is Task => r.resourceType === 'Task');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.focus?.reference).toBe('ServiceRequest/sr-p4');
    expect(store.filter((r) => r.resourceType === 'Provenance')).toHaveLength(2);
  });
});
