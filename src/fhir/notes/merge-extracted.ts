// Fold note facts into a picture, extracting on this thread any note whose facts were not given: for the CLI, the
// tests and the app's fallback when no worker runs. Kept apart from merge.ts so that the app's first chunk, which
// folds facts the note worker computed, does not carry the extractor.
import type { ClinicalPicture, NoteDoc } from '../../policy/picture';
import { extractNoteFacts, type NoteFacts } from './extract';
import { foldNoteFacts } from './merge';

export function mergeNoteFacts(picture: ClinicalPicture, notes: readonly NoteDoc[], extracted?: readonly NoteFacts[]): ClinicalPicture {
  return foldNoteFacts(
    picture,
    notes,
    notes.map((n, k) => extracted?.[k] ?? extractNoteFacts(n)),
  );
}
