// A real PostgreSQL server for the store's tests: its own cluster in a temp dir, started and stopped by the test,
// reached over a unix socket in that dir (listen_addresses is empty, so no TCP port is opened on the machine).
// Debian's `postgresql` package puts the server binaries under /usr/lib/postgresql/<major>/bin; PG_BIN overrides.
// Missing binaries throw: a suite that quietly skipped its second backend would report a pass it never earned.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function findPgBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, 'initdb'))) throw new Error(`PG_BIN=${fromEnv} holds no initdb`);
    return fromEnv;
  }
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors[0])
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (the DATABASE_URL store tests need a real server): `apt-get install -y postgresql`, or set PG_BIN to the folder holding initdb and pg_ctl.',
    );
  return join(root, majors[0], 'bin');
}

/** A port number nobody listens on (the socket file is named after it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export interface PgCluster {
  /** A DATABASE_URL for the cluster's `postgres` database (unix socket in the cluster's dir). */
  url(database?: string): string;
  stop(): Promise<void>;
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  // Postgres refuses to run as root: as root, the cluster belongs to the `postgres` user (runuser); otherwise to us.
  const asRoot = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);
  // Short path: a unix socket path may not exceed ~107 bytes.
  const dir = mkdtempSync('/tmp/cr-pg-');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    await as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await as('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      'start',
    ]);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL cluster did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    url: (database = 'postgres') => `postgresql://postgres@localhost/${database}?host=${encodeURIComponent(dir)}&port=${port}`,
    stop: async () => {
      await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
