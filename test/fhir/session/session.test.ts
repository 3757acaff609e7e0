import { describe, expect, it } from 'vitest';
import { classifyLaunchFailure, parseLaunchContext, userFromIdToken } from '../../../src/fhir/session/session';
import { FhirReadError } from '../../../src/fhir/read/reader';

const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const idToken = (claims: unknown): string => `${b64url({ alg: 'RS256' })}.${b64url(claims)}.sig`;

const base = { access_token: 'tok', token_type: 'Bearer', expires_in: 300, scope: 'launch openid patient/Condition.rs', patient: 'p1' };

describe('parseLaunchContext', () => {
  it('reads patient, encounter, banner, style, scopes and the object form of fhirContext', () => {
    const r = parseLaunchContext({
      ...base,
      encounter: 'e9',
      need_patient_banner: false,
      smart_style_url: 'https://ehr/style.json',
      fhirContext: [
        { reference: 'ServiceRequest/sr1' },
        { reference: 'https://ehr/fhir/ServiceRequest/sr2' },
        { reference: 'Encounter/e9' },
        { canonical: 'http://x/Questionnaire/q', type: 'Questionnaire' },
      ],
      id_token: idToken({ fhirUser: 'https://ehr/fhir/Practitioner/123' }),
      intent: 'reconcile',
      tenant: 't1',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.context).toEqual({
      patientId: 'p1',
      encounterId: 'e9',
      serviceRequestIds: ['sr1', 'sr2'],
      needPatientBanner: false,
      smartStyleUrl: 'https://ehr/style.json',
      grantedScopes: ['launch', 'openid', 'patient/Condition.rs'],
      user: 'Practitioner/123',
      intent: 'reconcile',
      tenant: 't1',
    });
  });
  it('accepts the older string form of fhirContext and string booleans', () => {
    const r = parseLaunchContext({
      ...base,
      fhirContext: ['ServiceRequest/a', 'Appointment/x', 'ServiceRequest/b'],
      need_patient_banner: 'true',
      expires_in: '300',
    });
    expect(r.ok && r.context.serviceRequestIds).toEqual(['a', 'b']);
    expect(r.ok && r.context.needPatientBanner).toBe(true);
  });
  it('defaults to showing the banner and to the requested scopes when the EHR omits them', () => {
    const { scope: _scope, ...noScope } = base;
    const r = parseLaunchContext(noScope);
    expect(r.ok && r.context.needPatientBanner).toBe(true);
    expect(r.ok && r.context.grantedScopes).toContain('patient/Claim.cus');
  });
  it('reports a missing or malformed patient as no-patient', () => {
    const { patient: _p, ...noPatient } = base;
    const r = parseLaunchContext(noPatient);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.kind).toBe('no-patient');
      expect(r.problem.action).toMatch(/patient's chart/);
    }
    const bad = parseLaunchContext({ ...base, patient: '../../etc' });
    expect(!bad.ok && bad.problem.kind).toBe('no-patient');
  });
  it('rejects wrong types with the field paths, never the values', () => {
    const r = parseLaunchContext({ ...base, access_token: 42, fhirContext: [7], token_type: 'mac' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.kind).toBe('invalid-token-response');
    expect(r.problem.paths).toEqual(expect.arrayContaining(['access_token', 'token_type']));
    expect(r.problem.message).not.toContain('42');
    expect(parseLaunchContext(null).ok).toBe(false);
    expect(parseLaunchContext('tok').ok).toBe(false);
  });
});

describe('userFromIdToken', () => {
  it('takes fhirUser (or v1 profile) as Type/id, ignores junk', () => {
    expect(userFromIdToken(idToken({ fhirUser: 'Practitioner/9' }))).toBe('Practitioner/9');
    expect(userFromIdToken(idToken({ profile: 'https://ehr/fhir/PractitionerRole/r1' }))).toBe('PractitionerRole/r1');
    expect(userFromIdToken(idToken({ sub: 'x' }))).toBeUndefined();
    expect(userFromIdToken('not-a-jwt')).toBeUndefined();
    expect(userFromIdToken('a.!!!.c')).toBeUndefined();
    expect(userFromIdToken(undefined)).toBeUndefined();
  });
});

describe('classifyLaunchFailure', () => {
  it('maps read errors and HTTP statuses', () => {
    expect(classifyLaunchFailure(new FhirReadError('expired', 'x', 401)).kind).toBe('expired');
    expect(classifyLaunchFailure(new FhirReadError('unreachable', 'x')).kind).toBe('unreachable');
    expect(classifyLaunchFailure(Object.assign(new Error('Unauthorized'), { status: 401 })).kind).toBe('expired');
    expect(classifyLaunchFailure(Object.assign(new Error('Forbidden'), { statusCode: 403 })).kind).toBe('denied-scope');
  });
  it('maps fhirclient and OAuth messages', () => {
    expect(classifyLaunchFailure(new Error("No 'state' parameter found. Please (re)launch the app.")).kind).toBe('expired');
    expect(classifyLaunchFailure(new Error('No state found! Please (re)launch the app.')).kind).toBe('expired');
    expect(classifyLaunchFailure(new Error('access_denied: The user denied access')).kind).toBe('denied-scope');
    expect(classifyLaunchFailure(new Error('Patient is not available')).kind).toBe('no-patient');
    expect(classifyLaunchFailure(new TypeError('Failed to fetch')).kind).toBe('unreachable');
    expect(classifyLaunchFailure(new Error('boom')).kind).toBe('unknown');
    expect(classifyLaunchFailure(undefined).kind).toBe('unknown');
  });
  it("shows the EHR's own error text: invalid client, invalid redirect, registration mismatch, wrong aud, refused scope", () => {
    const cases: [string, string, string][] = [
      ['invalid_client: Unknown client_id "claimready-test"', 'refused', 'Unknown client_id "claimready-test"'],
      ['invalid_request: redirect_uri is not registered for this client', 'refused', 'redirect_uri is not registered'],
      ['unauthorized_client: the client is not registered for the EHR launch', 'refused', 'not registered for the EHR launch'],
      ['invalid_request: aud must be the FHIR base https://ehr.example/fhir', 'refused', 'aud must be the FHIR base'],
      ['invalid_scope: patient/Task.c is not allowed for this app', 'denied-scope', 'patient/Task.c is not allowed'],
      // fhirclient's HttpError from the token endpoint: status line, URL, then "error: description".
      [
        '400 Bad Request\nURL: https://ehr.example/auth/token\ninvalid_grant: code_verifier does not match the code_challenge',
        'refused',
        'code_verifier does not match',
      ],
    ];
    for (const [message, kind, text] of cases) {
      const f = classifyLaunchFailure(new Error(message));
      expect([message, f.kind]).toEqual([message, kind]);
      expect(f.message).toContain(text);
      expect(f.message).not.toMatch(/Something unexpected/);
    }
    const viaToken = classifyLaunchFailure(
      Object.assign(new Error('401 Unauthorized\nURL: x\ninvalid_client: unknown client_id'), { status: 401 }),
    );
    expect([viaToken.kind, viaToken.message]).toEqual(['refused', expect.stringContaining('unknown client_id')]);
    expect(classifyLaunchFailure(new Error('invalid_grant: refresh_token is unknown, already used or expired')).kind).toBe('expired');
  });
  it('an unknown patient id is an error, not an empty chart; blocked storage says so', () => {
    expect(classifyLaunchFailure(new FhirReadError('failed', 'x', 404)).kind).toBe('unknown-patient');
    expect(
      classifyLaunchFailure(
        new DOMException(
          "Failed to read the 'sessionStorage' property from 'Window': Access is denied for this document.",
          'SecurityError',
        ),
      ).kind,
    ).toBe('storage-blocked');
  });
  it('says denied-scope when the grant cannot even read Patient', () => {
    expect(classifyLaunchFailure(new Error('boom'), { grantedScopes: ['launch', 'openid'] }).kind).toBe('denied-scope');
    expect(classifyLaunchFailure(new Error('boom'), { grantedScopes: ['patient/*.rs'] }).kind).toBe('unknown');
  });
  it('always gives a title, message and action', () => {
    for (const e of [new FhirReadError('expired', 'x'), new Error('?'), new TypeError('fetch failed')]) {
      const f = classifyLaunchFailure(e);
      expect(f.title.length * f.message.length * f.action.length).toBeGreaterThan(0);
    }
  });
});
