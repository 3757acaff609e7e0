// Every sandbox patient, through the real CLI (`npm run check -- --json`): the verdict and the coding lines for each
// planned service must match what the seed's manifest says the LCD rules and coding conventions call for.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = join(ROOT, 'launch', 'sandbox', 'seed');
const ANCHOR = '2026-11-23';

const Manifest = z.array(
  z.looseObject({
    patient: z.string(),
    services: z.array(
      z.looseObject({
        serviceRequest: z.string(),
        code: z.string(),
        expect: z.object({ verdict: z.enum(['ready', 'incomplete', 'not-eligible']), why: z.string() }),
        expectCoding: z
          .looseObject({ lines: z.array(z.object({ code: z.string(), modifiers: z.array(z.string()), units: z.number() })) })
          .optional(),
      }),
    ),
  }),
);

const CliOutput = z.object({
  results: z.array(
    z.looseObject({
      patient: z.string(),
      service: z.string(),
      serviceRequest: z.string().optional(),
      verdict: z.string(),
      findings: z.array(z.looseObject({ requirement: z.string(), status: z.string(), severity: z.string(), message: z.string() })),
      coding: z.object({ lines: z.array(z.looseObject({ code: z.string(), modifiers: z.array(z.string()), units: z.number() })) }),
    }),
  ),
});

const manifest = Manifest.parse(JSON.parse(readFileSync(join(SEED, 'manifest.json'), 'utf8')));
let output: z.infer<typeof CliOutput>;

beforeAll(() => {
  const stdout = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), '--data', SEED, '--today', ANCHOR, '--json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  output = CliOutput.parse(JSON.parse(stdout));
}, 120_000);

function resultFor(patient: string, sr: string) {
  const r = output.results.find((x) => x.patient === patient && x.serviceRequest === `ServiceRequest/${sr}`);
  if (!r) throw new Error(`no CLI result for ${patient} ${sr}`);
  return r;
}

const blocking = (r: ReturnType<typeof resultFor>) =>
  r.findings
    .filter((f) => f.severity === 'blocker' && f.status !== 'met' && f.status !== 'not-applicable')
    .map((f) => `${f.requirement}: ${f.message}`);

describe.each(manifest.flatMap((p) => p.services.map((s) => ({ patient: p.patient, ...s }))))('$patient $code ($serviceRequest)', (c) => {
  it(`verdict is ${c.expect.verdict}: ${c.expect.why.slice(0, 120)}`, () => {
    const r = resultFor(c.patient, c.serviceRequest);
    expect(r.verdict, `blocking findings:\n${blocking(r).join('\n')}`).toBe(c.expect.verdict);
  });

  it.runIf(c.expectCoding)('coding lines match the manifest', () => {
    const r = resultFor(c.patient, c.serviceRequest);
    const got = r.coding.lines.map((l) => ({ code: l.code, modifiers: [...l.modifiers].sort(), units: l.units }));
    const want = (c.expectCoding?.lines ?? []).map((l) => ({ ...l, modifiers: [...l.modifiers].sort() }));
    expect(got).toEqual(want);
  });
});
