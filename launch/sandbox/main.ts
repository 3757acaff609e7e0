// `npm start` entry: parses the command line, starts the sandbox EHR, prints the chart URL and the FHIR base URL.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const usage =
  'usage: tsx launch/sandbox/main.ts [--port N] [--data DIR]... [--latency MS] [--faults P] [--today YYYY-MM-DD] [--dist DIR] [--no-seed] [--rebuild]';

function number(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    console.error(`--${name} must be a number from ${min} to ${max}\n${usage}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string', multiple: true },
        latency: { type: 'string' },
        faults: { type: 'string' },
        today: { type: 'string' },
        dist: { type: 'string' },
        'no-seed': { type: 'boolean' },
        rebuild: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  // Every option is checked before anything is built or loaded: a typo is refused at once, not after a build.
  const options = {
    port: number(values.port, 'port', 0, 65535),
    dataDirs: values.data,
    latencyMs: number(values.latency, 'latency', 0, 60_000),
    faults: number(values.faults, 'faults', 0, 1),
    today: values.today,
    distDir: values.dist,
    seed: !values['no-seed'],
  };
  // A --dist of one's own is served as given; the default dist/ is rebuilt when the app's sources changed.
  if (!values.dist) {
    const { buildIfChanged } = await import('./build-if-changed');
    buildIfChanged(fileURLToPath(new URL('../..', import.meta.url)), { force: !!values.rebuild });
  }
  const { startSandbox } = await import('./server');
  const sandbox = await startSandbox(options);
  for (const problem of sandbox.store.loadProblems) console.error(`data: ${problem}`);
  console.log(`Chart: ${sandbox.chartUrl}`);
  console.log(`FHIR base: ${sandbox.fhirBase}`);
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`sandbox failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
