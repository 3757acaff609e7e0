// The service end to end with the sandbox payer in-process: every scenario the payer can decide, driven through the
// HTTP routes the app calls, with the PAS IG's own request example as the packet.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harness, igRequest, sharedSql, type Harness } from './harness';
import type { RequestView } from '../../src/server/service';
import type { PaRequest } from '../../src/server/store';

// Opening PGlite takes seconds (tens on a loaded machine): once per file.
beforeAll(() => sharedSql().then(() => undefined), 180_000);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const submit = async (x: Harness, bundle: unknown = igRequest(), extra: Record<string, unknown> = {}, token?: string) =>
  x.call('POST', '/requests', { bundle, ...extra }, token);
const view = (a: { json: unknown }) => a.json as RequestView;
const withDate = (date: string, claim = 'C-1'): Record<string, unknown> => {
  const b = igRequest(claim) as { entry: { resource: { item?: { servicedDate?: string }[] } }[] };
  b.entry[0]!.resource.item![0]!.servicedDate = date;
  return b as unknown as Record<string, unknown>;
};

describe('user access', () => {
  it('refuses a call without a token or with an ended session, and keeps a patient-scoped caller to that patient', async () => {
    h = await harness();
    expect((await h.call('GET', '/requests', undefined, '')).status).toBe(401);
    expect((await h.call('GET', '/requests', undefined, 'tok-revoked')).status).toBe(401);
    const other = await submit(h, igRequest(), {}, 'tok-other');
    expect(other.status).toBe(403);
    expect(h.payerCalls).toHaveLength(0);
    const mine = view(await submit(h));
    expect((await h.call('GET', `/requests/${mine.id}`, undefined, 'tok-other')).status).toBe(404);
    expect((await h.call('GET', '/requests', undefined, 'tok-other', { patient: 'SubscriberExample' })).status).toBe(403);
    expect(await h.call('GET', '/queue', undefined, 'tok-other')).toMatchObject({ status: 200, json: [] });
    expect((await h.call('GET', `/requests/${mine.id}`, undefined, 'tok-user')).status).toBe(200);
    // The public JWKS never carries the private part.
    const jwks = JSON.stringify((await h.call('GET', '/jwks', undefined, '')).json);
    expect(jwks).toContain('"kty":"RSA"');
    expect(jwks).not.toMatch(/"d":|"p":|"q":/);
  });
});

describe('decisions', () => {
  it('approve: authorization number, window and history with who did what', async () => {
    h = await harness({ scenario: 'approve' });
    const r = view(await submit(h));
    expect(r).toMatchObject({
      status: 'approved',
      authNumber: 'AUTH-000001',
      authStart: '2026-11-23',
      authEnd: '2027-02-21',
      open: false,
      patientId: 'SubscriberExample',
      payerId: '1234567893',
      serviceCode: '99212',
    });
    expect(r.history.map((e) => [e.kind, e.actor])).toEqual([
      ['created', 'Practitioner/prac-1'],
      ['submit', 'Practitioner/prac-1'],
      ['decision', 'payer *'],
    ]);
    // Standard request: due 7 days after submission (CMS-0057-F).
    expect(Date.parse(r.due!) - Date.parse(r.submittedAt!)).toBe(7 * 24 * 3600_000);
    // The history never hands the bundles back.
    expect(JSON.stringify(r.history)).not.toContain('SubscriberExample');
  });

  it('expedited: due 72 hours after submission', async () => {
    h = await harness({ scenario: 'pend-then-approve' });
    const r = view(await submit(h, igRequest(), { priority: 'expedited' }));
    expect(r.status).toBe('pended');
    expect(Date.parse(r.due!) - Date.parse(r.submittedAt!)).toBe(72 * 3600_000);
  });

  it('pended, then approved by the payer notification (re-read by $inquire), and on the work queue until then', async () => {
    h = await harness({ scenario: 'pend-then-approve' });
    const r = view(await submit(h));
    expect(r).toMatchObject({ status: 'pended', trackingNumber: 'PEND-000001', open: true });
    expect(r.nextAction).toMatch(/Await the payer decision/);
    const queue = (await h.call('GET', '/queue', undefined, 'tok-user')).json as PaRequest[];
    expect(queue.map((q) => q.id)).toEqual([r.id]);
    expect(h.payerCalls).toEqual(['/fhir/Subscription', '/fhir/Claim/$submit']);
    await h.payer.settle();
    expect(h.payerCalls.slice(2)).toEqual(['/fhir/Claim/$inquire']);
    const after = view(await h.call('GET', `/requests/${r.id}`));
    expect(after).toMatchObject({ status: 'approved', authNumber: 'AUTH-000001', open: false });
    expect(after.history.at(-1)).toMatchObject({ kind: 'inquiry', actor: 'payer * (notification)', status: 'approved' });
    expect((await h.call('GET', '/queue', undefined, 'tok-user')).json).toEqual([]);
  });

  it('refuses a notification without the subscription secret, and changes nothing', async () => {
    h = await harness({ scenario: 'pend-then-approve' });
    await submit(h);
    const bad = await h.call('POST', '/notify/*', { resourceType: 'Bundle', type: 'history', entry: [] }, '');
    expect(bad.status).toBe(401);
    expect(h.payerCalls).not.toContain('/fhir/Claim/$inquire');
  });

  it('denied: the reason is kept and the next action says what to do', async () => {
    h = await harness({ scenario: 'deny' });
    const r = view(await submit(h));
    expect(r).toMatchObject({ status: 'denied', open: true });
    expect(r.denialReason).toMatch(/conservative care/);
    expect(r.denialCode).toMatchObject({ code: 'conservative-care', system: expect.stringMatching(/pa-denial-reason$/) });
    expect(r.nextAction).toMatch(/peer-to-peer|appeal/);
  });

  it('more information: the request, the staff answer with the document attached, then the decision', async () => {
    h = await harness({ scenario: 'more-info' });
    const r = view(await submit(h));
    expect(r.status).toBe('info-requested');
    expect(r.requested[0]).toMatch(/physical-therapy/);
    expect(r.nextAction).toMatch(/Send what the payer asked for/);
    // A reload rebuilds the same packet with a new timestamp: not an answer, nothing is sent.
    const again = igRequest() as { timestamp?: string };
    again.timestamp = '2026-11-24T10:00:00Z';
    expect(view(await submit(h, again)).status).toBe('info-requested');
    expect(h.payerCalls.filter((c) => c.endsWith('$submit'))).toHaveLength(1);
    // Bad answers are refused with the reason and change nothing.
    const bad = await h.call('POST', `/requests/${r.id}/answer`, {
      message: ' ',
      document: { title: 'x', contentType: 'text/html', data: '%%' },
    });
    expect(bad.status).toBe(400);
    expect((bad.json as { error: string }).error).toMatch(/message.*document\.contentType.*document\.data/s);
    // A message alone: the payer asks again.
    const messageOnly = view(await h.call('POST', `/requests/${r.id}/answer`, { message: 'Notes to follow by fax.' }));
    expect(messageOnly).toMatchObject({ id: r.id, status: 'info-requested' });
    const pdf = Buffer.from('%PDF-1.4 progress note').toString('base64');
    const doc = { title: 'PT progress note 2026-10', contentType: 'application/pdf', data: pdf };
    const [answered, twice] = await Promise.all(
      [0, 1].map(async () =>
        view(await h!.call('POST', `/requests/${r.id}/answer`, { message: 'PT progress note attached.', document: doc })),
      ),
    );
    expect(answered!.status).toBe('pended');
    expect(twice!.id).toBe(r.id);
    const sent = (await h.svc.store.lastDetail(r.id, 'submit')) as { bundle: { entry: { resource: Record<string, unknown> }[] } };
    const claim = sent.bundle.entry[0]!.resource as {
      supportingInfo: { category: { coding: { code: string }[] }; valueString?: string }[];
    };
    expect(claim.supportingInfo.map((s) => s.category.coding[0]!.code)).toEqual([
      'freeFormMessage',
      'freeFormMessage',
      'additionalInformation',
    ]);
    expect(sent.bundle.entry.at(-1)!.resource).toMatchObject({
      resourceType: 'DocumentReference',
      content: [{ attachment: { data: pdf } }],
    });
    expect(h.payerCalls.filter((c) => c.endsWith('$submit'))).toHaveLength(3);
    await h.payer.settle();
    const done = view(await h.call('GET', `/requests/${r.id}`));
    expect(done).toMatchObject({ status: 'approved', open: false });
    expect(done.history.map((e) => e.kind)).toEqual([
      'created',
      'submit',
      'decision',
      'answer',
      'submit',
      'decision',
      'answer',
      'submit',
      'decision',
      'inquiry',
    ]);
    // Answering after the decision sends nothing.
    expect(view(await h.call('POST', `/requests/${r.id}/answer`, { message: 'again', document: doc })).status).toBe('approved');
    expect(h.payer.requestCount).toBe(1);
  });

  it('partial: approved units per line', async () => {
    h = await harness({ scenario: 'partial' });
    const b = igRequest() as { entry: { resource: { item: { quantity?: unknown }[] } }[] };
    b.entry[0]!.resource.item[0]!.quantity = { value: 4 };
    const r = view(await submit(h, b));
    expect(r).toMatchObject({ status: 'partial', approvedUnits: { '1': 2 }, open: true });
    expect(r.nextAction).toMatch(/fewer units/);
  });

  it('an authorization ending before the date of service is flagged with its next action, due the day it ends', async () => {
    h = await harness({ scenario: 'approve-short' });
    const r = view(await submit(h, withDate('2026-12-20')));
    expect(r).toMatchObject({ status: 'approved', authEnd: '2026-12-19', dateOfService: '2026-12-20', open: true });
    expect(r.nextAction).toMatch(/ends 2026-12-19, before the date of service 2026-12-20/);
    expect(r.due?.slice(0, 10)).toBe('2026-12-19');
  });
});

describe('no duplicates', () => {
  it('double clicks, retries and reloads give one request at the service and at the payer', async () => {
    h = await harness({ scenario: 'pend-then-approve' });
    const x = h;
    const answers = await Promise.all([submit(x), submit(x), submit(x), submit(x)]);
    const ids = new Set(answers.map((a) => view(a).id));
    expect(ids.size).toBe(1);
    expect(h.payerCalls.filter((c) => c.endsWith('$submit'))).toHaveLength(1);
    await submit(h);
    expect(h.payerCalls.filter((c) => c.endsWith('$submit'))).toHaveLength(1);
    expect(h.payer.requestCount).toBe(1);
    expect(((await h.call('GET', '/requests')).json as unknown[]).length).toBe(1);
  });

  it('a payer 5xx is retried; one that lasts leaves an error to retry, and the retry creates nothing new', async () => {
    h = await harness({ scenario: 'approve' });
    h.failNext(1); // the subscription create; then $submit succeeds
    expect(view(await submit(h, igRequest('C-a'))).status).toBe('approved');
    h.failNext(3, 'network');
    const down = view(await submit(h, igRequest('C-b')));
    expect(down.status).toBe('error');
    expect(down.nextAction).toMatch(/submit again/);
    const retried = view(await submit(h, igRequest('C-b')));
    expect(retried).toMatchObject({ id: down.id, status: 'approved' });
    expect(retried.history.map((e) => e.kind)).toEqual(['created', 'submit', 'error', 'retry', 'submit', 'decision']);
    expect(h.payer.requestCount).toBe(2);
  });

  it('a payer 422 is kept with each error, and a fixed packet can be sent again under the same identifier', async () => {
    let strict = true;
    h = await harness({ scenario: 'approve', validate: () => (strict ? ['Claim.priority: required', 'Bundle.identifier: required'] : []) });
    const r = view(await submit(h));
    expect(r.status).toBe('rejected');
    expect(r.history.at(-1)?.detail).toMatchObject({
      httpStatus: 422,
      issues: ['Claim.priority: required', 'Bundle.identifier: required'],
    });
    strict = false;
    expect(view(await submit(h))).toMatchObject({ id: r.id, status: 'approved' });
  });
});

describe('portal payers (WISeR)', () => {
  it('records the UTN and the decision staff read from the portal; validates what they type', async () => {
    h = await harness({ portalPayers: ['1234567893'] });
    const r = view(await submit(h));
    expect(r).toMatchObject({ status: 'portal', channel: 'portal' });
    expect(h.payerCalls).toHaveLength(0);
    expect(r.nextAction).toMatch(/record its tracking number/);
    const bad = await h.call('POST', `/requests/${r.id}/portal`, { decision: 'denied' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toMatch(/reason/);
    expect((await h.call('POST', `/requests/${r.id}/portal`, { start: 'soon' })).status).toBe(400);
    const utn = view(await h.call('POST', `/requests/${r.id}/portal`, { trackingNumber: 'UTN-JE-0001' }));
    expect(utn.nextAction).toMatch(/UTN UTN-JE-0001/);
    const decided = view(
      await h.call('POST', `/requests/${r.id}/portal`, {
        decision: 'approved',
        authNumber: 'UTN-JE-0001',
        start: '2026-11-23',
        end: '2027-01-22',
      }),
    );
    expect(decided).toMatchObject({ status: 'approved', trackingNumber: 'UTN-JE-0001', authEnd: '2027-01-22', open: false });
    expect(decided.nextAction).toMatch(/put the UTN UTN-JE-0001 on the claim/);
    expect((await h.call('POST', `/requests/${r.id}/inquire`)).status).toBe(409);
  });
});

describe('work queue', () => {
  it('lists open requests across patients by due date, filtered by status and payer, for a user-level token', async () => {
    h = await harness({ scenario: (p) => (p === 'p-deny' ? 'deny' : 'pend-then-approve') });
    h.tokens.set('tok-a', 'p-a');
    h.tokens.set('tok-b', 'p-deny');
    await submit(h, igRequest('C-a', 'p-a'), {}, 'tok-a');
    await submit(h, igRequest('C-b', 'p-deny'), {}, 'tok-b');
    await submit(h, igRequest('C-c', 'p-a'), { priority: 'expedited' }, 'tok-a');
    const all = (await h.call('GET', '/queue', undefined, 'tok-user')).json as PaRequest[];
    // Expedited (72 h) first, then the standard one (7 days); the denial has no payer clock left: last.
    expect(all.map((r) => r.claim.value)).toEqual(['C-c', 'C-a', 'C-b']);
    expect(
      ((await h.call('GET', '/queue', undefined, 'tok-user', { status: 'denied' })).json as PaRequest[]).map((r) => r.claim.value),
    ).toEqual(['C-b']);
    expect((await h.call('GET', '/queue', undefined, 'tok-user', { payer: 'nobody' })).json as PaRequest[]).toEqual([]);
    expect(((await h.call('GET', '/queue', undefined, 'tok-a')).json as PaRequest[]).map((r) => r.claim.value)).toEqual(['C-c', 'C-a']);
  });
});
