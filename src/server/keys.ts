// The service's SMART Backend Services key: generated on first start and kept under the data dir (mode 0600), so a
// restart keeps the identity the payer registered. It never leaves the service; only the public JWKS is published.
import { createPrivateKey, createPublicKey, generateKeyPairSync, createHash, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_FILE = 'payer-client-key.pem';

export interface ClientKey {
  privateKey: KeyObject;
  kid: string;
  alg: 'RS384';
  /** The public half, as the JWKS a payer registers (or fetches from the service's /service/jwks). */
  jwks: { keys: JsonWebKey[] };
}

function fromPrivate(privateKey: KeyObject): ClientKey {
  const pub = createPublicKey(privateKey).export({ format: 'jwk' });
  // RFC 7638-style thumbprint as kid, so the same key file always has the same kid.
  const kid = createHash('sha256')
    .update(JSON.stringify({ e: pub.e, kty: pub.kty, n: pub.n }))
    .digest('base64url')
    .slice(0, 16);
  return { privateKey, kid, alg: 'RS384', jwks: { keys: [{ ...pub, kid, alg: 'RS384', use: 'sig' }] } };
}

/** The key in `dataDir` (created when missing); without a dir, a fresh key held in memory (tests). */
export function loadOrCreateKey(dataDir?: string): ClientKey {
  if (dataDir) {
    const file = join(dataDir, KEY_FILE);
    if (existsSync(file)) return fromPrivate(createPrivateKey(readFileSync(file, 'utf8')));
    mkdirSync(dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    return fromPrivate(privateKey);
  }
  return fromPrivate(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
}
