// Reading one annotated split for npm run eval:notes: the gold annotations (in the repository) joined to the note
// texts (outside it, in a folder that may be absent). Kept apart from the command so the folder-absent and
// bad-annotation paths are testable without the real notes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Annotation } from './eval-notes-score';

export interface LoadedNote {
  gold: Annotation;
  text: string;
}
export interface LoadedSplit {
  /** Annotation files found (valid or not). */
  files: string[];
  notes: LoadedNote[];
  /** Invalid annotation files: the run fails on these. */
  invalid: string[];
  /** Annotations whose note is not in the notes folder: reported, not scored. */
  missing: string[];
}

/**
 * The note sets kept outside the repository besides notes-dev, one row each: the option and variable that name the
 * folder, the fixtures folder of its annotations, its split, and whether its misses may be printed (development
 * sets) or never (unseen sets). The first row given on the command line is scored.
 */
export const EXTRA_SETS = [
  {
    flag: 'fresh',
    env: 'NOTES_FRESH_DIR',
    fixtures: 'notes-fresh',
    split: 'fresh',
    showsMisses: false,
    folder: 'the fresh held-out folder',
  },
  { flag: 'dev2', env: 'NOTES_DEV2_DIR', fixtures: 'notes-dev2', split: 'dev2', showsMisses: true, folder: 'the notes-dev2 folder' },
  { flag: 'dev3', env: 'NOTES_DEV3_DIR', fixtures: 'notes-dev3', split: 'dev3', showsMisses: true, folder: 'the notes-dev3 folder' },
  { flag: 'dev4', env: 'NOTES_DEV4_DIR', fixtures: 'notes-dev4', split: 'dev4', showsMisses: false, folder: 'the notes-dev4 folder' },
  { flag: 'dev5', env: 'NOTES_DEV5_DIR', fixtures: 'notes-dev5', split: 'dev5', showsMisses: true, folder: 'the notes-dev5 folder' },
  { flag: 'dev6', env: 'NOTES_DEV6_DIR', fixtures: 'notes-dev6', split: 'dev6', showsMisses: true, folder: 'the notes-dev6 folder' },
  { flag: 'dev7', env: 'NOTES_DEV7_DIR', fixtures: 'notes-dev7', split: 'dev7', showsMisses: true, folder: 'the notes-dev7 folder' },
  { flag: 'dev8', env: 'NOTES_DEV8_DIR', fixtures: 'notes-dev8', split: 'dev8', showsMisses: true, folder: 'the notes-dev8 folder' },
  { flag: 'dev9', env: 'NOTES_DEV9_DIR', fixtures: 'notes-dev9', split: 'dev9', showsMisses: true, folder: 'the notes-dev9 folder' },
] as const;
export type ExtraSet = (typeof EXTRA_SETS)[number];

/** One string option per extra set, for the command line's parser. */
export const extraSetOptions = Object.fromEntries(EXTRA_SETS.map((s) => [s.flag, { type: 'string' as const }])) as Record<
  ExtraSet['flag'],
  { type: 'string' }
>;

/** The extra set asked for (its option first, then its variable, in the table's order) and its folder. */
export function extraSetFrom(
  flags: Partial<Record<ExtraSet['flag'], string>>,
  env: NodeJS.ProcessEnv,
): { set: ExtraSet; dir: string } | undefined {
  for (const set of EXTRA_SETS) {
    const dir = dirFrom(flags[set.flag], env[set.env]);
    if (dir !== undefined) return { set, dir };
  }
  return undefined;
}

function dirFrom(flag: string | undefined, fromEnv: string | undefined): string | undefined {
  const dir = flag ?? fromEnv;
  return dir === undefined || dir === '' ? undefined : resolve(dir);
}

/** Whether a notes folder holds the notes/ subfolder the annotations point into. */
export const hasNotes = (dir: string): boolean => existsSync(join(dir, 'notes'));

export function loadSplit(annotationsDir: string, notesDir: string, splits: readonly Annotation['split'][]): LoadedSplit {
  const files = existsSync(annotationsDir)
    ? readdirSync(annotationsDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const out: LoadedSplit = { files, notes: [], invalid: [], missing: [] };
  for (const f of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(annotationsDir, f), 'utf8'));
    } catch (e) {
      out.invalid.push(`${f}: ${(e as Error).message}`);
      continue;
    }
    const parsed = Annotation.safeParse(raw);
    if (!parsed.success) {
      out.invalid.push(`${f}: ${parsed.error.message}`);
      continue;
    }
    if (!splits.includes(parsed.data.split)) {
      out.invalid.push(`${f}: split "${parsed.data.split}" does not belong in ${annotationsDir}`);
      continue;
    }
    const path = join(notesDir, 'notes', parsed.data.file);
    if (!existsSync(path)) {
      out.missing.push(`${f} names ${parsed.data.file}, which is not in ${notesDir}/notes`);
      continue;
    }
    out.notes.push({ gold: parsed.data, text: readFileSync(path, 'utf8') });
  }
  return out;
}

/** Gold facts whose offsets fall outside the note or whose hint is not at them (the annotation drifted from the text). */
export function offsetProblems({ gold, text }: LoadedNote): string[] {
  const problems: string[] = [];
  for (const g of gold.facts) {
    if (g.end > text.length || g.start >= g.end) problems.push(`${gold.file} ${g.type} ${g.start}-${g.end}: outside the note`);
    else if (g.hint) {
      const first = g.hint
        .toLowerCase()
        .replace(/\s*\.\.\.\s*$/, '')
        .split(/\s+/)[0]!;
      if (!text.slice(g.start, g.end).toLowerCase().includes(first))
        problems.push(`${gold.file} ${g.type} ${g.start}-${g.end}: hint "${g.hint}" not at its offsets`);
    }
  }
  return problems;
}
