// SMART Backend Services for the sandbox payer: clients are registered with a JWKS, and get an access token by
// client_credentials with a signed client assertion (private_key_jwt). Tokens are short-lived and opaque.
import { randomBytes, type JsonWebKey } from 'node:crypto';
import { verifyJws } from './jws';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const TOKEN_SECONDS = 300;

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

export class BackendAuth {
  private readonly clients = new Map<string, JsonWebKey[]>();
  private readonly tokens = new Map<string, { clientId: string; scope: string; expiresAt: number }>();
  private readonly seenJti = new Map<string, number>();

  constructor(
    private readonly tokenUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  register(clientId: string, jwks: { keys: JsonWebKey[] }): void {
    this.clients.set(clientId, jwks.keys);
  }

  token(form: URLSearchParams): TokenAnswer {
    const fail = (error: string, description: string, status = 400): TokenAnswer => ({
      status,
      body: { error, error_description: description },
    });
    if (form.get('grant_type') !== 'client_credentials') return fail('unsupported_grant_type', 'grant_type must be client_credentials');
    if (form.get('client_assertion_type') !== ASSERTION_TYPE)
      return fail('invalid_client', `client_assertion_type must be ${ASSERTION_TYPE}`, 401);
    const assertion = form.get('client_assertion') ?? '';
    const unverified = assertion.split('.')[1];
    let iss: unknown;
    try {
      iss = (JSON.parse(Buffer.from(unverified ?? '', 'base64url').toString('utf8')) as { iss?: unknown }).iss;
    } catch {
      return fail('invalid_client', 'client_assertion is not a JWT', 401);
    }
    const keys = typeof iss === 'string' ? this.clients.get(iss) : undefined;
    if (!keys) return fail('invalid_client', `client ${String(iss)} is not registered with this payer`, 401);
    const v = verifyJws(assertion, keys);
    if (typeof v === 'string') return fail('invalid_client', v, 401);
    const { payload } = v;
    const nowSec = Math.floor(this.now() / 1000);
    if (payload.sub !== iss) return fail('invalid_client', 'sub must equal iss (the client id)', 401);
    if (payload.aud !== this.tokenUrl) return fail('invalid_client', `aud must be ${this.tokenUrl}`, 401);
    if (typeof payload.exp !== 'number' || payload.exp <= nowSec || payload.exp > nowSec + 300)
      return fail('invalid_client', 'exp must be in the next 5 minutes', 401);
    if (typeof payload.jti !== 'string' || payload.jti.length === 0) return fail('invalid_client', 'jti is required', 401);
    const replayKey = `${iss}|${payload.jti}`;
    for (const [k, exp] of this.seenJti) if (exp < nowSec) this.seenJti.delete(k);
    if (this.seenJti.has(replayKey)) return fail('invalid_client', 'client_assertion jti was already used', 401);
    this.seenJti.set(replayKey, payload.exp);
    const scope = (form.get('scope') ?? '')
      .split(/\s+/)
      .filter((s) =>
        /^system\/(Claim|ClaimResponse|Subscription)\.[crus]+$|^system\/(Claim|ClaimResponse|Subscription)\.(read|write|\*)$/.test(s),
      )
      .join(' ');
    if (!scope) return fail('invalid_scope', 'request system/Claim.c, system/Claim.r or system/Subscription scopes');
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { clientId: iss as string, scope, expiresAt: this.now() + TOKEN_SECONDS * 1000 });
    return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: TOKEN_SECONDS, scope } };
  }

  /** The client id behind a bearer token, or undefined when it is missing, unknown or expired. */
  clientFor(authorization: string | undefined): string | undefined {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const t = m ? this.tokens.get(m[1]!) : undefined;
    if (!t || t.expiresAt <= this.now()) return undefined;
    return t.clientId;
  }
}
