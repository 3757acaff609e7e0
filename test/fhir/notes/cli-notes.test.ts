// npm run check -- --notes: the extractor's findings per file, with spans that point into the file as read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNotes, notesTable } from '../../../src/cli/notes';

const dir = mkdtempSync(join(tmpdir(), 'notes-cli-'));
const a =
  'HISTORY OF PRESENT ILLNESS:\nShe rates her low back pain 7/10. She failed 6 weeks of physical therapy.\nPLAN:\nLeft L4-5 transforaminal injection.\n';
const b = 'Denies pain. No physical therapy yet.\n';
writeFileSync(join(dir, 'a.txt'), a);
writeFileSync(join(dir, 'b.txt'), b);
writeFileSync(join(dir, 'ignored.json'), '{}');
// A Windows-1252 export: 0x92 is its right single quote, not UTF-8.
writeFileSync(
  join(dir, 'c.txt'),
  Buffer.concat([Buffer.from('She can'), Buffer.from([0x92]), Buffer.from('t sit for more than 10 minutes. Pain 6/10.\n')]),
);

describe('checkNotes', () => {
  const r = checkNotes(dir);
  it('reads every .txt file of a folder, by name, and lists what else it holds as skipped', () => {
    expect(r.notes.map((n) => n.file)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(r.problems).toEqual([]);
    expect(r.skipped).toEqual([expect.stringMatching(/^ignored\.json: not read/)]);
    expect(notesTable(r)).toMatch(/skipped: ignored\.json/);
  });
  it('a file that is not valid UTF-8 is read, with a limit saying how its offsets count', () => {
    const c = r.notes[2]!;
    expect(c.limits).toEqual([expect.stringMatching(/not valid UTF-8: 1 byte sequence read as U\+FFFD/)]);
    const pain = c.facts.find((f) => f.type === 'pain-score')!;
    expect(pain).toMatchObject({ value: 6 });
    expect(r.notes[0]!.limits).toBeUndefined();
  });
  it('each fact has its type, span into the file, context and values', () => {
    const facts = r.notes[0]!.facts;
    const pain = facts.find((f) => f.type === 'pain-score')!;
    expect(a.slice(pain.span.start, pain.span.end)).toContain('7/10');
    expect(pain).toMatchObject({ context: 'current', value: 7, instrument: 'NRS' });
    const pt = facts.find((f) => f.type === 'conservative-care')!;
    expect(pt).toMatchObject({ kind: 'physical-therapy', outcome: 'failed', weeks: 6 });
    const site = facts.find((f) => f.type === 'site')!;
    expect(a.slice(site.span.start, site.span.end)).toContain('L4-5');
    expect(site).toMatchObject({ levels: ['L4-L5'], laterality: 'left', context: 'plan' });
  });
  it('negated mentions are not reported as evidence', () => {
    for (const f of r.notes[1]!.facts) expect(['current', 'history']).not.toContain(f.context);
  });
  it('a single file works and a missing path is a problem, not a crash', () => {
    expect(checkNotes(join(dir, 'a.txt')).notes).toHaveLength(1);
    const missing = checkNotes(join(dir, 'nope.txt'));
    expect(missing.notes).toEqual([]);
    expect(missing.problems[0]).toMatch(/nope\.txt/);
  });
  it('prints a readable table', () => {
    expect(notesTable(r)).toMatch(/a\.txt: \d+ facts/);
  });
});
