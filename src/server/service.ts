// The prior-auth workflows of the ClaimReady service: submit a packet (once per Claim identifier, whatever the number
// of clicks, retries and reloads), take the payer's answer, follow a pended request by notification or inquiry,
// record a portal submission's tracking number and decision, and list requests for a patient or the work queue.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Answer, withAnswer } from './answer';
import { readDecision } from './claim-response';
import { decisionDue } from './deadlines';
import { packetFacts } from './packet-facts';
import { PayerError, type PayerClient, type PayerReply } from './payer-client';
import { decisionPatch, type PaEvent, type PaRequest, type Store } from './store';
import type { Caller } from './user-auth';

export const SECRET_HEADER = 'x-claimready-secret';
/** A 'submitting' row older than this is an attempt that died with its process: it may be retried. */
const STALE_SUBMIT_MS = 60_000;

export class ServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RequestView extends PaRequest {
  history: PaEvent[];
}

export const PortalUpdate = z.object({
  trackingNumber: z.string().trim().min(1).max(64).optional(),
  decision: z.enum(['approved', 'partial', 'denied', 'info-requested']).optional(),
  authNumber: z.string().trim().min(1).max(64).optional(),
  start: z.iso.date().optional(),
  end: z.iso.date().optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
});

export interface ServiceConfig {
  store: Store;
  /** PAS connections by payer id; `*` is used for a payer without its own entry (the sandbox payer). */
  payers: ReadonlyMap<string, PayerClient>;
  /** Payer ids that have no PAS endpoint (WISeR contractors, portals): their packets go through the portal. */
  portalPayers?: ReadonlySet<string>;
  /** Public URL of the service (…/service) the payer's rest-hook calls back to. */
  publicBase: string;
  now?: () => Date;
}

function claimHash(bundle: unknown): string {
  // Rebuilding a packet restamps Bundle.timestamp and Claim.created; a reload is the same request, not an amendment.
  return createHash('sha256')
    .update(JSON.stringify(bundle, (k, v: unknown) => (k === 'timestamp' || k === 'created' ? undefined : v)))
    .digest('hex');
}

/** The event detail without the bundles themselves: the history shows what happened, the store keeps the payloads. */
function lean(e: PaEvent): PaEvent {
  const d = e.detail;
  if (typeof d !== 'object' || d === null) return e;
  const { bundle: _b, response: _r, ...rest } = d as Record<string, unknown>;
  return { ...e, detail: rest };
}

export class LifecycleService {
  private readonly subscribed = new Map<string, Promise<void>>();
  constructor(private readonly cfg: ServiceConfig) {}

  private now(): Date {
    return (this.cfg.now ?? (() => new Date()))();
  }

  private payerFor(payerId: string): PayerClient | undefined {
    if (this.cfg.portalPayers?.has(payerId)) return undefined;
    return this.cfg.payers.get(payerId) ?? this.cfg.payers.get('*');
  }

  private async visible(id: string, caller: Caller): Promise<PaRequest> {
    const r = await this.cfg.store.get(id);
    // Outside the caller's patient context a request does not exist for them.
    if (!r || (caller.patient && r.patientId !== caller.patient)) throw new ServiceError(404, 'No such prior-auth request.');
    return r;
  }

  async view(r: PaRequest): Promise<RequestView> {
    return { ...r, history: (await this.cfg.store.history(r.id)).map(lean) };
  }

  async submit(
    bundle: unknown,
    caller: Caller,
    opts: { priority?: 'standard' | 'expedited'; portal?: boolean; chartTask?: string } = {},
  ): Promise<RequestView> {
    const facts = packetFacts(bundle);
    if (typeof facts === 'string') throw new ServiceError(400, facts);
    if (caller.patient && caller.patient !== facts.patientId)
      throw new ServiceError(403, "The packet is for another patient than the EHR session's.");
    const payer = opts.portal ? undefined : this.payerFor(facts.payerId);
    const hash = claimHash(bundle);
    const store = this.cfg.store;
    const { request, created } = await store.create(
      {
        patientId: facts.patientId,
        payerId: facts.payerId,
        serviceCode: facts.serviceCode,
        claim: facts.claim,
        channel: payer ? 'pas' : 'portal',
        priority: opts.priority ?? facts.priority,
        ...(opts.chartTask ? { chartTask: opts.chartTask } : {}),
        ...(facts.dateOfService ? { dateOfService: facts.dateOfService } : {}),
      },
      caller.actor,
    );
    let current = request;
    if (!created) {
      const stale = request.status === 'submitting' && this.now().getTime() - Date.parse(request.updatedAt) > STALE_SUBMIT_MS;
      const retryable =
        request.status === 'error' ||
        request.status === 'rejected' ||
        stale ||
        (request.status === 'info-requested' && request.bundleHash !== hash);
      if (!retryable) return this.view(request);
      // Compare-and-set: of two racing retries only one sends.
      const claimed = await store.record(request.id, {
        actor: caller.actor,
        kind: request.status === 'info-requested' ? 'answer' : 'retry',
        patch: { status: 'submitting' },
        expectStatus: request.status,
      });
      if (!claimed) return this.view((await store.get(request.id))!);
      current = claimed;
    }
    if (current.channel === 'portal' || !payer) {
      const r = await store.record(current.id, {
        actor: caller.actor,
        kind: 'portal-packet',
        detail: { bundle },
        patch: { status: 'portal', bundleHash: hash },
      });
      return this.view(r!);
    }
    const submittedAt = current.submittedAt ? new Date(current.submittedAt) : this.now();
    await store.record(current.id, {
      actor: caller.actor,
      kind: 'submit',
      detail: { bundle, payer: payer.conn.id },
      patch: {
        bundleHash: hash,
        submittedAt: submittedAt.toISOString(),
        due: current.due ?? decisionDue(submittedAt, current.priority).toISOString(),
      },
    });
    await this.subscribe(payer);
    let reply: PayerReply;
    try {
      reply = await payer.submit(bundle);
    } catch (err) {
      const r = await store.record(current.id, {
        actor: 'service',
        kind: 'error',
        detail: { message: err instanceof Error ? err.message : 'submit failed' },
        patch: { status: 'error' },
      });
      return this.view(r!);
    }
    return this.view(await this.applyReply(current.id, reply, `payer ${payer.conn.id}`, 'decision'));
  }

  private async applyReply(id: string, reply: PayerReply, actor: string, kind: string, onlyIfChanged = false): Promise<PaRequest> {
    const store = this.cfg.store;
    if (reply.status >= 200 && reply.status < 300) {
      const d = readDecision(reply.body);
      if (typeof d === 'string')
        return (await store.record(id, {
          actor,
          kind: 'error',
          detail: { message: d, response: reply.body },
          patch: { status: 'error' },
        }))!;
      const before = (await store.get(id))!;
      const patch = decisionPatch(d);
      if (
        onlyIfChanged &&
        before.status === d.status &&
        (before.authNumber ?? null) === (patch.authNumber ?? null) &&
        (before.authEnd ?? null) === (patch.authEnd ?? null)
      )
        return before;
      return (await store.record(id, { actor, kind, detail: { decision: d, response: reply.body }, patch }))!;
    }
    const issues = z.object({ issue: z.array(z.object({ diagnostics: z.string().optional() })) }).safeParse(reply.body);
    const messages = issues.success ? issues.data.issue.map((i) => i.diagnostics ?? 'unspecified') : [`HTTP ${reply.status}`];
    const status = reply.status >= 500 || reply.status === 429 || reply.status === 401 ? 'error' : 'rejected';
    return (await store.record(id, {
      actor,
      kind: status === 'error' ? 'error' : 'rejected',
      detail: { httpStatus: reply.status, issues: messages },
      patch: { status },
    }))!;
  }

  /** One rest-hook subscription per payer and process; the secret in its header authenticates notifications. */
  private subscribe(payer: PayerClient): Promise<void> {
    let p = this.subscribed.get(payer.conn.id);
    if (!p) {
      p = (async () => {
        const secret = randomBytes(24).toString('base64url');
        const id = await payer.subscribe(
          `${this.cfg.publicBase}/notify/${encodeURIComponent(payer.conn.id)}`,
          `X-ClaimReady-Secret: ${secret}`,
        );
        await this.cfg.store.saveSubscription(payer.conn.id, id, secret);
      })().catch((err: unknown) => {
        // Without a subscription staff still get decisions by inquiry; try again on the next submit.
        this.subscribed.delete(payer.conn.id);
        console.error(`service: subscription to payer ${payer.conn.id} failed: ${err instanceof PayerError ? err.message : 'error'}`);
      });
      this.subscribed.set(payer.conn.id, p);
    }
    return p;
  }

  async inquire(id: string, caller: Caller): Promise<RequestView> {
    const r = await this.visible(id, caller);
    const payer = r.channel === 'pas' ? this.payerFor(r.payerId) : undefined;
    if (!payer) throw new ServiceError(409, 'This request went through a portal: record its decision instead of asking the payer.');
    return this.view(await this.reinquire(r, payer, caller.actor));
  }

  private async reinquire(r: PaRequest, payer: PayerClient, actor: string): Promise<PaRequest> {
    const last = z.object({ bundle: z.unknown() }).safeParse(await this.cfg.store.lastDetail(r.id, 'submit'));
    if (!last.success) throw new ServiceError(409, 'This request was never sent to the payer: submit it first.');
    let reply: PayerReply;
    try {
      reply = await payer.inquire(last.data.bundle);
    } catch (err) {
      throw new ServiceError(502, err instanceof Error ? err.message : 'The payer could not be reached.');
    }
    if (reply.status >= 300) throw new ServiceError(502, `The payer answered the inquiry with ${reply.status}.`);
    return this.applyReply(r.id, reply, actor, 'inquiry', true);
  }

  /** A rest-hook notification: authenticated by the subscription's secret, then re-read by $inquire (never trusted). */
  async notify(payerId: string, secret: string | undefined, body: unknown): Promise<number> {
    const sub = await this.cfg.store.subscription(payerId);
    const given = Buffer.from(secret ?? '');
    if (!sub || given.length !== Buffer.byteLength(sub.secret) || !timingSafeEqual(given, Buffer.from(sub.secret))) return 401;
    const payer = this.payerFor(payerId);
    if (!payer) return 404;
    const ids = new Set<string>();
    JSON.stringify(body, (k, v: unknown) => {
      const cr = z
        .object({ resourceType: z.literal('ClaimResponse'), identifier: z.array(z.object({ system: z.string(), value: z.string() })) })
        .safeParse(v);
      if (cr.success) for (const i of cr.data.identifier) ids.add(`${i.system}|${i.value}`);
      return v;
    });
    // The requests this connection carries (one connection may serve several payer ids, e.g. a clearinghouse).
    const open = (await this.cfg.store.awaitingPayer()).filter((r) => this.payerFor(r.payerId) === payer);
    // A notification naming no request we know (or an empty "id-only" one) makes us ask about every open request.
    const named = open.filter((r) => ids.has(`${r.claim.system}|${r.claim.value}`));
    for (const r of named.length ? named : open) await this.reinquire(r, payer, `payer ${payerId} (notification)`).catch(() => undefined);
    return 200;
  }

  async portal(id: string, caller: Caller, input: unknown): Promise<RequestView> {
    const r = await this.visible(id, caller);
    if (r.channel !== 'portal') throw new ServiceError(409, 'This request was submitted by PAS: its decision comes from the payer.');
    const u = PortalUpdate.safeParse(input);
    if (!u.success)
      throw new ServiceError(
        400,
        `The portal update is not valid: ${u.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
      );
    const v = u.data;
    if (v.start && v.end && v.end < v.start) throw new ServiceError(400, 'The authorization ends before it starts.');
    if (v.decision === 'denied' && !v.reason) throw new ServiceError(400, 'A denial needs the reason the contractor gave.');
    const updated = await this.cfg.store.record(r.id, {
      actor: caller.actor,
      kind: 'portal-update',
      detail: v,
      patch: {
        ...(v.trackingNumber ? { trackingNumber: v.trackingNumber } : {}),
        ...(v.decision ? { status: v.decision } : {}),
        ...(v.authNumber ? { authNumber: v.authNumber } : {}),
        ...(v.start ? { authStart: v.start } : {}),
        ...(v.end ? { authEnd: v.end } : {}),
        ...(v.reason ? { denialReason: v.reason } : {}),
        ...(v.trackingNumber && !r.submittedAt
          ? { submittedAt: this.now().toISOString(), due: decisionDue(this.now(), r.priority).toISOString() }
          : {}),
      },
    });
    return this.view(updated!);
  }

  /**
   * Staff's answer to a request for more information: the last request sent, with the message and document on its
   * Claim, sent again under the same identifier (the submit workflow records it as the answer). A second click after
   * the answer went out finds it already answered and sends nothing.
   */
  async answer(id: string, caller: Caller, input: unknown): Promise<RequestView> {
    const r = await this.visible(id, caller);
    if (r.channel !== 'pas')
      throw new ServiceError(409, 'This request went through a portal: answer the payer there and record the result.');
    if (r.status !== 'info-requested') {
      const answered = (await this.cfg.store.history(r.id)).some((e) => e.kind === 'answer');
      if (answered) return this.view(r);
      throw new ServiceError(409, `The payer has not asked for more information on this request (it is ${r.status}).`);
    }
    const a = Answer.safeParse(input);
    if (!a.success)
      throw new ServiceError(
        400,
        `The answer is not valid: ${a.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
      );
    const last = z.object({ bundle: z.unknown() }).safeParse(await this.cfg.store.lastDetail(r.id, 'submit'));
    if (!last.success) throw new ServiceError(409, 'This request was never sent to the payer: submit it first.');
    const amended = withAnswer(last.data.bundle, a.data, this.now().toISOString());
    if (typeof amended === 'string') throw new ServiceError(409, amended);
    return this.submit(amended, caller, {});
  }

  async forPatient(patientId: string, caller: Caller): Promise<RequestView[]> {
    if (caller.patient && caller.patient !== patientId) throw new ServiceError(403, "Another patient than the EHR session's.");
    return Promise.all((await this.cfg.store.forPatient(patientId)).map((r) => this.view(r)));
  }

  /** The payer's response Bundle as it came (for the chart's copy of the decision). */
  async response(id: string, caller: Caller): Promise<unknown> {
    const r = await this.visible(id, caller);
    const body = await this.cfg.store.lastResponse(r.id);
    if (body === undefined) throw new ServiceError(404, 'The payer has not answered this request yet.');
    return body;
  }

  async get(id: string, caller: Caller): Promise<RequestView> {
    const found = await this.cfg.store.getWithHistory(id);
    if (!found || (caller.patient && found.request.patientId !== caller.patient))
      throw new ServiceError(404, 'No such prior-auth request.');
    return { ...found.request, history: found.history.map(lean) };
  }

  queue(caller: Caller, f: { status?: string; payerId?: string }): Promise<PaRequest[]> {
    return this.cfg.store.queue({ ...f, ...(caller.patient ? { patientId: caller.patient } : {}) });
  }
}
