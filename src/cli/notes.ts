// npm run check -- --notes PATH [--json]: what the note extractor finds in a text file or a folder of them, so anyone
// can score it without importing internals. Offsets are UTF-16 code units into the file read as UTF-8 (as
// JavaScript strings index it); the text is read as is, so offsets point into the file itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { noteMentions, type NoteMention } from '../fhir/index';

export interface NotesReport {
  notes: { file: string; facts: Omit<NoteMention, 'text'>[]; limits?: string[] }[];
  problems: string[];
  /** Entries of the folder not read as notes, each with why: nothing in it is passed over silently. */
  skipped: string[];
}

const NOTE_FILE = /\.(?:txt|text|md)$/i;

/**
 * The note files under `path`: the file itself, or the text files of a folder (not recursive), by name; and the
 * folder's other entries, which are not read.
 */
export function noteFiles(path: string): { files: string[]; others: string[] } {
  const st = statSync(path);
  if (!st.isDirectory()) return { files: [path], others: [] };
  const names = readdirSync(path).sort();
  return {
    files: names.filter((f) => NOTE_FILE.test(f)).map((f) => join(path, f)),
    others: names.filter((f) => !NOTE_FILE.test(f) && !f.startsWith('.')),
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file's text as UTF-8, and a limit when it is not valid UTF-8 (a Windows-1252 export, say): its bad bytes are
 * read as U+FFFD, one character each, so a reader decoding the file another way finds other offsets.
 */
function readNote(file: string): { text: string; limit?: string } {
  const bytes = readFileSync(file);
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    const text = bytes.toString('utf8');
    const bad = text.split('\uFFFD').length - 1;
    return {
      text,
      limit: `not valid UTF-8: ${bad} byte sequence${bad === 1 ? '' : 's'} read as U+FFFD, one character each; offsets count them so`,
    };
  }
}

export function checkNotes(path: string): NotesReport {
  const report: NotesReport = { notes: [], problems: [], skipped: [] };
  let files: string[];
  try {
    const found = noteFiles(path);
    files = found.files;
    report.skipped = found.others.map((f) => `${f}: not read (only .txt, .text and .md files are notes)`);
  } catch (e) {
    report.problems.push(`${path}: ${e instanceof Error ? e.message : String(e)}`);
    return report;
  }
  for (const file of files) {
    let text: string;
    let limit: string | undefined;
    try {
      ({ text, limit } = readNote(file));
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
    const all = limit ? [limit, ...limits] : limits;
    if (all.length) entry.limits = all;
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
  for (const s of r.skipped) lines.push(`skipped: ${s}`);
  for (const p of r.problems) lines.push(`problem: ${p}`);
  return lines.join('\n');
}
