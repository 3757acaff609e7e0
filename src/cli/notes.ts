// npm run check -- --notes PATH [--json]: what the note extractor finds in a text file or a folder of them, so anyone
// can score it without importing internals. Offsets are UTF-16 code units into the file read as UTF-8 (as
// JavaScript strings index it); the text is read as is, so offsets point into the file itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { noteMentions, type NoteMention } from '../fhir/index';

export interface NotesReport {
  notes: { file: string; facts: Omit<NoteMention, 'text'>[]; limits?: string[] }[];
  problems: string[];
}

const NOTE_FILE = /\.(?:txt|text|md)$/i;

/** The note files under `path`: the file itself, or the text files of a folder (not recursive), by name. */
export function noteFiles(path: string): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => NOTE_FILE.test(f))
    .sort()
    .map((f) => join(path, f));
}

export function checkNotes(path: string): NotesReport {
  const report: NotesReport = { notes: [], problems: [] };
  let files: string[];
  try {
    files = noteFiles(path);
  } catch (e) {
    report.problems.push(`${path}: ${e instanceof Error ? e.message : String(e)}`);
    return report;
  }
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      report.problems.push(`${file}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }

    const { mentions, limits } = noteMentions(
      { ref: `DocumentReference/${basename(file)}`, title: basename(file), contentType: 'text/plain', text },
      { withLimits: true },
    );
    const entry: NotesReport['notes'][number] = {
      file: basename(file),
      facts: mentions.map(
        ({ text: _t, type, span, context, ...values }) => ({ type, span, context, ...values }) as Omit<NoteMention, 'text'>,
      ),
    };
    if (limits.length) entry.limits = limits;
    report.notes.push(entry);
  }
  if (files.length === 0) report.problems.push(`${path}: no .txt note files`);
  return report;
}

export function notesTable(r: NotesReport): string {
  const lines: string[] = [];
  for (const n of r.notes) {
    lines.push(`${n.file}: ${n.facts.length} facts`);
    for (const f of n.facts) {
      const { type, span, context, ...values } = f;
      lines.push(
        `  ${String(span.start).padStart(6)}-${String(span.end).padEnd(6)} ${type.padEnd(17)} ${context.padEnd(12)} ${JSON.stringify(values)}`,
      );
    }
    for (const l of n.limits ?? []) lines.push(`  note: ${l}`);
  }
  for (const p of r.problems) lines.push(`problem: ${p}`);
  return lines.join('\n');
}
