// The React side of the entry, loaded in parallel with the token exchange (see main.tsx).
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import type Client from 'fhirclient/lib/Client';
import { Root } from './Root';
import { LaunchProblemScreen } from './LaunchProblemScreen';
import { classifyLaunchFailure, prefetchNoteFacts, prewarmNoteWorker } from '../fhir/index';
import type { EarlyRead } from './hooks/early-read';
import './styles.css';

export function renderApp(container: HTMLElement, client: Client, early?: EarlyRead): void {
  // The notes are extracted in a worker, started while the chart is read (the launch page's, joined by main.tsx as soon as the read module is in, else now),
  prewarmNoteWorker();
  // and each search's notes go to it as soon as that search is in (now for those already in), before React mounts.
  // (Not from early-read.ts: the prefetch would bring the whole note engine, its main-thread fallback, onto the
  // token's path, and the worker is still warming up when the first searches land.)
  early?.onType(prefetchNoteFacts);
  createRoot(container).render(
    <StrictMode>
      <Root client={client} early={early} />
    </StrictMode>,
  );
}

export function renderLaunchProblem(container: HTMLElement, error: unknown): void {
  createRoot(container).render(<LaunchProblemScreen problem={classifyLaunchFailure(error)} />);
}
