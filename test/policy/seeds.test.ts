// Every sandbox seed patient through the CLI pipeline (read -> picture -> assess) at the seed anchor date: the
// verdict per planned service must match launch/sandbox/seed/manifest.json.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadFhir } from '../../src/cli/load';
import { checkPatient } from '../../src/cli/check';
import { localReader } from '../../src/fhir/read/local-reader';

const SEED = resolve(__dirname, '../../launch/sandbox/seed');
const ANCHOR = '2026-11-23';

interface ManifestEntry {
  patient: string;
  payerKey: string;
  services: { code: string; expect: { verdict: string; why: string } }[];
}

const manifest = JSON.parse(readFileSync(resolve(SEED, 'manifest.json'), 'utf8')) as ManifestEntry[];
const reader = localReader(loadFhir([SEED]).resources);
const cases = manifest.flatMap((m) =>
  m.services.map((s) => ({ patient: m.patient, payer: m.payerKey, code: s.code, verdict: s.expect.verdict, why: s.expect.why })),
);

describe('seed patients (manifest expectations, today = seed anchor)', () => {
  it('has the 14+ seed patients', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(14);
  });
  it.each(cases)('$patient $code ($payer) -> $verdict', async ({ patient, code, verdict, why }) => {
    const results = await checkPatient(reader, patient, { today: ANCHOR, service: code });
    expect(results.length).toBeGreaterThan(0);
    const got = results[0]!.assessment;
    const open = got.findings
      .filter((f) => f.severity === 'blocker' && (f.status === 'missing' || f.status === 'not-met'))
      .map((f) => `${f.requirementId}: ${f.message}`);
    expect({ verdict: got.verdict, open }, why).toMatchObject({ verdict });
  });
});
