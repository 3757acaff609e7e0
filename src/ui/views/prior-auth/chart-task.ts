// The prior-auth Task ClaimReady made in the chart (record.saved, or read again after a save), as the view shows
// it: status, business status, owner, due date and, once decided, the authorization number. It is ClaimReady's own
// output, never evidence, and outside data all the same: checked with zod, what is absent is said as absent.
import { z } from 'zod';
import { CLAIMREADY_ID_BASE, type SavedState } from '../../../fhir/index';
import type { FhirWriter } from '../../../writeback/index';

export interface ChartTask {
  ref: string;
  /** "system|value" of ClaimReady's identifier on it: how it is read again. */
  key?: string;
  status: string;
  businessStatus?: string;
  owner?: string;
  due?: string;
  authNumber?: string;
  authPeriod?: string;
  updated?: string;
  description?: string;
}

const Ref = z.looseObject({ reference: z.string().optional(), display: z.string().optional() });
const TaskShape = z.looseObject({
  resourceType: z.literal('Task'),
  id: z.string(),
  identifier: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
  status: z.string(),
  businessStatus: z
    .looseObject({ text: z.string().optional(), coding: z.array(z.looseObject({ display: z.string().optional() })).optional() })
    .optional(),
  code: z.looseObject({ coding: z.array(z.looseObject({ code: z.string().optional() })).optional() }).optional(),
  focus: Ref.optional(),
  owner: Ref.optional(),
  description: z.string().optional(),
  authoredOn: z.string().optional(),
  lastModified: z.string().optional(),
  restriction: z.looseObject({ period: z.looseObject({ end: z.string().optional() }).optional() }).optional(),
  output: z
    .array(
      z.looseObject({
        type: z.looseObject({ text: z.string().optional() }),
        valueString: z.string().optional(),
        valuePeriod: z.looseObject({ start: z.string().optional(), end: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});
type TaskData = z.infer<typeof TaskShape>;

/** Names an owner reference by the chart's own resource (Organization / Practitioner name) when it was read. */
export type NameOf = (ref: string) => string | undefined;

function toChartTask(t: TaskData, nameOf: NameOf): ChartTask {
  const out = (label: RegExp) => t.output?.find((o) => label.test(o.type.text ?? ''));
  const auth = out(/^Authorization number$/i)?.valueString;
  const period = out(/^Authorization period$/i)?.valuePeriod;
  const owner = t.owner
    ? (t.owner.display ?? (t.owner.reference ? (nameOf(t.owner.reference) ?? t.owner.reference) : undefined))
    : undefined;
  const business = t.businessStatus?.text ?? t.businessStatus?.coding?.[0]?.display;
  const due = t.restriction?.period?.end;
  const updated = t.lastModified ?? t.authoredOn;
  const own = t.identifier?.find((i) => i.system?.startsWith(CLAIMREADY_ID_BASE) && i.value);
  return {
    ref: `Task/${t.id}`,
    ...(own ? { key: `${own.system}|${own.value}` } : {}),
    status: t.status,
    ...(business ? { businessStatus: business } : {}),
    ...(owner ? { owner } : {}),
    ...(due ? { due: due.slice(0, 10) } : {}),
    ...(auth ? { authNumber: auth } : {}),
    ...(period ? { authPeriod: `${period.start?.slice(0, 10) ?? '?'} to ${period.end?.slice(0, 10) ?? '?'}` } : {}),
    ...(updated ? { updated } : {}),
    ...(t.description ? { description: t.description } : {}),
  };
}

const isPaTask = (t: TaskData): boolean => t.code?.coding?.some((c) => c.code === 'submit-prior-auth') ?? false;

/** The service's prior-auth Tasks, newest first: the one focused on its order, else one naming its code. */
export function tasksForService(raws: readonly unknown[], service: { code: string; requestRef?: string }, nameOf: NameOf): ChartTask[] {
  const tasks = raws.map((r) => TaskShape.safeParse(r).data).filter((t): t is TaskData => t !== undefined && isPaTask(t));
  const mine = tasks.filter((t) =>
    service.requestRef && t.focus?.reference
      ? t.focus.reference === service.requestRef
      : (t.description ?? '').includes(` ${service.code} `),
  );
  const when = (t: TaskData): string => t.lastModified ?? t.authoredOn ?? '';
  return mine.sort((a, b) => (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : 0)).map((t) => toChartTask(t, nameOf));
}

export function savedTasks(saved: SavedState | undefined): unknown[] {
  return (saved?.tasks ?? []).map((t) => t.resource).filter((r) => r !== undefined);
}

/** The Task named by "system|value" as the EHR holds it now (after a save, or to see a decision written since). */
export async function readTask(writer: FhirWriter, key: string): Promise<unknown[]> {
  const res = await writer.search('Task', `identifier=${key}`);
  if (res.status !== 200) return [];
  const Page = z.looseObject({ entry: z.array(z.looseObject({ resource: z.unknown() })).optional() });
  return (Page.safeParse(res.body).data?.entry ?? []).map((e) => e.resource);
}

const STATUS_TEXT: Record<string, string> = {
  requested: 'Requested',
  accepted: 'Accepted',
  'in-progress': 'In progress',
  'on-hold': 'On hold (the payer asked for more information)',
  completed: 'Completed',
  cancelled: 'Cancelled',
  rejected: 'Rejected',
  failed: 'Failed',
};
export const statusText = (s: string): string => STATUS_TEXT[s] ?? s;
