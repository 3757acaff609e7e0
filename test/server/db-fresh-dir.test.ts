// `npm start` on a fresh machine: the service's data folder (~/.claimready/db) has no parent yet.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/db';

describe('openPglite', () => {
  it('creates the whole data folder path it is given, then answers SQL', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cr-db-')), 'home', '.claimready', 'db');
    const sql = await openPglite(dir);
    expect(await sql.query<{ x: number }>('select 1 + 1 as x')).toEqual([{ x: 2 }]);
    await sql.close();
  }, 120_000);
});
