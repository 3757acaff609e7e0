// Compact JWS verification for SMART Backend Services client assertions (RFC 7515/7518). SMART asks servers to
// accept RS384 and ES384; RS256 is accepted too since many client libraries default to it.
import { createPublicKey, verify as verifySignature, type JsonWebKey } from 'node:crypto';

const ALGS: Record<string, { hash: string; ec: boolean }> = {
  RS256: { hash: 'sha256', ec: false },
  RS384: { hash: 'sha384', ec: false },
  ES384: { hash: 'sha384', ec: true },
};

export interface VerifiedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

function part(s: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The header and payload when the signature verifies with one of `keys` (matched by kid when the header has one). */
export function verifyJws(token: string, keys: readonly JsonWebKey[]): VerifiedJws | string {
  const pieces = token.split('.');
  if (pieces.length !== 3) return 'client_assertion is not a compact JWS';
  const [h, p, sig] = pieces as [string, string, string];
  const header = part(h);
  const payload = part(p);
  if (!header || !payload) return 'client_assertion header or payload is not JSON';
  const alg = typeof header.alg === 'string' ? ALGS[header.alg] : undefined;
  if (!alg) return `alg ${String(header.alg)} is not accepted (RS384, ES384, RS256)`;
  const candidates = keys.filter((k) => header.kid === undefined || k.kid === header.kid);
  for (const jwk of candidates) {
    try {
      const key = createPublicKey({ key: jwk, format: 'jwk' });
      const ok = verifySignature(
        alg.hash,
        Buffer.from(`${h}.${p}`),
        alg.ec ? { key, dsaEncoding: 'ieee-p1363' } : key,
        Buffer.from(sig, 'base64url'),
      );
      if (ok) return { header, payload };
    } catch {
      // A key of another type than the alg: try the next one.
    }
  }
  return 'client_assertion signature does not verify against the registered JWKS';
}
