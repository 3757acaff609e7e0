import { afterEach, describe, expect, it } from 'vitest';
import { daysBetween, shiftDateString, shiftDatesInText, shiftResourceDates } from '../../launch/sandbox/date-shift';
import { startSandbox, type Sandbox } from '../../launch/sandbox/server';
import { dataDirWith, fhirGet, login, PATIENT, tinyBundle } from './helpers';

describe('date shifting (seed anchor 2026-11-23 -> today)', () => {
  it('moves full dates and dateTimes by whole days, keeping time and offset, and leaves partial dates alone', () => {
    expect(shiftDateString('2026-11-23', 10)).toBe('2026-12-03');
    expect(shiftDateString('2026-02-27T09:30:00-05:00', 2)).toBe('2026-03-01T09:30:00-05:00');
    expect(shiftDateString('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDateString('2026-11', 40)).toBe('2026-11');
    expect(shiftDateString('2026', 400)).toBe('2026');
    expect(shiftDateString('L4-L5', 5)).toBe('L4-L5');
    expect(shiftDateString('2026-11-23', -23)).toBe('2026-10-31');
    expect(daysBetween('2026-11-23', '2027-01-02')).toBe(40);
  });

  it('shifts dates written in note prose, ISO and US style', () => {
    expect(shiftDatesInText('PT 08/01/2026 to 2026-09-15, 8 weeks.', 31)).toBe('PT 9/1/2026 to 2026-10-16, 8 weeks.');
  });

  it('shifts nested resource dates and inline text attachments but not codes or ids', () => {
    const doc = {
      resourceType: 'DocumentReference',
      id: 'd-2026-11-23',
      date: '2026-11-01T10:00:00Z',
      content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: Buffer.from('Seen 2026-11-01.').toString('base64') } }],
      context: { period: { start: '2026-10-01', end: '2026-10-31' } },
    };
    const out = shiftResourceDates(doc, 7);
    expect(out.id).toBe('d-2026-11-23');
    expect(out.date).toBe('2026-11-08T10:00:00Z');
    expect(out.context.period).toEqual({ start: '2026-10-08', end: '2026-11-07' });
    expect(Buffer.from(out.content[0]?.attachment.data ?? '', 'base64').toString()).toBe('Seen 2026-11-08.');
    expect(doc.date).toBe('2026-11-01T10:00:00Z');
  });
});

describe('loading data into the server', () => {
  let sb: Sandbox | undefined;
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });

  it('shifts seed bundles to the server today, and not at all when today is the anchor', async () => {
    const seedDir = dataDirWith({ 'pt.json': JSON.stringify(tinyBundle(1)), 'manifest.json': '[{"not":"fhir"}]' });
    sb = await startSandbox({ port: 0, seedDir, today: '2026-12-03' });
    expect(sb.store.shiftDays).toBe(10);
    expect(sb.store.loadProblems).toEqual([]);
    expect(sb.store.resources.get('Observation', 'obs0')?.effectiveDateTime).toBe('2026-10-11T10:00:00Z');
    expect(sb.store.resources.get('Patient', PATIENT)?.birthDate).toBe('1950-03-14');
    await sb.close();
    sb = await startSandbox({ port: 0, seedDir, today: '2026-11-23' });
    expect(sb.store.shiftDays).toBe(0);
    expect(sb.store.resources.get('Observation', 'obs0')?.effectiveDateTime).toBe('2026-10-01T10:00:00Z');
  });

  it('loads --data bundles (with urn:uuid references) and NDJSON without shifting them', async () => {
    const transaction = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:5b0a3c1e-0000-4000-8000-000000000001',
          resource: { resourceType: 'Patient', name: [{ family: 'Uuid' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          fullUrl: 'urn:uuid:5b0a3c1e-0000-4000-8000-000000000002',
          resource: {
            resourceType: 'Condition',
            subject: { reference: 'urn:uuid:5b0a3c1e-0000-4000-8000-000000000001' },
            recordedDate: '2020-01-01',
          },
          request: { method: 'POST', url: 'Condition' },
        },
        {
          resource: { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Patient/nd1' } },
          request: { method: 'PUT', url: 'Encounter/put-enc' },
        },
      ],
    };
    const ndjson = [
      JSON.stringify({ resourceType: 'Patient', id: 'nd1', birthDate: '1970-05-05' }),
      '',
      JSON.stringify({
        resourceType: 'Observation',
        id: 'nd-obs',
        status: 'final',
        subject: { reference: 'Patient/nd1' },
        code: { text: 'x' },
        effectiveDateTime: '2020-02-02',
      }),
      '{broken',
      JSON.stringify({ resourceType: 'lowercase-bad' }),
    ].join('\n');
    const dir = dataDirWith({
      'tx.json': JSON.stringify(transaction),
      'single.json': JSON.stringify({ resourceType: 'Practitioner', id: 'pr9' }),
      'more.ndjson': ndjson,
      'notes.txt': 'ignored',
    });
    sb = await startSandbox({ port: 0, seed: false, dataDirs: [dir], today: '2030-01-01' });
    expect(sb.store.resources.get('Patient', 'nd1')?.birthDate).toBe('1970-05-05');
    expect(sb.store.resources.get('Observation', 'nd-obs')?.effectiveDateTime).toBe('2020-02-02');
    expect(sb.store.resources.get('Encounter', 'put-enc')).toBeDefined();
    expect(sb.store.resources.get('Practitioner', 'pr9')).toBeDefined();
    const cond = sb.store.resources.all('Condition')[0];
    expect(cond?.subject).toEqual({ reference: 'Patient/5b0a3c1e-0000-4000-8000-000000000001' });
    expect(sb.store.resources.get('Patient', '5b0a3c1e-0000-4000-8000-000000000001')).toBeDefined();
    expect(sb.store.loadProblems).toHaveLength(2);
    expect(sb.store.loadProblems.join('\n')).toMatch(/more\.ndjson:4/);
    expect(sb.store.loadProblems.join('\n')).toMatch(/more\.ndjson:5/);

    const token = String((await login(sb, { patient: 'nd1' }, 'launch openid fhirUser patient/*.rs')).access_token);
    const res = await fhirGet(sb, token, 'Observation?patient=nd1');
    expect(((await res.json()) as { total: number }).total).toBe(1);
  });

  it('uses a Practitioner from the data as the signed-in user, or adds its own', async () => {
    sb = await startSandbox({
      port: 0,
      seed: false,
      dataDirs: [dataDirWith({ 'p.json': JSON.stringify({ resourceType: 'Patient', id: 'only' }) })],
    });
    const token = await login(sb, { patient: 'only' }, 'launch openid fhirUser patient/Patient.rs');
    const claims = JSON.parse(Buffer.from(String(token.id_token).split('.')[1] ?? '', 'base64url').toString()) as { fhirUser: string };
    const id = claims.fhirUser.split('/').pop() ?? '';
    expect(sb.store.resources.get('Practitioner', id)).toBeDefined();
  });

  it('refuses to bind anywhere but 127.0.0.1', async () => {
    await expect(startSandbox({ port: 0, seed: false, host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.1/);
  });
});
