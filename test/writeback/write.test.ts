// writeAll against an msw-served EHR: conditional creates, Provenance, retries and failures without duplicates.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import type { Claim, DocumentReference, Provenance } from 'fhir/r4';
import { deterministicId, writeAll, type WriteItem } from '../../src/writeback/write';
import { fetchWriter } from '../../src/writeback/fetch-writer';
import { BASE, fakeEhr, type FakeEhr } from './fake-ehr';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const agent = { app: 'ClaimReady', user: 'Practitioner/dr1' };
const opts = { sleep: async () => undefined, recorded: '2026-11-20T12:00:00Z' };

function items(tag = 'a'): WriteItem[] {
  const cid = deterministicId(['claim', tag]);
  const did = deterministicId(['doc', tag]);
  const claim: Claim = {
    resourceType: 'Claim',
    identifier: [{ system: 'https://claimready.app/id/coding-claim', value: cid }],
    status: 'draft',
    use: 'claim',
    type: { text: 'professional' },
    patient: { reference: 'Patient/p1' },
    created: '2026-11-20',
    provider: { display: 'x' },
    priority: { text: 'normal' },
    insurance: [{ sequence: 1, focal: true, coverage: { display: 'c' } }],
  };
  const doc: DocumentReference = {
    resourceType: 'DocumentReference',
    identifier: [{ system: 'https://claimready.app/id/coding-summary', value: did }],
    status: 'current',
    content: [{ attachment: { contentType: 'text/plain', data: 'aGk=' } }],
  };
  return [
    { resource: claim, ifNoneExist: `identifier=https://claimready.app/id/coding-claim|${cid}` },
    { resource: doc, ifNoneExist: `identifier=https://claimready.app/id/coding-summary|${did}` },
  ];
}

function use(ehr: FakeEhr): FakeEhr {
  server.use(...ehr.handlers);
  return ehr;
}

describe('writeAll, sequential conditional creates', () => {
  it('creates each item once with a Provenance (app author + user) targeting it', async () => {
    const ehr = use(fakeEhr());
    const out = await writeAll(fetchWriter(BASE, 'tok'), items(), agent, opts);
    expect(out.ok).toBe(true);
    expect(ehr.count('Claim')).toBe(1);
    expect(ehr.count('DocumentReference')).toBe(1);
    expect(ehr.count('Provenance')).toBe(2);
    const provs = ehr.store.get('Provenance') as Provenance[];
    const claimId = ehr.store.get('Claim')![0]!.id;
    expect(provs[0]!.target[0]!.reference).toBe(`Claim/${claimId}`);
    expect(provs[0]!.recorded).toBe('2026-11-20T12:00:00Z');
    expect(provs[0]!.agent.map((a) => a.who.reference ?? a.who.display)).toEqual(['ClaimReady', 'Practitioner/dr1']);
    expect(out.results.filter((r) => r.created)).toHaveLength(4);
    expect(ehr.requests.filter((r) => r.method === 'POST').every((r) => r.ifNoneExist)).toBe(true);
  });

  it('a double submit creates nothing twice; the second answer says already saved', async () => {
    const ehr = use(fakeEhr());
    const w = fetchWriter(BASE, 'tok');
    const [a, b] = await Promise.all([writeAll(w, items(), agent, opts), writeAll(w, items(), agent, opts)]);
    expect(a.ok && b.ok).toBe(true);
    const again = await writeAll(w, items(), agent, opts);
    expect(ehr.count('Claim')).toBe(1);
    expect(ehr.count('DocumentReference')).toBe(1);
    expect(ehr.count('Provenance')).toBe(2);
    expect(again.results.every((r) => !r.created && r.status === 200)).toBe(true);
  });

  it('takes Provenance.recorded from the server response when none is passed', async () => {
    const ehr = use(fakeEhr());
    await writeAll(fetchWriter(BASE), items(), agent, { sleep: opts.sleep });
    expect((ehr.store.get('Provenance') as Provenance[])[0]!.recorded).toBe('2026-11-20T10:00:00Z');
  });

  it('retries 500 and 429 (bounded) and still creates once', async () => {
    const ehr = use(fakeEhr());
    ehr.faults.push({ type: 'Claim', status: 500 }, { type: 'Claim', status: 429 });
    const out = await writeAll(fetchWriter(BASE), items(), agent, opts);
    expect(out.ok).toBe(true);
    expect(ehr.count('Claim')).toBe(1);
    expect(ehr.requests.filter((r) => r.url.endsWith('/Claim')).length).toBe(3);
  });

  it('gives up after the bounded attempts with the OperationOutcome; a retry finishes without duplicates', async () => {
    const ehr = use(fakeEhr());
    ehr.faults.push(...[1, 2, 3].map(() => ({ type: 'DocumentReference', status: 503, outcome: 'Document store offline' })));
    const first = await writeAll(fetchWriter(BASE), items(), agent, opts);
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.failed.status).toBe(503);
    expect(first.failed.message).toContain('Document store offline');
    expect(first.failed.outcome?.resourceType).toBe('OperationOutcome');
    expect(first.results.map((r) => r.item.resource.resourceType)).toEqual(['Claim', 'Provenance']);
    const second = await writeAll(fetchWriter(BASE), items(), agent, opts);
    expect(second.ok).toBe(true);
    expect(second.results.map((r) => [r.item.resource.resourceType, r.created])).toEqual([
      ['Claim', false],
      ['Provenance', false],
      ['DocumentReference', true],
      ['Provenance', true],
    ]);
    expect(ehr.count('Claim')).toBe(1);
    expect(ehr.count('Provenance')).toBe(2);
  });

  it('reports 412 (multiple matches) clearly and does not retry it', async () => {
    const ehr = use(fakeEhr());
    ehr.faults.push({ type: 'Claim', status: 412, outcome: 'Multiple resources match' });
    const out = await writeAll(fetchWriter(BASE), items(), agent, opts);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.failed.status).toBe(412);
    expect(out.failed.message).toMatch(/more than one existing Claim/);
    expect(ehr.requests.filter((r) => r.url.endsWith('/Claim')).length).toBe(1);
    expect(ehr.count('DocumentReference')).toBe(0);
  });

  it('a real 412 from duplicate matches in the EHR is reported', async () => {
    const ehr = use(fakeEhr());
    const [claim] = items();
    ehr.store.set('Claim', [
      { ...(claim!.resource as Claim), id: 'x1' },
      { ...(claim!.resource as Claim), id: 'x2' },
    ]);
    const out = await writeAll(fetchWriter(BASE), items(), agent, opts);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.failed.message).toMatch(/already holds 2 Claim/);
  });

  it('reports 409 with the server text', async () => {
    const ehr = use(fakeEhr());
    ehr.faults.push({ type: 'Claim', status: 409, outcome: 'Version conflict' });
    const out = await writeAll(fetchWriter(BASE), items(), agent, opts);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.failed.message).toMatch(/conflict.*Version conflict/);
  });
});

describe('writeAll, transaction', () => {
  it('sends one transaction Bundle; Provenance targets resolve; a second save duplicates nothing', async () => {
    const ehr = use(fakeEhr({ transaction: true }));
    const out = await writeAll(fetchWriter(BASE), items(), agent, opts);
    expect(out.ok).toBe(true);
    expect(ehr.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    const claimId = ehr.store.get('Claim')![0]!.id;
    expect((ehr.store.get('Provenance') as Provenance[]).map((p) => p.target[0]!.reference)).toContain(`Claim/${claimId}`);
    expect(out.results.map((r) => r.created)).toEqual([true, true, true, true]);
    const again = await writeAll(fetchWriter(BASE), items(), agent, opts);
    expect(again.ok && again.results.every((r) => !r.created)).toBe(true);
    expect(ehr.count('Claim') + ehr.count('DocumentReference') + ehr.count('Provenance')).toBe(4);
  });

  it('retries a 500 transaction and, when it keeps failing, saves nothing', async () => {
    const ehr = use(fakeEhr({ transaction: true }));
    ehr.faults.push(...[1, 2, 3].map(() => ({ type: 'Bundle', status: 500, outcome: 'Database unavailable' })));
    const out = await writeAll(fetchWriter(BASE), items(), agent, opts);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.failed.message).toMatch(/Nothing was saved.*Database unavailable/);
    expect(ehr.count('Claim')).toBe(0);
    const retry = await writeAll(fetchWriter(BASE), items(), agent, opts);
    expect(retry.ok).toBe(true);
    expect(ehr.count('Claim')).toBe(1);
  });
});

describe('deterministicId', () => {
  it('is stable for the same parts and differs when any part changes', () => {
    expect(deterministicId(['a', 'b'])).toBe(deterministicId(['a', 'b']));
    expect(deterministicId(['a', 'b'])).not.toBe(deterministicId(['a', 'c']));
    expect(deterministicId(['ab'])).not.toBe(deterministicId(['a', 'b']));
    expect(deterministicId(['x'])).toMatch(/^[0-9a-f]{32}$/);
  });
});
