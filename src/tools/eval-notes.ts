// npm run eval:notes [-- --dir PATH] [--misses all|none|TYPE] [--json] [--fresh PATH | --dev2 PATH | ... | --dev9 PATH]
// Scores the note extractor on the real de-identified notes in ../shared/notes-dev (beside the repository; override
// with --dir or NOTES_DEV_DIR) against the gold annotations in test/fixtures/notes-dev/annotations (by file name
// and offsets; the note text never enters the repository). Prints precision and recall per fact type, micro and
// per type, for dev and held-out notes apart, and the misses of dev notes only: held-out misses are not shown, so
// that the held-out figures stay a measure of notes nobody tuned on. Exits 0, saying so, when the notes are absent.
// --fresh PATH (or NOTES_FRESH_DIR) scores instead the third split, "fresh": notes kept outside the repository that
// nobody on the team has read or tuned on, against test/fixtures/notes-fresh/annotations; like held-out, its misses
// are never printed (not even with --json), so that it stays unseen.
// --dev2 PATH (or NOTES_DEV2_DIR) scores instead "dev2": 25 newer real notes kept outside the repository, annotated
// in test/fixtures/notes-dev2/annotations, that are development data like dev: their misses are printed. --dev3 PATH
// (NOTES_DEV3_DIR) the same for notes-dev3, whose first run was blind (see its README). --dev4 PATH (NOTES_DEV4_DIR)
// scores notes-dev4, kept unseen like fresh (its misses are never printed). --dev5 to --dev9 PATH (NOTES_DEV5_DIR to
// NOTES_DEV9_DIR) score notes-dev5 to notes-dev9, development data like dev2. The sets are one table, EXTRA_SETS in
// eval-notes-load.ts, which also gives the options.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MENTION_TYPES, noteMentions } from '../fhir/notes/mentions';
import { toolArgsOrExit } from './tool-args';
import { EXTRA_SETS, extraSetFrom, extraSetOptions, hasNotes, loadSplit, offsetProblems } from './eval-notes-load';
import { addCounts, emptyCounts, micro, precision, recall, scoreNote, type Annotation, type Counts, type Miss } from './eval-notes-score';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const values = toolArgsOrExit(
  {
    dir: { type: 'string' },
    misses: { type: 'string', default: 'all' },
    json: { type: 'boolean', default: false },
    ...extraSetOptions,
  },
  `usage: npm run eval:notes [-- --dir PATH] [--misses all|none|TYPE] [--json] [${EXTRA_SETS.map((s) => `--${s.flag} PATH`).join(' | ')}]`,
);
const extra = extraSetFrom(values, process.env);
const dir = extra?.dir ?? resolve(values.dir ?? process.env.NOTES_DEV_DIR ?? join(repo, '../shared/notes-dev'));
const fixtures = extra?.set.fixtures ?? 'notes-dev';
const annotationsDir = join(repo, 'test/fixtures', fixtures, 'annotations');
const splitNames: Annotation['split'][] = extra ? [extra.set.split] : ['dev', 'held-out'];
/** Splits whose misses may be shown: the development ones, never held-out or fresh. */
const showsMisses = (s: Annotation['split']): boolean => s === 'dev' || (extra?.set.split === s && extra.set.showsMisses);

if (!hasNotes(dir)) {
  process.stdout.write(
    extra
      ? `eval:notes: no ${extra.set.split} notes at ${dir}/notes (${extra.set.folder} is not on this machine); nothing to score.\n`
      : `eval:notes: no real notes at ${dir}/notes (the shared notes-dev folder is not beside this clone); nothing to score.\n`,
  );
  process.exit(0);
}
const loaded = loadSplit(annotationsDir, dir, splitNames);
if (loaded.files.length === 0) {
  process.stdout.write(`eval:notes: no annotations in ${annotationsDir}; nothing to score.\n`);
  process.exit(0);
}
for (const bad of loaded.invalid) {
  process.stderr.write(`eval:notes: ${bad} is not a valid annotation\n`);
  process.exitCode = 1;
}
for (const m of loaded.missing) process.stderr.write(`eval:notes: ${m}\n`);

interface Split {
  notes: number;
  counts: Record<(typeof MENTION_TYPES)[number], Counts>;
  misses: Miss[];
  offsetProblems: string[];
}
const splits = new Map<Annotation['split'], Split>(
  splitNames.map((s) => [s, { notes: 0, counts: emptyCounts(), misses: [], offsetProblems: [] }]),
);
const wall: number[] = [];
for (const note of loaded.notes) {
  const { gold, text } = note;
  const split = splits.get(gold.split)!;
  split.notes++;
  split.offsetProblems.push(...offsetProblems(note));
  const t0 = performance.now();
  const mentions = noteMentions({ ref: `DocumentReference/${gold.file}`, title: gold.file, contentType: 'text/plain', text });
  wall.push(performance.now() - t0);
  const s = scoreNote(gold, mentions);
  addCounts(split.counts, s.counts);
  split.misses.push(...s.misses);
}

const pct = (x: number): string => x.toFixed(2);
function table(name: string, s: Split): string {
  const rows = [
    `${name}: ${s.notes} notes`,
    `  ${'type'.padEnd(18)} ${'gold'.padStart(5)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}  precision  recall  values`,
  ];
  const line = (label: string, c: Counts): string =>
    `  ${label.padEnd(18)} ${String(c.tp + c.fn).padStart(5)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}  ${(c.tp + c.fp ? pct(precision(c)) : '-').padStart(9)}  ${(c.tp + c.fn ? pct(recall(c)) : '-').padStart(6)}  ${c.tp ? pct(c.valuesAgree / c.tp) : '-'}`;
  for (const t of MENTION_TYPES) rows.push(line(t, s.counts[t]));
  rows.push(line('micro', micro(s.counts)));
  const neg = s.misses.filter((m) => m.kind === 'negation').length;
  const ctx = s.misses.filter((m) => m.kind === 'context').length;
  rows.push(`  negation errors: ${neg}; other context errors: ${ctx}`);
  return rows.join('\n');
}

const dev = [...splits].find(([k]) => showsMisses(k))?.[1];
if (values.json) {
  const out = Object.fromEntries(
    [...splits].map(([k, s]) => [
      k,
      {
        notes: s.notes,
        byType: Object.fromEntries(
          MENTION_TYPES.map((t) => [t, { ...s.counts[t], precision: precision(s.counts[t]), recall: recall(s.counts[t]) }]),
        ),
        micro: { ...micro(s.counts), precision: precision(micro(s.counts)), recall: recall(micro(s.counts)) },
        negationErrors: s.misses.filter((m) => m.kind === 'negation').length,
        ...(showsMisses(k) ? { misses: s.misses } : {}),
      },
    ]),
  );
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const out: string[] = [`eval:notes: ${loaded.files.length} annotated notes of ${readdirSync(join(dir, 'notes')).length} in ${dir}`, ''];
  const show = values.misses;
  if (dev && show !== 'none') {
    const misses = dev.misses.filter((m) => show === 'all' || m.type === show || m.kind === show);
    out.push(`${extra?.set.split ?? 'dev'} misses (${misses.length}):`);
    for (const m of misses.sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start))
      out.push(`  ${m.file} ${m.start}-${m.end} ${m.kind.padEnd(8)} ${m.type.padEnd(17)} ${m.detail}`);
    out.push('');
  }
  const tables = [...splits].map(([k, s]) => table(showsMisses(k) ? k : `${k} (misses not shown)`, s));
  out.push(tables.join('\n\n'));
  const problems = [...splits.values()].flatMap((s) => s.offsetProblems);
  if (problems.length) out.push('', `annotation offsets to check (${problems.length}):`, ...problems.map((p) => `  ${p}`));
  const sorted = [...wall].sort((a, b) => a - b);
  out.push(
    '',
    `extraction: ${wall.length} notes, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted[sorted.length - 1]?.toFixed(1)} ms`,
  );
  out.push(
    `matching: same type, overlapping spans, one gold fact per mention; P/R over gold current/history facts (test/fixtures/${fixtures === 'notes-dev' ? 'notes-dev/GUIDELINES.md' : `${fixtures}/README.md`}).`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}
