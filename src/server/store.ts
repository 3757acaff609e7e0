// The service's memory of every prior-auth request: created once per Claim identifier (a double click, a retry or a
// reload finds the same row), changed only together with the event that says who changed it and why.
import { randomUUID } from 'node:crypto';
import type { Sql } from './db';
import { migrate } from './schema';
import { nextAction } from './deadlines';
import type { PayerDecision } from './claim-response';

export interface PaRequest {
  id: string;
  patientId: string;
  payerId: string;
  serviceCode: string;
  claim: { system: string; value: string };
  status: string;
  channel: 'pas' | 'portal';
  priority: 'standard' | 'expedited';
  bundleHash?: string;
  authNumber?: string;
  authStart?: string;
  authEnd?: string;
  approvedUnits?: Record<string, number>;
  denialReason?: string;
  denialCode?: { system?: string; code: string; display?: string };
  requested: string[];
  requestedBy?: string;
  nextAction?: string;
  due?: string;
  open: boolean;
  trackingNumber?: string;
  dateOfService?: string;
  submittedAt?: string;
  /** The chart's prior-auth Task (identifier system|value) the decision is written back to. */
  chartTask?: string;
  createdAt: string;
  updatedAt: string;
}

export interface PaEvent {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  status?: string;
  detail?: unknown;
}

export interface NewRequest {
  patientId: string;
  payerId: string;
  serviceCode: string;
  claim: { system: string; value: string };
  channel: 'pas' | 'portal';
  priority: 'standard' | 'expedited';
  dateOfService?: string;
  chartTask?: string;
}

/** Column changes that go with an event; undefined leaves a column as it is, null clears it. */
export interface Patch {
  status?: string;
  bundleHash?: string | null;
  authNumber?: string | null;
  authStart?: string | null;
  authEnd?: string | null;
  approvedUnits?: Record<string, number> | null;
  denialReason?: string | null;
  denialCode?: { system?: string; code: string; display?: string } | null;
  requested?: string[] | null;
  requestedBy?: string | null;
  due?: string | null;
  trackingNumber?: string | null;
  submittedAt?: string | null;
}

const COLUMNS: Record<keyof Patch, string> = {
  status: 'status',
  bundleHash: 'bundle_hash',
  authNumber: 'auth_number',
  authStart: 'auth_start',
  authEnd: 'auth_end',
  approvedUnits: 'approved_units',
  denialReason: 'denial_reason',
  denialCode: 'denial_code',
  requested: 'requested',
  requestedBy: 'requested_by',
  due: 'due',
  trackingNumber: 'tracking_number',
  submittedAt: 'submitted_at',
};

type Row = Record<string, unknown>;
const str = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : v instanceof Date ? v.toISOString() : String(v);
const SELECT = `SELECT * FROM pa_request`;

function toRequest(r: Row): PaRequest {
  const opt = <K extends string>(k: K, v: unknown) => (v === null || v === undefined ? {} : { [k]: v });
  return {
    id: String(r.id),
    patientId: String(r.patient_id),
    payerId: String(r.payer_id),
    serviceCode: String(r.service_code),
    claim: { system: String(r.claim_system), value: String(r.claim_value) },
    status: String(r.status),
    channel: r.channel === 'portal' ? 'portal' : 'pas',
    priority: r.priority === 'expedited' ? 'expedited' : 'standard',
    requested: Array.isArray(r.requested) ? r.requested.map(String) : [],
    open: r.is_open === true,
    createdAt: str(r.created_at) ?? '',
    updatedAt: str(r.updated_at) ?? '',
    ...opt('bundleHash', str(r.bundle_hash)),
    ...opt('authNumber', str(r.auth_number)),
    ...opt('authStart', str(r.auth_start)),
    ...opt('authEnd', str(r.auth_end)),
    ...opt('approvedUnits', r.approved_units ?? undefined),
    ...opt('denialReason', str(r.denial_reason)),
    ...opt('denialCode', r.denial_code ?? undefined),
    ...opt('requestedBy', str(r.requested_by)),
    ...opt('nextAction', str(r.next_action)),
    ...opt('due', str(r.due)),
    ...opt('trackingNumber', str(r.tracking_number)),
    ...opt('dateOfService', str(r.date_of_service)),
    ...opt('submittedAt', str(r.submitted_at)),
    ...opt('chartTask', str(r.chart_task)),
  } as PaRequest;
}

function toEvent(r: Row): PaEvent {
  // json_agg gives timestamps as text without the zone normalised: through Date for one format with the plain rows.
  const at = r.at instanceof Date ? r.at.toISOString() : new Date(String(r.at)).toISOString();
  return {
    seq: Number(r.seq),
    at,
    actor: String(r.actor),
    kind: String(r.kind),
    ...(r.status ? { status: String(r.status) } : {}),
    ...(r.detail !== null && r.detail !== undefined ? { detail: r.detail } : {}),
  };
}

/** The columns a payer decision sets (a later decision replaces what an earlier one said). */
export function decisionPatch(d: PayerDecision): Patch {
  return {
    status: d.status,
    authNumber: d.authNumber ?? null,
    authStart: d.period?.start?.slice(0, 10) ?? null,
    authEnd: d.period?.end?.slice(0, 10) ?? null,
    approvedUnits: d.approvedUnits ?? null,
    denialReason: d.status === 'denied' || d.status === 'partial' ? (d.reason ?? null) : null,
    denialCode: d.status === 'denied' || d.status === 'partial' ? (d.reasonCode ?? null) : null,
    requested: d.requested.length ? d.requested : null,
    requestedBy: d.requestedBy ?? null,
    ...(d.trackingNumber ? { trackingNumber: d.trackingNumber } : {}),
  };
}

export class Store {
  private constructor(private readonly sql: Sql) {}

  static async open(sql: Sql): Promise<Store> {
    await migrate(sql);
    return new Store(sql);
  }

  /** The request for this Claim identifier: created now (created true) or the one already there. */
  async create(input: NewRequest, actor: string): Promise<{ request: PaRequest; created: boolean }> {
    return this.sql.transaction(async (tx) => {
      const id = randomUUID();
      const inserted = await tx.query(
        `INSERT INTO pa_request (id, patient_id, payer_id, service_code, claim_system, claim_value, status, channel, priority, date_of_service, chart_task)
         VALUES ($1,$2,$3,$4,$5,$6,'submitting',$7,$8,$9,$10) ON CONFLICT (claim_system, claim_value) DO NOTHING RETURNING id`,
        [
          id,
          input.patientId,
          input.payerId,
          input.serviceCode,
          input.claim.system,
          input.claim.value,
          input.channel,
          input.priority,
          input.dateOfService ?? null,
          input.chartTask ?? null,
        ],
      );
      if (inserted.length > 0) {
        await tx.query(`INSERT INTO pa_event (request_id, actor, kind, status, detail) VALUES ($1,$2,'created','submitting',$3)`, [
          id,
          actor,
          JSON.stringify({ channel: input.channel, priority: input.priority }),
        ]);
      }
      const row = (await tx.query(`${SELECT} WHERE claim_system = $1 AND claim_value = $2`, [input.claim.system, input.claim.value]))[0];
      if (!row) throw new Error('request vanished after insert');
      return { request: toRequest(row), created: inserted.length > 0 };
    });
  }

  async get(id: string): Promise<PaRequest | undefined> {
    const row = (await this.sql.query(`${SELECT} WHERE id = $1`, [id]))[0];
    return row ? toRequest(row) : undefined;
  }

  async byClaim(system: string, value: string): Promise<PaRequest | undefined> {
    const row = (await this.sql.query(`${SELECT} WHERE claim_system = $1 AND claim_value = $2`, [system, value]))[0];
    return row ? toRequest(row) : undefined;
  }

  /**
   * Appends an event and applies its column changes in one transaction, then recomputes the next action and whether
   * the request is still open. `expectStatus` makes it a compare-and-set: null is returned when another writer
   * changed the status first (two submits racing each other).
   */
  async record(
    id: string,
    e: { actor: string; kind: string; detail?: unknown; patch?: Patch; expectStatus?: string },
  ): Promise<PaRequest | null> {
    return this.sql.transaction(async (tx) => {
      const before = (await tx.query(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]))[0];
      if (!before) throw new Error(`no request ${id}`);
      if (e.expectStatus !== undefined && before.status !== e.expectStatus) return null;
      const patch = e.patch ?? {};
      const sets: string[] = [];
      const params: unknown[] = [id];
      for (const [k, col] of Object.entries(COLUMNS) as [keyof Patch, string][]) {
        const v = patch[k];
        if (v === undefined) continue;
        params.push(v !== null && (k === 'approvedUnits' || k === 'requested' || k === 'denialCode') ? JSON.stringify(v) : v);
        sets.push(`${col} = $${params.length}`);
      }
      if (sets.length) await tx.query(`UPDATE pa_request SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
      const mid = toRequest((await tx.query(`${SELECT} WHERE id = $1`, [id]))[0]!);
      const next = nextAction(mid);
      await tx.query(`UPDATE pa_request SET next_action = $2, is_open = $3, due = COALESCE($4::timestamptz, due) WHERE id = $1`, [
        id,
        next.text,
        next.open,
        next.due && next.due !== mid.due ? next.due : null,
      ]);
      await tx.query(`INSERT INTO pa_event (request_id, actor, kind, status, detail) VALUES ($1,$2,$3,$4,$5)`, [
        id,
        e.actor,
        e.kind,
        patch.status ?? null,
        e.detail === undefined ? null : JSON.stringify(e.detail),
      ]);
      return toRequest((await tx.query(`${SELECT} WHERE id = $1`, [id]))[0]!);
    });
  }

  /** A request and its history (without payloads) in one round trip to the database: status reads are the hot path. */
  async getWithHistory(id: string): Promise<{ request: PaRequest; history: PaEvent[] } | undefined> {
    const row = (
      await this.sql.query(
        `SELECT r.*, COALESCE((SELECT json_agg(json_build_object('seq', e.seq, 'at', e.at, 'actor', e.actor, 'kind', e.kind, 'status', e.status, 'detail', e.detail - 'bundle' - 'response') ORDER BY e.seq) FROM pa_event e WHERE e.request_id = r.id), '[]'::json) AS events FROM pa_request r WHERE r.id = $1`,
        [id],
      )
    )[0];
    if (!row) return undefined;
    const events = Array.isArray(row.events) ? (row.events as Row[]) : [];
    return { request: toRequest(row), history: events.map(toEvent) };
  }

  async history(id: string): Promise<PaEvent[]> {
    // The payloads stay in the database: the history says what happened (lastDetail / lastResponse fetch a payload).
    const rows = await this.sql.query(
      `SELECT seq, at, actor, kind, status, detail - 'bundle' - 'response' AS detail FROM pa_event WHERE request_id = $1 ORDER BY seq`,
      [id],
    );
    return rows.map(toEvent);
  }

  /** The last event of `kind` with its detail (e.g. the bundle last submitted, for $inquire). */
  async lastDetail(id: string, kind: string): Promise<unknown> {
    const row = (
      await this.sql.query(`SELECT detail FROM pa_event WHERE request_id = $1 AND kind = $2 ORDER BY seq DESC LIMIT 1`, [id, kind])
    )[0];
    return row?.detail ?? undefined;
  }

  /** The payer's last answer (the PAS response Bundle) for a request, from its decision or inquiry events. */
  async lastResponse(id: string): Promise<unknown> {
    const row = (
      await this.sql.query(
        `SELECT detail->'response' AS response FROM pa_event WHERE request_id = $1 AND kind IN ('decision','inquiry') AND detail ? 'response' ORDER BY seq DESC LIMIT 1`,
        [id],
      )
    )[0];
    return row?.response ?? undefined;
  }

  async forPatient(patientId: string): Promise<PaRequest[]> {
    return (await this.sql.query(`${SELECT} WHERE patient_id = $1 ORDER BY created_at DESC`, [patientId])).map(toRequest);
  }

  /** Open requests, soonest due first (no due date last), optionally for one patient, status or payer. */
  async queue(f: { patientId?: string; status?: string; payerId?: string; limit?: number } = {}): Promise<PaRequest[]> {
    const where = ['is_open'];
    const params: unknown[] = [];
    for (const [col, v] of [
      ['patient_id', f.patientId],
      ['status', f.status],
      ['payer_id', f.payerId],
    ] as const) {
      if (v === undefined) continue;
      params.push(v);
      where.push(`${col} = $${params.length}`);
    }
    params.push(Math.min(f.limit ?? 200, 1000));
    return (
      await this.sql.query(
        `${SELECT} WHERE ${where.join(' AND ')} ORDER BY due ASC NULLS LAST, created_at ASC LIMIT $${params.length}`,
        params,
      )
    ).map(toRequest);
  }

  /** Requests sent by PAS that still wait for the payer. */
  async awaitingPayer(): Promise<PaRequest[]> {
    return (await this.sql.query(`${SELECT} WHERE is_open AND channel = 'pas' AND status IN ('submitted','pended','info-requested')`)).map(
      toRequest,
    );
  }

  async subscription(payerId: string): Promise<{ subscriptionId: string; secret: string } | undefined> {
    const row = (await this.sql.query(`SELECT subscription_id, secret FROM pa_subscription WHERE payer_id = $1`, [payerId]))[0];
    return row ? { subscriptionId: String(row.subscription_id), secret: String(row.secret) } : undefined;
  }

  async saveSubscription(payerId: string, subscriptionId: string, secret: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO pa_subscription (payer_id, subscription_id, secret) VALUES ($1,$2,$3) ON CONFLICT (payer_id) DO UPDATE SET subscription_id = $2, secret = $3, created_at = now()`,
      [payerId, subscriptionId, secret],
    );
  }
}
