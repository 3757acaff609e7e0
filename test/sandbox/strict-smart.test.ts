// The sandbox is as strict as SMART App Launch, OAuth 2.0 and FHIR allow a server to be, so the app meets real EHRs'
// refusals here first; and its restricted-EHR chart options refuse what such EHRs refuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, fhirGet, launchIdFrom, login, PATIENT, pkcePair, startTiny, tokenRequest } from './helpers';
import type { Sandbox } from '../../launch/sandbox/server';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startTiny(3);
  // Another patient's chart in the same EHR.
  sb.store.resources.put({ resourceType: 'Condition', id: 'other-c', subject: { reference: 'Patient/tp2' }, code: { text: 'x' } });
  sb.store.resources.put({
    resourceType: 'Observation',
    id: 'other-o',
    status: 'final',
    subject: { reference: 'Patient/tp2' },
    code: { text: 'x' },
  });
}, 30_000);
afterAll(() => sb?.close());

const ALL = 'launch openid fhirUser online_access patient/*.cruds';
const bearer = (t: unknown) => ({ Authorization: `Bearer ${String(t)}`, 'Content-Type': 'application/fhir+json' });
const post = (t: unknown, type: string, body: unknown, extra: Record<string, string> = {}) =>
  fetch(`${sb.fhirBase}/${type}`, { method: 'POST', headers: { ...bearer(t), ...extra }, body: JSON.stringify(body) });

describe('OAuth and SMART strictness', () => {
  it('never grants user/ or system/ scopes to this patient-context client', async () => {
    const token = await login(
      sb,
      { patient: PATIENT },
      'launch openid fhirUser user/Observation.rs user/*.cruds system/Patient.rs patient/Condition.rs',
    );
    expect(String(token.scope).split(' ').sort()).toEqual(['fhirUser', 'launch', 'openid', 'patient/Condition.rs']);
  });

  it('rotates refresh tokens: a replay fails every time, the old access token is revoked, client_id is required and bound', async () => {
    const token = await login(sb);
    const form = (refresh: unknown, extra: Record<string, string> = {}) => ({
      grant_type: 'refresh_token',
      refresh_token: String(refresh),
      client_id: 'claimready',
      ...extra,
    });
    expect((await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: String(token.refresh_token) })).body.error).toBe(
      'invalid_request',
    );
    expect((await tokenRequest(sb, form(token.refresh_token, { client_id: 'other-app' }))).body.error).toBe('invalid_client');
    const next = await tokenRequest(sb, form(token.refresh_token));
    expect(next.status).toBe(200);
    expect(next.body.refresh_token).not.toBe(token.refresh_token);
    expect((await fhirGet(sb, String(token.access_token), `Patient/${PATIENT}`)).status).toBe(401);
    expect((await fhirGet(sb, String(next.body.access_token), `Patient/${PATIENT}`)).status).toBe(200);
    const replays = await Promise.all([1, 2, 3, 4, 5].map(() => tokenRequest(sb, form(token.refresh_token))));
    expect(replays.map((r) => [r.status, r.body.error])).toEqual(Array(5).fill([400, 'invalid_grant']));
    const third = await tokenRequest(sb, form(next.body.refresh_token));
    expect(third.status).toBe(200);
    expect((await fhirGet(sb, String(next.body.access_token), `Patient/${PATIENT}`)).status).toBe(401);
  });

  it('a refresh cannot widen the scope (invalid_scope); it may narrow it', async () => {
    const token = await login(sb, { patient: PATIENT }, 'launch openid fhirUser online_access patient/Patient.rs patient/Condition.rs');
    const wider = await tokenRequest(sb, {
      grant_type: 'refresh_token',
      refresh_token: String(token.refresh_token),
      client_id: 'claimready',
      scope: 'patient/Patient.rs patient/Observation.rs',
    });
    expect([wider.status, wider.body.error]).toEqual([400, 'invalid_scope']);
    const narrower = await tokenRequest(sb, {
      grant_type: 'refresh_token',
      refresh_token: String(token.refresh_token),
      client_id: 'claimready',
      scope: 'online_access patient/Patient.rs',
    });
    expect(narrower.status).toBe(200);
    expect(narrower.body.scope).toBe('online_access patient/Patient.rs');
  });

  it('answers an unsupported grant type with unsupported_grant_type', async () => {
    for (const grant of ['client_credentials', 'password', 'urn:ietf:params:oauth:grant-type:jwt-bearer']) {
      const res = await tokenRequest(sb, { grant_type: grant, client_id: 'claimready' });
      expect([grant, res.status, res.body.error]).toEqual([grant, 400, 'unsupported_grant_type']);
    }
  });

  it('echoes the nonce in the id_token', async () => {
    const { verifier, challenge } = pkcePair();
    const auth = await authorize(sb, { launch: launchIdFrom(sb.launchUrl({ patient: PATIENT })), challenge, nonce: 'n-0S6_WzA2Mj' });
    const token = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code: auth.location?.searchParams.get('code') ?? '',
      redirect_uri: `${sb.origin}/app/index.html`,
      client_id: 'claimready',
      code_verifier: verifier,
    });
    const claims = JSON.parse(Buffer.from(String(token.body.id_token).split('.')[1]!, 'base64url').toString('utf8')) as { nonce?: string };
    expect(claims.nonce).toBe('n-0S6_WzA2Mj');
  });
});

describe('a patient token is limited to its patient', () => {
  it('reads and searches only its patient (not the other patient, not the patient list)', async () => {
    const t = (await login(sb, { patient: PATIENT }, ALL)).access_token;
    expect((await fhirGet(sb, String(t), 'Patient/tp2')).status).toBe(403);
    expect((await fhirGet(sb, String(t), 'Condition/other-c')).status).toBe(403);
    const list = (await (await fhirGet(sb, String(t), 'Patient')).json()) as { entry?: { resource: { id: string } }[] };
    expect((list.entry ?? []).map((e) => e.resource.id)).toEqual([PATIENT]);
    for (const q of ['Condition?patient=tp2', 'Observation?subject=Patient/tp2', 'Observation', 'Condition?_id=other-c']) {
      const b = (await (await fhirGet(sb, String(t), q)).json()) as {
        entry?: { resource: { resourceType: string; subject?: { reference: string } } }[];
      };
      const refs = (b.entry ?? []).filter((e) => e.resource.resourceType !== 'OperationOutcome').map((e) => e.resource.subject?.reference);
      expect([q, refs.filter((r) => r !== `Patient/${PATIENT}`)]).toEqual([q, []]);
    }
  });

  it("writes only into its patient's chart: a Task, a Provenance or a transaction for another patient is refused", async () => {
    const t = (await login(sb, { patient: PATIENT }, ALL)).access_token;
    const before = sb.store.resources.count('Task') + sb.store.resources.count('Provenance');
    expect(
      (await post(t, 'Task', { resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: 'Patient/tp2' } })).status,
    ).toBe(403);
    expect(
      (
        await post(t, 'Provenance', {
          resourceType: 'Provenance',
          target: [{ reference: 'Condition/other-c' }],
          recorded: '2026-11-20T00:00:00Z',
          agent: [{ who: { display: 'x' } }],
        })
      ).status,
    ).toBe(403);
    const tx = await fetch(sb.fhirBase, {
      method: 'POST',
      headers: bearer(t),
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111',
            resource: { resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: `Patient/${PATIENT}` } },
            request: { method: 'POST', url: 'Task' },
          },
          {
            fullUrl: 'urn:uuid:22222222-2222-4222-8222-222222222222',
            resource: { resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: 'Patient/tp2' } },
            request: { method: 'POST', url: 'Task' },
          },
        ],
      }),
    });
    expect(tx.status).toBe(403);
    expect(sb.store.resources.count('Task') + sb.store.resources.count('Provenance')).toBe(before);
    const mine = await post(t, 'Task', {
      resourceType: 'Task',
      status: 'requested',
      intent: 'order',
      for: { reference: `Patient/${PATIENT}` },
    });
    expect(mine.status).toBe(201);
    const task = (await mine.json()) as { id: string };
    expect(
      (
        await post(t, 'Provenance', {
          resourceType: 'Provenance',
          target: [{ reference: `Task/${task.id}` }],
          recorded: '2026-11-20T00:00:00Z',
          agent: [{ who: { display: 'x' } }],
        })
      ).status,
    ).toBe(201);
  });
});

describe('restricted-EHR chart options', () => {
  const metadataOf = async (t: unknown) =>
    (await (await fhirGet(sb, String(t), 'metadata')).json()) as {
      rest: {
        interaction: { code: string }[];
        resource: { type: string; interaction: { code: string }[]; conditionalCreate?: boolean }[];
      }[];
    };
  const creates = (cs: Awaited<ReturnType<typeof metadataOf>>, type: string) =>
    cs.rest[0]!.resource.find((r) => r.type === type)!.interaction.some((i) => i.code === 'create');

  it('no Claim / no Provenance create: the CapabilityStatement says so and a POST gets 405', async () => {
    const t = (await login(sb, { patient: PATIENT, noClaimCreate: true, noProvenanceCreate: true }, ALL)).access_token;
    const cs = await metadataOf(t);
    expect([creates(cs, 'Claim'), creates(cs, 'Provenance'), creates(cs, 'Task')]).toEqual([false, false, true]);
    expect((await post(t, 'Claim', { resourceType: 'Claim', patient: { reference: `Patient/${PATIENT}` } })).status).toBe(405);
    const open = (await login(sb, { patient: PATIENT }, ALL)).access_token;
    expect(creates(await metadataOf(open), 'Claim')).toBe(true);
  });

  it('If-None-Exist ignored: a conditional create creates again, and transactions are not offered', async () => {
    const t = (await login(sb, { patient: PATIENT, ignoreIfNoneExist: true }, ALL)).access_token;
    const cs = await metadataOf(t);
    expect(cs.rest[0]!.interaction).toEqual([]);
    expect(cs.rest[0]!.resource[0]!.conditionalCreate).toBe(false);
    const body = {
      resourceType: 'Task',
      identifier: [{ system: 'urn:x', value: 'dup' }],
      status: 'requested',
      intent: 'order',
      for: { reference: `Patient/${PATIENT}` },
    };
    const a = await post(t, 'Task', body, { 'If-None-Exist': 'identifier=urn:x|dup' });
    const b = await post(t, 'Task', body, { 'If-None-Exist': 'identifier=urn:x|dup' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(
      (
        await fetch(sb.fhirBase, {
          method: 'POST',
          headers: bearer(t),
          body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [] }),
        })
      ).status,
    ).toBe(405);
  });

  it('LOINC type required: a DocumentReference without one gets 422, with one 201', async () => {
    const t = (await login(sb, { patient: PATIENT, requireLoincType: true }, ALL)).access_token;
    const doc = (type: unknown) => ({
      resourceType: 'DocumentReference',
      status: 'current',
      subject: { reference: `Patient/${PATIENT}` },
      type,
      content: [{ attachment: { contentType: 'text/plain', data: 'eA==' } }],
    });
    const refused = await post(t, 'DocumentReference', doc({ text: 'Summary' }));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('LOINC');
    expect((await post(t, 'DocumentReference', doc({ coding: [{ system: 'http://loinc.org', code: '51851-4' }] }))).status).toBe(201);
  });

  it('version-aware update: If-Match with a stale version is 412 and changes nothing', async () => {
    const t = (await login(sb, { patient: PATIENT }, ALL)).access_token;
    const created = (await (
      await post(t, 'Task', { resourceType: 'Task', status: 'requested', intent: 'order', for: { reference: `Patient/${PATIENT}` } })
    ).json()) as { id: string };
    const put = (ifMatch: string, status: string) =>
      fetch(`${sb.fhirBase}/Task/${created.id}`, {
        method: 'PUT',
        headers: { ...bearer(t), 'If-Match': ifMatch },
        body: JSON.stringify({ resourceType: 'Task', id: created.id, status, intent: 'order', for: { reference: `Patient/${PATIENT}` } }),
      });
    expect((await put('W/"1"', 'accepted')).status).toBe(200);
    expect((await put('W/"1"', 'cancelled')).status).toBe(412);
    expect(sb.store.resources.get('Task', created.id)?.status).toBe('accepted');
  });
});
