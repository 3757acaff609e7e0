// npm run check -- --data PATH [--data PATH2] [--patient ID] [--service CODE] [--payer ID] [--today YYYY-MM-DD] [--json]
//                  --notes PATH [--json]   (what the note extractor finds in a text file or a folder of them)
// Pre-screens patients from FHIR Bundles / NDJSON with the same pipeline as the app.
import { parseArgs } from 'node:util';
import { loadFhir } from './cli/load';
import { localReader } from './fhir/read/local-reader';
import { checkPatient, toJson, toTable, type CheckResult } from './cli/check';
import { checkNotes, notesTable } from './cli/notes';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run check -- --data PATH [--patient ID] [--service CODE] [--payer ID] [--today YYYY-MM-DD] [--json]\n       npm run check -- --notes PATH [--json]\n`);
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
        notes: { type: 'string' },
      },
    }));
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  if (values.notes !== undefined) {
    const report = checkNotes(values.notes);
    for (const p of report.problems) process.stderr.write(`data issue: ${p}\n`);
    process.stdout.write(values.json ? `${JSON.stringify({ notes: report.notes }, null, 2)}\n` : `${notesTable(report)}\n`);
    if (report.notes.length === 0) process.exitCode = 1;
    return;
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
}

main().catch((e: unknown) => {
  process.stderr.write(`check failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
