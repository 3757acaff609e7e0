// The whole read side in one call: coded resources -> picture, note text -> facts, merged.
// Shared by the app and the Node CLI so both see exactly the same picture.
import type { ClinicalPicture } from '../../policy/picture';
import type { RawRecord } from '../read/read';
import { noteSources, toPicture, type PictureContext } from './to-picture';
import { extractNotesAsync, mergeNoteFacts, toNoteDoc } from '../notes';

export function buildPicture(record: RawRecord, ctx: PictureContext): ClinicalPicture {
  const coded = toPicture(record, ctx);
  return mergeNoteFacts(coded, noteSources(record).map(toNoteDoc));
}

/** The same picture, with note extraction off the main thread (a Web Worker in the browser) so the UI stays responsive. */
export async function buildPictureAsync(record: RawRecord, ctx: PictureContext): Promise<ClinicalPicture> {
  const coded = toPicture(record, ctx);
  const notes = noteSources(record).map(toNoteDoc);
  return mergeNoteFacts(coded, notes, await extractNotesAsync(notes));
}
