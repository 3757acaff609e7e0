// The chart's prior-auth Task for this service, read back (status, business status, owner, due date, authorization
// number once decided), with a refresh that reads it again from the EHR (a decision may have been written since).
import type { ChartTask } from './chart-task';
import { statusText } from './chart-task';

export function ChartTaskCard({
  tasks,
  required,
  onRefresh,
  refreshing,
}: {
  tasks: ChartTask[];
  required: boolean | 'depends';
  onRefresh?: () => void;
  refreshing?: boolean;
}) {
  const [task, ...earlier] = tasks;
  return (
    <section className="card stack" aria-labelledby="pa-task-title" data-testid="pa-chart-task">
      <h3 id="pa-task-title">Chart task</h3>
      {!task ? (
        <p className="muted">
          {required === false
            ? 'No prior-auth task: none is needed for this service.'
            : 'No prior-auth task in the chart yet: saving the packet creates one.'}
        </p>
      ) : (
        <dl className="pa-facts">
          <dt>Status</dt>
          <dd>{statusText(task.status)}</dd>
          <dt>Business status</dt>
          <dd>{task.businessStatus ?? 'not set'}</dd>
          <dt>Owner</dt>
          <dd>{task.owner ?? 'not assigned'}</dd>
          <dt>Due</dt>
          <dd>{task.due ?? 'no due date'}</dd>
          <dt>Authorization number</dt>
          <dd>{task.authNumber ?? (task.status === 'completed' ? 'none recorded' : 'not decided yet')}</dd>
          {task.authPeriod && (
            <>
              <dt>Authorized</dt>
              <dd>{task.authPeriod}</dd>
            </>
          )}
        </dl>
      )}
      {earlier.length > 0 && (
        <p className="muted">{earlier.length} earlier task(s) for this service (from packets built on earlier facts).</p>
      )}
      {onRefresh && task && (
        <button type="button" className="btn btn--small" onClick={onRefresh} disabled={refreshing}>
          {refreshing ? 'Reading the task…' : 'Read the task again from the chart'}
        </button>
      )}
    </section>
  );
}
