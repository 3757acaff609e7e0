// The React side of the entry, loaded in parallel with the token exchange (see main.tsx).
import './no-eval';
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import type Client from 'fhirclient/lib/Client';
import { Root } from './Root';
import { LaunchProblemScreen } from './LaunchProblemScreen';
import { classifyLaunchFailure, prewarmNoteWorker } from '../fhir/index';
import type { EarlyRead } from './hooks/early-read';
import './styles.css';

export function renderApp(container: HTMLElement, client: Client, early?: EarlyRead): void {
  // The notes are extracted in a worker: it starts now, while the chart is read, not when the notes are in.
  prewarmNoteWorker();
  createRoot(container).render(
    <StrictMode>
      <Root client={client} early={early} />
    </StrictMode>,
  );
}

export function renderLaunchProblem(container: HTMLElement, error: unknown): void {
  createRoot(container).render(<LaunchProblemScreen problem={classifyLaunchFailure(error)} />);
}
