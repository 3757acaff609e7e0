// Off-main-thread extraction gives the same facts and the same picture as the synchronous path.
import { describe, expect, it } from 'vitest';
import { extractNoteFacts, extractNotesAsync, mergeNoteFacts } from '../../../src/fhir/notes';
import { extractChunked } from '../../../src/fhir/notes/extract-async';
import { emptyPicture, type NoteDoc } from '../../../src/policy/picture';
import visits from '../../fixtures/notes/visits.json';

const notes: NoteDoc[] = visits.notes.map((text, i) => ({
  ref: `DocumentReference/v${i}`,
  title: `visit ${i}`,
  date: '2025-06-01',
  contentType: 'text/plain',
  text,
}));

describe('extractNotesAsync', () => {
  it('without a Worker (Node, or a worker that cannot start) extracts each note in order, yielding between notes', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const got = await extractNotesAsync(notes);
    expect(got).toEqual(notes.map(extractNoteFacts));
  });

  it('lets other work run between notes (the event loop is not held for the whole batch)', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await extractChunked([...notes, ...notes, ...notes]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('a merge from precomputed facts equals the synchronous merge', async () => {
    const facts = await extractNotesAsync(notes);
    expect(mergeNoteFacts(emptyPicture('p'), notes, facts)).toEqual(mergeNoteFacts(emptyPicture('p'), notes));
  });
});
