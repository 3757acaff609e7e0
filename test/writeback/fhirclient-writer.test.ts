// fhirclientWriter: statuses and OperationOutcomes come back the same as with fetch, including thrown HttpErrors.
import { describe, expect, it } from 'vitest';
import HttpError from 'fhirclient/lib/HttpError';
import type Client from 'fhirclient/lib/Client';
import { fhirclientWriter } from '../../src/writeback/fhirclient-writer';

function client(
  request: (o: { url: string; method?: string; headers?: Record<string, string>; body?: string }) => Promise<unknown>,
): Client {
  return { request } as unknown as Client;
}

describe('fhirclientWriter', () => {
  it('posts with If-None-Exist and returns status, body and Location', async () => {
    const seen: { url: string; method?: string; headers?: Record<string, string> }[] = [];
    const w = fhirclientWriter(
      client(async (o) => {
        seen.push(o);
        return {
          body: { resourceType: 'Claim', id: 'c1' },
          response: new Response(null, { status: 201, headers: { Location: 'Claim/c1/_history/1' } }),
        };
      }),
    );
    const r = await w.create({ resourceType: 'Claim' } as never, 'identifier=s|v');
    expect(r.status).toBe(201);
    expect(r.location).toBe('Claim/c1/_history/1');
    expect(seen[0]).toMatchObject({ url: 'Claim', method: 'POST', headers: { 'If-None-Exist': 'identifier=s|v' } });
  });

  it('maps a thrown HttpError to its status and recovers the OperationOutcome', async () => {
    const outcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'duplicate', diagnostics: 'Multiple matches' }],
    };
    const w = fhirclientWriter(
      client(async () => {
        throw new HttpError(new Response(JSON.stringify(outcome), { status: 412, headers: { 'content-type': 'application/fhir+json' } }));
      }),
    );
    const r = await w.create({ resourceType: 'Claim' } as never, 'identifier=s|v');
    expect(r.status).toBe(412);
    expect(r.body).toMatchObject({ resourceType: 'OperationOutcome' });
  });

  it('a network failure is status 0 (retryable by writeAll)', async () => {
    const w = fhirclientWriter(
      client(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect((await w.search('Claim', 'identifier=s|v')).status).toBe(0);
  });

  it('a 401, a refused refresh (token endpoint 400 invalid_grant) or a failed refresh is a session that ended', async () => {
    let ended = 0;
    const hooks = { onSessionEnded: () => (ended += 1) };
    const expired = fhirclientWriter(
      client(async () => {
        throw new HttpError(new Response('{}', { status: 401 }));
      }),
      hooks,
    );
    expect((await expired.create({ resourceType: 'Task' } as never)).status).toBe(401);
    const refused = {
      request: async () => {
        const res = new Response(JSON.stringify({ error: 'invalid_grant', error_description: 'refresh_token is unknown or expired' }), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        });
        Object.defineProperty(res, 'url', { value: 'https://ehr.test/auth/token' });
        throw new HttpError(res);
      },
      state: { tokenUri: 'https://ehr.test/auth/token' },
    } as unknown as Client;
    expect((await fhirclientWriter(refused, hooks).search('Task', 'identifier=s|v')).status).toBe(401);
    const noRefresh = fhirclientWriter(
      client(async () => {
        throw new Error('Unable to refresh. No refresh_token found.');
      }),
      hooks,
    );
    expect((await noRefresh.search('Task', 'identifier=s|v')).status).toBe(401);
    expect(ended).toBe(3);
    const other = fhirclientWriter(
      client(async () => {
        throw new HttpError(new Response('{}', { status: 400 }));
      }),
      hooks,
    );
    expect((await other.search('Task', 'x=1')).status).toBe(400);
    expect(ended).toBe(3);
  });
});
