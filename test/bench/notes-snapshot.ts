// Issue 11 speed work: proof that a change to the extraction machinery leaves its output identical. Extracts every
// real note of ../shared/notes-dev (dated and undated, and all of them joined), every corpus sentence, the synthetic
// visits and the 1 MB bench text, and keeps one SHA-256 of each result's JSON (key order included). Save before the
// change, compare after it: the names of the inputs whose facts changed are printed, never their text, and nothing
// of a note is written anywhere (the snapshot holds hashes only).
// Run: npx tsx test/bench/notes-snapshot.ts save /tmp/notes.snap   then, after the change,
//      npx tsx test/bench/notes-snapshot.ts compare /tmp/notes.snap   (exit 1 when an output changed)
// The dev notes are looked for beside the repository or beside its worktree folder (NOTES_DEV=path overrides).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractNoteFacts } from '../../src/fhir/notes';
import type { NoteDoc } from '../../src/policy/picture';
import corpus from '../fixtures/notes/corpus.json';
import visits from '../fixtures/notes/visits.json';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const devDir = [process.env.NOTES_DEV, join(repo, '../shared/notes-dev/notes'), join(repo, '../../shared/notes-dev/notes')].find(
  (d): d is string => d !== undefined && existsSync(d),
);

function doc(key: string, text: string, date?: string): NoteDoc {
  const d: NoteDoc = { ref: `DocumentReference/${key}`, title: key, contentType: 'text/plain', text };
  if (date) d.date = date;
  return d;
}

function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, note: NoteDoc): void => {
    out[name] = createHash('sha256')
      .update(JSON.stringify(extractNoteFacts(note)))
      .digest('hex');
  };
  const files = devDir
    ? readdirSync(devDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  const texts = files.map((f) => readFileSync(join(devDir!, f), 'utf8'));
  files.forEach((f, i) => {
    put(`dev/${f}`, doc(f, texts[i]!, '2025-06-01'));
    put(`dev-undated/${f}`, doc(f, texts[i]!));
  });
  if (files.length > 0) put('dev/all-joined', doc('all', texts.join('\n'), '2025-06-01'));
  (corpus as { text: string }[]).forEach((c, i) => put(`corpus/${i}`, doc(`corpus-${i}`, c.text, '2025-06-01')));
  visits.notes.forEach((t, i) => put(`visits/${i}`, doc('visit', t, '2025-06-01')));
  let bench = '';
  while (bench.length < 1_048_576) bench += `${visits.notes.join('\n')}\n`;
  put('bench-1mb', doc('bench', bench.slice(0, 1_048_576), '2025-06-01'));
  process.stdout.write(`${Object.keys(out).length} inputs (${files.length} dev notes${devDir ? '' : ': folder not found'})\n`);
  return out;
}

const [mode, file] = process.argv.slice(2);
if ((mode !== 'save' && mode !== 'compare') || !file) {
  process.stdout.write('usage: notes-snapshot.ts save|compare FILE\n');
  process.exit(2);
}
const now = snapshot();
if (mode === 'save') {
  writeFileSync(file, JSON.stringify(now, null, 1));
  process.stdout.write(`saved ${file}\n`);
} else {
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const names = [...new Set([...Object.keys(before), ...Object.keys(now)])];
  const changed = names.filter((n) => before[n] !== now[n]);
  for (const n of changed) process.stdout.write(`changed: ${n}\n`);
  process.stdout.write(changed.length === 0 ? `identical: all ${names.length} inputs\n` : `${changed.length} of ${names.length} changed\n`);
  process.exit(changed.length === 0 ? 0 : 1);
}
