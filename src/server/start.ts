// Builds the ClaimReady service from its configuration: the database (PGlite under the data dir, or in memory), the
// payer client key (generated on first start under the data dir), the payer connections and the EHR's token
// introspection. DATABASE_URL selects a Postgres server instead of PGlite; one that cannot be reached stops the start
// with the server's reason rather than quietly falling back to the embedded database.
import { join } from 'node:path';
import { openPglite, type Sql } from './db';
import { openPg } from './db-pg';
import { loadOrCreateKey, type ClientKey } from './keys';
import { PayerClient, type PayerConnection } from './payer-client';
import { nodeHandler, serviceRoutes, type ServiceAnswer, type ServiceRequest } from './routes';
import { LifecycleService } from './service';
import { Store } from './store';
import { Introspector } from './user-auth';

export interface ServiceOptions {
  /** Folder for the database and the key file; undefined keeps both in memory (tests). */
  dataDir?: string;
  databaseUrl?: string;
  /** An open database to use instead (tests share one: opening PGlite costs seconds); close() leaves it open. */
  sql?: Sql;
  /** The service's public URL, ending in /service. */
  publicBase: string;
  introspectUrl: string;
  payers: PayerConnection[];
  portalPayers?: string[];
  fetch?: typeof fetch;
  now?: () => Date;
  retryDelayMs?: number;
}

export interface RunningService {
  service: LifecycleService;
  routes: (req: ServiceRequest) => Promise<ServiceAnswer>;
  handleNode: ReturnType<typeof nodeHandler>;
  key: ClientKey;
  clients: PayerClient[];
  store: Store;
  close(): Promise<void>;
}

async function openDatabase(o: ServiceOptions): Promise<Sql> {
  if (o.databaseUrl) return openPg(o.databaseUrl);
  return openPglite(o.dataDir ? join(o.dataDir, 'db') : undefined);
}

export async function startService(o: ServiceOptions): Promise<RunningService> {
  const sql = o.sql ?? (await openDatabase(o));
  const store = await Store.open(sql);
  const key = loadOrCreateKey(o.dataDir);
  const clients = o.payers.map(
    (p) =>
      new PayerClient(p, key, {
        ...(o.fetch ? { fetch: o.fetch } : {}),
        ...(o.retryDelayMs !== undefined ? { retryDelayMs: o.retryDelayMs } : {}),
      }),
  );
  const service = new LifecycleService({
    store,
    payers: new Map(clients.map((c) => [c.conn.id, c])),
    portalPayers: new Set(o.portalPayers ?? []),
    publicBase: o.publicBase,
    ...(o.now ? { now: o.now } : {}),
  });
  const routes = serviceRoutes(service, new Introspector(o.introspectUrl, o.fetch ? { fetch: o.fetch } : {}), key.jwks);
  return {
    service,
    routes,
    handleNode: nodeHandler(routes, '/service'),
    key,
    clients,
    store,
    close: () => (o.sql ? Promise.resolve() : sql.close()),
  };
}
