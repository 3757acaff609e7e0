// The list of what is still on its way, in the physician's words: one rendering for every view that waits.
import { pendingLabel } from './still-reading';

export function PendingList({ pending }: { pending: readonly string[] }) {
  return (
    <ul aria-label="Still loading">
      {pending.map((t) => (
        <li key={t} data-pending={t}>
          {pendingLabel(t)}
        </li>
      ))}
    </ul>
  );
}
