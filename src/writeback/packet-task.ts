// The prior-auth Task: a work item the PA staff can act on, made only when the payer requires prior authorization
// for the service (or it depends, with the reason). Its due date is the last day to submit for the planned date of
// service: CMS-0057-F gives impacted payers up to 7 calendar days for a standard prior-authorization decision, so
// the request is due 7 days before the date (never before today). Commercial turnaround differs by contract: the
// lead time is advice, stated in the Task's note.
import type { Reference, Task } from 'fhir/r4';
import type { PriorAuthDecision, Verdict } from '../policy/verdicts';
import { deterministicId, ID_BASE } from './write';

export const TASK_ID_SYSTEM = `${ID_BASE}/pa-task`;
/** ClaimReady's own task codes (documented; no standard code names "submit a prior-authorization request"). */
export const TASK_CODE_SYSTEM = 'https://claimready.app/CodeSystem/task';
export const DECISION_LEAD_DAYS = 7;

const BUSINESS: Record<Verdict, { code: string; display: string }> = {
  ready: { code: 'ready-to-submit', display: 'Ready to submit' },
  incomplete: { code: 'documentation-incomplete', display: 'Documentation incomplete: fix before submitting' },
  'not-eligible': { code: 'criteria-not-met', display: 'Policy criteria not met: review before submitting' },
};

function addDays(day: string, n: number): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The last day to submit: DECISION_LEAD_DAYS before the date of service, not before today. */
export function dueDate(serviceDate: string, today: string): string {
  const due = addDays(serviceDate, -DECISION_LEAD_DAYS);
  return due < today.slice(0, 10) ? today.slice(0, 10) : due;
}

export interface TaskInput {
  packetId: string;
  packetTitle: string;
  packetIdentifierSystem: string;
  patient: Reference;
  priorAuth: PriorAuthDecision;
  verdict: Verdict;
  /** The date of service, or the start of the requested period. */
  serviceDate: string;
  today: string;
  now: string;
  serviceCode: string;
  payerName: string;
  serviceRequestRef?: string;
  requesterRef?: string;
  ownerRef?: string;
}

export function priorAuthTask(t: TaskInput): Task | undefined {
  if (t.priorAuth.required === false) return undefined;
  const depends = t.priorAuth.required === 'depends';
  const b = BUSINESS[t.verdict];
  const due = dueDate(t.serviceDate, t.today);
  return {
    resourceType: 'Task',
    identifier: [{ system: TASK_ID_SYSTEM, value: deterministicId(['pa-task', t.packetId]) }],
    status: 'requested',
    businessStatus: { coding: [{ system: TASK_CODE_SYSTEM, code: b.code, display: b.display }], text: b.display },
    intent: 'order',
    priority: 'routine',
    code: {
      coding: [{ system: TASK_CODE_SYSTEM, code: 'submit-prior-auth', display: 'Submit prior authorization request' }],
      text: 'Submit prior authorization request',
    },
    description: `Submit the prior-auth request for ${t.serviceCode} to ${t.payerName} by ${due}${depends ? ` (prior auth depends: ${t.priorAuth.reason})` : ''}.`,
    ...(t.serviceRequestRef ? { focus: { reference: t.serviceRequestRef } } : {}),
    for: t.patient,
    authoredOn: t.now,
    ...(t.requesterRef ? { requester: { reference: t.requesterRef } } : {}),
    ...(t.ownerRef ? { owner: { reference: t.ownerRef } } : {}),
    reasonCode: { text: t.priorAuth.reason },
    restriction: { period: { end: due } },
    note: [
      {
        text: `Due ${DECISION_LEAD_DAYS} days before the date of service ${t.serviceDate.slice(0, 10)}: the payer's standard decision time under CMS-0057-F; a commercial plan's contract may differ.`,
      },
    ],
    // The packet document is named by its identifier: its server id is not known until it is created.
    input: [
      {
        type: { coding: [{ system: TASK_CODE_SYSTEM, code: 'pa-packet', display: 'Prior-auth packet' }], text: 'Prior-auth packet' },
        valueReference: { identifier: { system: t.packetIdentifierSystem, value: t.packetId }, display: t.packetTitle },
      },
    ],
  };
}
