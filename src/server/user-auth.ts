// Who is calling: the app sends the user's SMART access token, and the service asks the EHR about it by token
// introspection (RFC 7662). No active token, no access. The patient in the token's launch context limits what the
// caller may see; a token without a patient (a user-level launch) sees the whole work queue.
import { createHash } from 'node:crypto';
import { z } from 'zod';

const Introspection = z.looseObject({
  active: z.boolean(),
  scope: z.string().optional(),
  client_id: z.string().optional(),
  sub: z.string().optional(),
  fhirUser: z.string().optional(),
  patient: z.string().optional(),
  exp: z.number().optional(),
});

export interface Caller {
  /** Who did it, for the history: the fhirUser (Practitioner/123), else the token subject. */
  actor: string;
  /** The patient the token is limited to; undefined for a user-level token. */
  patient?: string;
}

export type CallerResult = { ok: true; caller: Caller } | { ok: false; status: 401 | 503; reason: string };

const CACHE_MS = 30_000;

export class Introspector {
  private readonly cache = new Map<string, { caller: Caller; until: number }>();

  constructor(
    private readonly url: string,
    private readonly opts: { fetch?: typeof fetch; now?: () => number; clientAuth?: string } = {},
  ) {}

  async check(authorization: string | undefined): Promise<CallerResult> {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m?.[1]) return { ok: false, status: 401, reason: 'Sign in through the EHR: the request carries no SMART access token.' };
    const now = (this.opts.now ?? Date.now)();
    // Keyed by a hash so the cache never holds a usable token.
    const key = createHash('sha256').update(m[1]).digest('base64url');
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return { ok: true, caller: hit.caller };
    let json: unknown;
    try {
      const res = await (this.opts.fetch ?? fetch)(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          ...(this.opts.clientAuth ? { authorization: this.opts.clientAuth } : {}),
        },
        body: new URLSearchParams({ token: m[1] }),
      });
      if (!res.ok) return { ok: false, status: 503, reason: `The EHR's token introspection answered ${res.status}.` };
      json = await res.json();
    } catch {
      return { ok: false, status: 503, reason: "The EHR's token introspection could not be reached." };
    }
    const t = Introspection.safeParse(json);
    if (!t.success) return { ok: false, status: 503, reason: "The EHR's token introspection answer is not RFC 7662 JSON." };
    if (!t.data.active || (t.data.exp !== undefined && t.data.exp * 1000 <= now)) {
      this.cache.delete(key);
      return { ok: false, status: 401, reason: 'The SMART session has ended: relaunch from the EHR.' };
    }
    const caller: Caller = {
      actor: t.data.fhirUser ?? t.data.sub ?? `client ${t.data.client_id ?? 'unknown'}`,
      ...(t.data.patient ? { patient: t.data.patient } : {}),
    };
    const until = Math.min(now + CACHE_MS, t.data.exp !== undefined ? t.data.exp * 1000 : Infinity);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { caller, until });
    return { ok: true, caller };
  }
}
