// The payer's decision back in the chart, so the EHR's own queue sees it: a DocumentReference holding the decision
// (a readable summary and the payer's PAS response Bundle) and the prior-auth Task's status, business status and
// outputs. Both are ClaimReady output (own-output tag + identifiers under the id base), so a relaunch never reads
// them as clinical evidence. The document is a conditional create (a retry finds it); the Task is updated in place.
import type { DocumentReference, Task } from 'fhir/r4';
import { z } from 'zod';
import { CLAIMREADY_TAG } from '../../fhir/index';
import { deterministicId, ID_BASE, utf8ToBase64, writeAll, type FhirWriter } from '../../writeback/index';
import type { PaRequestView } from './api';

export const DECISION_ID_SYSTEM = `${ID_BASE}/pa-decision`;
/** The Task outputs an authorization is read back from (auths-on-file.ts): one name each, here. */
export const AUTH_NUMBER = 'Authorization number';
export const AUTH_PERIOD = 'Authorization period';
export const AUTHORIZED_SERVICE = 'Authorized service';
const DECIDED = new Set(['approved', 'partial', 'denied', 'info-requested']);
const BUSINESS: Record<string, string> = {
  approved: 'Approved',
  partial: 'Partially approved',
  denied: 'Denied',
  'info-requested': 'Payer requests more information',
  pended: 'Pended at payer',
  submitted: 'Submitted to payer',
  portal: 'Submitted through portal',
};

export function decisionKey(r: PaRequestView): string {
  return deterministicId([
    'pa-decision',
    r.claim.system,
    r.claim.value,
    r.status,
    r.authNumber ?? '',
    r.authEnd ?? '',
    r.denialReason ?? '',
  ]);
}

export function isDecided(r: PaRequestView): boolean {
  return DECIDED.has(r.status);
}

export function decisionSummary(r: PaRequestView): string {
  const lines = [`Prior-auth decision: ${BUSINESS[r.status] ?? r.status} (payer ${r.payerId}, service ${r.serviceCode}).`];
  if (r.authNumber) lines.push(`Authorization number: ${r.authNumber}.`);
  if (r.authStart || r.authEnd) lines.push(`Valid ${r.authStart ?? '?'} to ${r.authEnd ?? '?'}.`);
  if (r.approvedUnits)
    lines.push(
      `Approved units: ${Object.entries(r.approvedUnits)
        .map(([seq, n]) => `line ${seq}: ${n}`)
        .join(', ')}.`,
    );
  if (r.denialReason) lines.push(`Reason: ${r.denialReason}`);
  if (r.requested.length) lines.push(`Requested: ${r.requested.join(' ')}`);
  if (r.trackingNumber) lines.push(`Tracking number (UTN): ${r.trackingNumber}.`);
  if (r.nextAction) lines.push(`Next: ${r.nextAction}`);
  return lines.join('\n');
}

export function decisionDocument(r: PaRequestView, response: unknown, now: string): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    meta: { tag: [{ ...CLAIMREADY_TAG }] },
    identifier: [{ system: DECISION_ID_SYSTEM, value: decisionKey(r) }],
    status: 'current',
    type: {
      coding: [{ system: 'https://claimready.app/CodeSystem/document-type', code: 'pa-decision', display: 'Prior-auth decision' }],
      text: 'Prior-auth decision',
    },
    subject: { reference: `Patient/${r.patientId}` },
    date: now,
    description: decisionSummary(r).split('\n')[0],
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          data: utf8ToBase64(decisionSummary(r)),
          title: 'Prior-auth decision.txt',
          creation: now,
        },
      },
      ...(response !== undefined
        ? [
            {
              attachment: {
                contentType: 'application/fhir+json',
                data: utf8ToBase64(JSON.stringify(response)),
                title: 'Payer response (PAS).json',
                creation: now,
              },
            },
          ]
        : []),
    ],
  };
}

export function updatedTask(task: Task, r: PaRequestView, docRef: string | undefined, now: string): Task {
  const status: Task['status'] = r.status === 'info-requested' ? 'on-hold' : isDecided(r) ? 'completed' : 'in-progress';
  const outputs: NonNullable<Task['output']> = [
    ...(r.authNumber ? [{ type: { text: AUTH_NUMBER }, valueString: r.authNumber }] : []),
    ...(r.authStart || r.authEnd
      ? [
          {
            type: { text: AUTH_PERIOD },
            valuePeriod: { ...(r.authStart ? { start: r.authStart } : {}), ...(r.authEnd ? { end: r.authEnd } : {}) },
          },
        ]
      : []),
    ...(r.authNumber ? [{ type: { text: AUTHORIZED_SERVICE }, valueString: r.serviceCode }] : []),
    ...(r.trackingNumber ? [{ type: { text: 'Tracking number (UTN)' }, valueString: r.trackingNumber }] : []),
    ...(docRef ? [{ type: { text: 'Payer decision' }, valueReference: { reference: docRef } }] : []),
  ];
  const tags = task.meta?.tag ?? [];
  return {
    ...task,
    meta: { ...(task.meta ?? {}), tag: tags.some((t) => t.system === CLAIMREADY_TAG.system) ? tags : [...tags, { ...CLAIMREADY_TAG }] },
    status,
    businessStatus: { text: BUSINESS[r.status] ?? r.status },
    ...(r.denialReason && r.status === 'denied' ? { statusReason: { text: r.denialReason } } : {}),
    lastModified: now,
    output: outputs,
  };
}

const SearchBundle = z.object({
  entry: z.array(z.object({ resource: z.looseObject({ resourceType: z.literal('Task'), id: z.string() }) })).optional(),
});

export type WritebackResult = { ok: true; taskUpdated: boolean; message: string } | { ok: false; message: string };

/** Writes the decision document and updates the Task named by `taskIdentifier` (system|value). */
export async function writeDecisionToChart(
  writer: FhirWriter,
  r: PaRequestView,
  response: unknown,
  taskIdentifier: string | undefined,
  agent: { app: string; user?: string },
  now: string,
): Promise<WritebackResult> {
  const doc = decisionDocument(r, response, now);
  const out = await writeAll(writer, [{ resource: doc, ifNoneExist: `identifier=${DECISION_ID_SYSTEM}|${decisionKey(r)}` }], agent);
  if (!out.ok) return { ok: false, message: `The decision was not saved to the chart: ${out.failed.message}` };
  const docId = out.results.find((x) => x.item.resource.resourceType === 'DocumentReference')?.id;
  if (!taskIdentifier)
    return {
      ok: true,
      taskUpdated: false,
      message: 'Decision saved to the chart. No prior-auth task was found to update (save the packet to the chart to get one).',
    };
  const found = await writer.search('Task', `identifier=${taskIdentifier}`);
  const task = SearchBundle.safeParse(found.body).data?.entry?.[0]?.resource as (Task & { id: string }) | undefined;
  if (!task)
    return {
      ok: true,
      taskUpdated: false,
      message: 'Decision saved to the chart; the prior-auth task was not found, so its status is unchanged.',
    };
  const next = updatedTask(task, r, docId ? `DocumentReference/${docId}` : undefined, now);
  // Version-aware where the writer can (If-Match: someone else's edit of the Task is not overwritten), else a PUT.
  const res = writer.update
    ? await writer.update(next, task.meta?.versionId)
    : writer.transaction
      ? await writer.transaction({
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [{ resource: next, request: { method: 'PUT', url: `Task/${task.id}` } }],
        })
      : undefined;
  if (!res) return { ok: true, taskUpdated: false, message: 'Decision saved to the chart; this EHR connection cannot update the task.' };
  if (res.status === 412)
    return { ok: false, message: 'The decision document was saved; the task changed in the EHR meanwhile, so its update will be retried.' };
  if (res.status !== 200)
    return { ok: false, message: `The decision document was saved, but the EHR refused the task update (status ${res.status}). Retry.` };
  return {
    ok: true,
    taskUpdated: true,
    message: `Decision saved to the chart and the prior-auth task set to "${next.businessStatus?.text ?? next.status}".`,
  };
}
