// The one note worker, started as early as the app can: the launch's read module starts it during the token
// exchange (ui/hooks/early-read.ts), so its script loads and its warm-up extraction (worker.ts) runs while the chart
// is still being read. Nothing else here, so that module stays light.
let worker: Worker | undefined;

/** The worker, started on first call; undefined where the platform has none or refuses it (CSP, old browser). */
export function noteWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    worker ??= new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    return worker;
  } catch {
    return undefined;
  }
}

/** Forgets a worker that failed, so the next extraction runs on the main thread (or a fresh worker). */
export function dropNoteWorker(): void {
  worker = undefined;
}

/** Starts the worker ahead of the first notes. */
export function prewarmNoteWorker(): void {
  noteWorker();
}
