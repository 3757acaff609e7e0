// Shared test helpers: a tiny synthetic data set written to a temp dir, and a PKCE authorize + token round trip
// done with plain fetch (redirects handled by hand, as a browser would follow them).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../launch/sandbox/server';

export const PATIENT = 'tp1';

/** A collection Bundle: one patient with a coverage, a planned ServiceRequest, encounters and `obsCount` pain scores. */
export function tinyBundle(obsCount = 5): Record<string, unknown> {
  const entry: Record<string, unknown>[] = [
    {
      resourceType: 'Patient',
      id: PATIENT,
      name: [{ family: 'Testperson', given: ['Ada'] }],
      birthDate: '1950-03-04',
      identifier: [{ system: 'urn:test:mrn', value: 'MRN-1' }],
    },
    { resourceType: 'Patient', id: 'tp2', name: [{ family: 'Other', given: ['Bo'] }], birthDate: '1961-01-01' },
    { resourceType: 'Practitioner', id: 'prac1', name: [{ family: 'Okafor' }] },
    { resourceType: 'Organization', id: 'org-medicare', name: 'Medicare Part B', identifier: [{ value: 'MEDICARE' }] },
    {
      resourceType: 'Coverage',
      id: 'cov1',
      status: 'active',
      beneficiary: { reference: `Patient/${PATIENT}` },
      payor: [{ reference: 'Organization/org-medicare', display: 'Medicare Part B' }],
    },
    {
      resourceType: 'ServiceRequest',
      id: 'sr1',
      status: 'active',
      intent: 'order',
      subject: { reference: `Patient/${PATIENT}` },
      code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '64483' }], text: 'Left L5-S1 TFESI' },
      occurrenceDateTime: '2026-12-01T08:00:00-05:00',
    },
    {
      resourceType: 'Encounter',
      id: 'enc1',
      status: 'finished',
      class: { code: 'AMB' },
      subject: { reference: `Patient/${PATIENT}` },
      type: [{ text: 'Office visit' }],
      period: { start: '2026-11-02T09:00:00-05:00' },
    },
    {
      resourceType: 'Condition',
      id: 'c1',
      subject: { reference: `Patient/${PATIENT}` },
      recordedDate: '2026-10-01',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M54.16' }] },
    },
    {
      resourceType: 'Condition',
      id: 'c2',
      subject: { reference: `Patient/${PATIENT}` },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M54.5' }] },
    },
    {
      resourceType: 'Binary',
      id: 'bin1',
      contentType: 'text/plain; charset=utf-8',
      data: Buffer.from('Pain 7/10 on 2026-11-02.').toString('base64'),
    },
    // A patient token reads a Binary through the patient's document that points at it.
    {
      resourceType: 'DocumentReference',
      id: 'note1',
      status: 'current',
      subject: { reference: `Patient/${PATIENT}` },
      content: [{ attachment: { contentType: 'text/plain', url: 'Binary/bin1' } }],
    },
  ];
  for (let i = 0; i < obsCount; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    entry.push({
      resourceType: 'Observation',
      id: `obs${i}`,
      status: 'final',
      subject: { reference: `Patient/${PATIENT}` },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
      effectiveDateTime: `2026-${i % 2 === 0 ? '10' : '09'}-${day}T10:00:00Z`,
      valueInteger: i % 11,
    });
  }
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: entry.map((resource) => ({ fullUrl: `${String(resource.resourceType)}/${String(resource.id)}`, resource })),
  };
}

export function dataDirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A sandbox holding only `tinyBundle(obsCount)` (no seed), on a free port. */
export function startTiny(obsCount = 5, extra: SandboxOptions = {}): Promise<Sandbox> {
  const dir = dataDirWith({ 'tiny.json': JSON.stringify(tinyBundle(obsCount)) });
  return startSandbox({ port: 0, seed: false, dataDirs: [dir], distDir: join(tmpdir(), 'no-dist-here'), ...extra });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const APP_SCOPE =
  'launch openid fhirUser online_access patient/Patient.rs patient/Observation.rs patient/Condition.rs patient/Coverage.rs patient/Binary.r patient/DocumentReference.cruds patient/Task.c';

export interface AuthorizeParams {
  launch?: string;
  scope?: string;
  redirectUri?: string;
  clientId?: string;
  aud?: string;
  challenge?: string | null;
  method?: string;
  state?: string;
  nonce?: string;
}

/** GET /auth/authorize without following the redirect; returns the Location parsed (or the raw response). */
export async function authorize(sb: Sandbox, p: AuthorizeParams): Promise<{ status: number; location?: URL; text: string }> {
  const url = new URL(`${sb.origin}/auth/authorize`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId ?? 'claimready');
  url.searchParams.set('redirect_uri', p.redirectUri ?? `${sb.origin}/app/index.html`);
  url.searchParams.set('aud', p.aud ?? sb.fhirBase);
  url.searchParams.set('scope', p.scope ?? APP_SCOPE);
  url.searchParams.set('state', p.state ?? 'st-123');
  if (p.launch) url.searchParams.set('launch', p.launch);
  if (p.nonce) url.searchParams.set('nonce', p.nonce);
  if (p.challenge !== null) url.searchParams.set('code_challenge', p.challenge ?? pkcePair().challenge);
  if (p.challenge !== null) url.searchParams.set('code_challenge_method', p.method ?? 'S256');
  const res = await fetch(url, { redirect: 'manual' });
  const loc = res.headers.get('location');
  return { status: res.status, location: loc ? new URL(loc) : undefined, text: await res.text() };
}

export function launchIdFrom(launchUrl: string): string {
  return new URL(launchUrl).searchParams.get('launch') ?? '';
}

export async function tokenRequest(sb: Sandbox, form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sb.origin}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The whole EHR launch: launch id -> authorize with PKCE -> token. */
export async function login(
  sb: Sandbox,
  launch: Parameters<Sandbox['launchUrl']>[0] = { patient: PATIENT },
  scope = APP_SCOPE,
): Promise<Record<string, unknown>> {
  const { verifier, challenge } = pkcePair();
  const auth = await authorize(sb, { launch: launchIdFrom(sb.launchUrl(launch)), challenge, scope });
  const code = auth.location?.searchParams.get('code');
  if (!code) throw new Error(`no code: ${auth.status} ${auth.location?.toString() ?? auth.text}`);
  const token = await tokenRequest(sb, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: `${sb.origin}/app/index.html`,
    client_id: 'claimready',
    code_verifier: verifier,
  });
  if (token.status !== 200) throw new Error(`token refused: ${JSON.stringify(token.body)}`);
  return token.body;
}

export async function fhirGet(sb: Sandbox, token: string | undefined, path: string, accept = 'application/fhir+json'): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path.startsWith('http') ? path : `${sb.fhirBase}/${path}`, { headers });
}
