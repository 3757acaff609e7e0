// Deterministic identifiers and encodings for the packet: the same inputs always give the same ids, so a rebuilt
// packet matches the one already saved (If-None-Exist) and golden files stay stable. No clock, no randomness.

/** 32-bit FNV-1a over UTF-8 bytes, seeded so four lanes give 128 bits. */
function fnv1a(bytes: Uint8Array, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** 128-bit hex digest of the joined parts (not cryptographic; ids only). */
export function stableHash(parts: readonly string[]): string {
  const bytes = new TextEncoder().encode(parts.join('\u001f'));
  return [0, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35].map((seed) => hex8(fnv1a(bytes, seed))).join('');
}

/** A name-based UUID (version nibble 5, RFC 4122 variant) from the parts: stable per resource instance. */
export function stableUuid(parts: readonly string[]): string {
  const h = stableHash(parts).split('');
  h[12] = '5';
  h[16] = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

export function utf8ToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(bin);
}

export function base64ToUtf8(b64: string): string {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}
