// The signed client assertion of SMART Backend Services (private_key_jwt, RFC 7523): iss = sub = client id, aud =
// the token endpoint, exp at most 5 minutes ahead, a fresh jti so a replayed assertion is refused.
import { randomUUID, sign } from 'node:crypto';
import type { ClientKey } from './keys';

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

export function clientAssertion(key: ClientKey, clientId: string, tokenUrl: string, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const input = `${b64({ alg: key.alg, typ: 'JWT', kid: key.kid })}.${b64({ iss: clientId, sub: clientId, aud: tokenUrl, iat, exp: iat + 240, jti: randomUUID() })}`;
  return `${input}.${sign('sha384', Buffer.from(input), key.privateKey).toString('base64url')}`;
}
