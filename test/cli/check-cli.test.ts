// The real CLI (`npm run check`) over a generated cohort of exports: every patient is in --json, assessed or listed as
// not assessed with the reason; broken files and entries are named; one bad order date does not stop the batch.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { writeCohort, type Cohort } from './cohort';

const ROOT = join(import.meta.dirname, '..', '..');
const Out = z.object({
  patients: z.number(),
  assessed: z.number(),
  results: z.array(
    z.looseObject({
      patient: z.string(),
      verdict: z.string(),
      priorAuth: z.looseObject({ required: z.union([z.boolean(), z.literal('depends')]), reason: z.string() }),
      dataIssues: z.array(z.looseObject({ message: z.string() })),
    }),
  ),
  notAssessed: z.array(z.object({ patient: z.string(), reason: z.string(), dataIssues: z.array(z.unknown()).optional() })),
  loadIssues: z.array(z.string()),
});

const cli = (args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });

let cohort: Cohort;
beforeAll(() => {
  cohort = writeCohort(mkdtempSync(join(tmpdir(), 'cr-cohort-')), 60);
  writeFileSync(join(cohort.dir, 'zz-not-json.json'), '{"resourceType": "Bundle", ');
});

describe('npm run check over exported Bundles', () => {
  it('lists every patient, assessed or not assessed with the reason, and names every load problem', () => {
    const out = Out.parse(JSON.parse(cli(['--data', cohort.dir, '--today', '2026-11-23', '--json'])));
    expect(out.patients).toBe(60);
    const assessed = new Set(out.results.map((r) => r.patient));
    const skipped = new Set(out.notAssessed.map((s) => s.patient));
    for (const p of cohort.patients) expect(assessed.has(p) || skipped.has(p), p).toBe(true);
    expect([...skipped].sort()).toEqual([...cohort.withoutOrder].sort());
    for (const s of out.notAssessed) expect(s.reason).toMatch(/no active order/);
    expect(out.assessed).toBe(60 - cohort.withoutOrder.length);
    // The BOM files were read; the null entries and the broken file are named.
    expect(out.loadIssues.filter((l) => l.includes('entry without a resource'))).toHaveLength(6);
    expect(out.loadIssues.filter((l) => l.includes('zz-not-json.json: not valid JSON'))).toHaveLength(1);
    // "yesterday" as an order date is a data issue, not a crash.
    const bad = out.results.filter((r) => r.dataIssues.some((i) => i.message.includes('occurrenceDateTime is not a FHIR date')));
    expect(bad).toHaveLength(6);
    for (const r of out.results) expect(['ready', 'incomplete', 'not-eligible']).toContain(r.verdict);
  });

  it('says why nothing was assessed instead of printing an empty table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cr-empty-'));
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ resourceType: 'Patient', id: 'lonely' }));
    const text = cli(['--data', dir, '--today', '2026-11-23']);
    expect(text).toContain('Nothing was assessed');
    expect(text).toContain('lonely: nothing to assess: no active order');
  });
});

describe('an unknown payer is named, and whose rules were used instead is said', () => {
  const SEED = join(ROOT, 'launch', 'sandbox', 'seed');
  it('in --json: its name, a note that the Medicare baseline was used, and no Medicare prior-auth program', () => {
    const out = JSON.parse(cli(['--data', SEED, '--patient', 'pt-unknown-payer', '--today', '2026-11-23', '--json'])) as {
      results: { payerName: string; payerNote?: string; priorAuth: { required: unknown; program?: string } }[];
    };
    expect(out.results.length).toBeGreaterThan(0);
    for (const r of out.results) {
      expect(r.payerName).toMatch(/Acme/);
      expect(r.payerNote).toMatch(/not a payer ClaimReady knows; the Medicare LCD baseline is used/);
      expect(r.priorAuth).toMatchObject({ required: 'depends' });
      expect(r.priorAuth.program).toBeUndefined();
    }
  });
  it('in the table: marked, with the note under it; a known payer is not', () => {
    const table = cli(['--data', SEED, '--patient', 'pt-unknown-payer', '--today', '2026-11-23']);
    expect(table).toMatch(/baseline\*/);
    expect(table).toMatch(/\* payer not recognised, Medicare LCD baseline used:\n {2}pt-unknown-payer: Acme/);
    expect(cli(['--data', SEED, '--patient', 'pt-radic-ready', '--today', '2026-11-23'])).not.toMatch(/not recognised/);
  });
});
