// Web Worker: note extraction off the main thread, so a long note never freezes the tab. Receives NoteDoc[] (plain
// data, structured-cloned), answers with one NoteFacts per note in the same order.
import type { NoteDoc } from '../../policy/picture';
import { extractNoteFacts, type NoteFacts } from './extract';
import { WARM_UP_NOTE } from './warm-up';

export interface WorkerRequest {
  id: number;
  notes: NoteDoc[];
}
export type WorkerReply = { id: number; facts: NoteFacts[] } | { id: number; error: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerReply): void };
// Before any message is handled (they wait in the queue meanwhile): see warm-up.ts.
try {
  extractNoteFacts(WARM_UP_NOTE);
} catch {
  // A warm-up that fails costs nothing but the warm-up: the real notes report their own errors.
}
scope.onmessage = (e) => {
  const { id, notes } = e.data;
  try {
    scope.postMessage({ id, facts: notes.map(extractNoteFacts) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
