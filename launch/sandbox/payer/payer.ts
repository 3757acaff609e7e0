// The sandbox payer (/payer): a Da Vinci PAS 2.2.1 endpoint with SMART Backend Services auth. Claim/$submit decides
// each request by the patient's scenario (approved, pended then decided with a rest-hook notification, denied with
// a reason, more information requested, partial approval), Claim/$inquire answers the latest decision, and
// Subscription registers rest-hook endpoints on the PAS subscription topic. State is in memory: a sandbox restart is
// a new payer, while the ClaimReady service keeps its own history in its database.
import { createHash } from 'node:crypto';
import { BackendAuth } from './backend-auth';
import { decide, type Decision, type Scenario } from './decisions';
import { notificationBundle, readSubscription, subscriberHeaders, type Sub } from './notification';
import { arr, bundleOf, hasAttachedDocument, obj, parseRequest, type Json, type Parsed } from './request-bundle';
import { capabilityStatement, responseBundle } from './response-bundle';

export { PAS_TOPIC } from './notification';

export interface PayerOptions {
  /** Origin the sandbox is served from; the payer lives at `${origin}/payer`. */
  origin: string;
  today: () => string;
  /** Which decision a patient's requests get (by the Patient resource id in the bundle). */
  scenarioFor?: (patientId: string) => Scenario;
  /** How long a pended request waits before it is decided (ms). */
  pendMs?: number;
  /** Conformance errors of a request bundle against the PAS profiles (empty = conformant). */
  validate?: (bundle: unknown) => string[];
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export interface PayerRequest {
  method: string;
  /** The path below /payer, e.g. "/fhir/Claim/$submit". */
  path: string;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface PayerAnswer {
  status: number;
  json: unknown;
  contentType?: string;
}

interface RequestState {
  parsed: Parsed;
  hash: string;
  serial: number;
  decisions: Decision[];
  final?: Decision;
  timer?: ReturnType<typeof setTimeout>;
  awaitingInfo: boolean;
  /** The client that submitted it: only its subscriptions are told, only it may inquire. */
  clientId: string;
}

const outcome = (status: number, ...problems: string[]): PayerAnswer => ({
  status,
  json: {
    resourceType: 'OperationOutcome',
    issue: problems.map((diagnostics) => ({
      severity: 'error',
      code: status === 401 ? 'login' : status === 404 ? 'not-found' : status >= 500 ? 'transient' : 'invalid',
      diagnostics,
    })),
  },
  contentType: 'application/fhir+json',
});

export class SandboxPayer {
  readonly auth: BackendAuth;
  readonly base: string;
  private readonly requests = new Map<string, RequestState>();
  private readonly subs = new Map<string, Sub>();
  private serial = 0;
  private subSerial = 0;
  private readonly pendMs: number;
  private readonly now: () => number;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly opts: PayerOptions) {
    this.base = `${opts.origin}/payer`;
    this.now = opts.now ?? Date.now;
    this.auth = new BackendAuth(`${this.base}/auth/token`, this.now);
    this.pendMs = opts.pendMs ?? 3000;
  }

  private outageLeft = 0;

  /**
   * The payer's own system is down for the next `submits` $submit calls: each answers 503 before the request is read,
   * so nothing of it is kept (tests and demos of a payer outage; deterministic, unlike the sandbox's --faults).
   */
  outage(submits: number): void {
    this.outageLeft = Math.max(0, Math.floor(submits));
  }

  /** Requests the payer holds (for tests: exactly one per Claim identifier, whatever was resubmitted). */
  get requestCount(): number {
    return this.requests.size;
  }

  /** Decides every pended request now and waits for the notifications (tests). */
  async settle(): Promise<void> {
    for (const r of this.requests.values()) {
      if (r.timer && r.final && !r.awaitingInfo) {
        clearTimeout(r.timer);
        r.timer = undefined;
        this.finish(r);
      }
    }
    await Promise.all([...this.inFlight]);
  }

  close(): void {
    for (const r of this.requests.values()) if (r.timer) clearTimeout(r.timer);
  }

  async handle(req: PayerRequest): Promise<PayerAnswer> {
    const { method, path } = req;
    if (path === '/auth/token' && method === 'POST') {
      const t = this.auth.token(new URLSearchParams(req.body));
      return { status: t.status, json: t.body, contentType: 'application/json' };
    }
    if (path === '/.well-known/smart-configuration' || path === '/fhir/.well-known/smart-configuration') {
      return {
        status: 200,
        json: {
          token_endpoint: `${this.base}/auth/token`,
          grant_types_supported: ['client_credentials'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
          token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384', 'RS256'],
          scopes_supported: ['system/Claim.c', 'system/Claim.r', 'system/Subscription.c', 'system/Subscription.r'],
          capabilities: ['client-confidential-asymmetric'],
        },
        contentType: 'application/json',
      };
    }
    if (path === '/fhir/metadata')
      return { status: 200, json: capabilityStatement(this.base, this.opts.today()), contentType: 'application/fhir+json' };
    if (!path.startsWith('/fhir/')) return outcome(404, `No payer route ${method} ${path}`);
    const clientId = this.auth.clientFor(req.headers.authorization);
    if (!clientId) return outcome(401, 'A SMART Backend Services access token is required (POST /payer/auth/token).');
    let body: unknown;
    if (method === 'POST') {
      try {
        body = JSON.parse(req.body);
      } catch {
        return outcome(400, 'The request body is not JSON.');
      }
    }
    if (path === '/fhir/Claim/$submit' && method === 'POST') {
      if (this.outageLeft > 0) {
        this.outageLeft -= 1;
        return outcome(
          503,
          'Prior-authorization intake is temporarily unavailable (payer maintenance); nothing was received, submit again later.',
        );
      }
      return this.submit(body, clientId);
    }
    if (path === '/fhir/Claim/$inquire' && method === 'POST') return this.inquire(body, clientId);
    if (path === '/fhir/Subscription' && method === 'POST') return this.subscribe(body, clientId);
    const sub = /^\/fhir\/Subscription\/([^/]+)$/.exec(path);
    if (sub && method === 'DELETE') {
      this.subs.delete(sub[1]!);
      return { status: 204, json: undefined };
    }
    return outcome(404, `No payer route ${method} ${path}`);
  }

  private submit(body: unknown, clientId: string): PayerAnswer {
    const bundle = bundleOf(body);
    if (!bundle) return outcome(400, 'Claim/$submit takes a PAS request Bundle (or Parameters with it as `resource`).');
    const problems = this.opts.validate?.(bundle) ?? [];
    if (problems.length > 0) return outcome(422, ...problems);
    const parsed = parseRequest(bundle);
    if (typeof parsed === 'string') return outcome(422, parsed);
    // Claim.created is restamped whenever a packet is rebuilt: it does not make a request new.
    const hash = createHash('sha256')
      .update(JSON.stringify({ ...parsed.claim, created: undefined }))
      .digest('hex');
    const known = this.requests.get(parsed.key);
    if (known && known.clientId !== clientId)
      return outcome(409, `Claim identifier ${parsed.identifier.value} is already in use by another submitter.`);
    if (known) {
      // The same Claim again (a retry, a double click) gets the same answer and creates nothing new. After a request
      // for more information, a resubmission under the same identifier is the provider's answer.
      if (known.awaitingInfo && known.hash !== hash) {
        known.parsed = parsed;
        known.hash = hash;
        if (hasAttachedDocument(parsed)) {
          known.awaitingInfo = false;
          known.decisions.push({ action: 'pended', number: known.decisions[0]?.number });
          known.timer = setTimeout(() => this.finish(known), this.pendMs);
        } else {
          // An answer without the document asked for (a message alone) is asked again.
          known.decisions.push(known.decisions[0]!);
        }
      }
      return this.answer(known);
    }
    const serial = ++this.serial;
    const scenario = this.opts.scenarioFor?.(parsed.patientId) ?? 'approve';
    const { first, final } = decide(scenario, parsed.items, this.opts.today(), serial);
    const state: RequestState = {
      parsed,
      hash,
      serial,
      clientId,
      decisions: [first],
      awaitingInfo: scenario === 'more-info',
      ...(final ? { final } : {}),
    };
    this.requests.set(parsed.key, state);
    if (final && !state.awaitingInfo) state.timer = setTimeout(() => this.finish(state), this.pendMs);
    return this.answer(state);
  }

  private inquire(body: unknown, clientId: string): PayerAnswer {
    const bundle = bundleOf(body);
    const claim = obj(arr(bundle?.entry).map(obj)[0]?.resource);
    const identifier = arr(claim?.identifier)
      .map(obj)
      .find((i) => typeof i?.system === 'string' && typeof i.value === 'string');
    if (!identifier) return outcome(400, 'Claim/$inquire takes a Bundle whose first entry is a Claim with the identifier of the request.');
    const state = this.requests.get(`${String(identifier.system)}|${String(identifier.value)}`);
    if (!state || state.clientId !== clientId)
      return outcome(404, `No request with identifier ${String(identifier.value)} is known to this payer.`);
    return this.answer(state);
  }

  private subscribe(body: unknown, clientId: string): PayerAnswer {
    const read = readSubscription(body, clientId, ++this.subSerial);
    if (typeof read === 'string') return outcome(400, read);
    this.subs.set(read.sub.id, read.sub);
    return { status: 201, json: read.resource, contentType: 'application/fhir+json' };
  }

  private finish(state: RequestState): void {
    state.timer = undefined;
    if (!state.final) return;
    state.decisions.push(state.final);
    const response = this.responseBundle(state);
    for (const sub of this.subs.values()) {
      if (sub.clientId !== state.clientId) continue;
      sub.events += 1;
      const note = notificationBundle(this.base, sub, state.serial, response, new Date(this.now()).toISOString());
      const headers = subscriberHeaders(sub);
      const p = (this.opts.fetchImpl ?? fetch)(sub.endpoint, { method: 'POST', headers, body: JSON.stringify(note) })
        .then(() => undefined)
        .catch(() => undefined) // A subscriber that is down asks again with $inquire.
        .finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    }
  }

  private answer(state: RequestState): PayerAnswer {
    return { status: 200, json: this.responseBundle(state), contentType: 'application/fhir+json' };
  }

  private responseBundle(state: RequestState): Json {
    return responseBundle(this.base, state.parsed, state.decisions[state.decisions.length - 1]!, {
      serial: state.serial,
      decisionCount: state.decisions.length,
      awaitingInfo: state.awaitingInfo,
      created: new Date(this.now()).toISOString(),
    });
  }
}
