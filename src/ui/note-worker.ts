// The note worker's start, for the app entry (main.tsx): a module of its own so the entry chunk carries only the
// worker's start, not the read or the picture code.
export { prewarmNoteWorker } from '../fhir/index';
