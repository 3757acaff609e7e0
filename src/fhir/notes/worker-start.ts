// The one note worker, started as early as the app can. Its first extraction costs a few hundred ms of CPU in a fresh
// worker (compiling the lexicons' patterns and the extractors' code, see warm-up.ts), more than the launch's whole
// read takes, so it starts on the SMART launch page (launch/launch.ts), before the authorize redirect, as a shared
// worker asked to outlive its page (`extendedLifetime`): the app page, opened by the redirect, joins that same worker,
// already warm or warming. The worker is named for the launch (the SMART `state`, which both pages know), so two
// launches in two tabs never share one, and a browser without shared workers (or without the extended lifetime) gets
// a worker of the app page's own, started first thing there (main.tsx). Nothing else here, so this module stays light.
import type { WorkerReply, WorkerRequest } from './worker';

/** What extraction speaks to: a dedicated worker, or a shared worker's port (and its errors). */
export interface NoteChannel {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message' | 'error', listener: (e: MessageEvent<WorkerReply>) => void): void;
  removeEventListener(type: 'message' | 'error', listener: (e: MessageEvent<WorkerReply>) => void): void;
}

let worker: NoteChannel | undefined;

/** The shared worker's name for one launch: the launch page and the app page must spell it alike. */
const nameFor = (launch: string): string => `claimready-notes:${launch}`;

function sharedWorker(launch: string): NoteChannel {
  // The options are the same on both pages: a shared worker is joined only by the same URL, name and type.
  const options = { type: 'module', name: nameFor(launch), extendedLifetime: true } as WorkerOptions;
  // (Vite reads a worker's options only when they are a literal; the type is the same as the dedicated one's below.)
  const w = new SharedWorker(new URL('./worker.ts', import.meta.url), /* @vite-ignore */ options);
  const port = w.port;
  port.start();
  const target = (type: 'message' | 'error'): EventTarget => (type === 'error' ? w : port);
  return {
    postMessage: (m) => port.postMessage(m),
    addEventListener: (type, l) => target(type).addEventListener(type, l as EventListener),
    removeEventListener: (type, l) => target(type).removeEventListener(type, l as EventListener),
  };
}

/**
 * The worker, started on first call; undefined where the platform has none or refuses it (CSP, old browser).
 * `launch` (the SMART state of this launch) joins the shared worker the launch page started for it.
 */
export function noteWorker(launch?: string): NoteChannel | undefined {
  if (worker) return worker;
  try {
    if (launch && typeof SharedWorker !== 'undefined') worker = sharedWorker(launch);
    else if (typeof Worker !== 'undefined') worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    return worker;
  } catch {
    return undefined;
  }
}

/** Forgets a worker that failed, so the next extraction runs on the main thread (or a fresh worker). */
export function dropNoteWorker(): void {
  worker = undefined;
}

/** Starts the worker ahead of the first notes (the launch's shared one where `launch` is given, see above). */
export function prewarmNoteWorker(launch?: string): void {
  noteWorker(launch);
}

/**
 * The launch page's start of the worker the app page will join, before the authorize redirect. Only where shared
 * workers exist: a dedicated worker would end with the page.
 */
export function startLaunchNoteWorker(launch: string): void {
  if (typeof SharedWorker === 'undefined') return;
  try {
    // Kept, so the page holds its connection until it unloads.
    worker ??= sharedWorker(launch);
  } catch {
    // The app page starts its own.
  }
}
