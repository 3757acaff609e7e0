// The service's database: PGlite (Postgres compiled to WebAssembly) embedded by default, so `npm start` needs no
// setup; a Postgres server where a clinic outgrows one machine. Both speak the same SQL through this one seam.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

export interface Sql {
  query<T extends Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction: all of its statements land, or none. */
  transaction<R>(fn: (tx: Pick<Sql, 'query'>) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** `dataDir` undefined keeps the database in memory (tests); a folder keeps it across restarts. */
export async function openPglite(dataDir?: string): Promise<Sql> {
  // PGlite creates only the last folder of the path; on a fresh machine ~/.claimready does not exist yet.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  const query = async <T extends Record<string, unknown>>(text: string, params: readonly unknown[] = []): Promise<T[]> =>
    (await db.query<T>(text, [...params])).rows;
  return {
    query,
    transaction: (fn) =>
      db.transaction(async (tx) =>
        fn({
          query: async <T extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) =>
            (await tx.query<T>(text, [...params])).rows,
        }),
      ),
    close: () => db.close(),
  };
}
