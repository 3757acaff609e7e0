// Note extraction that keeps the UI responsive whatever the notes' size: in a Web Worker where the platform has one,
// else on this thread one note at a time with a yield to the event loop between notes (each note's cost is capped
// in extract.ts). Same facts either way.
import type { NoteDoc } from '../../policy/picture';
import type { NoteFacts } from './extract';
import type { WorkerReply, WorkerRequest } from './worker';
import { dropNoteWorker, noteWorker } from './worker-start';

export { prewarmNoteWorker } from './worker-start';

let nextId = 0;

const yieldToEventLoop = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * Facts of each note, in order, on this thread with a yield between notes. The extractor is loaded only here: where
 * the worker runs (nearly always) the app's own chunks need not carry it.
 */
export async function extractChunked(notes: readonly NoteDoc[]): Promise<NoteFacts[]> {
  const { extractNoteFacts } = await import('./extract');
  const out: NoteFacts[] = [];
  for (const n of notes) {
    out.push(extractNoteFacts(n));
    await yieldToEventLoop();
  }
  return out;
}

/** Facts of each note, in order, computed off the main thread when possible. */
export async function extractNotesAsync(notes: readonly NoteDoc[]): Promise<NoteFacts[]> {
  if (notes.length === 0) return [];
  const w = noteWorker();
  if (!w) return extractChunked(notes);
  const id = ++nextId;
  try {
    return await new Promise<NoteFacts[]>((resolve, reject) => {
      const onMessage = (e: MessageEvent<WorkerReply>): void => {
        if (e.data.id !== id) return;
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        if ('error' in e.data) reject(new Error(e.data.error));
        else resolve(e.data.facts);
      };
      const onError = (): void => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        reject(new Error('note worker failed'));
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      const req: WorkerRequest = { id, notes: [...notes] };
      w.postMessage(req);
    });
  } catch {
    // A worker that cannot start (CSP, old browser) or fails: same work, chunked on this thread.
    dropNoteWorker();
    return extractChunked(notes);
  }
}
