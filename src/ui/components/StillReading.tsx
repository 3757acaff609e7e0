// Coding review and Prior auth wait for the whole chart, as the checklist does: lines, edits and a packet built from a
// part of the record could be overturned by what is still on its way, so the view names what it waits for instead.
import { PendingList } from '../views/visit/PendingList';

export function StillReading({ view, pending }: { view: string; pending: readonly string[] }) {
  return (
    <section className="card stack" aria-busy="true" data-testid="view-still-reading">
      <h2>{view}</h2>
      <div role="status">
        <p>Not shown yet: the chart is still being read, and what is still coming could change it. Still loading:</p>
        <PendingList pending={pending} />
      </div>
    </section>
  );
}
