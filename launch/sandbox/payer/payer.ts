// The sandbox payer (/payer): a Da Vinci PAS 2.2.1 endpoint with SMART Backend Services auth. Claim/$submit decides
// each request by the patient's scenario (approved, pended then decided with a rest-hook notification, denied with
// a reason, more information requested, partial approval), Claim/$inquire answers the latest decision, and
// Subscription registers rest-hook endpoints on the PAS subscription topic. State is in memory: a sandbox restart is
// a new payer, while the ClaimReady service keeps its own history in its database.
import { createHash } from 'node:crypto';
import { BackendAuth } from './backend-auth';
import { claimResponse, communicationRequest, decide, type ClaimItemRequest, type Decision, type Scenario } from './decisions';

export const PAS_TOPIC = 'http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic';
const RESPONSE_BUNDLE = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-response-bundle';

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

type Json = Record<string, unknown>;

interface Parsed {
  claim: Json & { id: string };
  key: string;
  identifier: { system: string; value: string };
  patientId: string;
  patientRef: string;
  insurerRef: string;
  requestorRef: string;
  items: ClaimItemRequest[];
  entries: Json[];
  bundleIdentifier?: unknown;
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

interface Sub {
  id: string;
  clientId: string;
  endpoint: string;
  headers: string[];
  events: number;
}

const outcome = (status: number, ...problems: string[]): PayerAnswer => ({
  status,
  json: {
    resourceType: 'OperationOutcome',
    issue: problems.map((diagnostics) => ({
      severity: 'error',
      code: status === 401 ? 'login' : status === 404 ? 'not-found' : 'invalid',
      diagnostics,
    })),
  },
  contentType: 'application/fhir+json',
});

function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function refOf(v: unknown): string {
  const r = obj(v)?.reference;
  return typeof r === 'string' ? r : '';
}

/** The request Bundle from a $submit / $inquire body: the Bundle itself, or a Parameters `resource`. */
function bundleOf(body: unknown): Json | undefined {
  const b = obj(body);
  if (b?.resourceType === 'Bundle') return b;
  if (b?.resourceType === 'Parameters')
    return bundleOf(
      arr(b.parameter)
        .map(obj)
        .find((p) => p?.name === 'resource')?.resource,
    );
  return undefined;
}

function parseRequest(bundle: Json): Parsed | string {
  const entries = arr(bundle.entry)
    .map(obj)
    .filter((e): e is Json => e !== undefined);
  const claim = obj(entries[0]?.resource);
  if (!claim || claim.resourceType !== 'Claim') return 'the first entry of the Bundle must be the Claim';
  if (typeof claim.id !== 'string') return 'the Claim has no id';
  const identifier = arr(claim.identifier)
    .map(obj)
    .find((i) => typeof i?.system === 'string' && typeof i.value === 'string') as { system: string; value: string } | undefined;
  if (!identifier) return 'the Claim has no identifier (system and value): the payer could not track it';
  const patientRef = refOf(claim.patient);
  const patientEntry = entries.find(
    (e) => e.fullUrl === patientRef || (typeof e.fullUrl === 'string' && patientRef !== '' && e.fullUrl.endsWith(`/${patientRef}`)),
  );
  const patient = obj(patientEntry?.resource);
  if (!patient || patient.resourceType !== 'Patient')
    return `Claim.patient (${patientRef || 'missing'}) does not resolve to a Patient in the Bundle`;
  const items: ClaimItemRequest[] = arr(claim.item).map((raw, n) => {
    const i = obj(raw) ?? {};
    const code = arr(obj(i.productOrService)?.coding).map(obj)[0]?.code;
    const period = obj(i.servicedPeriod);
    return {
      sequence: typeof i.sequence === 'number' ? i.sequence : n + 1,
      code: typeof code === 'string' ? code : '',
      quantity: typeof obj(i.quantity)?.value === 'number' ? (obj(i.quantity)?.value as number) : 1,
      ...(typeof i.servicedDate === 'string'
        ? { servicedDate: i.servicedDate }
        : typeof period?.start === 'string'
          ? { servicedDate: period.start }
          : {}),
    };
  });
  if (items.length === 0) return 'the Claim has no items';
  return {
    claim: claim as Json & { id: string },
    key: `${identifier.system}|${identifier.value}`,
    identifier,
    patientId: typeof patient.id === 'string' ? patient.id : patientRef,
    patientRef,
    insurerRef: refOf(claim.insurer),
    requestorRef: refOf(claim.provider),
    items,
    entries,
    bundleIdentifier: bundle.identifier,
  };
}

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
    if (path === '/fhir/metadata') return { status: 200, json: this.capability(), contentType: 'application/fhir+json' };
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
    if (path === '/fhir/Claim/$submit' && method === 'POST') return this.submit(body, clientId);
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
        known.awaitingInfo = false;
        known.decisions.push({ action: 'pended', number: known.decisions[0]?.number });
        known.timer = setTimeout(() => this.finish(known), this.pendMs);
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
    const s = obj(body);
    const channel = obj(s?.channel);
    if (s?.resourceType !== 'Subscription' || channel?.type !== 'rest-hook' || typeof channel.endpoint !== 'string') {
      return outcome(400, 'A Subscription needs channel.type rest-hook and channel.endpoint.');
    }
    if (s.criteria !== PAS_TOPIC) return outcome(400, `Subscription.criteria must be the PAS topic ${PAS_TOPIC}.`);
    const id = `sub-${++this.subSerial}-${createHash('sha256').update(channel.endpoint).digest('hex').slice(0, 8)}`;
    this.subs.set(id, {
      id,
      clientId,
      endpoint: channel.endpoint,
      headers: arr(channel.header).filter((h): h is string => typeof h === 'string'),
      events: 0,
    });
    return { status: 201, json: { ...s, id, status: 'active' }, contentType: 'application/fhir+json' };
  }

  private finish(state: RequestState): void {
    state.timer = undefined;
    if (!state.final) return;
    state.decisions.push(state.final);
    const response = this.responseBundle(state);
    for (const sub of this.subs.values()) {
      if (sub.clientId !== state.clientId) continue;
      sub.events += 1;
      const note = {
        resourceType: 'Bundle',
        type: 'history',
        timestamp: new Date(this.now()).toISOString(),
        entry: [
          {
            fullUrl: `${this.base}/fhir/Parameters/${sub.id}-${sub.events}`,
            resource: {
              resourceType: 'Parameters',
              parameter: [
                { name: 'subscription', valueReference: { reference: `${this.base}/fhir/Subscription/${sub.id}` } },
                { name: 'topic', valueCanonical: PAS_TOPIC },
                { name: 'type', valueCode: 'event-notification' },
                {
                  name: 'notification-event',
                  part: [
                    { name: 'event-number', valueString: String(sub.events) },
                    { name: 'timestamp', valueInstant: new Date(this.now()).toISOString() },
                    { name: 'focus', valueReference: { reference: `${this.base}/fhir/Bundle/${state.serial}` } },
                  ],
                },
              ],
            },
          },
          { fullUrl: `${this.base}/fhir/Bundle/${state.serial}`, resource: response },
        ],
      };
      const headers: Record<string, string> = { 'content-type': 'application/fhir+json' };
      for (const h of sub.headers) {
        const i = h.indexOf(':');
        if (i > 0) headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
      }
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
    const p = state.parsed;
    const d = state.decisions[state.decisions.length - 1]!;
    const created = new Date(this.now()).toISOString();
    const cr = claimResponse(
      { id: p.claim.id, patientRef: p.patientRef, insurerRef: p.insurerRef, requestorRef: p.requestorRef, identifier: p.identifier },
      p.items,
      d,
      created,
      `cr-${state.serial}-${state.decisions.length}`,
    );
    const wanted = new Set([p.patientRef, p.insurerRef, p.requestorRef]);
    const copied = p.entries.filter(
      (e) =>
        typeof e.fullUrl === 'string' && [...wanted].some((r) => r !== '' && (e.fullUrl === r || (e.fullUrl as string).endsWith(`/${r}`))),
    );
    const ask =
      state.awaitingInfo && d.requested
        ? [
            {
              fullUrl: `${this.base}/fhir/CommunicationRequest/comm-${state.serial}`,
              resource: communicationRequest(p.claim.id, p.patientRef, d.requested, `comm-${state.serial}`, created),
            },
          ]
        : [];
    return {
      resourceType: 'Bundle',
      meta: { profile: [RESPONSE_BUNDLE] },
      ...(p.bundleIdentifier ? { identifier: p.bundleIdentifier } : {}),
      type: 'collection',
      timestamp: created,
      entry: [{ fullUrl: `${this.base}/fhir/ClaimResponse/${String(cr.id)}`, resource: cr }, ...copied, ...ask],
    };
  }

  private capability(): Json {
    return {
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: this.opts.today(),
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['json'],
      implementation: { description: 'ClaimReady sandbox payer (Da Vinci PAS 2.2.1)', url: `${this.base}/fhir` },
      instantiates: ['http://hl7.org/fhir/us/davinci-pas/CapabilityStatement/EHRCapabilities'],
      rest: [
        {
          mode: 'server',
          security: {
            service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
          },
          resource: [
            {
              type: 'Claim',
              operation: [
                { name: 'submit', definition: 'http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-submit' },
                { name: 'inquire', definition: 'http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-inquiry' },
              ],
            },
            { type: 'Subscription', interaction: [{ code: 'create' }, { code: 'delete' }] },
          ],
        },
      ],
    };
  }
}
