// Spinal levels: one normal form so that "L4-5", "L4/L5" and "L4-L5" compare equal.
import type { SpinalLevel, SpinalRegion } from './picture';

const VERTEBRA = /^([CTLS])(\d{1,2})$/;
const REGION_BY_LETTER: Record<string, SpinalRegion> = { C: 'cervical', T: 'thoracic', L: 'lumbar', S: 'sacral' };
const COUNT: Record<string, number> = { C: 7, T: 12, L: 5, S: 5 };
const ORDER = ['C', 'T', 'L', 'S'];

/** Ordinal position down the spine (C1 = 1 ... S5), or NaN. */
export function vertebraIndex(v: string): number {
  const m = VERTEBRA.exec(v.toUpperCase());
  if (!m) return Number.NaN;
  const letter = m[1]!;
  const n = Number(m[2]);
  if (n < 1 || n > COUNT[letter]!) return Number.NaN;
  let base = 0;
  for (const l of ORDER) {
    if (l === letter) break;
    base += COUNT[l]!;
  }
  return base + n;
}

export function vertebraAt(index: number): string | undefined {
  let i = index;
  for (const l of ORDER) {
    if (i >= 1 && i <= COUNT[l]!) return `${l}${i}`;
    i -= COUNT[l]!;
  }
  return undefined;
}

/**
 * Normalise one level: "l4-5" -> "L4-L5", "L5/S1" -> "L5-S1", "C6" -> "C6".
 * Returns undefined when it is not a level.
 */
export function normalizeLevel(raw: string): SpinalLevel | undefined {
  const s = raw.trim().toUpperCase().replace(/\s+/g, '').replace(/[–—/]/g, '-');
  const pair = /^([CTLS])(\d{1,2})-([CTLS])?(\d{1,2})$/.exec(s);
  if (pair) {
    const a = `${pair[1]}${pair[2]}`;
    const b = `${pair[3] ?? pair[1]}${pair[4]}`;
    const ia = vertebraIndex(a);
    const ib = vertebraIndex(b);
    if (Number.isNaN(ia) || Number.isNaN(ib) || ib !== ia + 1) return undefined;
    return `${a}-${b}`;
  }
  return Number.isNaN(vertebraIndex(s)) ? undefined : s;
}

/**
 * Expand a range of segments: "L3-L5" read as segments L3-L4 and L4-L5 (as in "bilateral L3-L5 medial branches").
 * Adjacent vertebrae ("L4-L5") stay one segment.
 */
export function expandSegments(from: string, to: string): SpinalLevel[] {
  const a = vertebraIndex(from.toUpperCase());
  const b = vertebraIndex(to.toUpperCase());
  if (Number.isNaN(a) || Number.isNaN(b) || b <= a) return [];
  const out: SpinalLevel[] = [];
  for (let i = a; i < b; i++) out.push(`${vertebraAt(i)}-${vertebraAt(i + 1)}`);
  return out;
}

/** The region of a level, by its upper vertebra ("L5-S1" is lumbar). */
export function regionOfLevel(level: SpinalLevel): SpinalRegion | undefined {
  const letter = level.charAt(0).toUpperCase();
  return REGION_BY_LETTER[letter];
}

export function sameLevels(a: readonly SpinalLevel[], b: readonly SpinalLevel[]): boolean {
  const sa = [...new Set(a)].sort();
  const sb = [...new Set(b)].sort();
  return sa.length === sb.length && sa.every((x, i) => x === sb[i]);
}

/** The service's spinal region: as ordered, else from its first level. */
export function serviceRegion(service: { region?: SpinalRegion; levels: readonly string[] }): SpinalRegion | undefined {
  if (service.region) return service.region;
  for (const l of service.levels) {
    const r = regionOfLevel(l);
    if (r) return r;
  }
  return undefined;
}

/**
 * The facet joints a set of blocked nerves covers. A lumbar (and thoracic-style) joint Lx-Lx+1 is supplied by the
 * medial branches of Lx-1 and Lx (L5-S1 by the L4 medial branch and the L5 dorsal ramus); a cervical joint Cx-Cx+1
 * by the C x and C x+1 medial branches, because cervical nerves leave above their pedicle. Thoracic is not mapped
 * (its innervation spreads over more levels). Undefined when some nerve supplies none of the joints found: then
 * the nerve list cannot be read as joints, and the caller keeps the levels as written.
 */
export function jointsOfNerves(nerves: readonly string[]): SpinalLevel[] | undefined {
  const idx = [...new Set(nerves.map((n) => vertebraIndex(n)))].sort((a, b) => a - b);
  if (idx.length === 0 || idx.some((i) => Number.isNaN(i))) return undefined;
  const letters = new Set(nerves.map((n) => n.charAt(0).toUpperCase()));
  if (letters.size !== 1 || letters.has('T') || letters.has('S')) return undefined;
  const cervical = letters.has('C');
  const has = new Set(idx);
  const joints: SpinalLevel[] = [];
  const used = new Set<number>();
  for (const i of idx) {
    // The joint whose two nerves are i and i+1: cervical Ci-Ci+1; lumbar Li+1-Li+2.
    if (!has.has(i + 1)) continue;
    const upper = cervical ? i : i + 1;
    const a = vertebraAt(upper);
    const b = vertebraAt(upper + 1);
    if (!a || !b) continue;
    joints.push(`${a}-${b}`);
    used.add(i).add(i + 1);
  }
  return joints.length > 0 && idx.every((i) => used.has(i)) ? joints : undefined;
}
