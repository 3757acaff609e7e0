// The service's connection to one payer's PAS endpoint: SMART Backend Services token (private_key_jwt, cached until
// shortly before it expires), then Claim/$submit, Claim/$inquire and Subscription create. A 5xx or a network failure
// is retried a few times: $submit is idempotent per Claim identifier at the payer, so a retry cannot duplicate a
// request. Nothing here logs bodies (they carry PHI).
import { z } from 'zod';
import { clientAssertion } from './assertion';
import type { ClientKey } from './keys';

export interface PayerConnection {
  /** The payer id as the packet names it (Coverage payor / insurer identifier), e.g. "medicare". */
  id: string;
  /** PAS FHIR base, e.g. https://payer.example/fhir. */
  fhirBase: string;
  tokenUrl: string;
  clientId: string;
  scope?: string;
}

export interface PayerReply {
  status: number;
  body: unknown;
}

const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive().optional() });
const DEFAULT_SCOPE = 'system/Claim.c system/Claim.r system/Subscription.c';

export class PayerError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export class PayerClient {
  private token?: { value: string; until: number };
  private pendingToken?: Promise<string>;
  tokenRequests = 0;

  constructor(
    readonly conn: PayerConnection,
    private readonly key: ClientKey,
    private readonly opts: { fetch?: typeof fetch; now?: () => number; retries?: number; retryDelayMs?: number } = {},
  ) {}

  private get now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > this.now) return this.token.value;
    // Concurrent calls share one token request rather than each burning an assertion.
    this.pendingToken ??= this.fetchToken().finally(() => (this.pendingToken = undefined));
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    this.tokenRequests += 1;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: this.conn.scope ?? DEFAULT_SCOPE,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion(this.key, this.conn.clientId, this.conn.tokenUrl, this.now),
    });
    const res = await (this.opts.fetch ?? fetch)(this.conn.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
    const json: unknown = await res.json().catch(() => undefined);
    const t = TokenAnswer.safeParse(json);
    if (!res.ok || !t.success) {
      const why = z.object({ error_description: z.string() }).safeParse(json);
      throw new PayerError(
        `The payer refused ClaimReady's credentials (${res.status}${why.success ? `: ${why.data.error_description}` : ''}).`,
        res.status,
      );
    }
    // Renew 30 s early so a token never expires between check and use.
    this.token = { value: t.data.access_token, until: this.now + Math.max(1, (t.data.expires_in ?? 300) - 30) * 1000 };
    return t.data.access_token;
  }

  private async post(path: string, resource: unknown): Promise<PayerReply> {
    const retries = this.opts.retries ?? 2;
    let last: PayerReply | undefined;
    let lastError: unknown;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((ok) => setTimeout(ok, (this.opts.retryDelayMs ?? 200) * attempt));
      try {
        const token = await this.accessToken();
        const res = await (this.opts.fetch ?? fetch)(`${this.conn.fhirBase}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
          body: JSON.stringify(resource),
        });
        const body: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
        last = { status: res.status, body };
        if (res.status === 401) this.token = undefined; // an expired or revoked token: fetch a new one and retry
        if (res.status < 500 && res.status !== 401 && res.status !== 429) return last;
      } catch (err) {
        if (err instanceof PayerError) throw err;
        lastError = err;
      }
    }
    if (last) return last;
    throw new PayerError(
      `The payer at ${new URL(this.conn.fhirBase).host} could not be reached (${lastError instanceof Error ? lastError.message : 'network error'}).`,
    );
  }

  submit(bundle: unknown): Promise<PayerReply> {
    return this.post('/Claim/$submit', bundle);
  }

  /** $inquire takes a Bundle whose Claim carries the identifier of the request asked about. */
  inquire(bundle: unknown): Promise<PayerReply> {
    return this.post('/Claim/$inquire', bundle);
  }

  async subscribe(endpoint: string, secretHeader: string): Promise<string> {
    const r = await this.post('/Subscription', {
      resourceType: 'Subscription',
      status: 'requested',
      reason: 'ClaimReady: decisions on pended prior-authorization requests',
      criteria: 'http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic',
      channel: { type: 'rest-hook', endpoint, payload: 'application/fhir+json', header: [secretHeader] },
    });
    const s = z.object({ id: z.string() }).safeParse(r.body);
    if (r.status >= 300 || !s.success) throw new PayerError(`The payer did not accept the subscription (${r.status}).`, r.status);
    return s.data.id;
  }
}
