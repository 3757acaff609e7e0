// The sandbox's SMART authorization server: launch contexts created by the chart, /auth/authorize (auto-approves
// as a simulated practitioner), /auth/token (authorization_code with PKCE S256, refresh_token), access-token checks
// for /fhir, and an RS256-signed id_token whose public key is published as a JWKS. As strict as SMART and OAuth
// say a server may be, so the app meets real EHRs' refusals here first: the registered redirect_uri matches
// exactly, only the client's registered scopes are granted, refresh tokens are bound to the client, rotate on every
// use (the old one and its access tokens are revoked) and can never widen the scope.
import { createHash, generateKeyPairSync, randomBytes, sign, timingSafeEqual, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { grantable, withhold, type WithholdOptions } from './scopes';
import type { EhrRestrictions } from './restrictions';

export const CLIENT_ID = 'claimready';
/** Registered redirect_uri paths (exact match, RFC 6749 §3.1.2.3 / SMART: "the exact redirect_uri registered"). */
export const REDIRECT_PATHS = ['/app/index.html'];
const CODE_LIFETIME_S = 60;
const REFRESH_LIFETIME_S = 24 * 3600;
export const DEFAULT_TOKEN_LIFETIME_S = 3600;

export interface LaunchOptions extends WithholdOptions, EhrRestrictions {
  patient: string;
  encounter?: string;
  serviceRequest?: string;
  /** true when the app runs inside the chart iframe (need_patient_banner false). */
  framed: boolean;
  tokenLifetime?: number;
}

export interface Grant {
  scope: string[];
  patient?: string;
  encounter?: string;
  serviceRequest?: string;
  framed: boolean;
  tokenLifetime: number;
  clientId: string;
  restrictions: EhrRestrictions;
  nonce?: string;
}

export interface AccessToken extends Grant {
  expiresAt: number;
}

export interface RefreshGrant extends Grant {
  expiresAt: number;
  /** Access tokens issued under this refresh token, revoked when it is used (rotation). */
  accessTokens: Set<string>;
}

interface PendingCode extends Grant {
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}

export type AuthorizeOutcome =
  | { kind: 'redirect'; location: string }
  /** client_id or redirect_uri are wrong: OAuth says never redirect to an unverified uri. */
  | { kind: 'error-page'; status: number; message: string }
  /** standalone launch asking for launch/patient without a launch id: the server shows a patient picker. */
  | { kind: 'pick-patient' };

const tokenRequestSchema = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('authorization_code'),
    code: z.string().min(1),
    redirect_uri: z.string().min(1),
    client_id: z.string().optional(),
    code_verifier: z.string().optional(),
  }),
  z.object({
    grant_type: z.literal('refresh_token'),
    refresh_token: z.string().min(1),
    client_id: z.string().optional(),
    scope: z.string().optional(),
  }),
]);
const SUPPORTED_GRANTS = new Set(['authorization_code', 'refresh_token']);

export interface AuthConfig {
  origin: string;
  fhirBase: string;
  practitionerId: string;
  knownTypes: readonly string[];
  now: () => number;
}

export class AuthServer {
  private readonly launches = new Map<string, LaunchOptions>();
  private readonly codes = new Map<string, PendingCode>();
  private readonly tokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly privateKey: KeyObject;
  readonly jwks: { keys: Record<string, unknown>[] };
  private readonly kid = randomBytes(8).toString('hex');
  /** Times (ms) at which access tokens were issued, so the bench can count request waves after the token. */
  readonly tokenIssuedAt: number[] = [];

  constructor(private readonly config: AuthConfig) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }] };
  }

  get redirectUris(): string[] {
    return REDIRECT_PATHS.map((p) => `${this.config.origin}${p}`);
  }

  createLaunch(options: LaunchOptions): string {
    const id = randomBytes(16).toString('base64url');
    this.launches.set(id, options);
    return id;
  }

  authorize(params: URLSearchParams, pickedPatient?: string): AuthorizeOutcome {
    const clientId = params.get('client_id');
    const redirectUri = params.get('redirect_uri') ?? '';
    if (clientId !== CLIENT_ID)
      return { kind: 'error-page', status: 400, message: `Unknown client_id "${clientId ?? ''}"; this sandbox knows "${CLIENT_ID}".` };
    if (!this.redirectAllowed(redirectUri)) {
      return {
        kind: 'error-page',
        status: 400,
        message: `redirect_uri "${redirectUri}" is not registered for ${CLIENT_ID}; the registered one is ${this.redirectUris.join(' or ')}`,
      };
    }
    const state = params.get('state') ?? undefined;
    const fail = (error: string, description: string): AuthorizeOutcome => {
      const url = new URL(redirectUri);
      url.searchParams.set('error', error);
      url.searchParams.set('error_description', description);
      if (state !== undefined) url.searchParams.set('state', state);
      return { kind: 'redirect', location: url.toString() };
    };
    if (params.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
    const aud = (params.get('aud') ?? '').replace(/\/$/, '');
    if (aud !== this.config.fhirBase) return fail('invalid_request', `aud must be the FHIR base ${this.config.fhirBase}`);
    const challenge = params.get('code_challenge');
    if (!challenge || params.get('code_challenge_method') !== 'S256') {
      return fail('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method=S256');
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return fail('invalid_request', 'code_challenge must be a base64url SHA-256 digest');
    const requested = (params.get('scope') ?? '').split(/\s+/).filter((s) => s.length > 0);
    const launchId = params.get('launch');
    let launch: LaunchOptions | undefined;
    if (launchId) {
      launch = this.launches.get(launchId);
      if (!launch) return fail('invalid_request', 'Unknown launch id; relaunch from the chart');
    } else if (requested.includes('launch/patient')) {
      if (!pickedPatient) return { kind: 'pick-patient' };
      launch = { patient: pickedPatient, framed: false };
    }
    let scope = grantable(requested, this.config.knownTypes);
    if (launch) scope = withhold(scope, launch, this.config.knownTypes);
    const nonce = params.get('nonce') ?? undefined;
    const code = randomBytes(24).toString('base64url');
    const withContext = launch !== undefined && (scope.includes('launch') || scope.includes('launch/patient'));
    this.codes.set(code, {
      clientId,
      redirectUri,
      challenge,
      scope,
      patient: withContext ? launch?.patient : undefined,
      encounter: withContext ? launch?.encounter : undefined,
      serviceRequest: withContext ? launch?.serviceRequest : undefined,
      framed: launch?.framed ?? false,
      tokenLifetime: launch?.tokenLifetime ?? DEFAULT_TOKEN_LIFETIME_S,
      restrictions: restrictionsOf(launch),
      ...(nonce ? { nonce } : {}),
      expiresAt: this.config.now() + CODE_LIFETIME_S * 1000,
    });
    const url = new URL(redirectUri);
    url.searchParams.set('code', code);
    if (state !== undefined) url.searchParams.set('state', state);
    return { kind: 'redirect', location: url.toString() };
  }

  /** Handles a POST to /auth/token with its form body; returns the status and JSON body to send. */
  token(form: URLSearchParams): { status: number; body: Record<string, unknown> } {
    const grantType = form.get('grant_type');
    if (grantType && !SUPPORTED_GRANTS.has(grantType))
      return oauthError('unsupported_grant_type', `grant_type ${grantType} is not supported; use authorization_code or refresh_token`);
    const parsed = tokenRequestSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return oauthError('invalid_request', 'grant_type must be authorization_code or refresh_token with its parameters');
    const req = parsed.data;
    // A public client identifies itself in the body (RFC 6749 §3.2.1, §4.1.3): also on refresh, which binds the
    // refresh token to the client it was issued to.
    if (req.client_id === undefined) return oauthError('invalid_request', 'client_id is required for a public client');
    if (req.client_id !== CLIENT_ID) return oauthError('invalid_client', 'unknown client_id', 401);
    if (req.grant_type === 'refresh_token') {
      const grant = this.refreshTokens.get(req.refresh_token);
      if (!grant || grant.expiresAt < this.config.now())
        return oauthError('invalid_grant', 'refresh_token is unknown, already used or expired');
      if (grant.clientId !== req.client_id) return oauthError('invalid_grant', 'refresh_token was issued to another client');
      // RFC 6749 §6: the requested scope must not include any scope not originally granted.
      const asked = req.scope ? req.scope.split(/\s+/).filter(Boolean) : grant.scope;
      const wider = asked.filter((sc) => !grant.scope.includes(sc));
      if (wider.length > 0) return oauthError('invalid_scope', `a refresh cannot widen the grant: not granted before: ${wider.join(' ')}`);
      // Rotation: the used refresh token and every access token issued under it stop working now.
      this.refreshTokens.delete(req.refresh_token);
      for (const t of grant.accessTokens) this.tokens.delete(t);
      return { status: 200, body: this.issue({ ...grant, scope: asked }, grant.expiresAt) };
    }
    const pending = this.codes.get(req.code);
    // Codes are one-time: delete before checking so a failed attempt also burns the code.
    this.codes.delete(req.code);
    if (!pending || pending.expiresAt < this.config.now()) return oauthError('invalid_grant', 'code is unknown, used or expired');
    if (req.redirect_uri !== pending.redirectUri) return oauthError('invalid_grant', 'redirect_uri does not match the authorize request');
    if (!req.code_verifier || !verifierMatches(req.code_verifier, pending.challenge)) {
      return oauthError('invalid_grant', 'code_verifier does not match the code_challenge');
    }
    return { status: 200, body: this.issue(pending) };
  }

  /** The grant behind a Bearer header, or why there is none. */
  check(authorization: string | undefined): { ok: true; token: AccessToken } | { ok: false; reason: string } {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m?.[1]) return { ok: false, reason: 'A Bearer access token is required' };
    const token = this.tokens.get(m[1]);
    if (!token) return { ok: false, reason: 'The access token is not known' };
    if (token.expiresAt <= this.config.now()) return { ok: false, reason: 'The access token has expired' };
    return { ok: true, token };
  }

  /**
   * RFC 7662 token introspection, for resource servers of this EHR (the ClaimReady service): the token's scope,
   * client, user and patient context while it is active, `{active: false}` otherwise. The sandbox answers any
   * caller on 127.0.0.1; a real EHR authenticates the resource server.
   */
  introspect(form: URLSearchParams): Record<string, unknown> {
    const t = this.tokens.get(form.get('token') ?? '');
    if (!t || t.expiresAt <= this.config.now()) return { active: false };
    const fhirUser = `${this.config.fhirBase}/Practitioner/${this.config.practitionerId}`;
    return {
      active: true,
      scope: t.scope.join(' '),
      client_id: t.clientId,
      token_type: 'Bearer',
      exp: Math.floor(t.expiresAt / 1000),
      sub: this.config.practitionerId,
      fhirUser,
      ...(t.patient ? { patient: t.patient } : {}),
      ...(t.encounter ? { encounter: t.encounter } : {}),
    };
  }

  private redirectAllowed(uri: string): boolean {
    return this.redirectUris.includes(uri);
  }

  /** `sessionEnds`: a rotated refresh token keeps the session's end, it does not extend it. */
  private issue(grant: Grant, sessionEnds?: number): Record<string, unknown> {
    const now = this.config.now();
    const accessToken = randomBytes(32).toString('base64url');
    const lifetime = Math.max(1, Math.round(grant.tokenLifetime));
    const clean: Grant = {
      scope: grant.scope,
      patient: grant.patient,
      encounter: grant.encounter,
      serviceRequest: grant.serviceRequest,
      framed: grant.framed,
      tokenLifetime: grant.tokenLifetime,
      clientId: grant.clientId,
      restrictions: grant.restrictions,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    };
    this.tokens.set(accessToken, { ...clean, expiresAt: now + lifetime * 1000 });
    this.tokenIssuedAt.push(now);
    const body: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: lifetime,
      scope: grant.scope.join(' '),
      need_patient_banner: !grant.framed,
      smart_style_url: `${this.config.origin}/smart-style.json`,
    };
    if (grant.patient) body.patient = grant.patient;
    if (grant.encounter) body.encounter = grant.encounter;
    if (grant.serviceRequest) body.fhirContext = [{ reference: `ServiceRequest/${grant.serviceRequest}` }];
    if (grant.scope.includes('openid') && (grant.scope.includes('fhirUser') || grant.scope.includes('profile'))) {
      body.id_token = this.idToken(now, grant.nonce);
    }
    if (grant.scope.includes('online_access') || grant.scope.includes('offline_access')) {
      const refresh = randomBytes(32).toString('base64url');
      // online_access lasts as long as the user's EHR session. When the chart shortens the token lifetime it shortens
      // the session with it, so "expired session" can be tested (fhirclient would otherwise refresh silently).
      const lifetimeS =
        grant.scope.includes('offline_access') || grant.tokenLifetime === DEFAULT_TOKEN_LIFETIME_S
          ? REFRESH_LIFETIME_S
          : grant.tokenLifetime;
      this.refreshTokens.set(refresh, { ...clean, expiresAt: sessionEnds ?? now + lifetimeS * 1000, accessTokens: new Set([accessToken]) });
      body.refresh_token = refresh;
    }
    return body;
  }

  private idToken(nowMs: number, nonce: string | undefined): string {
    const iat = Math.floor(nowMs / 1000);
    const fhirUser = `${this.config.fhirBase}/Practitioner/${this.config.practitionerId}`;
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    // OpenID Connect Core §3.1.3.6: the nonce of the authentication request comes back unchanged.
    const claims = {
      iss: this.config.fhirBase,
      sub: this.config.practitionerId,
      aud: CLIENT_ID,
      iat,
      exp: iat + 3600,
      fhirUser,
      profile: fhirUser,
      ...(nonce ? { nonce } : {}),
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = sign('RSA-SHA256', Buffer.from(input), this.privateKey).toString('base64url');
    return `${input}.${signature}`;
  }
}

function restrictionsOf(launch: LaunchOptions | undefined): EhrRestrictions {
  return {
    ...(launch?.noClaimCreate ? { noClaimCreate: true } : {}),
    ...(launch?.noProvenanceCreate ? { noProvenanceCreate: true } : {}),
    ...(launch?.ignoreIfNoneExist ? { ignoreIfNoneExist: true } : {}),
    ...(launch?.requireLoincType ? { requireLoincType: true } : {}),
  };
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

export function verifierMatches(verifier: string, challenge: string): boolean {
  // RFC 7636: 43..128 unreserved characters.
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  const digest = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return digest.length === expected.length && timingSafeEqual(digest, expected);
}

function oauthError(error: string, description: string, status = 400): { status: number; body: Record<string, unknown> } {
  return { status, body: { error, error_description: description } };
}
