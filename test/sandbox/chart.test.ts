import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartPatient } from '../../launch/sandbox/chart-data';
import type { Sandbox } from '../../launch/sandbox/server';
import { authorize, launchIdFrom, PATIENT, pkcePair, startTiny, tokenRequest } from './helpers';

let sb: Sandbox;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'sandbox-dist-'));
  mkdirSync(join(dist, 'launch'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dist, 'launch', 'index.html'), '<!doctype html><title>launch</title>');
  writeFileSync(join(dist, 'assets', 'main-abc.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'main-abc.css'), 'body{}');
  sb = await startTiny(2, { distDir: dist });
});
afterAll(async () => {
  await sb.close();
});

describe('chart page', () => {
  it('serves a self-contained, labelled page with the sandboxed app iframe', async () => {
    const res = await fetch(sb.chartUrl);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/data-testid="app-frame"[^>]*title="ClaimReady app"/);
    expect(html).toMatch(/sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-downloads"/);
    expect(html).not.toMatch(/https?:\/\//);
    for (const id of ['opt-withhold-write', 'opt-withhold-observation', 'opt-lifetime']) {
      expect(html).toMatch(new RegExp(`<label[^>]*>(<input[^>]*id="${id}"|[^<]*)|for="${id}"`));
    }
    const js = await fetch(`${sb.origin}/chart.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toMatch(/launch-/);
  });

  it('lists patients with birth date, payer, planned procedure and encounters', async () => {
    const patients = (await (await fetch(`${sb.origin}/chart/api/patients`)).json()) as ChartPatient[];
    const p = patients.find((x) => x.id === PATIENT);
    expect(p).toMatchObject({
      name: 'Ada Testperson',
      birthDate: '1950-03-04',
      payer: 'Medicare Part B',
      planned: { id: 'sr1', code: '64483' },
    });
    expect(p?.encounters.map((e) => e.id)).toEqual(['enc1']);
  });

  it('creates a framed launch whose URL is the app launch page with iss and launch', async () => {
    const res = await fetch(`${sb.origin}/chart/api/launch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ patient: PATIENT, encounter: 'enc1', tokenLifetime: 30 }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string };
    const url = new URL(body.url);
    expect(url.origin + url.pathname).toBe(`${sb.origin}/app/launch/index.html`);
    expect(url.searchParams.get('iss')).toBe(sb.fhirBase);
    const { verifier, challenge } = pkcePair();
    const auth = await authorize(sb, { launch: launchIdFrom(body.url), challenge });
    const token = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code: auth.location?.searchParams.get('code') ?? '',
      redirect_uri: `${sb.origin}/app/index.html`,
      client_id: 'claimready',
      code_verifier: verifier,
    });
    expect(token.body).toMatchObject({ patient: PATIENT, encounter: 'enc1', expires_in: 30, need_patient_banner: false });
  });

  it("refuses a launch for an unknown patient or encounter, or another patient's order", async () => {
    for (const body of [
      { patient: 'ghost' },
      { patient: PATIENT, encounter: 'nope' },
      { patient: '../x' },
      { patient: 'tp2', serviceRequest: 'sr1' },
    ]) {
      const res = await fetch(`${sb.origin}/chart/api/launch`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
    }
  });

  it('opens a standalone launch by redirect, with the banner requested and options from the query', async () => {
    const res = await fetch(`${sb.origin}/chart/standalone?patient=${PATIENT}&withholdWrite=1&withholdObservation=false`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const { verifier, challenge } = pkcePair();
    const auth = await authorize(sb, {
      launch: launchIdFrom(res.headers.get('location') ?? ''),
      challenge,
      scope: 'launch openid fhirUser patient/Observation.rs patient/Task.c',
    });
    const token = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code: auth.location?.searchParams.get('code') ?? '',
      redirect_uri: `${sb.origin}/app/index.html`,
      client_id: 'claimready',
      code_verifier: verifier,
    });
    expect(token.body.need_patient_banner).toBe(true);
    expect(String(token.body.scope).split(' ')).toEqual(['launch', 'openid', 'fhirUser', 'patient/Observation.rs']);
  });
});

describe('the app under /app/', () => {
  it('serves dist files with their content types and keeps requests inside dist', async () => {
    const cases: [string, RegExp][] = [
      ['/app/', /text\/html/],
      ['/app/index.html', /text\/html/],
      ['/app/launch/index.html', /text\/html/],
      ['/app/launch/', /text\/html/],
      ['/app/assets/main-abc.js', /text\/javascript/],
      ['/app/assets/main-abc.css', /text\/css/],
    ];
    for (const [path, type] of cases) {
      const res = await fetch(`${sb.origin}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(type);
    }
    expect((await fetch(`${sb.origin}/app/missing.js`)).status).toBe(404);
    expect((await fetch(`${sb.origin}/app/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${sb.origin}/smart-style.json`)).headers.get('content-type')).toMatch(/json/);
  });

  it('answers 503 with "run npm run build" when dist/ is missing', async () => {
    const bare = await startTiny(1);
    try {
      const res = await fetch(`${bare.origin}/app/index.html`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build/);
    } finally {
      await bare.close();
    }
  });
});

describe('which order a launch is about', () => {
  it('picks the active ServiceRequest scheduled soonest, ignoring revoked ones', async () => {
    const { ResourceStore } = await import('../../launch/sandbox/store');
    const { chartPatients } = await import('../../launch/sandbox/chart-data');
    const store = new ResourceStore();
    store.put({ resourceType: 'Patient', id: 'p' });
    const sr = (id: string, status: string, when?: string): Record<string, unknown> => ({
      resourceType: 'ServiceRequest',
      id,
      status,
      intent: 'order',
      subject: { reference: 'Patient/p' },
      code: { text: id },
      ...(when ? { occurrenceDateTime: when } : {}),
    });
    store.put({ ...sr('undated', 'active'), resourceType: 'ServiceRequest' });
    store.put({ ...sr('later', 'active', '2026-12-20'), resourceType: 'ServiceRequest' });
    store.put({ ...sr('sooner', 'active', '2026-12-01'), resourceType: 'ServiceRequest' });
    store.put({ ...sr('revoked', 'revoked', '2026-11-25'), resourceType: 'ServiceRequest' });
    expect(chartPatients(store)[0]?.planned?.id).toBe('sooner');
  });
});
