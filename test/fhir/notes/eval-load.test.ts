// The eval:notes loader and its --fresh option (src/tools/eval-notes-load.ts), on temporary folders: never the real
// fresh notes, which must stay unseen and may be absent.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTRA_SETS, extraSetFrom, extraSetOptions, hasNotes, loadSplit, offsetProblems } from '../../../src/tools/eval-notes-load';
import { Annotation } from '../../../src/tools/eval-notes-score';

const root = mkdtempSync(join(tmpdir(), 'eval-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fixture(name: string, annotations: Record<string, unknown>, notes: Record<string, string>): { ann: string; dir: string } {
  const ann = join(root, name, 'annotations');
  const dir = join(root, name, 'fresh');
  mkdirSync(ann, { recursive: true });
  mkdirSync(join(dir, 'notes'), { recursive: true });
  for (const [f, body] of Object.entries(annotations)) writeFileSync(join(ann, f), typeof body === 'string' ? body : JSON.stringify(body));
  for (const [f, text] of Object.entries(notes)) writeFileSync(join(dir, 'notes', f), text);
  return { ann, dir };
}
const fact = { type: 'pain-score', start: 12, end: 16, hint: '7/10', context: 'current', value: 7, instrument: 'NRS' };

describe('extraSetFrom', () => {
  it('takes an option over its variable, and nothing when neither is set', () => {
    expect(extraSetFrom({ fresh: '/a' }, { NOTES_FRESH_DIR: '/b' })).toMatchObject({ dir: resolve('/a'), set: { split: 'fresh' } });
    expect(extraSetFrom({}, { NOTES_FRESH_DIR: '/b' })).toMatchObject({ dir: resolve('/b'), set: { split: 'fresh' } });
    expect(extraSetFrom({}, {})).toBeUndefined();
    expect(extraSetFrom({}, { NOTES_FRESH_DIR: '' })).toBeUndefined();
  });
  it('names each development set by its own option or variable, and only the unseen sets hide their misses', () => {
    expect(extraSetFrom({ dev2: '/a' }, { NOTES_DEV3_DIR: '/b' })).toMatchObject({
      dir: resolve('/a'),
      set: { split: 'dev2', showsMisses: true },
    });
    expect(extraSetFrom({}, { NOTES_DEV3_DIR: '/b' })).toMatchObject({ dir: resolve('/b'), set: { split: 'dev3', showsMisses: true } });
    expect(extraSetFrom({ dev3: '/c' }, {})).toMatchObject({ set: { fixtures: 'notes-dev3' } });
    expect(extraSetFrom({ fresh: '/d' }, {})?.set.showsMisses).toBe(false);
    expect(extraSetFrom({}, { NOTES_DEV4_DIR: '/e' })).toMatchObject({ dir: resolve('/e'), set: { split: 'dev4', showsMisses: false } });
    expect(extraSetFrom({ dev5: '/f' }, {})).toMatchObject({ set: { split: 'dev5', fixtures: 'notes-dev5', showsMisses: true } });
  });

  it('gives the command line one option per set', () => {
    expect(Object.keys(extraSetOptions)).toEqual(['fresh', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9']);
  });
});

describe('loadSplit', () => {
  const { ann, dir } = fixture(
    'mixed',
    {
      'a-01.json': { file: 'a-01.txt', split: 'fresh', facts: [fact] },
      'a-02.json': { file: 'a-02.txt', split: 'dev', facts: [] },
      'a-03.json': { file: 'a-03.txt', split: 'fresh', facts: [] },
      'a-04.json': '{ not json',
      'a-05.json': { file: '../a.txt', split: 'fresh', facts: [] },
    },
    { 'a-01.txt': 'Pain today: 7/10 at rest.', 'a-02.txt': 'x' },
  );
  const loaded = loadSplit(ann, dir, ['fresh']);
  it('joins a valid annotation to its note text', () => {
    expect(loaded.files).toHaveLength(5);
    expect(loaded.notes.map((n) => n.gold.file)).toEqual(['a-01.txt']);
    expect(loaded.notes[0]!.text).toContain('7/10');
  });
  it('refuses a split that does not belong in the folder, bad JSON and a bad file name', () => {
    expect(loaded.invalid.map((s) => s.split(':')[0])).toEqual(['a-02.json', 'a-04.json', 'a-05.json']);
  });
  it('reports an annotation whose note is absent instead of scoring it', () => {
    expect(loaded.missing).toHaveLength(1);
    expect(loaded.missing[0]).toContain('a-03.txt');
  });
  it('finds no annotations in a folder that does not exist', () => {
    expect(loadSplit(join(root, 'nowhere'), dir, ['fresh']).files).toEqual([]);
  });
});

describe('offsetProblems', () => {
  it('flags a hint that is not at its offsets and offsets past the end', () => {
    const gold = { file: 'a.txt', split: 'fresh' as const, facts: [fact, { ...fact, start: 0, end: 4 }, { ...fact, start: 20, end: 99 }] };
    const problems = offsetProblems({ gold, text: 'Pain today: 7/10 at rest.' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('not at its offsets');
    expect(problems[1]).toContain('outside the note');
  });
});

describe('npm run eval:notes -- --fresh', () => {
  it('says plainly and exits 0 when the fresh folder is absent', () => {
    const absent = join(root, 'absent');
    expect(hasNotes(absent)).toBe(false);
    const r = spawnSync(resolve('node_modules/.bin/tsx'), ['src/tools/eval-notes.ts', '--fresh', absent], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`no fresh notes at ${absent}/notes`);
    expect(r.stdout).not.toContain('precision');
  }, 30_000);
});

describe('npm run eval:notes -- --dev2', () => {
  it('says plainly and exits 0 when the dev2 folder is absent', () => {
    const absent = join(root, 'absent-dev2');
    const r = spawnSync(resolve('node_modules/.bin/tsx'), ['src/tools/eval-notes.ts', '--dev2', absent], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`no dev2 notes at ${absent}/notes`);
    expect(r.stdout).not.toContain('precision');
  }, 30_000);
});

describe("every set's committed annotations", () => {
  it.each(EXTRA_SETS.map((s) => [s.fixtures, s] as const))(
    '%s: parse, carry its split, match its index and quote no note',
    (fixtures, set) => {
      const base = resolve(import.meta.dirname, '../../fixtures', fixtures);
      const files = readdirSync(join(base, 'annotations')).filter((f) => f.endsWith('.json'));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const a = Annotation.parse(JSON.parse(readFileSync(join(base, 'annotations', f), 'utf8')));
        expect(a.split, f).toBe(set.split);
        for (const g of a.facts) {
          expect(g.end, f).toBeGreaterThan(g.start);
          expect((g.hint ?? '').split(/\s+/).length, `${f}: ${g.hint}`).toBeLessThanOrEqual(5);
        }
      }
      // A set fetched from outside lists each text's source; fresh, whose texts nobody on the team holds, has none.
      if (set.flag !== 'fresh') {
        const index = JSON.parse(readFileSync(join(base, 'index.json'), 'utf8')) as { file: string; sha256: string }[];
        expect(index.map((e) => e.file).sort()).toEqual(files.map((f) => f.replace(/\.json$/, '.txt')).sort());
        for (const e of index) expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    },
  );
});
