// The store's contract, run twice: on the embedded PGlite (the default) and on a real PostgreSQL server (the
// DATABASE_URL path, a cluster this file starts and stops). One SQL and one migration path serve both, so every
// case here must hold on each; the server adds what PGlite cannot show: many connections racing for one row.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPglite, type Sql } from '../../src/server/db';
import { openPg } from '../../src/server/db-pg';
import { migrate } from '../../src/server/schema';
import { Store, decisionPatch, type NewRequest } from '../../src/server/store';
import { startPgCluster, type PgCluster } from './pg-cluster';

interface Backend {
  name: string;
  /** A fresh, empty database; `reopen` gives a second connection to the same data (a service restart). */
  open(): Promise<{ sql: Sql; reopen(): Promise<Sql> }>;
  stop(): Promise<void>;
}

let cluster: PgCluster | undefined;
let dbCount = 0;
const backends: Backend[] = [
  {
    name: 'PGlite (embedded default)',
    open: async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'cr-store-')), 'db');
      const sql = await openPglite(dir);
      return { sql, reopen: () => openPglite(dir) };
    },
    stop: async () => undefined,
  },
  {
    name: 'PostgreSQL server (DATABASE_URL)',
    open: async () => {
      cluster ??= await startPgCluster();
      const admin = await openPg(cluster.url());
      const db = `store_${++dbCount}`;
      await admin.query(`CREATE DATABASE ${db}`);
      await admin.close();
      const url = cluster.url(db);
      return { sql: await openPg(url), reopen: () => openPg(url) };
    },
    stop: async () => cluster?.stop(),
  },
];

const req = (value: string, over: Partial<NewRequest> = {}): NewRequest => ({
  patientId: 'pt-1',
  payerId: 'payer-a',
  serviceCode: '64490',
  claim: { system: 'urn:claimready:claim', value },
  channel: 'pas',
  priority: 'standard',
  ...over,
});

describe.each(backends)('store on $name', (backend) => {
  let db: { sql: Sql; reopen(): Promise<Sql> };
  let store: Store;
  beforeAll(async () => {
    db = await backend.open();
  }, 180_000);
  afterAll(async () => {
    await db?.sql.close();
    await backend.stop();
  }, 60_000);
  beforeEach(async () => {
    await db.sql.query(`DROP TABLE IF EXISTS pa_event, pa_request, pa_subscription`);
    store = await Store.open(db.sql);
  });

  it('creates one request per Claim identifier, however many callers race to create it', async () => {
    const all = await Promise.all(Array.from({ length: 12 }, () => store.create(req('C-race'), 'Practitioner/a')));
    expect(new Set(all.map((a) => a.request.id)).size).toBe(1);
    expect(all.filter((a) => a.created)).toHaveLength(1);
    const id = all[0]!.request.id;
    expect((await store.history(id)).map((e) => e.kind)).toEqual(['created']);
    expect(all[0]!.request).toMatchObject({ status: 'submitting', open: true, requested: [], channel: 'pas' });
    expect(all[0]!.request.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('changes columns only with their event; null clears, undefined keeps; next action and queue state follow', async () => {
    const { request } = await store.create(req('C-1', { dateOfService: '2026-12-20' }), 'u');
    const approved = await store.record(request.id, {
      actor: 'payer',
      kind: 'decision',
      patch: { status: 'approved', authNumber: 'A-1', authStart: '2026-11-23', authEnd: '2026-12-10', approvedUnits: { '1': 2 } },
    });
    // Ends before the date of service: still open, due the day it ends (dates stay the payer's YYYY-MM-DD text).
    expect(approved).toMatchObject({ status: 'approved', authNumber: 'A-1', authEnd: '2026-12-10', approvedUnits: { '1': 2 }, open: true });
    expect(approved!.nextAction).toMatch(/ends 2026-12-10, before the date of service 2026-12-20/);
    expect(Date.parse(approved!.due!)).toBe(Date.parse('2026-12-10'));
    const extended = await store.record(request.id, {
      actor: 'payer',
      kind: 'decision',
      patch: { authEnd: '2027-01-31', approvedUnits: null },
    });
    expect(extended).toMatchObject({ authNumber: 'A-1', authEnd: '2027-01-31', open: false });
    expect(extended!.approvedUnits).toBeUndefined();
    expect((await store.history(request.id)).map((e) => [e.kind, e.status ?? null])).toEqual([
      ['created', 'submitting'],
      ['decision', 'approved'],
      ['decision', null],
    ]);
  });

  it('compare-and-set: of two writers expecting the same status exactly one wins, and the loser writes nothing', async () => {
    const { request } = await store.create(req('C-cas'), 'u');
    const tries = await Promise.all(
      ['a', 'b', 'c', 'd'].map((who) =>
        store.record(request.id, { actor: who, kind: 'submit', expectStatus: 'submitting', patch: { status: 'submitted' } }),
      ),
    );
    expect(tries.filter((t) => t !== null)).toHaveLength(1);
    expect((await store.history(request.id)).filter((e) => e.kind === 'submit')).toHaveLength(1);
  });

  it('a failed write leaves nothing half-written', async () => {
    await expect(store.record('no-such-id', { actor: 'u', kind: 'x' })).rejects.toThrow(/no request no-such-id/);
    const { request } = await store.create(req('C-tx'), 'u');
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.query(`UPDATE pa_request SET status = 'approved' WHERE id = $1`, [request.id]);
        await tx.query(`INSERT INTO pa_event (request_id, actor, kind) VALUES ($1, 'u', 'half')`, [request.id]);
        await tx.query(`SELECT * FROM no_such_table`);
      }),
    ).rejects.toThrow(/no_such_table/);
    expect((await store.get(request.id))!.status).toBe('submitting');
    expect((await store.history(request.id)).map((e) => e.kind)).toEqual(['created']);
  });

  it('keeps payloads out of the history but hands back the last bundle and the last payer response', async () => {
    const { request } = await store.create(req('C-pay'), 'u');
    await store.record(request.id, { actor: 'u', kind: 'submit', detail: { bundle: { resourceType: 'Bundle', id: 'b1' }, note: 'first' } });
    await store.record(request.id, { actor: 'u', kind: 'submit', detail: { bundle: { resourceType: 'Bundle', id: 'b2' } } });
    await store.record(request.id, {
      actor: 'payer',
      kind: 'decision',
      detail: { response: { resourceType: 'Bundle', id: 'r1' }, outcome: 'complete' },
      patch: { status: 'pended' },
    });
    await store.record(request.id, { actor: 'payer', kind: 'notification', detail: { topic: 'x' } });
    const history = await store.history(request.id);
    expect(JSON.stringify(history)).not.toMatch(/"b1"|"b2"|"r1"/);
    expect(history[1]!.detail).toEqual({ note: 'first' });
    expect(await store.lastDetail(request.id, 'submit')).toEqual({ bundle: { resourceType: 'Bundle', id: 'b2' } });
    expect(await store.lastResponse(request.id)).toEqual({ resourceType: 'Bundle', id: 'r1' });
    // The one-round-trip read says the same as the two separate reads, timestamps included.
    const both = await store.getWithHistory(request.id);
    expect(both).toEqual({ request: await store.get(request.id), history });
    expect(history.map((e) => e.seq)).toEqual([...history.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('work queue: open requests soonest due first, no due date last, filtered by patient, status and payer', async () => {
    const mk = async (v: string, due: string | null, over: Partial<NewRequest> = {}, status = 'pended') => {
      const { request } = await store.create(req(v, over), 'u');
      await store.record(request.id, { actor: 'u', kind: 'submit', patch: { status, due } });
      return request.id;
    };
    const late = await mk('Q-late', '2026-12-05T00:00:00Z');
    const none = await mk('Q-none', null);
    const soon = await mk('Q-soon', '2026-11-25T00:00:00Z', { payerId: 'payer-b', patientId: 'pt-2' });
    await mk('Q-done', '2026-11-20T00:00:00Z', {}, 'approved');
    expect((await store.queue()).map((r) => r.id)).toEqual([soon, late, none]);
    expect((await store.queue({ payerId: 'payer-a' })).map((r) => r.id)).toEqual([late, none]);
    expect((await store.queue({ patientId: 'pt-2' })).map((r) => r.id)).toEqual([soon]);
    expect((await store.queue({ status: 'approved' })).map((r) => r.id)).toEqual([]);
    expect((await store.queue({ limit: 1 })).map((r) => r.id)).toEqual([soon]);
    expect((await store.awaitingPayer()).map((r) => r.id).sort()).toEqual([late, none, soon].sort());
    expect((await store.forPatient('pt-1')).map((r) => r.id).sort()).toEqual(
      [late, none, (await store.byClaim('urn:claimready:claim', 'Q-done'))!.id].sort(),
    );
  });

  it('keeps one subscription per payer, replaced in place', async () => {
    expect(await store.subscription('payer-a')).toBeUndefined();
    await store.saveSubscription('payer-a', 'sub-1', 's1');
    await store.saveSubscription('payer-a', 'sub-2', 's2');
    expect(await store.subscription('payer-a')).toEqual({ subscriptionId: 'sub-2', secret: 's2' });
  });

  it('migrates once under concurrent starts, and a restart finds every request and event', async () => {
    const { request } = await store.create(req('C-restart'), 'u');
    await store.record(request.id, { actor: 'payer', kind: 'decision', patch: { status: 'approved', authNumber: 'A-9' } });
    await Promise.all([migrate(db.sql), migrate(db.sql), migrate(db.sql)]);
    const before = await store.getWithHistory(request.id);
    // A second connection to the same data, as a restarted service would open (PGlite: the same data dir; Postgres:
    // the same URL). PGlite takes one process per data dir, so the first one is closed first.
    await db.sql.close();
    db = { sql: await db.reopen(), reopen: db.reopen };
    const again = await Store.open(db.sql);
    expect(await again.getWithHistory(request.id)).toEqual(before);
    expect(before!.request).toMatchObject({ status: 'approved', authNumber: 'A-9', open: false });
  });

  it('keeps a coded denial reason beside its text, through a restart, and a later approval clears both', async () => {
    const { request } = await store.create(req('C-deny'), 'u');
    const denial = { system: 'https://sandbox.claimready.app/CodeSystem/pa-denial-reason', code: 'frequency', display: 'Too many' };
    await store.record(request.id, {
      actor: 'payer',
      kind: 'decision',
      patch: decisionPatch({ status: 'denied', reason: 'Over the limit.', reasonCode: denial, requested: [] }),
    });
    await db.sql.close();
    db = { sql: await db.reopen(), reopen: db.reopen };
    const again = await Store.open(db.sql);
    expect(await again.get(request.id)).toMatchObject({ status: 'denied', denialReason: 'Over the limit.', denialCode: denial });
    const approved = await again.record(request.id, {
      actor: 'payer',
      kind: 'decision',
      patch: decisionPatch({ status: 'approved', authNumber: 'A-2', requested: [] }),
    });
    expect(approved!.denialCode).toBeUndefined();
    expect(approved!.denialReason).toBeUndefined();
  });
});
