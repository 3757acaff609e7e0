// The service on a real PostgreSQL server through DATABASE_URL, as `npm start` opens it: the workflows whose safety
// rests on the database (one request under racing submits, a pended request decided by notification, a payer outage
// retried, a restart) on a server that, unlike PGlite, runs the racing statements on separate connections.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harness, igRequest, type Harness } from './harness';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { openPg } from '../../src/server/db-pg';
import { startService } from '../../src/server/start';
import type { RequestView } from '../../src/server/service';

let cluster: PgCluster;
let n = 0;
beforeAll(async () => {
  cluster = await startPgCluster();
}, 180_000);
afterAll(() => cluster?.stop(), 60_000);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function freshUrl(): Promise<string> {
  const admin = await openPg(cluster.url());
  const db = `svc_${++n}`;
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.close();
  return cluster.url(db);
}
const view = (a: { json: unknown }) => a.json as RequestView;

describe('service on PostgreSQL (DATABASE_URL)', () => {
  it('eight racing submits give one request at the service and one at the payer', async () => {
    h = await harness({ scenario: 'pend-then-approve', databaseUrl: await freshUrl() });
    const x = h;
    const answers = await Promise.all(Array.from({ length: 8 }, () => x.call('POST', '/requests', { bundle: igRequest() })));
    expect(answers.every((a) => a.status < 300)).toBe(true);
    expect(new Set(answers.map((a) => view(a).id)).size).toBe(1);
    expect(h.payerCalls.filter((c) => c.endsWith('$submit'))).toHaveLength(1);
    expect(h.payer.requestCount).toBe(1);
  });

  it('pended, then approved by the notification; a payer outage is retried without a duplicate; a restart keeps all', async () => {
    const url = await freshUrl();
    h = await harness({ scenario: 'pend-then-approve', databaseUrl: url });
    const r = view(await h.call('POST', '/requests', { bundle: igRequest('C-p') }));
    expect(r.status).toBe('pended');
    await h.payer.settle();
    expect(view(await h.call('GET', `/requests/${r.id}`))).toMatchObject({ status: 'approved', authNumber: 'AUTH-000001', open: false });

    h.failNext(3, 503);
    const down = view(await h.call('POST', '/requests', { bundle: igRequest('C-q') }));
    expect(down.status).toBe('error');
    const retried = view(await h.call('POST', '/requests', { bundle: igRequest('C-q') }));
    expect(retried).toMatchObject({ id: down.id, status: 'pended' });
    expect(h.payer.requestCount).toBe(2);

    const before = await h.svc.store.getWithHistory(r.id);
    await h.close();
    h = undefined;
    const again = await startService({
      databaseUrl: url,
      publicBase: 'http://x/service',
      introspectUrl: 'http://x/auth/introspect',
      payers: [],
    });
    try {
      expect(await again.store.getWithHistory(r.id)).toEqual(before);
      expect((await again.store.queue()).map((q) => q.id)).toEqual([down.id]);
    } finally {
      await again.close();
    }
  });

  it('a DATABASE_URL whose server cannot be reached stops the start with the reason, never the password', async () => {
    const bad = cluster.url('no_such_db').replace('postgres@', 'postgres:s3cret@');
    const err = await startService({
      databaseUrl: bad,
      publicBase: 'http://x/service',
      introspectUrl: 'http://x/auth/introspect',
      payers: [],
    }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/DATABASE_URL: the Postgres server could not be reached: .*no_such_db.*does not exist/);
    expect(err?.message).not.toContain('s3cret');
  });
});
