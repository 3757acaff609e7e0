// The app's client of the ClaimReady service (/service on the app's origin unless VITE_CLAIMREADY_SERVICE says
// otherwise). Every call carries the user's SMART access token; answers are checked with zod.
import { z } from 'zod';

const Event = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  kind: z.string(),
  status: z.string().optional(),
  detail: z.unknown().optional(),
});
export const PaRequestSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  payerId: z.string(),
  serviceCode: z.string(),
  claim: z.object({ system: z.string(), value: z.string() }),
  status: z.string(),
  channel: z.enum(['pas', 'portal']),
  priority: z.enum(['standard', 'expedited']),
  authNumber: z.string().optional(),
  authStart: z.string().optional(),
  authEnd: z.string().optional(),
  approvedUnits: z.record(z.string(), z.number()).optional(),
  denialReason: z.string().optional(),
  denialCode: z.object({ system: z.string().optional(), code: z.string(), display: z.string().optional() }).optional(),
  requested: z.array(z.string()),
  requestedBy: z.string().optional(),
  nextAction: z.string().optional(),
  due: z.string().optional(),
  open: z.boolean(),
  trackingNumber: z.string().optional(),
  dateOfService: z.string().optional(),
  submittedAt: z.string().optional(),
  chartTask: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const RequestViewSchema = PaRequestSchema.extend({ history: z.array(Event) });
export type PaRequestView = z.infer<typeof RequestViewSchema>;
export type PaQueueRow = z.infer<typeof PaRequestSchema>;

const ErrorBody = z.object({ error: z.string() });

export function serviceBase(): string {
  const configured: unknown = import.meta.env.VITE_CLAIMREADY_SERVICE;
  return typeof configured === 'string' && configured ? configured.replace(/\/$/, '') : '/service';
}

export class ServiceCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface PaAnswer {
  message: string;
  document?: { title: string; contentType: string; data: string };
}

export interface ServiceApi {
  list(patientId: string): Promise<PaRequestView[]>;
  submit(bundle: unknown, priority: 'standard' | 'expedited', chartTask?: string): Promise<PaRequestView>;
  inquire(id: string): Promise<PaRequestView>;
  portal(id: string, update: Record<string, string>): Promise<PaRequestView>;
  /** Staff's answer to a request for more information: a message, and the document asked for (base64). */
  answer(id: string, answer: PaAnswer): Promise<PaRequestView>;
  response(id: string): Promise<unknown>;
  queue(filter: { status?: string; payer?: string }): Promise<PaQueueRow[]>;
}

export function serviceApi(token: () => string | undefined, base = serviceBase(), f: typeof fetch = (...a) => fetch(...a)): ServiceApi {
  async function call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const t = token();
    if (!t) throw new ServiceCallError(401, 'No EHR session: relaunch ClaimReady from the chart.');
    let res: Response;
    try {
      res = await f(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${t}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ServiceCallError(0, 'The ClaimReady service could not be reached. Nothing was lost: try again.');
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const e = ErrorBody.safeParse(json);
      throw new ServiceCallError(res.status, e.success ? e.data.error : `The ClaimReady service answered ${res.status}.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ServiceCallError(res.status, 'The ClaimReady service answered in an unexpected shape.');
    return parsed.data;
  }
  return {
    list: (patientId) => call('GET', `/requests?patient=${encodeURIComponent(patientId)}`, z.array(RequestViewSchema)),
    submit: (bundle, priority, chartTask) =>
      call('POST', '/requests', RequestViewSchema, { bundle, priority, ...(chartTask ? { chartTask } : {}) }),
    inquire: (id) => call('POST', `/requests/${encodeURIComponent(id)}/inquire`, RequestViewSchema),
    portal: (id, update) => call('POST', `/requests/${encodeURIComponent(id)}/portal`, RequestViewSchema, update),
    answer: (id, answer) => call('POST', `/requests/${encodeURIComponent(id)}/answer`, RequestViewSchema, answer),
    response: (id) => call('GET', `/requests/${encodeURIComponent(id)}/response`, z.unknown()),
    queue: (filter) => {
      const q = new URLSearchParams();
      if (filter.status) q.set('status', filter.status);
      if (filter.payer) q.set('payer', filter.payer);
      return call('GET', `/queue${q.size ? `?${q.toString()}` : ''}`, z.array(PaRequestSchema));
    },
  };
}
