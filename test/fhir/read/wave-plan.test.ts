// The read wave with a batch Bundle (wave-plan.ts) against an msw-served EHR: the small searches ride in one POST,
// the ones that page go alone, and whatever the EHR refuses (the batch, one entry, the answer's shape) is read with
// plain GETs, giving the same record as an EHR without batch.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DEFAULT_TYPES, readPatientRecord } from '../../../src/fhir/read/read';
import { fetchReader } from '../../../src/fhir/read/reader';
import { ALONE, batchAnswers, planWave } from '../../../src/fhir/read/wave-plan';

const BASE = 'https://ehr.test/fhir';
const PID = 'p1';

/** Each search's answer, the same whether it comes as a GET or as a batch entry. */
function answer(path: string): { status: number; body: unknown } {
  const url = new URL(path, `${BASE}/`);
  const type = url.pathname.replace(/^\/fhir\//, '').split('/')[0]!;
  if (type === 'Patient') return { status: 200, body: { resourceType: 'Patient', id: PID } };
  if (type === 'Coverage' && url.searchParams.has('_include') && refuseInclude)
    return { status: 400, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] } };
  const page = Number(url.searchParams.get('page') ?? '1');
  // Condition pages twice, so a batched search's next page must be followed with a GET.
  const next = type === 'Condition' && page === 1 ? `${BASE}/Condition?patient=${PID}&page=2` : undefined;
  const entry = [{ resource: { resourceType: type, id: `${type.toLowerCase()}-${page}` } }];
  if (type === 'Coverage' && url.searchParams.has('_include')) entry.push({ resource: { resourceType: 'Organization', id: 'payer' } });
  return {
    status: 200,
    body: { resourceType: 'Bundle', type: 'searchset', entry, ...(next ? { link: [{ relation: 'next', url: next }] } : {}) },
  };
}

let batchMode: 'answer' | 'refuse' | 'wrong-shape' | 'entry-error' = 'answer';
let refuseInclude = false;
const log: string[] = [];

const server = setupServer(
  http.get(`${BASE}/*`, ({ request }) => {
    const url = new URL(request.url);
    log.push(`GET ${url.pathname.replace('/fhir/', '')}${url.searchParams.get('page') ? ' page' : ''}`);
    const a = answer(request.url);
    return HttpResponse.json(a.body as object, { status: a.status });
  }),
  http.post(BASE, async ({ request }) => {
    log.push('POST batch');
    if (batchMode === 'refuse') return HttpResponse.json({ resourceType: 'OperationOutcome' }, { status: 405 });
    const body = (await request.json()) as { entry: { request: { method: string; url: string } }[] };
    if (batchMode === 'wrong-shape') return HttpResponse.json({ resourceType: 'Bundle', type: 'batch-response', entry: [] });
    const entry = body.entry.map((e, i) => {
      const a = batchMode === 'entry-error' && i === 0 ? { status: 500, body: undefined } : answer(e.request.url);
      return a.status === 200 ? { resource: a.body, response: { status: '200 OK' } } : { response: { status: `${a.status}` } };
    });
    return HttpResponse.json({ resourceType: 'Bundle', type: 'batch-response', entry });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  batchMode = 'answer';
  refuseInclude = false;
  log.length = 0;
});
afterAll(() => server.close());

const reader = fetchReader(BASE, 'token');
const ids = (r: Record<string, unknown[]>) =>
  Object.fromEntries(
    Object.entries(r)
      .map(([t, rs]) => [t, rs.map((x) => (x as { id: string }).id).sort()] as const)
      .sort(),
  );

describe('planWave', () => {
  it('sends the searches that may page alone and batches the rest; no batch of one, none without POST', () => {
    const plan = planWave(DEFAULT_TYPES, true);
    expect(plan.alone).toEqual(DEFAULT_TYPES.filter((t) => ALONE.has(t)));
    expect(plan.batched).toEqual(DEFAULT_TYPES.filter((t) => !ALONE.has(t)));
    expect(planWave(['Observation', 'Patient'], true)).toEqual({ alone: ['Observation', 'Patient'], batched: [] });
    expect(planWave(DEFAULT_TYPES, false).batched).toEqual([]);
  });

  it('reads entry statuses as R4 writes them, and refuses an answer of the wrong length or kind', () => {
    const ok = (status: string) => ({ response: { status }, resource: { resourceType: 'Bundle' } });
    const res = (entry: unknown[], type = 'batch-response') => ({
      status: 200,
      headers: {},
      body: { resourceType: 'Bundle', type, entry },
    });
    expect(batchAnswers(res([ok('200 OK'), ok('201'), ok('404 Not Found')]), 3).map((a) => a?.status)).toEqual([200, 201, undefined]);
    expect(batchAnswers(res([ok('200')]), 2)).toEqual([undefined, undefined]);
    expect(batchAnswers(res([ok('200')], 'searchset'), 1)).toEqual([undefined]);
    expect(batchAnswers({ status: 405, headers: {}, body: {} }, 1)).toEqual([undefined]);
  });
});

describe('readPatientRecord with batch', () => {
  const plain = async () => ids((await readPatientRecord(reader, PID)).resources);

  it('one POST for the small searches, one GET each for those that page, and the same record as plain GETs', async () => {
    const expected = await plain();
    log.length = 0;
    const rec = await readPatientRecord(reader, PID, { batch: true });
    expect(ids(rec.resources)).toEqual(expected);
    const alone = DEFAULT_TYPES.filter((t) => ALONE.has(t));
    // The batch, the four alone, and the batched Condition's second page as a GET.
    expect(log.filter((l) => l === 'POST batch')).toHaveLength(1);
    expect(log.filter((l) => l.startsWith('GET') && !l.endsWith('page')).sort()).toEqual(alone.map((t) => `GET ${t}`).sort());
    expect(log).toContain('GET Condition page');
    expect(rec.requests).toBe(1 + alone.length + 1);
    expect(rec.resources.Condition).toHaveLength(2);
  });

  it('an EHR that refuses batch (405) gets every search as a plain GET, and the record is the same', async () => {
    const expected = await plain();
    log.length = 0;
    batchMode = 'refuse';
    const rec = await readPatientRecord(reader, PID, { batch: true });
    expect(ids(rec.resources)).toEqual(expected);
    expect(log.filter((l) => l.startsWith('GET') && !l.endsWith('page'))).toHaveLength(DEFAULT_TYPES.length);
    expect(rec.issues).toEqual([]);
  });

  it('a batch-response of the wrong length is not trusted: every batched search is sent alone', async () => {
    const expected = await plain();
    batchMode = 'wrong-shape';
    const rec = await readPatientRecord(reader, PID, { batch: true });
    expect(ids(rec.resources)).toEqual(expected);
  });

  it('a failed entry costs only that search a GET; a refused _include inside the batch still falls back to the plain search', async () => {
    const expected = await plain();
    log.length = 0;
    batchMode = 'entry-error';
    refuseInclude = true;
    const rec = await readPatientRecord(reader, PID, { batch: true });
    const first = DEFAULT_TYPES.filter((t) => !ALONE.has(t))[0]!;
    expect(log).toContain(`GET ${first === 'Patient' ? `Patient/${PID}` : first}`);
    // Coverage: the entry with _include was refused (400), so Coverage is searched again, without it.
    expect(log.filter((l) => l === 'GET Coverage')).toHaveLength(2);
    const { Organization: _payer, ...rest } = expected;
    expect(ids(rec.resources)).toEqual(rest);
    expect(rec.issues).toEqual([]);
  });
});
