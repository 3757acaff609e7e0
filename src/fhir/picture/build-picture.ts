// The whole read side in one call: coded resources -> picture, note text -> facts, merged.
// Shared by the app and the Node CLI so both see exactly the same picture.
import type { ClinicalPicture } from '../../policy/picture';
import type { RawRecord } from '../read/read';
import { noteSources, toPicture, type PictureContext } from './to-picture';
import { foldNoteFacts, toNoteDoc } from '../notes';
import { noteFactsFor } from './note-prefetch';

/**
 * The same picture, with note extraction off the main thread (a Web Worker in the browser) so the UI stays
 * responsive. The notes go to the worker first, so their extraction runs while this thread builds the coded part.
 */
export async function buildPictureAsync(record: RawRecord, ctx: PictureContext): Promise<ClinicalPicture> {
  const notes = noteSources(record).map(toNoteDoc);
  const facts = noteFactsFor(notes);
  const coded = toPicture(record, ctx);
  const picture = foldNoteFacts(coded, notes, await facts);
  // The launch's stages as performance marks (cr:token, cr:record, cr:picture, cr:complete), for the bench tools.
  performance.mark('cr:picture');
  return picture;
}

/**
 * The picture with every note extracted on this thread: the app's fallback when the async path failed. The extractor
 * is loaded only then, so the app's first chunk does not carry it.
 */
export async function buildPictureHere(record: RawRecord, ctx: PictureContext): Promise<ClinicalPicture> {
  const { buildPicture } = await import('./build-picture-sync');
  return buildPicture(record, ctx);
}
