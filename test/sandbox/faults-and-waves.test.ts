import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../launch/sandbox/server';
import { fhirGet, login, PATIENT, startTiny } from './helpers';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

describe('faults (--faults P)', () => {
  it('answers some /fhir requests with 500, 429 + Retry-After or a slow success, and never faults metadata', async () => {
    sb = await startTiny(3, { faults: 0.6, faultSeed: 7, slowMs: 150 });
    const s = sb;
    const token = String((await login(s, { patient: PATIENT }, 'launch openid fhirUser patient/*.rs')).access_token);
    const seen = new Map<number, number>();
    let slow = 0;
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      const res = await fhirGet(s, token, `Patient/${PATIENT}`);
      const ms = performance.now() - t;
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      if (res.status === 429) expect(res.headers.get('retry-after')).toBe('1');
      if (res.status >= 500 || res.status === 429)
        expect(((await res.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
      else await res.arrayBuffer();
      if (res.status === 200 && ms >= 150) slow++;
    }
    expect(seen.get(500) ?? 0).toBeGreaterThan(0);
    expect(seen.get(429) ?? 0).toBeGreaterThan(0);
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
    expect(slow).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) expect((await fetch(`${s.fhirBase}/metadata`)).status).toBe(200);
  });

  it('with faults 0 every request succeeds', async () => {
    sb = await startTiny(3);
    const s = sb;
    const token = String((await login(s, { patient: PATIENT }, 'launch openid fhirUser patient/*.rs')).access_token);
    for (let i = 0; i < 20; i++) expect((await fhirGet(s, token, `Patient/${PATIENT}`)).status).toBe(200);
  });
});

describe('latency and the request log', () => {
  it('adds latency per /fhir request and counts parallel and sequential waves after the token', async () => {
    sb = await startTiny(30, { latencyMs: 60 });
    const s = sb;
    const token = String((await login(s, { patient: PATIENT }, 'launch openid fhirUser patient/*.rs')).access_token);
    const since = s.store.tokenTimes().at(-1);
    expect(since).toBeDefined();

    // One parallel wave of four searches, then the pages of the Observation search one after another.
    const t = performance.now();
    const first = await Promise.all(
      ['Observation?_count=10', 'Condition', 'Coverage', 'Encounter'].map((q) =>
        fhirGet(s, token, `${q}${q.includes('?') ? '&' : '?'}patient=${PATIENT}`),
      ),
    );
    expect(performance.now() - t).toBeGreaterThanOrEqual(55);
    let bundle = (await first[0]?.json()) as { link: { relation: string; url: string }[] };
    let pages = 1;
    for (;;) {
      const next = bundle.link.find((l) => l.relation === 'next')?.url;
      if (!next) break;
      bundle = (await (await fhirGet(s, token, next)).json()) as typeof bundle;
      pages++;
    }
    expect(pages).toBe(3);
    const filter = { since, authorizedOnly: true };
    expect(s.store.countRequests(filter)).toBe(4 + 2);
    expect(s.store.waves(filter)).toBe(3);
    const records = s.store.requests(filter);
    expect(records.every((r) => r.end !== undefined && r.end - r.start >= 55)).toBe(true);
    s.store.clearRequests();
    expect(s.store.countRequests()).toBe(0);
  });
});
