// The HTTP security headers the ClaimReady app is served with: one definition, used by the sandbox (and so by every
// e2e test), by `vite` / `vite preview` (vite.config.ts), and documented for hosting in the README. The policy
// allows scripts and styles from the app's own origin only (no inline code, no eval), network calls only to the
// EHR (FHIR base, authorization server) and the ClaimReady service, and framing only by the EHR.

export interface SecurityHeaderOptions {
  /** Origins the app may call besides its own: the EHR's FHIR server and authorization server, the ClaimReady
   * service. Hosting: CLAIMREADY_CONNECT_SRC (space separated). */
  connectSrc?: readonly string[];
  /** Origins allowed to frame the app: the EHR's. Default 'self'. Hosting: CLAIMREADY_FRAME_ANCESTORS. */
  frameAncestors?: readonly string[];
}

const ORIGIN = /^(https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?|'self'|'none')$/;

function origins(list: readonly string[] | undefined, fallback: string[]): string[] {
  const out = (list ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
  for (const o of out) if (!ORIGIN.test(o)) throw new Error(`Not an origin for the Content-Security-Policy: ${o}`);
  return out.length > 0 ? out : fallback;
}

export function contentSecurityPolicy(opts: SecurityHeaderOptions = {}): string {
  const connect = ["'self'", ...origins(opts.connectSrc, []).filter((o) => o !== "'self'")];
  const ancestors = origins(opts.frameAncestors, ["'self'"]);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

export function securityHeaders(opts: SecurityHeaderOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(opts),
    'X-Content-Type-Options': 'nosniff',
    // The SMART redirect carries the code and state in the URL: never hand it to another site as a Referer.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

/** Options from the hosting environment (space-separated origin lists). */
export function securityOptionsFromEnv(env: Record<string, string | undefined>): SecurityHeaderOptions {
  const list = (v: string | undefined) => (v ?? '').split(/\s+/).filter(Boolean);
  return { connectSrc: list(env.CLAIMREADY_CONNECT_SRC), frameAncestors: list(env.CLAIMREADY_FRAME_ANCESTORS) };
}
