// The whole read side in one call: coded resources -> picture, note text -> facts, merged.
// Shared by the app and the Node CLI so both see exactly the same picture.
import type { ClinicalPicture } from '../../policy/picture';
import type { RawRecord } from '../read/read';
import { noteSources, toPicture, type PictureContext } from './to-picture';
import { mergeNoteFacts, toNoteDoc } from '../notes';
import { noteFactsFor } from './note-prefetch';

export function buildPicture(record: RawRecord, ctx: PictureContext): ClinicalPicture {
  const coded = toPicture(record, ctx);
  return mergeNoteFacts(coded, noteSources(record).map(toNoteDoc));
}

/**
 * The same picture, with note extraction off the main thread (a Web Worker in the browser) so the UI stays
 * responsive. The notes go to the worker first, so their extraction runs while this thread builds the coded part.
 */
export async function buildPictureAsync(record: RawRecord, ctx: PictureContext): Promise<ClinicalPicture> {
  const notes = noteSources(record).map(toNoteDoc);
  const facts = noteFactsFor(notes);
  const coded = toPicture(record, ctx);
  const picture = mergeNoteFacts(coded, notes, await facts);
  // The launch's stages as performance marks (cr:token, cr:record, cr:picture, cr:complete), for the bench tools.
  performance.mark('cr:picture');
  return picture;
}
