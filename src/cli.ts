// npm run check -- --data PATH [--data PATH2] [--patient ID] [--service CODE] [--payer ID] [--today YYYY-MM-DD] [--json] [--packet OUTDIR]
//                  --notes PATH [--json]   (what the note extractor finds in a text file or a folder of them)
// Pre-screens patients from FHIR Bundles / NDJSON with the same pipeline as the app. Every patient is listed:
// assessed, or not assessed with the reason; load problems are printed, never dropped.
import { parseArgs } from 'node:util';
import { loadFhir } from './cli/load';
import { localReader } from './fhir/index';
import { assessPatient, toJson, toTable, type CheckResult, type Skipped } from './cli/check';
import { checkNotes, notesTable } from './cli/notes';
import { writePacketFiles } from './cli/packet-out';

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: npm run check -- --data PATH [--patient ID] [--service CODE] [--payer ID] [--today YYYY-MM-DD] [--json] [--packet OUTDIR]\n       npm run check -- --notes PATH [--json]\n`,
  );
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
        packet: { type: 'string' },
      },
    }));
  } catch (e) {
    usage(e instanceof Error ? e.message : String(e));
  }
  if (values.notes !== undefined) {
    const report = checkNotes(values.notes);
    for (const p of report.problems) process.stderr.write(`data issue: ${p}\n`);
    for (const p of report.skipped) process.stderr.write(`skipped: ${p}\n`);
    process.stdout.write(values.json ? `${JSON.stringify({ notes: report.notes }, null, 2)}\n` : `${notesTable(report)}\n`);
    if (report.notes.length === 0) process.exitCode = 1;
    return;
  }
  if (!values.data?.length) usage('--data is required');
  const today = values.today ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) usage(`--today must be YYYY-MM-DD (got ${today})`);

  const loaded = loadFhir(values.data);
  const reader = localReader(loaded.resources);
  const loadIssues = [...loaded.problems, ...reader.unlinked().map((u) => `${u.ref}: not assessed with any patient, ${u.reason}`)];
  if (!values.json) for (const p of loadIssues) process.stderr.write(`data issue: ${p}\n`);
  const all = reader.patients();
  const known = new Set(all);
  if (all.length === 0)
    usage(
      `no Patient resources found in --data (${loaded.files} file${loaded.files === 1 ? '' : 's'} read, ${loaded.resources.length} resources)`,
    );
  const patients = values.patient ? [values.patient] : all;

  const results: CheckResult[] = [];
  const skipped: Skipped[] = [];
  for (const patient of patients) {
    if (!known.has(patient)) {
      skipped.push({ patient, reason: 'no Patient with this id in --data' });
      continue;
    }
    const outcome = await assessPatient(reader, patient, { today, service: values.service, payer: values.payer });
    results.push(...outcome.results);
    if (outcome.skipped) skipped.push(outcome.skipped);
  }
  const run = { results, skipped, loadIssues, patients: patients.length };
  process.stdout.write(values.json ? `${JSON.stringify(toJson(run), null, 2)}\n` : `${toTable(run)}\n`);
  if (values.packet) {
    const written = await writePacketFiles(results, loaded.resources, values.packet, { today, now: new Date().toISOString() });
    for (const w of written)
      process.stderr.write(`packet: ${w.dir} ${w.saved ? 'saveable' : 'NOT saveable (see problems.txt)'}${w.task ? ', task' : ''}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`check failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
