// npm run check -- --data PATH [--data PATH2] [--patient ID] [--service CODE] [--payer ID] [--today YYYY-MM-DD] [--json] [--packet OUTDIR]
// Pre-screens patients from FHIR Bundles / NDJSON with the same pipeline as the app.
import { parseArgs } from 'node:util';
import { loadFhir } from './cli/load';
import { localReader } from './fhir/read/local-reader';
import { checkPatient, toJson, toTable, type CheckResult } from './cli/check';
import { writePacketFiles } from './cli/packet-out';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run check -- --data PATH [--patient ID] [--service CODE] [--payer ID] [--today YYYY-MM-DD] [--json] [--packet OUTDIR]\n`);
  process.exit(2);
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string', multiple: true },
        patient: { type: 'string' },
        service: { type: 'string' },
        payer: { type: 'string' },
        today: { type: 'string' },
        json: { type: 'boolean', default: false },
        packet: { type: 'string' },
      },
    }));
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  if (!values.data?.length) usage('--data is required');
  const today = values.today ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) usage(`--today must be YYYY-MM-DD (got ${today})`);

  const loaded = loadFhir(values.data);
  for (const p of loaded.problems) process.stderr.write(`data issue: ${p}\n`);
  const reader = localReader(loaded.resources);
  const patients = values.patient ? [values.patient] : reader.patients();
  if (patients.length === 0) usage('no Patient resources found in --data');

  const results: CheckResult[] = [];
  for (const patient of patients) {
    results.push(...(await checkPatient(reader, patient, { today, service: values.service, payer: values.payer })));
  }
  process.stdout.write(values.json ? `${JSON.stringify(toJson(results), null, 2)}\n` : `${toTable(results)}\n`);
  if (values.packet) {
    const written = await writePacketFiles(results, loaded.resources, values.packet, { today, now: new Date().toISOString() });
    for (const w of written) process.stderr.write(`packet: ${w.dir} ${w.saved ? 'saveable' : 'NOT saveable (see problems.txt)'}${w.task ? ', task' : ''}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`check failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
