// The sandbox payer with the PAS conformance validator (launch/sandbox/conformance) as its `validate` hook: the IG's
// own request example is accepted, and a broken copy of it is refused with 422 naming each error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { payerConformance } from '../../launch/sandbox/payer/conformance-hook';
import { SandboxPayer } from '../../launch/sandbox/payer/payer';
import { loadOrCreateKey } from '../../src/server/keys';
import { PayerClient } from '../../src/server/payer-client';

const example = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', 'server', 'fixtures', 'pas', 'Bundle-MedicalServicesAuthorizationBundleExample.json'),
      'utf8',
    ),
  ) as Record<string, unknown>;

describe('payer conformance hook', () => {
  it('accepts the IG example and names each error of a broken copy', () => {
    expect(payerConformance(example())).toEqual([]);
    const broken = example() as { identifier?: unknown; entry: { resource: Record<string, unknown> }[] };
    delete broken.identifier;
    delete broken.entry[0]!.resource.priority;
    const errors = payerConformance(broken);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.join('\n')).toMatch(/identifier/);
    expect(errors.join('\n')).toMatch(/priority/);
  }, 120_000);

  it('makes the payer answer 422 with an OperationOutcome issue per error', async () => {
    const payer = new SandboxPayer({ origin: 'http://p', today: () => '2026-11-23', validate: payerConformance });
    const key = loadOrCreateKey();
    payer.auth.register('svc', key.jwks);
    const client = new PayerClient(
      { id: '*', fhirBase: 'http://p/payer/fhir', tokenUrl: 'http://p/payer/auth/token', clientId: 'svc' },
      key,
      {
        fetch: (async (url: string | URL | Request, init?: RequestInit) => {
          const a = await payer.handle({
            method: 'POST',
            path: new URL(String(url)).pathname.slice('/payer'.length),
            headers: (init?.headers ?? {}) as Record<string, string>,
            body: String(init?.body),
          });
          return new Response(JSON.stringify(a.json), { status: a.status });
        }) as typeof fetch,
      },
    );
    expect((await client.submit(example())).status).toBe(200);
    const broken = example() as { entry: { resource: Record<string, unknown> }[] };
    delete broken.entry[0]!.resource.priority;
    (broken.entry[0]!.resource.identifier as { value: string }[])[0]!.value = 'other';
    const r = await client.submit(broken);
    expect(r.status).toBe(422);
    const issues = (r.body as { issue: { diagnostics: string }[] }).issue.map((i) => i.diagnostics);
    expect(issues).toEqual(payerConformance(broken));
    expect(issues.some((d) => /priority/.test(d))).toBe(true);
    payer.close();
  }, 120_000);
});

describe('an answer to a request for more information', () => {
  it('adds nothing the official PAS profiles refuse: message and document slices on the IG example', async () => {
    const { withAnswer } = await import('../../src/server/answer');
    const answered = withAnswer(
      example(),
      {
        message: 'PT progress note attached.',
        document: { title: 'PT progress note', contentType: 'application/pdf', data: 'JVBERi0xLjQ=' },
      },
      '2026-11-24T10:00:00Z',
    );
    expect(typeof answered).toBe('object');
    expect(payerConformance(answered)).toEqual([]);
  }, 120_000);
});
