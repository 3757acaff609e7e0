// Records the app could not read: listed, never silently dropped, and never blocking the rest.
import type { DataIssue } from '../../policy/index';

export function DataIssues({ issues }: { issues: DataIssue[] }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <details className="card data-issues" data-testid="data-issues">
      <summary>
        {issues.length} data {issues.length === 1 ? 'issue' : 'issues'}
        {errors > 0 ? ` (${errors} record${errors === 1 ? '' : 's'} could not be read)` : ''}; everything else is shown.
      </summary>
      <ul>
        {issues.map((i, n) => (
          <li key={n}>
            <span className={`badge badge--${i.severity === 'error' ? 'not-met' : 'warning'}`}>{i.severity}</span> {i.resourceType}
            {i.id ? `/${i.id}` : ''}: {i.message}
            {i.path ? <span className="muted"> ({i.path})</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
