// Evidence from clinical note text: plain text with exact spans, extracted facts, and their merge into the picture.
export { toNoteDoc, type NoteSource } from './text';
export { extractNoteFacts, type NoteFacts } from './extract';
export { foldNoteFacts } from './merge';
export { mergeNoteFacts } from './merge-extracted';
export type { NoteReliefFact } from './extract-relief';
export { extractNotesAsync, prewarmNoteWorker } from './extract-async';
export { noteMentions, type NoteMention } from './mentions';
