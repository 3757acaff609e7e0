// The Sql seam over a Postgres server (DATABASE_URL), for a clinic that outgrows one machine. Same SQL, same
// migrations as the embedded PGlite; only the connection differs. A pool, since unlike PGlite a server takes
// statements from many connections at once: a transaction holds one client from BEGIN to COMMIT.
import pg from 'pg';
import type { Sql } from './db';

type Rows = <T extends Record<string, unknown>>(text: string, params?: readonly unknown[]) => Promise<T[]>;

const onClient =
  (c: pg.Pool | pg.PoolClient): Rows =>
  async <T extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) =>
    (await c.query<T>(text, [...params])).rows;

/** Opens a pool and checks the server answers now, so a wrong URL stops the start with the server's reason. */
export async function openPg(databaseUrl: string, o: { max?: number } = {}): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: o.max ?? 10 });
  // An idle client losing its server (restart, failover) must not crash the service: the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    // The URL can hold a password: name the server's reason, never the URL.
    throw new Error(`DATABASE_URL: the Postgres server could not be reached: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    query: onClient(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn({ query: onClient(client) });
        await client.query('COMMIT');
        return out;
      } catch (e) {
        // A connection that cannot even roll back is dropped from the pool rather than handed to the next caller.
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
