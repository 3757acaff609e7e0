// `npm start`: the sandbox EHR, its payer and the ClaimReady service on one origin (see launch/stack.ts). Takes the
// sandbox's options (launch/sandbox/main.ts) plus the service's data dir; DATABASE_URL selects a Postgres server.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildIfChanged } from './sandbox/build-if-changed';
import { startStack } from './stack';
import { loadPayerConfig } from '../src/server/config';

const usage =
  'usage: tsx launch/start.ts [--port N] [--data DIR]... [--latency MS] [--faults P] [--today YYYY-MM-DD] [--dist DIR] [--no-seed] [--rebuild] [--service-data DIR] [--portal-payer ID]... [--payer-conformance on|off]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string', multiple: true },
      latency: { type: 'string' },
      faults: { type: 'string' },
      today: { type: 'string' },
      dist: { type: 'string' },
      'no-seed': { type: 'boolean' },
      rebuild: { type: 'boolean' },
      'service-data': { type: 'string' },
      'portal-payer': { type: 'string', multiple: true },
      'payer-conformance': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return void console.log(usage);
  // As launch/sandbox/main.ts: the default dist/ is rebuilt when the app's sources changed.
  if (!values.dist) buildIfChanged(fileURLToPath(new URL('..', import.meta.url)), { force: !!values.rebuild });
  const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
  const serviceDataDir = values['service-data'] ?? process.env.CLAIMREADY_DATA_DIR ?? join(homedir(), '.claimready');
  const config = process.env.CLAIMREADY_PAYERS ? loadPayerConfig(process.env.CLAIMREADY_PAYERS) : { payers: [], portalPayers: [] };
  const portalPayers = [...config.portalPayers, ...(values['portal-payer'] ?? [])];
  const stack = await startStack({
    port: num(values.port),
    dataDirs: values.data,
    latencyMs: num(values.latency),
    faults: num(values.faults),
    today: values.today,
    distDir: values.dist,
    seed: !values['no-seed'],
    serviceDataDir,
    payerConformance: values['payer-conformance'] !== 'off',
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    payers: config.payers,
    portalPayers,
  });
  for (const problem of stack.sandbox.store.loadProblems) console.error(`data: ${problem}`);
  console.log(`Chart: ${stack.sandbox.chartUrl}`);
  console.log(`FHIR base: ${stack.sandbox.fhirBase}`);
  console.log(`Payer (PAS): ${stack.sandbox.origin}/payer/fhir`);
  console.log(`ClaimReady service: ${stack.sandbox.origin}/service (data in ${serviceDataDir})`);
  const stop = (): void =>
    void stack.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`start failed: ${err instanceof Error ? err.message : String(err)}\n${usage}`);
  process.exit(1);
});
