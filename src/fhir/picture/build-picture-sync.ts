// The picture with every note extracted on this thread, in one synchronous call: the CLI's, and the app's fallback
// (build-picture.ts loads it only then).
import type { ClinicalPicture } from '../../policy/picture';
import type { RawRecord } from '../read/read';
import { mergeNoteFacts, toNoteDoc } from '../notes';
import { noteSources, toPicture, type PictureContext } from './to-picture';

export function buildPicture(record: RawRecord, ctx: PictureContext): ClinicalPicture {
  return mergeNoteFacts(toPicture(record, ctx), noteSources(record).map(toNoteDoc));
}
