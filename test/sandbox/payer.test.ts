// The sandbox payer against requests nobody on the team wrote: the PAS 2.2.1 IG's own request Bundle example, and
// client assertions signed with node:crypto keys of each accepted algorithm.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxPayer, PAS_TOPIC, type PayerAnswer } from '../../launch/sandbox/payer/payer';
import { DENIAL_SYSTEM, type Scenario } from '../../launch/sandbox/payer/decisions';
import { readDecision } from '../../src/server/claim-response';
import { withAnswer } from '../../src/server/answer';

const FIX = join(import.meta.dirname, '..', 'server', 'fixtures', 'pas');
const igRequest = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FIX, 'Bundle-MedicalServicesAuthorizationBundleExample.json'), 'utf8')) as Record<string, unknown>;
const ORIGIN = 'http://127.0.0.1:9';
const TOKEN_URL = `${ORIGIN}/payer/auth/token`;

function jwt(key: KeyObject, alg: 'RS384' | 'ES384' | 'RS256', claims: Record<string, unknown>, kid = 'k1'): string {
  const b = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b({ alg, typ: 'JWT', kid })}.${b(claims)}`;
  const hash = alg === 'RS256' ? 'sha256' : 'sha384';
  const sig = sign(hash, Buffer.from(input), alg === 'ES384' ? { key, dsaEncoding: 'ieee-p1363' } : key);
  return `${input}.${sig.toString('base64url')}`;
}

const claimsFor = (clientId: string, over: Record<string, unknown> = {}): Record<string, unknown> => {
  const now = Math.floor(Date.now() / 1000);
  return { iss: clientId, sub: clientId, aud: TOKEN_URL, exp: now + 120, jti: randomUUID(), ...over };
};

const form = (assertion: string, scope = 'system/Claim.c system/Claim.r system/Subscription.c'): string =>
  new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
    scope,
  }).toString();

interface Setup {
  payer: SandboxPayer;
  call(path: string, body: unknown, token?: string): Promise<PayerAnswer>;
  token(): Promise<string>;
  notes: { url: string; headers: Record<string, string>; body: unknown }[];
}

let current: SandboxPayer | undefined;
afterEach(() => current?.close());

function setup(scenario: Scenario = 'approve', validate?: (b: unknown) => string[]): Setup {
  const notes: Setup['notes'] = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    notes.push({ url: String(url), headers: init?.headers as Record<string, string>, body: JSON.parse(String(init?.body)) });
    return new Response(null, { status: 200 });
  }) as typeof fetch;
  const payer = new SandboxPayer({
    origin: ORIGIN,
    today: () => '2026-11-23',
    scenarioFor: () => scenario,
    pendMs: 60_000,
    fetchImpl,
    ...(validate ? { validate } : {}),
  });
  current = payer;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  payer.auth.register('svc', { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] });
  const call = (path: string, body: unknown, token?: string): Promise<PayerAnswer> =>
    payer.handle({ method: 'POST', path, headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify(body) });
  const token = async (): Promise<string> => {
    const t = await payer.handle({
      method: 'POST',
      path: '/auth/token',
      headers: {},
      body: form(jwt(privateKey, 'RS384', claimsFor('svc'))),
    });
    expect(t.status).toBe(200);
    return (t.json as { access_token: string }).access_token;
  };
  return { payer, call, token, notes };
}

describe('SMART Backend Services token endpoint', () => {
  it('issues a token for a valid RS384, ES384 or RS256 assertion and refuses replay, wrong aud, late exp and strangers', async () => {
    const payer = new SandboxPayer({ origin: ORIGIN, today: () => '2026-11-23' });
    current = payer;
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    payer.auth.register('rsa-client', { keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'k1' }] });
    payer.auth.register('ec-client', { keys: [{ ...ec.publicKey.export({ format: 'jwk' }), kid: 'k1' }] });
    const ask = (assertion: string) => payer.handle({ method: 'POST', path: '/auth/token', headers: {}, body: form(assertion) });

    const ok = await ask(jwt(rsa.privateKey, 'RS384', claimsFor('rsa-client')));
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ token_type: 'bearer', expires_in: 300, scope: 'system/Claim.c system/Claim.r system/Subscription.c' });
    expect((await ask(jwt(ec.privateKey, 'ES384', claimsFor('ec-client')))).status).toBe(200);
    expect((await ask(jwt(rsa.privateKey, 'RS256', claimsFor('rsa-client')))).status).toBe(200);

    const once = jwt(rsa.privateKey, 'RS384', claimsFor('rsa-client'));
    expect((await ask(once)).status).toBe(200);
    const replay = await ask(once);
    expect(replay.status).toBe(401);
    expect(JSON.stringify(replay.json)).toContain('already used');
    expect(
      JSON.stringify((await ask(jwt(rsa.privateKey, 'RS384', claimsFor('rsa-client', { aud: 'http://elsewhere/token' })))).json),
    ).toContain('aud must be');
    expect(
      JSON.stringify(
        (await ask(jwt(rsa.privateKey, 'RS384', claimsFor('rsa-client', { exp: Math.floor(Date.now() / 1000) + 3600 })))).json,
      ),
    ).toContain('exp must be');
    // Signed by the RSA key but claiming to be the EC client: the signature must not verify.
    expect((await ask(jwt(rsa.privateKey, 'RS384', claimsFor('ec-client')))).status).toBe(401);
    expect(JSON.stringify((await ask(jwt(rsa.privateKey, 'RS384', claimsFor('nobody')))).json)).toContain('not registered');
    expect((await ask(jwt(rsa.privateKey, 'RS384', claimsFor('rsa-client')).replace(/\.[^.]+$/, '.AAAA'))).status).toBe(401);
  });

  it('publishes its SMART configuration and a CapabilityStatement naming $submit and $inquire', async () => {
    const { payer } = setup();
    const conf = await payer.handle({ method: 'GET', path: '/fhir/.well-known/smart-configuration', headers: {}, body: '' });
    expect(conf.json).toMatchObject({ token_endpoint: TOKEN_URL, token_endpoint_auth_methods_supported: ['private_key_jwt'] });
    const cap = await payer.handle({ method: 'GET', path: '/fhir/metadata', headers: {}, body: '' });
    expect(JSON.stringify(cap.json)).toContain('Claim-submit');
  });
});

describe('Claim/$submit and $inquire', () => {
  it('needs a token, accepts the IG request example, and answers a retry with the same decision without a new request', async () => {
    const s = setup('approve');
    expect((await s.call('/fhir/Claim/$submit', igRequest())).status).toBe(401);
    const token = await s.token();
    const first = await s.call('/fhir/Claim/$submit', igRequest(), token);
    expect(first.status).toBe(200);
    const d = readDecision(first.json);
    expect(d).toMatchObject({ status: 'approved', authNumber: 'AUTH-000001' });
    const again = await s.call(
      '/fhir/Claim/$submit',
      { resourceType: 'Parameters', parameter: [{ name: 'resource', resource: igRequest() }] },
      token,
    );
    expect(readDecision(again.json)).toMatchObject({ status: 'approved', authNumber: 'AUTH-000001' });
    expect(s.payer.requestCount).toBe(1);
    const inq = await s.call('/fhir/Claim/$inquire', igRequest(), token);
    expect(readDecision(inq.json)).toMatchObject({ status: 'approved', authNumber: 'AUTH-000001' });
    // The response carries the request's Patient and insurer so the reader can match it, and echoes the Bundle id.
    const entries = (first.json as { entry: { resource: { resourceType: string } }[]; identifier: unknown }).entry.map(
      (e) => e.resource.resourceType,
    );
    // Insurer and requestor (the UMO) are both Organizations in the example.
    expect(entries).toEqual(['ClaimResponse', 'Organization', 'Organization', 'Patient']);
    expect((first.json as { identifier: unknown }).identifier).toEqual(igRequest().identifier);
  });

  it('refuses a non-conformant bundle with 422 naming each error, and unknown inquiries with 404', async () => {
    const s = setup('approve', () => ['Bundle.entry[0]: Claim.priority is required', 'Bundle.identifier: required']);
    const token = await s.token();
    const r = await s.call('/fhir/Claim/$submit', igRequest(), token);
    expect(r.status).toBe(422);
    expect((r.json as { issue: { diagnostics: string }[] }).issue.map((i) => i.diagnostics)).toEqual([
      'Bundle.entry[0]: Claim.priority is required',
      'Bundle.identifier: required',
    ]);
    expect(s.payer.requestCount).toBe(0);
    const inq = await s.call('/fhir/Claim/$inquire', igRequest(), token);
    expect(inq.status).toBe(404);
    const noPatient = igRequest();
    (noPatient.entry as unknown[]).splice(4, 1);
    const plain = setup('approve');
    expect((await plain.call('/fhir/Claim/$submit', noPatient, token)).status).toBe(401); // a token of another payer
    const noPat = await plain.call('/fhir/Claim/$submit', noPatient, await plain.token());
    expect(noPat.status).toBe(422);
    expect(JSON.stringify(noPat.json)).toContain('does not resolve to a Patient');
  });

  it('pends, then decides and notifies each rest-hook subscriber with its secret header', async () => {
    const s = setup('pend-then-approve');
    const token = await s.token();
    const sub = await s.call(
      '/fhir/Subscription',
      {
        resourceType: 'Subscription',
        status: 'requested',
        criteria: PAS_TOPIC,
        channel: { type: 'rest-hook', endpoint: 'http://svc/notify/1', header: ['X-Secret: s3cret'] },
      },
      token,
    );
    expect(sub.status).toBe(201);
    const wrongTopic = await s.call(
      '/fhir/Subscription',
      { resourceType: 'Subscription', criteria: 'Claim?', channel: { type: 'rest-hook', endpoint: 'http://x' } },
      token,
    );
    expect(wrongTopic.status).toBe(400);
    const first = readDecision((await s.call('/fhir/Claim/$submit', igRequest(), token)).json);
    expect(first).toMatchObject({ status: 'pended', trackingNumber: 'PEND-000001' });
    expect(first).not.toHaveProperty('authNumber');
    expect(s.notes).toHaveLength(0);
    await s.payer.settle();
    expect(s.notes).toHaveLength(1);
    const note = s.notes[0]!;
    expect(note.url).toBe('http://svc/notify/1');
    expect(note.headers['X-Secret']).toBe('s3cret');
    const bundle = note.body as {
      type: string;
      entry: { resource: { resourceType: string; parameter?: { name: string; valueCanonical?: string }[] } }[];
    };
    expect(bundle.type).toBe('history');
    expect(bundle.entry[0]!.resource.parameter?.find((p) => p.name === 'topic')?.valueCanonical).toBe(PAS_TOPIC);
    expect(readDecision(bundle.entry[1]!.resource)).toMatchObject({ status: 'approved', authNumber: 'AUTH-000001' });
    expect(readDecision((await s.call('/fhir/Claim/$inquire', igRequest(), token)).json)).toMatchObject({ status: 'approved' });
  });

  it('denies with a reason', async () => {
    const s = setup('deny');
    const d = readDecision((await s.call('/fhir/Claim/$submit', igRequest(), await s.token())).json);
    expect(d).toMatchObject({ status: 'denied' });
    expect(typeof d === 'object' && d.reason).toMatch(/conservative care/);
    // Coded as well, in the sandbox payer's own system (X12 886 is licensed): the app maps the code to a clause.
    expect(typeof d === 'object' && d.reasonCode).toEqual({
      system: DENIAL_SYSTEM,
      code: 'conservative-care',
      display: 'Conservative care not documented for the required time',
    });
  });

  it('asks for more information, waits for a resubmission with the document attached under the same identifier, then decides', async () => {
    const s = setup('more-info');
    const token = await s.token();
    const first = readDecision((await s.call('/fhir/Claim/$submit', igRequest(), token)).json);
    expect(first).toMatchObject({ status: 'info-requested' });
    expect(typeof first === 'object' && first.requested[0]).toMatch(/physical-therapy/);
    await s.payer.settle();
    // The same bundle again is a retry, not an answer.
    expect(readDecision((await s.call('/fhir/Claim/$submit', igRequest(), token)).json)).toMatchObject({ status: 'info-requested' });
    // A message alone is not the document asked for: asked again.
    const messageOnly = withAnswer(igRequest(), { message: 'PT notes to follow.' }, '2026-11-24T09:00:00Z') as Record<string, unknown>;
    expect(readDecision((await s.call('/fhir/Claim/$submit', messageOnly, token)).json)).toMatchObject({ status: 'info-requested' });
    const amended = withAnswer(
      igRequest(),
      { message: 'PT progress note attached.', document: { title: 'PT progress note', contentType: 'text/plain', data: 'UFQgbm90ZQ==' } },
      '2026-11-24T10:00:00Z',
    ) as Record<string, unknown>;
    const answered = readDecision((await s.call('/fhir/Claim/$submit', amended, token)).json);
    expect(answered).toMatchObject({ status: 'pended' });
    await s.payer.settle();
    expect(readDecision((await s.call('/fhir/Claim/$inquire', amended, token)).json)).toMatchObject({ status: 'approved' });
    expect(s.payer.requestCount).toBe(1);
  });

  it('approves fewer units than requested on a partial approval', async () => {
    const s = setup('partial');
    const req = igRequest();
    const claim = (req.entry as { resource: { item: { quantity?: unknown }[] } }[])[0]!.resource;
    claim.item[0]!.quantity = { value: 4 };
    const d = readDecision((await s.call('/fhir/Claim/$submit', req, await s.token())).json);
    expect(d).toMatchObject({ status: 'partial', approvedUnits: { '1': 2 } });
  });
});

describe('readDecision on the PAS IG response examples', () => {
  const read = (f: string) => readDecision(JSON.parse(readFileSync(join(FIX, f), 'utf8')));
  it('reads certified, pended and rejected examples', () => {
    expect(read('Bundle-ReferralAuthorizationResponseBundleExample.json')).toMatchObject({ status: 'approved' });
    expect(read('Bundle-ReferralPendingAuthorizationResponseBundleExample.json')).toMatchObject({
      status: 'pended',
      trackingNumber: 'PEND0001',
    });
    expect(read('Bundle-RejectionResponseBundleExample.json')).toMatchObject({ status: 'denied' });
    expect(readDecision({ resourceType: 'OperationOutcome' })).toBe('The payer did not answer with a Bundle.');
  });
});
