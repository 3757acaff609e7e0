import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../launch/sandbox/server';
import { APP_SCOPE, authorize, fhirGet, launchIdFrom, login, PATIENT, pkcePair, startTiny, tokenRequest } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startTiny();
});
afterAll(async () => {
  await sb.close();
});

describe('discovery', () => {
  it('publishes a CapabilityStatement with SMART oauth-uris, conditional create and the app search params', async () => {
    const res = await fetch(`${sb.fhirBase}/metadata`);
    expect(res.status).toBe(200);
    const cs = (await res.json()) as {
      rest: {
        security: { extension: { url: string; extension: { url: string; valueUri: string }[] }[] };
        resource: { type: string; conditionalCreate: boolean; interaction: { code: string }[]; searchParam: { name: string }[] }[];
      }[];
    };
    const rest = cs.rest[0];
    const oauth = rest?.security.extension.find((e) => e.url.endsWith('/oauth-uris'));
    expect(oauth?.extension.find((e) => e.url === 'authorize')?.valueUri).toBe(`${sb.origin}/auth/authorize`);
    expect(oauth?.extension.find((e) => e.url === 'token')?.valueUri).toBe(`${sb.origin}/auth/token`);
    const obs = rest?.resource.find((r) => r.type === 'Observation');
    expect(obs?.conditionalCreate).toBe(true);
    expect(obs?.interaction.map((i) => i.code)).toEqual(expect.arrayContaining(['read', 'search-type', 'create', 'update']));
    expect(obs?.searchParam.map((p) => p.name)).toEqual(expect.arrayContaining(['patient', 'category', 'code', 'date', 'status', '_id']));
    const cond = rest?.resource.find((r) => r.type === 'Condition');
    expect(cond?.searchParam.map((p) => p.name)).toContain('clinical-status');
  });

  it('publishes the SMART configuration with PKCE S256 and the launch capabilities', async () => {
    const res = await fetch(`${sb.fhirBase}/.well-known/smart-configuration`);
    const conf = (await res.json()) as Record<string, unknown>;
    expect(conf.authorization_endpoint).toBe(`${sb.origin}/auth/authorize`);
    expect(conf.token_endpoint).toBe(`${sb.origin}/auth/token`);
    expect(conf.code_challenge_methods_supported).toEqual(['S256']);
    expect(conf.capabilities).toEqual(
      expect.arrayContaining([
        'launch-ehr',
        'launch-standalone',
        'client-public',
        'context-ehr-patient',
        'context-ehr-encounter',
        'permission-v2',
        'permission-v1',
      ]),
    );
    expect(conf.scopes_supported).toEqual(expect.arrayContaining(['openid', 'fhirUser', 'launch', 'patient/Observation.rs']));
  });
});

describe('authorize + token with PKCE', () => {
  it('issues a token with launch context, banner flag, style and a verifiable id_token for a good verifier', async () => {
    const token = await login(sb, { patient: PATIENT, encounter: 'enc1' });
    expect(token.token_type).toBe('Bearer');
    expect(token.patient).toBe(PATIENT);
    expect(token.encounter).toBe('enc1');
    expect(token.fhirContext).toEqual([{ reference: 'ServiceRequest/sr1' }]);
    expect(token.need_patient_banner).toBe(false);
    expect(token.smart_style_url).toBe(`${sb.origin}/smart-style.json`);
    expect(token.expires_in).toBe(3600);
    expect(typeof token.refresh_token).toBe('string');
    expect(String(token.scope).split(' ')).toEqual(APP_SCOPE.split(' '));

    const [header, payload, signature] = String(token.id_token).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims.fhirUser).toBe(`${sb.fhirBase}/Practitioner/prac1`);
    expect(claims.aud).toBe('claimready');
    expect(claims.iss).toBe(sb.fhirBase);
    const jwks = (await (await fetch(`${sb.origin}/auth/jwks`)).json()) as { keys: JsonWebKey[] };
    const key = createPublicKey({ key: jwks.keys[0] ?? {}, format: 'jwk' });
    expect(verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature ?? '', 'base64url'))).toBe(true);

    const patient = await fhirGet(sb, String(token.access_token), `Patient/${PATIENT}`);
    expect(patient.status).toBe(200);
  });

  it('echoes state and says need_patient_banner true for a standalone (unframed) launch', async () => {
    const { verifier, challenge } = pkcePair();
    const auth = await authorize(sb, {
      launch: launchIdFrom(sb.launchUrl({ patient: PATIENT, standalone: true })),
      challenge,
      state: 'xyz-state',
    });
    expect(auth.status).toBe(302);
    expect(auth.location?.searchParams.get('state')).toBe('xyz-state');
    const token = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code: auth.location?.searchParams.get('code') ?? '',
      redirect_uri: `${sb.origin}/app/index.html`,
      client_id: 'claimready',
      code_verifier: verifier,
    });
    expect(token.body.need_patient_banner).toBe(true);
  });

  it('rejects a tampered code_verifier with invalid_grant and burns the code', async () => {
    const { verifier, challenge } = pkcePair();
    const auth = await authorize(sb, { launch: launchIdFrom(sb.launchUrl({ patient: PATIENT })), challenge });
    const code = auth.location?.searchParams.get('code') ?? '';
    const tampered = (verifier[0] === 'A' ? 'B' : 'A') + verifier.slice(1);
    const bad = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${sb.origin}/app/index.html`,
      client_id: 'claimready',
      code_verifier: tampered,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_grant');
    const retry = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${sb.origin}/app/index.html`,
      client_id: 'claimready',
      code_verifier: verifier,
    });
    expect(retry.status).toBe(400);
  });

  it('makes codes one-time', async () => {
    const { verifier, challenge } = pkcePair();
    const auth = await authorize(sb, { launch: launchIdFrom(sb.launchUrl({ patient: PATIENT })), challenge });
    const form = {
      grant_type: 'authorization_code',
      code: auth.location?.searchParams.get('code') ?? '',
      redirect_uri: `${sb.origin}/app/index.html`,
      client_id: 'claimready',
      code_verifier: verifier,
    };
    expect((await tokenRequest(sb, form)).status).toBe(200);
    const second = await tokenRequest(sb, form);
    expect(second.status).toBe(400);
    expect(second.body.error).toBe('invalid_grant');
  });

  it('refuses an unregistered redirect_uri without redirecting to it', async () => {
    const auth = await authorize(sb, {
      launch: launchIdFrom(sb.launchUrl({ patient: PATIENT })),
      redirectUri: 'http://evil.example/app/index.html',
    });
    expect(auth.status).toBe(400);
    expect(auth.location).toBeUndefined();
    const other = await authorize(sb, {
      launch: launchIdFrom(sb.launchUrl({ patient: PATIENT })),
      redirectUri: `${sb.origin}/elsewhere.html`,
    });
    expect(other.status).toBe(400);
  });

  it('accepts only the exact registered redirect_uri, and checks it again at the token endpoint', async () => {
    for (const uri of [
      `${sb.origin}/app/other/index.html`,
      `${sb.origin}/app/index.html?x=1`,
      `${sb.origin}/app/index.html#f`,
      `${sb.origin}/app/./index.html`,
      `${sb.origin.replace('127.0.0.1', 'localhost')}/app/index.html`,
    ]) {
      const auth = await authorize(sb, { launch: launchIdFrom(sb.launchUrl({ patient: PATIENT })), redirectUri: uri });
      expect([uri, auth.status, auth.location?.toString()]).toEqual([uri, 400, undefined]);
      expect(auth.text).toContain('is not registered');
    }
    const { verifier, challenge } = pkcePair();
    const auth = await authorize(sb, { launch: launchIdFrom(sb.launchUrl({ patient: PATIENT })), challenge });
    const wrong = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code: auth.location?.searchParams.get('code') ?? '',
      redirect_uri: `${sb.origin}/app/index.html?x=1`,
      client_id: 'claimready',
      code_verifier: verifier,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
  });

  it('accepts the authorize request as a form POST', async () => {
    const { verifier, challenge } = pkcePair();
    const form = new URLSearchParams({
      response_type: 'code',
      client_id: 'claimready',
      redirect_uri: `${sb.origin}/app/index.html`,
      aud: sb.fhirBase,
      scope: APP_SCOPE,
      state: 'post-1',
      launch: launchIdFrom(sb.launchUrl({ patient: PATIENT })),
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const res = await fetch(`${sb.origin}/auth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('post-1');
    const token = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code: location.searchParams.get('code') ?? '',
      redirect_uri: `${sb.origin}/app/index.html`,
      client_id: 'claimready',
      code_verifier: verifier,
    });
    expect(token.body.patient).toBe(PATIENT);
  });

  it('refuses an unknown client_id', async () => {
    const auth = await authorize(sb, { launch: launchIdFrom(sb.launchUrl({ patient: PATIENT })), clientId: 'someone-else' });
    expect(auth.status).toBe(400);
  });

  it('redirects with an error when PKCE is missing or not S256, or aud is wrong', async () => {
    const launch = (): string => launchIdFrom(sb.launchUrl({ patient: PATIENT }));
    for (const p of [{ challenge: null }, { method: 'plain' }, { aud: 'http://127.0.0.1:1/fhir' }]) {
      const auth = await authorize(sb, { launch: launch(), state: 's1', ...p });
      expect(auth.status).toBe(302);
      expect(auth.location?.searchParams.get('error')).toBe('invalid_request');
      expect(auth.location?.searchParams.get('state')).toBe('s1');
      expect(auth.location?.searchParams.get('code')).toBeNull();
    }
  });

  it('refuses an unknown launch id', async () => {
    const auth = await authorize(sb, { launch: 'not-a-launch' });
    expect(auth.location?.searchParams.get('error')).toBe('invalid_request');
  });

  it('filters unknown and system scopes out of the grant', async () => {
    const token = await login(
      sb,
      { patient: PATIENT },
      'launch openid fhirUser patient/Observation.rs system/*.rs patient/Nonsense.rs made-up',
    );
    expect(String(token.scope).split(' ').sort()).toEqual(['fhirUser', 'launch', 'openid', 'patient/Observation.rs']);
    expect(token.refresh_token).toBeUndefined();
  });

  it('shows a patient picker for a standalone launch asking for launch/patient, then gives that patient', async () => {
    const { verifier, challenge } = pkcePair();
    const picker = await authorize(sb, { scope: 'launch/patient openid fhirUser patient/Patient.rs', challenge });
    expect(picker.status).toBe(200);
    const href = /data-testid="pick-tp2" href="([^"]+)"/.exec(picker.text)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toBeTruthy();
    const chosen = await fetch(`${sb.origin}${href ?? ''}`, { redirect: 'manual' });
    const code = new URL(chosen.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const token = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${sb.origin}/app/index.html`,
      client_id: 'claimready',
      code_verifier: verifier,
    });
    expect(token.body.patient).toBe('tp2');
    expect(token.body.need_patient_banner).toBe(true);
  });
});

describe('tokens on /fhir', () => {
  it('answers 401 with an OperationOutcome without a token or with an unknown one', async () => {
    for (const token of [undefined, 'bogus']) {
      const res = await fhirGet(sb, token, `Patient/${PATIENT}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = (await res.json()) as { resourceType: string };
      expect(body.resourceType).toBe('OperationOutcome');
    }
  });

  it('expires access tokens after the lifetime chosen at launch; refresh works while the session lasts', async () => {
    const token = await login(sb, { patient: PATIENT, tokenLifetime: 2 });
    expect(token.expires_in).toBe(2);
    expect((await fhirGet(sb, String(token.access_token), `Patient/${PATIENT}`)).status).toBe(200);
    const refreshed = await tokenRequest(sb, {
      grant_type: 'refresh_token',
      refresh_token: String(token.refresh_token),
      client_id: 'claimready',
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(token.access_token);
    expect(refreshed.body.patient).toBe(PATIENT);
    expect(refreshed.body.fhirContext).toEqual([{ reference: 'ServiceRequest/sr1' }]);
    expect((await fhirGet(sb, String(refreshed.body.access_token), `Patient/${PATIENT}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await fhirGet(sb, String(token.access_token), `Patient/${PATIENT}`)).status).toBe(401);
    // The shortened online_access session has ended with the token: the app must send the user back to the chart.
    const late = await tokenRequest(sb, {
      grant_type: 'refresh_token',
      refresh_token: String(token.refresh_token),
      client_id: 'claimready',
    });
    expect(late.status).toBe(400);
    expect(late.body.error).toBe('invalid_grant');
  });

  it('keeps an offline_access refresh token valid after a short access token expires', async () => {
    const token = await login(sb, { patient: PATIENT, tokenLifetime: 1 }, 'launch openid fhirUser offline_access patient/Patient.rs');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await fhirGet(sb, String(token.access_token), `Patient/${PATIENT}`)).status).toBe(401);
    const refreshed = await tokenRequest(sb, {
      grant_type: 'refresh_token',
      refresh_token: String(token.refresh_token),
      client_id: 'claimready',
    });
    expect(refreshed.status).toBe(200);
    expect((await fhirGet(sb, String(refreshed.body.access_token), `Patient/${PATIENT}`)).status).toBe(200);
    const bogus = await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: 'nope', client_id: 'claimready' });
    expect(bogus.body.error).toBe('invalid_grant');
  });

  it('requires client_id on the code exchange', async () => {
    const { verifier, challenge } = pkcePair();
    const auth = await authorize(sb, { launch: launchIdFrom(sb.launchUrl({ patient: PATIENT })), challenge });
    const res = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code: auth.location?.searchParams.get('code') ?? '',
      redirect_uri: `${sb.origin}/app/index.html`,
      code_verifier: verifier,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });

  it('withholds write scopes and Observation read when the chart asks, and enforces them with 403', async () => {
    const token = await login(
      sb,
      { patient: PATIENT, withholdWrite: true, withholdObservation: true },
      'launch openid fhirUser patient/*.cruds',
    );
    const scopes = String(token.scope).split(' ');
    expect(scopes).not.toContain('patient/*.cruds');
    expect(scopes).toContain('patient/Condition.rs');
    expect(scopes.some((s) => s.startsWith('patient/Observation'))).toBe(false);
    expect(scopes.filter((s) => s.startsWith('patient/')).every((s) => s.endsWith('.rs'))).toBe(true);
    const at = String(token.access_token);
    expect((await fhirGet(sb, at, `Observation?patient=${PATIENT}`)).status).toBe(403);
    expect((await fhirGet(sb, at, `Condition?patient=${PATIENT}`)).status).toBe(200);
    const create = await fetch(`${sb.fhirBase}/Task`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${at}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Task', status: 'requested', intent: 'order' }),
    });
    expect(create.status).toBe(403);
  });

  it('sends CORS headers so an app on another origin can call FHIR and the token endpoint', async () => {
    const pre = await fetch(`${sb.fhirBase}/Patient`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://other.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const tok = await fetch(`${sb.origin}/auth/token`, {
      method: 'POST',
      headers: { Origin: 'http://other.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=x',
    });
    expect(tok.status).toBe(400);
    expect(tok.headers.get('access-control-allow-origin')).toBe('*');
    expect(tok.headers.get('cache-control')).toBe('no-store');
  });
});
