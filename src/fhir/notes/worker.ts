// Web Worker (dedicated, or shared by a launch's two pages: worker-start.ts): note extraction off the main thread, so a
// long note never freezes the tab. Receives NoteDoc[] (plain data, structured-cloned), answers with one NoteFacts per
// note in the same order, on the port that asked.
import type { NoteDoc } from '../../policy/picture';
import { extractNoteFacts, type NoteFacts } from './extract';
import { prebuildTriggerScan } from './trigger-scan';
import { WARM_UP_NOTE } from './warm-up';

export interface WorkerRequest {
  id: number;
  notes: NoteDoc[];
}
export type WorkerReply = { id: number; facts: NoteFacts[] } | { id: number; error: string };

interface Port {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: WorkerReply): void;
}
// A dedicated worker's scope is its own port; a shared worker (worker-start.ts) gets one port per page that joins it.
const scope = self as unknown as Port & { onconnect?: ((e: MessageEvent) => void) | null };
const shared = 'onconnect' in scope;
// Before any message is handled (they wait in the queue meanwhile): see warm-up.ts.
try {
  extractNoteFacts(WARM_UP_NOTE);
  prebuildTriggerScan();
} catch {
  // A warm-up that fails costs nothing but the warm-up: the real notes report their own errors.
}
const serve = (port: Port): void => {
  port.onmessage = (e) => {
    const { id, notes } = e.data;
    try {
      port.postMessage({ id, facts: notes.map(extractNoteFacts) });
    } catch (err) {
      port.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  };
};
if (shared) scope.onconnect = (e) => e.ports.forEach((p) => serve(p as unknown as Port));
else serve(scope);
