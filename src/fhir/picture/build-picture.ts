// The whole read side in one call: coded resources -> picture, note text -> facts, merged.
// Shared by the app and the Node CLI so both see exactly the same picture.
import type { ClinicalPicture } from '../../policy/picture';
import type { RawRecord } from '../read/read';
import { noteSources, toPicture, type PictureContext } from './to-picture';
import { mergeNoteFacts, toNoteDoc } from '../notes';

export function buildPicture(record: RawRecord, ctx: PictureContext): ClinicalPicture {
  const coded = toPicture(record, ctx);
  return mergeNoteFacts(coded, noteSources(record).map(toNoteDoc));
}
