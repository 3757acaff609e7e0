// The top of the prior-auth view: what to do first and what blocks it, in a few lines, so the staff member sees the
// next action without scrolling (the blockers' evidence, the criteria and the timeline follow further down).
import type { Blocker } from '../../../workflow/index';
import type { ChartTask } from './chart-task';
import { statusText } from './chart-task';

export interface DoFirstProps {
  blockers: Blocker[];
  /** false: the payer wants no prior authorization for this service (no packet needed, no Task is made). */
  required: boolean | 'depends';
  reason: string;
  payerName: string;
  task: ChartTask | undefined;
  canWrite: boolean;
}

/** Blockers shown in the list; the rest are counted and listed in full below. */
const SHOWN = 3;

/** The steps in order: the first is the one to do now. */
export function doFirstSteps(p: DoFirstProps): { text: string; blocking: boolean }[] {
  if (p.required === false)
    return [{ text: `Nothing to submit: ${p.payerName} needs no prior authorization for this service (${p.reason}). No task is made.`, blocking: false }];
  const steps: { text: string; blocking: boolean }[] = [];
  for (const b of p.blockers.slice(0, SHOWN)) steps.push({ text: b.fix ? `${b.fix} (${b.message})` : b.message, blocking: true });
  if (p.blockers.length > SHOWN) steps.push({ text: `${p.blockers.length - SHOWN} more blocker(s): see "What blocks this packet" below.`, blocking: true });
  const decided = p.task?.status === 'completed' || p.task?.status === 'cancelled' || p.task?.status === 'rejected';
  if (decided) steps.push({ text: `The chart task is ${statusText(p.task!.status).toLowerCase()}${p.task!.authNumber ? ` (authorization ${p.task!.authNumber})` : ''}: nothing more to do here.`, blocking: false });
  else if (p.task) steps.push({ text: `Submit the saved packet to ${p.payerName}${p.task.due ? ` by ${p.task.due}` : ''} (chart task: ${statusText(p.task.status).toLowerCase()}).`, blocking: false });
  else if (!p.canWrite) steps.push({ text: `Download the packet (PDF or bundle) and submit it to ${p.payerName}: this session cannot write to the chart.`, blocking: false });
  else
    steps.push({
      text: p.blockers.length
        ? `Then save the packet to the chart (or save it as incomplete) and submit it to ${p.payerName}.`
        : `Save the packet to the chart, then submit it to ${p.payerName}.`,
      blocking: false,
    });
  if (p.required === 'depends') steps.unshift({ text: `Check whether ${p.payerName} needs prior authorization: ${p.reason}.`, blocking: false });
  return steps;
}

export function DoFirst(p: DoFirstProps) {
  const steps = doFirstSteps(p);
  return (
    <section className={`card stack pa-do-first${p.blockers.length ? ' card--alert' : ''}`} aria-labelledby="pa-do-first-title" data-testid="pa-do-first">
      <h3 id="pa-do-first-title">
        Do first{p.blockers.length ? `: ${p.blockers.length} blocker(s)` : ''}
      </h3>
      <ol className="pa-do-first__steps">
        {steps.map((s, i) => (
          <li key={`${i}-${s.text}`} data-testid={i === 0 ? 'pa-first-action' : undefined}>
            {s.blocking && <span className="badge badge--missing">Blocks</span>} {s.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
