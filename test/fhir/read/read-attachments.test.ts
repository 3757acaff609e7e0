// The read wave against an msw-served EHR (msw-ehr.ts): note attachments (inline and Binary, one second wave), and the
// token never sent to another origin by an attachment URL or a next link.
import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { DEFAULT_TYPES, readPatientRecord } from '../../../src/fhir/read/read';
import { BASE, PID, b64, bundleWith, log, overrides, reader, startMswEhr, server } from './msw-ehr';

startMswEhr();

describe('readPatientRecord: note attachments', () => {
  it('decodes inline data and fetches same-server Binary urls in one second wave', async () => {
    overrides.DocumentReference = () =>
      HttpResponse.json({
        resourceType: 'Bundle',
        entry: [
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd1',
              status: 'current',
              content: [
                { attachment: { contentType: 'text/plain; charset=utf-8', data: b64('Pain 7/10 — café') } },
                { attachment: { contentType: 'text/html', url: 'Binary/b1' } },
                { attachment: { contentType: 'application/pdf', url: 'Binary/pdf' } },
              ],
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd2',
              status: 'current',
              content: [{ attachment: { contentType: 'text/plain', url: `${BASE}/Binary/b2` } }],
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd3',
              status: 'current',
              content: [{ attachment: { contentType: 'text/plain', url: '/fhir/Binary/b3' } }],
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd4',
              status: 'current',
              content: [{ attachment: { contentType: 'text/plain', url: 'https://evil.test/Binary/x' } }],
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd5',
              status: 'entered-in-error',
              content: [{ attachment: { contentType: 'text/plain', data: b64('gone') } }],
            },
          },
          {
            resource: {
              resourceType: 'DocumentReference',
              id: 'd6',
              status: 'current',
              content: [{ attachment: { contentType: 'application/pdf', url: 'Binary/scan' } }],
            },
          },
        ],
      });
    overrides.DiagnosticReport = () =>
      bundleWith({
        resourceType: 'DiagnosticReport',
        id: 'r1',
        status: 'final',
        presentedForm: [{ contentType: 'text/plain', data: b64('MRI: L4-L5 disc protrusion') }],
      });
    overrides['Binary/b1'] = () =>
      HttpResponse.json({ resourceType: 'Binary', contentType: 'text/html', data: b64('<p>PT 6 weeks, no relief</p>') });
    overrides['Binary/b2'] = () => new HttpResponse('raw note text', { headers: { 'content-type': 'text/plain' } });
    overrides['Binary/b3'] = () => HttpResponse.json({ resourceType: 'Binary', contentType: 'text/plain', data: b64('third') });

    const rec = await readPatientRecord(reader, PID);
    expect(rec.attachments.get('DocumentReference/d1#0')).toEqual({ contentType: 'text/plain; charset=utf-8', text: 'Pain 7/10 — café' });
    expect(rec.attachments.get('DocumentReference/d1#1')).toEqual({ contentType: 'text/html', text: '<p>PT 6 weeks, no relief</p>' });
    expect(rec.attachments.has('DocumentReference/d1#2')).toBe(false);
    expect(rec.attachments.get('DocumentReference/d2#0')?.text).toBe('raw note text');
    expect(rec.attachments.get('DocumentReference/d3#0')?.text).toBe('third');
    expect(rec.attachments.get('DiagnosticReport/r1#0')?.text).toContain('L4-L5');
    expect(rec.attachments.has('DocumentReference/d4#0')).toBe(false);
    expect(rec.attachments.has('DocumentReference/d5#0')).toBe(false);
    expect(rec.issues).toEqual([
      expect.objectContaining({ resourceType: 'DocumentReference', id: 'd4', path: 'content[0].attachment.url' }),
      expect.objectContaining({ resourceType: 'DocumentReference', id: 'd6', path: 'content' }),
    ]);
    // 11 searches + 3 binaries, nothing else (the PDF and the foreign URL are not fetched).
    expect(rec.requests).toBe(DEFAULT_TYPES.length + 3);
    expect(log.filter((k) => k.startsWith('Binary'))).toHaveLength(3);
    expect(log.slice(-3).every((k) => k.startsWith('Binary/'))).toBe(true);
    expect(rec.waves).toBe(2);
  });

  it('a Binary that cannot be fetched is a warning; the rest of the record stands', async () => {
    overrides.DocumentReference = () =>
      bundleWith({
        resourceType: 'DocumentReference',
        id: 'd1',
        status: 'current',
        content: [{ attachment: { contentType: 'text/plain', url: 'Binary/missing' } }],
      });
    overrides['Binary/missing'] = () => HttpResponse.json({}, { status: 404 });
    const rec = await readPatientRecord(reader, PID, { types: ['DocumentReference'] });
    expect(rec.resources.DocumentReference).toHaveLength(1);
    expect(rec.attachments.size).toBe(0);
    expect(rec.issues).toEqual([expect.objectContaining({ id: 'd1', severity: 'warning' })]);
  });
});

describe('readPatientRecord: the token never leaves the FHIR server', () => {
  it('fetches no attachment or next page that resolves to another origin, whatever the URL form', async () => {
    const foreign: string[] = [];
    server.use(
      http.all('*', ({ request }) => {
        const u = new URL(request.url);
        if (`${u.origin}/fhir` !== BASE || !u.pathname.startsWith('/fhir/'))
          foreign.push(`${request.url} auth=${request.headers.get('authorization') ?? ''}`);
        return undefined;
      }),
      http.all('https://evil.test/*', () => HttpResponse.text('stolen')),
      http.all('https://ehr.test:8443/*', () => HttpResponse.text('stolen')),
      http.all('http://ehr.test/*', () => HttpResponse.text('stolen')),
    );
    const forms = [
      '//evil.test/fhir/Binary/a',
      '/\\evil.test/fhir/Binary/b',
      'https://user@evil.test/Binary/c',
      'https://ehr.test@evil.test/Binary/d',
      'https://ehr.test:8443/fhir/Binary/e',
      'http://ehr.test/fhir/Binary/f',
      '../x/Binary/g',
    ];
    overrides.DocumentReference = () =>
      HttpResponse.json({
        resourceType: 'Bundle',
        link: [{ relation: 'next', url: '//evil.test/fhir/DocumentReference?page=2' }],
        entry: forms.map((url, i) => ({
          resource: {
            resourceType: 'DocumentReference',
            id: `d${i}`,
            status: 'current',
            content: [{ attachment: { contentType: 'text/plain', url } }],
          },
        })),
      });
    const rec = await readPatientRecord(reader, PID, { types: ['DocumentReference'] });
    expect(foreign).toEqual([]);
    expect(rec.resources.DocumentReference).toHaveLength(forms.length);
    expect(rec.issues.filter((i) => i.path?.endsWith('.url'))).toHaveLength(forms.length);
    expect(rec.issues.some((i) => i.message.includes('next page on another server'))).toBe(true);
  });
});
