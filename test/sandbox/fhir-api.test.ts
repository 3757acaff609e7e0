import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../launch/sandbox/server';
import { fhirGet, login, PATIENT, startTiny } from './helpers';

interface SearchBundle {
  resourceType: string;
  total: number;
  link: { relation: string; url: string }[];
  entry?: { resource: { resourceType: string; id: string; effectiveDateTime?: string; [k: string]: unknown }; search?: { mode: string } }[];
}

const OBS = 120;
let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startTiny(OBS);
  token = String((await login(sb, { patient: PATIENT }, 'launch openid fhirUser patient/*.cruds')).access_token);
});
afterAll(async () => {
  await sb.close();
});

async function search(path: string): Promise<SearchBundle> {
  const res = await fhirGet(sb, token, path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/fhir\+json/);
  return (await res.json()) as SearchBundle;
}

const ids = (b: SearchBundle): string[] => (b.entry ?? []).filter((e) => e.search?.mode !== 'outcome').map((e) => e.resource.id);

describe('read and search', () => {
  it('reads a resource by id and answers 404 for an unknown one', async () => {
    const res = await fhirGet(sb, token, `Patient/${PATIENT}`);
    expect(((await res.json()) as { id: string }).id).toBe(PATIENT);
    expect(res.headers.get('etag')).toBe('W/"1"');
    expect((await fhirGet(sb, token, 'Patient/nobody')).status).toBe(404);
  });

  it('follows absolute next links to the end of a search larger than _count', async () => {
    let bundle = await search(`Observation?patient=${PATIENT}&_count=50`);
    expect(bundle.total).toBe(OBS);
    const seen: string[] = [];
    let pages = 0;
    for (;;) {
      pages++;
      seen.push(...ids(bundle));
      const next = bundle.link.find((l) => l.relation === 'next')?.url;
      if (!next) break;
      expect(next.startsWith(`${sb.fhirBase}/Observation?`)).toBe(true);
      bundle = await search(next);
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(OBS);
    expect(new Set(seen).size).toBe(OBS);
  });

  it('filters by patient as a bare id or a reference, and by subject', async () => {
    expect((await search(`Observation?patient=${PATIENT}&_count=1000`)).total).toBe(OBS);
    expect((await search(`Observation?patient=Patient/${PATIENT}&_count=0`)).total).toBe(OBS);
    expect((await search(`Observation?subject=Patient/${PATIENT}&_count=0`)).total).toBe(OBS);
    expect((await search('Observation?patient=tp2')).total).toBe(0);
  });

  it('matches token, date and status searches', async () => {
    const october = OBS / 2;
    expect((await search(`Observation?patient=${PATIENT}&code=http://loinc.org|72514-3&_count=0`)).total).toBe(OBS);
    expect((await search(`Observation?patient=${PATIENT}&code=http://loinc.org|38208-5`)).total).toBe(0);
    expect((await search(`Observation?patient=${PATIENT}&category=survey&status=final&_count=0`)).total).toBe(OBS);
    expect((await search(`Observation?patient=${PATIENT}&date=ge2026-10-01&_count=0`)).total).toBe(october);
    expect((await search(`Observation?patient=${PATIENT}&date=2026-09&_count=0`)).total).toBe(OBS - october);
    expect(ids(await search(`Condition?patient=${PATIENT}&clinical-status=active`))).toEqual(['c1']);
    expect(ids(await search(`Condition?patient=${PATIENT}&clinical-status=active,resolved`)).sort()).toEqual(['c1', 'c2']);
    // Another patient does not exist for a token of this patient.
    expect(ids(await search('Patient?_id=tp2'))).toEqual([]);
    expect(ids(await search('Patient?identifier=urn:test:mrn|MRN-1'))).toEqual([PATIENT]);
  });

  it('sorts by date descending across pages', async () => {
    let bundle = await search(`Observation?patient=${PATIENT}&_sort=-date&_count=40`);
    const dates: string[] = [];
    for (;;) {
      dates.push(...(bundle.entry ?? []).map((e) => e.resource.effectiveDateTime ?? ''));
      const next = bundle.link.find((l) => l.relation === 'next')?.url;
      if (!next) break;
      bundle = await search(next);
    }
    expect(dates).toHaveLength(OBS);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('includes the payer Organization with _include=Coverage:payor', async () => {
    const bundle = await search(`Coverage?patient=${PATIENT}&_include=Coverage:payor`);
    expect(bundle.total).toBe(1);
    const modes = (bundle.entry ?? []).map((e) => `${e.search?.mode ?? ''}:${e.resource.resourceType}/${e.resource.id}`);
    expect(modes).toEqual(['match:Coverage/cov1', 'include:Organization/org-medicare']);
  });

  it('reports unknown search parameters as a warning outcome instead of failing', async () => {
    const bundle = await search(`Observation?patient=${PATIENT}&not-a-param=1&_count=1`);
    expect(bundle.total).toBe(OBS);
    expect(bundle.entry?.some((e) => e.search?.mode === 'outcome')).toBe(true);
  });

  it('serves a Binary as its native content, or as the resource for FHIR JSON', async () => {
    const raw = await fhirGet(sb, token, 'Binary/bin1', 'text/plain');
    expect(raw.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await raw.text()).toBe('Pain 7/10 on 2026-11-02.');
    const json = (await (await fhirGet(sb, token, 'Binary/bin1')).json()) as { resourceType: string; data: string };
    expect(json.resourceType).toBe('Binary');
  });
});

describe('create, conditional create, update', () => {
  const post = (body: unknown, ifNoneExist?: string): Promise<Response> =>
    fetch(`${sb.fhirBase}/DocumentReference`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/fhir+json',
        ...(ifNoneExist ? { 'If-None-Exist': ifNoneExist } : {}),
      },
      body: JSON.stringify(body),
    });
  const doc = (value: string): Record<string, unknown> => ({
    resourceType: 'DocumentReference',
    status: 'current',
    subject: { reference: `Patient/${PATIENT}` },
    identifier: [{ system: 'urn:claimready:test', value }],
    content: [{ attachment: { contentType: 'text/plain', data: Buffer.from('x').toString('base64') } }],
  });

  it('creates once when the same conditional create is sent twice', async () => {
    const before = sb.store.resources.count('DocumentReference');
    const first = await post(doc('k1'), 'identifier=urn:claimready:test|k1');
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string };
    expect(first.headers.get('location')).toBe(`${sb.fhirBase}/DocumentReference/${created.id}/_history/1`);
    const second = await post(doc('k1'), 'DocumentReference?identifier=urn:claimready:test|k1');
    expect(second.status).toBe(200);
    expect(((await second.json()) as { id: string }).id).toBe(created.id);
    expect(sb.store.resources.count('DocumentReference')).toBe(before + 1);
  });

  it('answers 412 when If-None-Exist matches more than one resource', async () => {
    expect((await post(doc('dup'))).status).toBe(201);
    expect((await post(doc('dup'))).status).toBe(201);
    expect((await post(doc('dup'), 'identifier=urn:claimready:test|dup')).status).toBe(412);
  });

  it('rejects a body whose type does not match the URL', async () => {
    const res = await post({ resourceType: 'Patient' });
    expect(res.status).toBe(400);
  });

  it('updates with PUT and bumps the version', async () => {
    const created = (await (await post(doc('u1'))).json()) as { id: string; meta: { versionId: string } };
    const res = await fetch(`${sb.fhirBase}/DocumentReference/${created.id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ ...doc('u1'), id: created.id, status: 'superseded' }),
    });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as { status: string; meta: { versionId: string } };
    expect(updated.status).toBe('superseded');
    expect(updated.meta.versionId).toBe('2');
    const read = (await (await fhirGet(sb, token, `DocumentReference/${created.id}`)).json()) as { status: string };
    expect(read.status).toBe('superseded');
  });
});

describe('transaction bundles', () => {
  const tx = (key: string, extra: Record<string, unknown>[] = []): Record<string, unknown> => ({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: `urn:uuid:00000000-0000-4000-8000-${key.padStart(12, '0')}`,
        resource: {
          resourceType: 'Task',
          status: 'requested',
          intent: 'order',
          identifier: [{ system: 'urn:claimready:task', value: key }],
          for: { reference: `Patient/${PATIENT}` },
        },
        request: { method: 'POST', url: 'Task', ifNoneExist: `identifier=urn:claimready:task|${key}` },
      },
      {
        fullUrl: `urn:uuid:10000000-0000-4000-8000-${key.padStart(12, '0')}`,
        resource: {
          resourceType: 'Provenance',
          meta: { tag: [{ system: 'urn:claimready:prov', code: key }] },
          target: [{ reference: `urn:uuid:00000000-0000-4000-8000-${key.padStart(12, '0')}` }],
          recorded: '2026-11-23T10:00:00Z',
          agent: [{ who: { display: 'ClaimReady' } }],
        },
        request: { method: 'POST', url: 'Provenance', ifNoneExist: `_tag=urn:claimready:prov|${key}` },
      },
      ...extra,
    ],
  });
  const post = async (
    bundle: unknown,
  ): Promise<{
    status: number;
    body: {
      type?: string;
      entry?: { resource?: { id: string; target?: { reference: string }[] }; response: { status: string; location?: string } }[];
    };
  }> => {
    const res = await fetch(sb.fhirBase, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify(bundle),
    });
    return { status: res.status, body: (await res.json()) as never };
  };

  it('creates with resolved urn:uuid references, and a repeat returns the same resources without duplicates', async () => {
    const first = await post(tx('77'));
    expect(first.status).toBe(200);
    expect(first.body.type).toBe('transaction-response');
    expect(first.body.entry?.map((e) => e.response.status)).toEqual(['201 Created', '201 Created']);
    const taskId = first.body.entry?.[0]?.resource?.id;
    expect(first.body.entry?.[1]?.resource?.target).toEqual([{ reference: `Task/${taskId}` }]);
    const tasks = sb.store.resources.count('Task');
    const again = await post(tx('77'));
    expect(again.body.entry?.map((e) => e.response.status)).toEqual(['200 OK', '200 OK']);
    expect(again.body.entry?.[0]?.resource?.id).toBe(taskId);
    expect(sb.store.resources.count('Task')).toBe(tasks);
  });

  it('writes nothing when one entry fails', async () => {
    const tasks = sb.store.resources.count('Task');
    const bad = await post(
      tx('78', [
        { resource: { resourceType: 'Task', status: 'requested', intent: 'order' }, request: { method: 'DELETE', url: 'Task/x' } },
      ]),
    );
    expect(bad.status).toBe(400);
    expect(sb.store.resources.count('Task')).toBe(tasks);
  });

  it('advertises transaction in the CapabilityStatement', async () => {
    const cs = (await (await fetch(`${sb.fhirBase}/metadata`)).json()) as { rest: { interaction?: { code: string }[] }[] };
    expect(cs.rest[0]?.interaction?.map((i) => i.code)).toContain('transaction');
  });
});
