// The service's small parts on their own: decision clocks, next actions, the payer client's token handling, the
// introspection check, the packet reader, and the key file (DATABASE_URL: lifecycle-pg.test.ts).
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SandboxPayer } from '../../launch/sandbox/payer/payer';
import { decisionDue, nextAction } from '../../src/server/deadlines';
import { loadOrCreateKey } from '../../src/server/keys';
import { packetFacts } from '../../src/server/packet-facts';
import { PayerClient, PayerError } from '../../src/server/payer-client';
import { Introspector } from '../../src/server/user-auth';
import { igRequest } from './harness';

describe('decision clocks (CMS-0057-F)', () => {
  it('standard is due 7 calendar days after submission, expedited 72 hours', () => {
    const at = new Date('2026-11-23T15:30:00Z');
    expect(decisionDue(at, 'standard').toISOString()).toBe('2026-11-30T15:30:00.000Z');
    expect(decisionDue(at, 'expedited').toISOString()).toBe('2026-11-26T15:30:00.000Z');
  });
  it('flags an authorization that ends before the date of service, and closes one that covers it', () => {
    expect(nextAction({ status: 'approved', authEnd: '2026-12-01', dateOfService: '2026-12-02', channel: 'pas' })).toMatchObject({
      open: true,
      due: '2026-12-01',
    });
    expect(nextAction({ status: 'approved', authEnd: '2026-12-02', dateOfService: '2026-12-02', channel: 'pas' })).toMatchObject({
      open: false,
    });
    // A portal (WISeR) approval: the UTN goes on the claim; a PAS approval: the authorization number.
    expect(nextAction({ status: 'approved', trackingNumber: 'JE0123456789AB', channel: 'portal' }).text).toMatch(
      /UTN JE0123456789AB on the claim as its prior-authorization number/,
    );
    expect(nextAction({ status: 'approved', trackingNumber: 'PEND-1', channel: 'pas' }).text).toBe(
      'Approved: put the authorization number on the claim.',
    );
    expect(nextAction({ status: 'info-requested', requested: ['PT notes.'], requestedBy: '2026-11-30', channel: 'pas' })).toMatchObject({
      open: true,
      due: '2026-11-30',
      text: expect.stringContaining('PT notes.'),
    });
  });
});

describe('packet facts', () => {
  it('reads identifier, patient, payer, service, date and priority from the IG example, and says what is missing', () => {
    expect(packetFacts(igRequest())).toEqual({
      claim: { system: 'http://example.org/PATIENT_EVENT_TRACE_NUMBER', value: '111099' },
      patientId: 'SubscriberExample',
      payerId: '1234567893',
      serviceCode: '99212',
      dateOfService: '2005-05-10',
      priority: 'standard',
    });
    const noId = igRequest() as { entry: { resource: Record<string, unknown> }[] };
    noId.entry[0]!.resource.identifier = [{ value: 'x' }];
    expect(packetFacts(noId)).toMatch(/no identifier with a system/);
    expect(packetFacts({ resourceType: 'Bundle', entry: [] })).toMatch(/not a FHIR Bundle/);
  });
});

describe('add-on codes on the same request', () => {
  const withCodes = (...codes: string[]) => {
    const b = igRequest() as { entry: { resource: { item: Record<string, unknown>[] } }[] };
    const proto = b.entry[0]!.resource.item[0]!;
    b.entry[0]!.resource.item = codes.map((code, n) => ({
      ...proto,
      sequence: n + 1,
      productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code }] },
    }));
    return b;
  };
  it('refuses an add-on without its primary on the same Claim, and takes the two together', () => {
    expect(packetFacts(withCodes('64484'))).toMatch(/64484 is an add-on code: it must be on the same request as its primary \(64483\)/);
    expect(packetFacts(withCodes('64636'))).toMatch(/64636 is an add-on code.*64635/);
    expect(packetFacts(withCodes('64483', '64484'))).toMatchObject({ serviceCode: '64483' });
    expect(packetFacts(withCodes('64635', '64636'))).toMatchObject({ serviceCode: '64635' });
  });
});

describe('payer client', () => {
  it('signs an assertion the payer accepts, reuses the token until it nearly expires, then renews it; refuses an unregistered client', async () => {
    let now = Date.now();
    const payer = new SandboxPayer({ origin: 'http://p', today: () => '2026-11-23', now: () => now });
    const key = loadOrCreateKey();
    payer.auth.register('svc', key.jwks);
    const f = (async (url: string | URL | Request, init?: RequestInit) => {
      const a = await payer.handle({
        method: 'POST',
        path: new URL(String(url)).pathname.slice('/payer'.length),
        headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>)),
        body: String(init?.body),
      });
      return new Response(JSON.stringify(a.json), { status: a.status });
    }) as typeof fetch;
    const client = new PayerClient(
      { id: '*', fhirBase: 'http://p/payer/fhir', tokenUrl: 'http://p/payer/auth/token', clientId: 'svc' },
      key,
      { fetch: f, now: () => now },
    );
    expect((await client.submit(igRequest('A'))).status).toBe(200);
    expect((await client.submit(igRequest('B'))).status).toBe(200);
    expect(client.tokenRequests).toBe(1);
    now += 280_000; // inside the 30 s renewal margin of a 300 s token
    expect((await client.inquire(igRequest('A'))).status).toBe(200);
    expect(client.tokenRequests).toBe(2);
    const stranger = new PayerClient(
      { id: '*', fhirBase: 'http://p/payer/fhir', tokenUrl: 'http://p/payer/auth/token', clientId: 'nobody' },
      key,
      { fetch: f },
    );
    await expect(stranger.submit(igRequest('C'))).rejects.toThrow(PayerError);
    payer.close();
  });
});

describe('introspection', () => {
  it('no token, an inactive one or an unreachable EHR: no access; an active one gives the actor and the patient', async () => {
    let calls = 0;
    const f = (async (_u: string | URL | Request, init?: RequestInit) => {
      calls += 1;
      const t = new URLSearchParams(String(init?.body)).get('token');
      if (t === 'down') throw new TypeError('fetch failed');
      return Response.json(
        t === 'good'
          ? { active: true, fhirUser: 'Practitioner/p1', patient: 'pt1', exp: Math.floor(Date.now() / 1000) + 60 }
          : { active: false },
      );
    }) as typeof fetch;
    const i = new Introspector('http://ehr/auth/introspect', { fetch: f });
    expect(await i.check(undefined)).toMatchObject({ ok: false, status: 401 });
    expect(await i.check('Bearer bad')).toMatchObject({ ok: false, status: 401 });
    expect(await i.check('Bearer down')).toMatchObject({ ok: false, status: 503 });
    expect(await i.check('Bearer good')).toEqual({ ok: true, caller: { actor: 'Practitioner/p1', patient: 'pt1' } });
    const before = calls;
    await i.check('Bearer good');
    expect(calls).toBe(before); // cached for a short while, under a hash of the token
  });
});

describe('configuration', () => {
  it('keeps the client key in a 0600 file under the data dir and reloads the same key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'key-'));
    const a = loadOrCreateKey(dir);
    expect(statSync(join(dir, 'payer-client-key.pem')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKey(dir).kid).toBe(a.kid);
    expect(loadOrCreateKey().kid).not.toBe(a.kid);
  });
});

describe('payer configuration file', () => {
  it('reads connections and portal payers, and names what is wrong in a bad file', async () => {
    const { loadPayerConfig } = await import('../../src/server/config');
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const good = join(dir, 'payers.json');
    writeFileSync(
      good,
      JSON.stringify({
        payers: [{ id: 'bcbsma', fhirBase: 'https://pas.example/fhir/', tokenUrl: 'https://pas.example/token', clientId: 'clinic-42' }],
        portalPayers: ['medicare-wiser-je'],
      }),
    );
    expect(loadPayerConfig(good)).toEqual({
      payers: [{ id: 'bcbsma', fhirBase: 'https://pas.example/fhir', tokenUrl: 'https://pas.example/token', clientId: 'clinic-42' }],
      portalPayers: ['medicare-wiser-je'],
    });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ payers: [{ id: 'x', fhirBase: 'not a url' }] }));
    expect(() => loadPayerConfig(bad)).toThrow(/payers\.0\.fhirBase.*payers\.0\.tokenUrl/s);
  });
});
