// ICD-10-CM look-ups over the versioned table (./icd10-table): what a code is, whether it may go on a claim for a
// date of service (by the release in force on that date), and category (prefix) matching. Codes outside the complete
// categories and not in the table are unknown (undefined), never assumed valid or invalid.
import type { SpinalRegion } from './picture';
import { ICD10_CATEGORIES, ICD10_RELEASES, ICD10_ROWS, icd10Region, type Icd10Release, type Icd10Row } from './icd10-table';

export interface Icd10Info {
  code: string;
  label: string;
  /** Billable on the latest release the table encodes (a complete code, not a header, not deleted). */
  billable: boolean;
  /** Deleted on this date of service (inclusive) and replaced by these codes. */
  deleted?: { on: string; successors: string[] };
  /** First valid date of service, for codes added after ICD-10-CM began. */
  validFrom?: string;
  /** The spinal region the code names, when it names one. */
  region?: SpinalRegion;
}

/** Upper-case, no dots, no spaces ("m54.16" -> "M5416"). */
function bare(raw: string): string {
  return raw.trim().replace(/[. ]/g, '').toUpperCase();
}

/** `code` starts with `category`, both compared upper-case with dots ignored, without building new strings. */
function startsWithBare(code: string, category: string): boolean {
  let i = 0;
  let j = 0;
  while (j < category.length) {
    const cj = category.charCodeAt(j);
    if (cj === 46 || cj === 32) {
      j++;
      continue;
    }
    while (i < code.length && (code.charCodeAt(i) === 46 || code.charCodeAt(i) === 32)) i++;
    if (i >= code.length || (code.charCodeAt(i) | 32) !== (cj | 32)) return false;
    i++;
    j++;
  }
  return true;
}

/** A code already written as the code set writes it (upper case, the dot after the third character). */
const CANONICAL = /^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;

/** Upper-case with the dot after the third character ("m5416" -> "M54.16"). */
export function normalizeIcd10(raw: string): string {
  if (CANONICAL.test(raw)) return raw;
  const s = bare(raw);
  return s.length > 3 ? `${s.slice(0, 3)}.${s.slice(3)}` : s;
}

const ROWS = new Map<string, Icd10Row>(ICD10_ROWS.map((r) => [r.code, r]));
/**
 * The rows in code order: the codes below a code (those it prefixes) are the run right after it. Sorted once, on
 * first use, rather than a code-by-code index at load: that index cost 25-40 ms of every launch (755 x 755 prefix
 * tests on the main thread while the chart's reads were in).
 */
let sorted: readonly Icd10Row[] | undefined;
function below(code: string): Icd10Row[] {
  sorted ??= [...ICD10_ROWS].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.code <= code) lo = mid + 1;
    else hi = mid;
  }
  const out: Icd10Row[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.code.startsWith(code); i++) if (sorted[i]!.code !== code) out.push(sorted[i]!);
  return out;
}
/** Regions are read from a row's label when a code is looked up, not for all rows at load (regexes per label). */
const regions = new Map<string, ReturnType<typeof icd10Region>>();
function regionOfRow(r: Icd10Row): ReturnType<typeof icd10Region> {
  if (!regions.has(r.code)) regions.set(r.code, icd10Region(r.code, r.label));
  return regions.get(r.code);
}

function validOn(r: Icd10Row, dos: string): boolean {
  return (r.from === undefined || dos >= r.from) && (r.deletedOn === undefined || dos < r.deletedOn);
}

const LATEST = '9999-12-31';

/** The complete codes below a code on a date of service. */
function completeBelow(code: string, dos: string): string[] {
  const rows = below(code).filter((r) => validOn(r, dos));
  return rows.filter((r) => !rows.some((o) => o.code !== r.code && o.code.startsWith(r.code))).map((r) => r.code);
}

export function icd10Info(code: string): Icd10Info | undefined {
  const r = ROWS.get(normalizeIcd10(code));
  if (!r) return undefined;
  const info: Icd10Info = {
    code: r.code,
    label: r.label,
    billable: r.deletedOn === undefined && completeBelow(r.code, LATEST).length === 0,
  };
  if (r.deletedOn) info.deleted = { on: r.deletedOn, successors: r.successors ?? [] };
  if (r.from) info.validFrom = r.from;
  const region = regionOfRow(r);
  if (region) info.region = region;
  return info;
}

/** Complete codes below a header, on the latest release (for "use one of ..." fixes). */
export function childCodes(header: string, dateOfService = LATEST): string[] {
  return completeBelow(normalizeIcd10(header), dateOfService.slice(0, 10));
}

/**
 * Whether a code falls in any of the categories: a category is a code prefix ("M54.1" matches M54.1 and M54.16;
 * "M47.81" matches M47.816). Dots are ignored, so "M5416" matches "M54.1".
 */
export function inCategory(code: string, categories: readonly string[]): boolean {
  const c = code.trim();
  return categories.some((cat) => startsWithBare(c, cat));
}

/** The release in force on a date of service, and whether its code files were read. */
export interface ReleaseInForce {
  /** Undefined before the earliest release the table knows of. */
  release?: Icd10Release;
  /** true when the table holds that release's codes as read; false when it carries an older release's state. */
  read: boolean;
  /** The latest release read that is in force or earlier: the state the table holds on the date. */
  held?: Icd10Release;
}

export function icd10ReleaseOn(dateOfService: string): ReleaseInForce {
  const dos = dateOfService.slice(0, 10);
  const known = ICD10_RELEASES.filter((r) => r.effective <= dos);
  const release = known.at(-1);
  const held = known.filter((r) => r.grade === 'P').at(-1);
  return { ...(release ? { release } : {}), read: release?.grade === 'P', ...(held ? { held } : {}) };
}

export type CodeProblem =
  | { kind: 'deleted'; code: string; on: string; successors: string[] }
  | { kind: 'header'; code: string; children: string[] }
  | { kind: 'not-yet-valid'; code: string; from: string }
  | { kind: 'not-a-code'; code: string; release: string; children: string[] };

/** The nearest listed code above one that is not a code ("M51.38" -> "M51.3"), for "use one of ..." fixes. */
function nearestAbove(code: string): string | undefined {
  for (let n = code.length - 1; n >= 3; n--) {
    const head = code.slice(0, n).replace(/\.$/, '');
    if (ROWS.has(head)) return head;
  }
  return undefined;
}

/** Why a code cannot go on a claim for this date of service, or undefined when it can (or is unknown to us). */
export function codeProblem(code: string, dateOfService: string): CodeProblem | undefined {
  const dos = dateOfService.slice(0, 10);
  const norm = normalizeIcd10(code);
  const r = ROWS.get(norm);
  if (!r) {
    // In a complete category, a code the release in force does not list is not a code. Under a release not read
    // (or before the first one read) it may be one that release added, so it stays unknown.
    const inForce = icd10ReleaseOn(dos);
    if (!inForce.read || !inForce.release || !inCategory(norm, ICD10_CATEGORIES)) return undefined;
    const above = nearestAbove(norm);
    return { kind: 'not-a-code', code: norm, release: inForce.release.release, children: above ? completeBelow(above, dos) : [] };
  }
  if (r.deletedOn && dos >= r.deletedOn) return { kind: 'deleted', code: r.code, on: r.deletedOn, successors: r.successors ?? [] };
  if (r.from && dos < r.from) return { kind: 'not-yet-valid', code: r.code, from: r.from };
  const children = completeBelow(r.code, dos);
  if (children.length > 0) return { kind: 'header', code: r.code, children };
  return undefined;
}

/** The codes a problem suggests instead: successors of a deleted code, children of a header or of the code above. */
export function replacementsFor(p: CodeProblem): string[] {
  if (p.kind === 'deleted') return p.successors;
  if (p.kind === 'header' || p.kind === 'not-a-code') return p.children;
  return [];
}
