// The read wave on records as they really come back: broken entries, an unreachable note body, duplicates,
// urn:uuid references inside a searchset, and ClaimReady's own write-backs (kept out, shown as saved state).
import { describe, expect, it } from 'vitest';
import { readPatientRecord } from '../../../src/fhir/read/read';
import { NetworkError, type FhirReader, type FhirResponse } from '../../../src/fhir/read/reader';
import { CLAIMREADY_ID_BASE, CLAIMREADY_TAG } from '../../../src/fhir/read/own-output';
import { buildPicture } from '../../../src/fhir/picture/build-picture-sync';

const ok = (body: unknown): FhirResponse => ({ status: 200, body, headers: {} });
const searchset = (entry: unknown[]): unknown => ({ resourceType: 'Bundle', type: 'searchset', entry });
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

function reader(byType: Record<string, unknown[]>, binary?: (url: string) => Promise<FhirResponse>): FhirReader {
  return {
    base: 'https://ehr.test/fhir',
    async getJson(url) {
      const u = new URL(url, 'https://ehr.test/fhir/');
      const path = u.pathname.replace(/^\/fhir\//, '');
      if (path.startsWith('Binary/')) return binary ? binary(path) : { status: 404, body: '', headers: {} };
      if (path === 'Patient/p1') return ok({ resourceType: 'Patient', id: 'p1' });
      return ok(searchset(byType[path] ?? []));
    },
  };
}

const painObs = (id: string, value: number) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: 'Patient/p1' },
  code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
  effectiveDateTime: '2026-10-01',
  valueQuantity: { value, unit: '{score}' },
});

describe('one broken entry costs that entry, never the read', () => {
  it('names null, non-object and typeless entries as data issues and keeps the rest', async () => {
    const rec = await readPatientRecord(
      reader({
        Observation: [
          { resource: null },
          { resource: 'x' },
          { resource: { id: 'no-type' } },
          { resource: painObs('o1', 6) },
          { resource: [] },
        ],
      }),
      'p1',
      { types: ['Patient', 'Observation'] },
    );
    expect(rec.resources.Observation).toHaveLength(1);
    const msgs = rec.issues.map((i) => i.message);
    expect(msgs.filter((m) => m.includes('had no resource'))).toHaveLength(3);
    expect(rec.issues.find((i) => i.message.includes('without a valid resourceType'))).toMatchObject({ id: 'no-type', severity: 'error' });
    const pic = buildPicture(rec, { patientId: 'p1', serviceRequestIds: [], today: '2026-11-23' });
    expect(pic.painScores.map((s) => s.value)).toEqual([6]);
  });

  it('reads the chart when one note body cannot be fetched at all', async () => {
    const doc = (id: string, content: unknown) => ({
      resource: { resourceType: 'DocumentReference', id, status: 'current', subject: { reference: 'Patient/p1' }, content: [content] },
    });
    const rec = await readPatientRecord(
      reader(
        {
          DocumentReference: [
            doc('d1', { attachment: { contentType: 'text/plain', url: 'Binary/b1' } }),
            doc('d2', { attachment: { contentType: 'text/plain', data: b64('NRS 7/10 today.') } }),
          ],
        },
        async () => {
          throw new NetworkError('connection reset');
        },
      ),
      'p1',
      { types: ['Patient', 'DocumentReference'], sleep: async () => {} },
    );
    expect([...rec.attachments.keys()]).toEqual(['DocumentReference/d2#0']);
    expect(rec.issues).toEqual([expect.objectContaining({ resourceType: 'DocumentReference', id: 'd1', severity: 'warning' })]);
  });

  it('says when the same id comes back with different contents, not when an _include repeats it', async () => {
    const org = { resourceType: 'Organization', id: 'o1', name: 'Payer' };
    const rec = await readPatientRecord(
      reader({
        Observation: [{ resource: painObs('o1', 6) }, { resource: painObs('o1', 2) }],
        Coverage: [{ resource: org, search: { mode: 'include' } }],
        Encounter: [{ resource: org, search: { mode: 'include' } }],
      }),
      'p1',
      { types: ['Patient', 'Observation', 'Coverage', 'Encounter'] },
    );
    expect(rec.issues).toEqual([expect.objectContaining({ resourceType: 'Observation', id: 'o1', severity: 'warning' })]);
    expect(rec.resources.Organization).toHaveLength(1);
  });

  it("resolves urn:uuid references inside a searchset by the entries' fullUrl", async () => {
    const rec = await readPatientRecord(
      reader({
        Procedure: [
          {
            fullUrl: 'urn:uuid:aaaa-1',
            resource: {
              resourceType: 'Procedure',
              id: 'pr1',
              status: 'completed',
              subject: { reference: 'Patient/p1' },
              code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '64493' }] },
              performedDateTime: '2026-09-01',
            },
          },
        ],
        Observation: [
          {
            fullUrl: 'urn:uuid:aaaa-2',
            resource: {
              resourceType: 'Observation',
              id: 'r1',
              status: 'final',
              subject: { reference: 'Patient/p1' },
              partOf: [{ reference: 'urn:uuid:aaaa-1' }],
              code: { text: 'Relief' },
              valueQuantity: { value: 85, unit: '%' },
              effectiveDateTime: '2026-09-01',
            },
          },
          { fullUrl: 'urn:uuid:aaaa-1', resource: { resourceType: 'Procedure', id: 'pr1' } },
        ],
      }),
      'p1',
      { types: ['Patient', 'Procedure', 'Observation'] },
    );
    const obs = rec.resources.Observation!.find((o) => (o as { id: string }).id === 'r1') as { partOf: { reference: string }[] };
    expect(obs.partOf[0]!.reference).toBe('Procedure/pr1');
  });
});

describe("ClaimReady's own output is saved state, never evidence", () => {
  const tag = { meta: { tag: [{ ...CLAIMREADY_TAG }] } };
  const packet = {
    resourceType: 'DocumentReference',
    id: 'pkt',
    status: 'current',
    ...tag,
    identifier: [{ system: `${CLAIMREADY_ID_BASE}packet`, value: 'p1-64493' }],
    subject: { reference: 'Patient/p1' },
    date: '2026-11-20T10:00:00Z',
    author: [{ reference: 'Practitioner/dr1', display: 'Dr. Ada Li' }],
    description: 'Prior-auth packet',
    content: [{ attachment: { contentType: 'text/plain', data: b64('Pain scored NRS 0/10. Radicular pain documented.') } }],
  };
  const summary = {
    resourceType: 'DocumentReference',
    id: 'sum',
    status: 'current',
    identifier: [{ system: `${CLAIMREADY_ID_BASE}coding`, value: 'x' }],
    subject: { reference: 'Patient/p1' },
    date: '2026-11-19',
    content: [{ attachment: { contentType: 'text/plain', data: b64('NRS 0-10') } }],
  };
  const claim = {
    resourceType: 'Claim',
    id: 'c1',
    ...tag,
    status: 'draft',
    patient: { reference: 'Patient/p1' },
    created: '2026-11-20',
    enterer: { display: 'Coder Bo' },
  };
  const task = {
    resourceType: 'Task',
    id: 't1',
    ...tag,
    status: 'requested',
    for: { reference: 'Patient/p1' },
    authoredOn: '2026-11-20T10:01:00Z',
    requester: { display: 'Dr. Ada Li' },
  };
  const note = {
    resourceType: 'DocumentReference',
    id: 'n1',
    status: 'current',
    subject: { reference: 'Patient/p1' },
    date: '2026-11-01',
    content: [{ attachment: { contentType: 'text/plain', data: b64('Pain 7/10 today, worse with extension.') } }],
  };

  it('keeps marked resources out of the record and the picture, and lists them with date and author', async () => {
    const rec = await readPatientRecord(
      reader({
        DocumentReference: [{ resource: packet }, { resource: summary }, { resource: note }],
        Claim: [{ resource: claim }],
        Task: [{ resource: task }],
        Observation: [{ resource: painObs('o1', 7) }],
      }),
      'p1',
      { types: ['Patient', 'DocumentReference', 'Claim', 'Task', 'Observation'] },
    );
    expect(rec.resources.DocumentReference!.map((d) => (d as { id: string }).id)).toEqual(['n1']);
    expect([...rec.attachments.keys()]).toEqual(['DocumentReference/n1#0']);
    expect(rec.saved).toMatchObject({
      documents: [
        {
          ref: 'DocumentReference/pkt',
          date: '2026-11-20T10:00:00Z',
          author: 'Dr. Ada Li',
          label: 'Prior-auth packet',
          identifiers: ['p1-64493'],
        },
        { ref: 'DocumentReference/sum', date: '2026-11-19' },
      ],
      claims: [{ ref: 'Claim/c1', date: '2026-11-20', author: 'Coder Bo', status: 'draft' }],
      tasks: [{ ref: 'Task/t1', author: 'Dr. Ada Li', status: 'requested' }],
    });
    const pic = buildPicture(rec, { patientId: 'p1', serviceRequestIds: [], today: '2026-11-23' });
    const cited = JSON.stringify(pic);
    for (const own of ['DocumentReference/pkt', 'DocumentReference/sum', 'Claim/c1', 'Task/t1']) expect(cited).not.toContain(own);
    expect(pic.notes.map((n) => n.ref)).toEqual(['DocumentReference/n1']);
    expect(pic.painScores.every((s) => s.value !== 0)).toBe(true);
  });
});

describe("the app's own prior-auth Task is read back for the view, never as evidence", () => {
  it('searches Task by the own-output tag when Task may be read; keeps the marked one in saved.tasks, drops the rest', async () => {
    const urls: string[] = [];
    const mine = {
      resourceType: 'Task',
      id: 't1',
      meta: { tag: [{ system: 'https://claimready.app/fhir/CodeSystem/origin', code: 'claimready' }] },
      status: 'completed',
      intent: 'order',
      output: [{ type: { text: 'Authorization number' }, valueString: 'A-1' }],
    };
    // A server that ignores _tag also returns the clinic's own Tasks: not ours, not clinical, left out.
    const theirs = { resourceType: 'Task', id: 't2', status: 'requested', intent: 'order' };
    const base = reader({ Task: [{ resource: mine }, { resource: theirs }] });
    const rec = await readPatientRecord({ base: base.base, getJson: (url) => (urls.push(url), base.getJson(url)) }, 'p1', {
      access: { canRead: (t) => ['Patient', 'Task'].includes(t) },
    });
    expect(urls.filter((u) => u.startsWith('Task'))).toEqual([
      `Task?patient=p1&_tag=${encodeURIComponent('https://claimready.app/fhir/CodeSystem/origin|claimready')}&_count=1000`,
    ]);
    expect(rec.resources.Task).toBeUndefined();
    expect(rec.saved?.tasks.map((t) => [t.ref, t.status, (t.resource as { id: string }).id])).toEqual([['Task/t1', 'completed', 't1']]);
    // Without a grant to read Task nothing is asked.
    urls.length = 0;
    await readPatientRecord({ base: base.base, getJson: (url) => (urls.push(url), base.getJson(url)) }, 'p1', {
      access: { canRead: (t) => t === 'Patient' },
    });
    expect(urls.some((u) => u.startsWith('Task'))).toBe(false);
  });
});

describe('fetchReader', () => {
  it('reads a JSON body that starts with a UTF-8 byte-order mark', async () => {
    const { fetchReader } = await import('../../../src/fhir/read/reader');
    const body = `\ufeff${JSON.stringify({ resourceType: 'Patient', id: 'p1' })}`;
    const r = fetchReader(
      'https://ehr.test/fhir',
      undefined,
      async () => new Response(body, { headers: { 'content-type': 'application/fhir+json' } }),
    );
    expect((await r.getJson('Patient/p1')).body).toEqual({ resourceType: 'Patient', id: 'p1' });
  });
});
