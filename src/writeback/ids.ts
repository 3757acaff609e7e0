// Deterministic ids: the same save always yields the same identifiers, so a retry, a reload or a second session finds
// what the first one wrote instead of adding to it. Pure (no clock, no randomness).
import { CLAIMREADY_ID_BASE } from '../fhir/read/own-output';

/** Identifier systems of everything ClaimReady writes live under this base (own-output.ts recognises it). */
export const ID_BASE = CLAIMREADY_ID_BASE.replace(/\/$/, '');

/** 32-bit FNV-1a over four seeded lanes: a stable 128-bit hex id from the parts. */
export function deterministicId(parts: string[]): string {
  const bytes = new TextEncoder().encode(parts.join('\u001f'));
  return [0, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35]
    .map((seed) => {
      let h = (0x811c9dc5 ^ seed) >>> 0;
      for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    })
    .join('');
}

/** UUID-shaped form of deterministicId (transaction fullUrls). */
export function deterministicUuid(parts: string[]): string {
  const h = deterministicId(parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
