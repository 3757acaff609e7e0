// ICD-10-CM facts the policy core and the coding engine need: a small curated subset for spine pain, not the whole
// code set. Labels are our own short wording. Source: ICD-10-CM (CMS/NCHS), fiscal-year releases effective Oct 1.
// Codes not in this table are "unknown" (undefined), never assumed valid or invalid.
import type { SpinalRegion } from './picture';

export interface Icd10Info {
  code: string;
  label: string;
  /** Only complete (billable) codes may go on a claim; category headers may not. */
  billable: boolean;
  /** Deleted on this date of service (inclusive) and replaced by these codes. */
  deleted?: { on: string; successors: string[] };
  /** The spinal region the code names, when it names one. */
  region?: SpinalRegion;
}

type Row = [code: string, label: string, billable: boolean, region?: SpinalRegion];

// Region suffixes shared by the M47/M48/M51/M54 families.
const R: Record<string, [string, SpinalRegion | undefined]> = {
  '0': ['multiple sites', undefined],
  '1': ['occipito-atlanto-axial', 'cervical'],
  '2': ['cervical', 'cervical'],
  '3': ['cervicothoracic', 'cervical'],
  '4': ['thoracic', 'thoracic'],
  '5': ['thoracolumbar', 'thoracic'],
  '6': ['lumbar', 'lumbar'],
  '7': ['lumbosacral', 'lumbar'],
  '8': ['sacral/sacrococcygeal', 'sacral'],
  '9': ['site unspecified', undefined],
};

function family(header: string, label: string, suffixes: string[]): Row[] {
  const rows: Row[] = [[header, `${label} (category header)`, false]];
  for (const s of suffixes) rows.push([`${header}${s}`, `${label}, ${R[s]![0]}`, true, R[s]![1]]);
  return rows;
}

const ROWS: Row[] = [
  // Radiculopathy by region
  ...family('M54.1', 'Radiculopathy', ['0', '1', '2', '3', '4', '5', '6', '7', '8']),
  // Cervical disc disorder with radiculopathy (FY2021 codes)
  ['M50.1', 'Cervical disc disorder with radiculopathy (category header)', false],
  ['M50.10', 'Cervical disc disorder with radiculopathy, unspecified level', true, 'cervical'],
  ['M50.11', 'Cervical disc disorder with radiculopathy, high cervical', true, 'cervical'],
  ['M50.12', 'Cervical disc disorder with radiculopathy, mid-cervical (header)', false, 'cervical'],
  ['M50.121', 'Cervical disc disorder with radiculopathy, C4-C5', true, 'cervical'],
  ['M50.122', 'Cervical disc disorder with radiculopathy, C5-C6', true, 'cervical'],
  ['M50.123', 'Cervical disc disorder with radiculopathy, C6-C7', true, 'cervical'],
  ['M50.13', 'Cervical disc disorder with radiculopathy, cervicothoracic', true, 'cervical'],
  // Thoracic/lumbar disc disorders with radiculopathy
  ...family('M51.1', 'Disc disorder with radiculopathy', ['4', '5', '6', '7']),
  // Spinal stenosis
  ['M48.0', 'Spinal stenosis (category header)', false],
  ['M48.02', 'Spinal stenosis, cervical', true, 'cervical'],
  ['M48.04', 'Spinal stenosis, thoracic', true, 'thoracic'],
  ['M48.06', 'Spinal stenosis, lumbar (header)', false, 'lumbar'],
  ['M48.061', 'Spinal stenosis, lumbar, without neurogenic claudication', true, 'lumbar'],
  ['M48.062', 'Spinal stenosis, lumbar, with neurogenic claudication', true, 'lumbar'],
  ['M48.07', 'Spinal stenosis, lumbosacral', true, 'lumbar'],
  // Spondylosis
  ...family('M47.81', 'Spondylosis without myelopathy or radiculopathy', ['2', '3', '4', '5', '6', '7', '8']),
  ...family('M47.2', 'Other spondylosis with radiculopathy', ['2', '3', '4', '5', '6', '7', '8']),
  // Post-laminectomy syndrome, chronic pain, CRPS
  ['M96.1', 'Postlaminectomy syndrome', true],
  ['G89.2', 'Chronic pain, not elsewhere classified (category header)', false],
  ['G89.21', 'Chronic pain due to trauma', true],
  ['G89.28', 'Other chronic postprocedural pain', true],
  ['G89.29', 'Other chronic pain', true],
  ['G89.4', 'Chronic pain syndrome', true],
  ['G90.5', 'Complex regional pain syndrome I (category header)', false],
  ['G90.50', 'Complex regional pain syndrome I, unspecified', true],
  // Back and neck pain (axial)
  ['M54.2', 'Cervicalgia', true, 'cervical'],
  ['M54.6', 'Pain in thoracic spine', true, 'thoracic'],
  ['M54.5', 'Low back pain (deleted FY2022)', false, 'lumbar'],
  ['M54.50', 'Low back pain, unspecified', true, 'lumbar'],
  ['M54.51', 'Vertebrogenic low back pain', true, 'lumbar'],
  ['M54.59', 'Other low back pain', true, 'lumbar'],
  ['M54.3', 'Sciatica (category header)', false],
  ['M54.30', 'Sciatica, unspecified side', true, 'lumbar'],
  ['M54.31', 'Sciatica, right side', true, 'lumbar'],
  ['M54.32', 'Sciatica, left side', true, 'lumbar'],
  ['M54.4', 'Lumbago with sciatica (category header)', false],
  ['M54.40', 'Lumbago with sciatica, unspecified side', true, 'lumbar'],
  ['M54.41', 'Lumbago with sciatica, right side', true, 'lumbar'],
  ['M54.42', 'Lumbago with sciatica, left side', true, 'lumbar'],
  // Sacroiliac and myofascial
  ['M53.3', 'Sacrococcygeal disorders, not elsewhere classified', true, 'sacral'],
  ['M46.1', 'Sacroiliitis, not elsewhere classified', true, 'sacral'],
  ['M79.1', 'Myalgia (category header since FY2023)', false],
  ['M79.10', 'Myalgia, unspecified site', true],
  ['M79.11', 'Myalgia of mastication muscle', true],
  ['M79.12', 'Myalgia of auxiliary muscles, head and neck', true],
  ['M79.18', 'Myalgia, other site', true],
  ['M79.7', 'Fibromyalgia', true],
  // Acute herpes zoster with nervous system involvement (ESI exception to the 4-week rule)
  ['B02.2', 'Zoster with other nervous system involvement (category header)', false],
  ['B02.29', 'Other postherpetic nervous system involvement', true],
];

const DELETED: Record<string, { on: string; successors: string[] }> = {
  // ICD-10-CM FY2022 (effective 2021-10-01): M54.5 expanded.
  'M54.5': { on: '2021-10-01', successors: ['M54.50', 'M54.51', 'M54.59'] },
};

const TABLE = new Map<string, Icd10Info>();
for (const [code, label, billable, region] of ROWS) {
  const info: Icd10Info = { code, label, billable };
  if (region) info.region = region;
  const del = DELETED[code];
  if (del) info.deleted = del;
  TABLE.set(code, info);
}

const NORM = new Map<string, string>();
const BARE = new Map<string, string>();

function bounded(m: Map<string, string>, k: string, v: string): string {
  if (m.size > 20_000) m.clear();
  m.set(k, v);
  return v;
}

/** Upper-case, no dots, no spaces ("m54.16" -> "M5416"); cached because the same codes recur in every check. */
function bare(raw: string): string {
  return BARE.get(raw) ?? bounded(BARE, raw, raw.trim().toUpperCase().replace(/\./g, ''));
}

/** Upper-case with the dot after the third character ("m5416" -> "M54.16"). */
export function normalizeIcd10(raw: string): string {
  const hit = NORM.get(raw);
  if (hit !== undefined) return hit;
  const s = bare(raw);
  return bounded(NORM, raw, s.length > 3 ? `${s.slice(0, 3)}.${s.slice(3)}` : s);
}

export function icd10Info(code: string): Icd10Info | undefined {
  return TABLE.get(normalizeIcd10(code));
}

/** Complete codes below a header, from our table (for "use one of ..." fixes). */
export function childCodes(header: string): string[] {
  const h = normalizeIcd10(header);
  const out: string[] = [];
  for (const c of TABLE.keys()) if (c !== h && c.startsWith(h) && TABLE.get(c)!.billable) out.push(c);
  return out;
}

/**
 * Whether a code falls in any of the categories: a category is a code prefix ("M54.1" matches M54.1 and M54.16;
 * "M47.81" matches M47.816). Dots are ignored, so "M5416" matches "M54.1".
 */
export function inCategory(code: string, categories: readonly string[]): boolean {
  const c = bare(code);
  for (const cat of bareList(categories)) if (c.startsWith(cat)) return true;
  return false;
}

// Category lists are policy constants, asked about for every code of every assessment: normalise each list once.
// Keyed by the array itself (weakly, so lists built on the fly do not pile up); a list must not be changed after use.
const BARE_LISTS = new WeakMap<readonly string[], string[]>();

function bareList(categories: readonly string[]): string[] {
  let b = BARE_LISTS.get(categories);
  if (b === undefined || b.length !== categories.length) {
    b = categories.map(bare);
    BARE_LISTS.set(categories, b);
  }
  return b;
}

// The table is fixed, so a header's children are too: scan it once per header, not once per check.
const CHILDREN = new Map<string, string[]>();

function childrenOf(header: string): string[] {
  let c = CHILDREN.get(header);
  if (c === undefined) {
    c = childCodes(header);
    CHILDREN.set(header, c);
  }
  return [...c];
}

export type CodeProblem =
  | { kind: 'deleted'; code: string; on: string; successors: string[] }
  | { kind: 'header'; code: string; children: string[] };

/** Why a code cannot go on a claim for this date of service, or undefined when it can (or is unknown to us). */
export function codeProblem(code: string, dateOfService: string): CodeProblem | undefined {
  const info = icd10Info(code);
  if (!info) return undefined;
  if (info.deleted && dateOfService.slice(0, 10) >= info.deleted.on) {
    return { kind: 'deleted', code: info.code, on: info.deleted.on, successors: info.deleted.successors };
  }
  if (!info.billable && !info.deleted) return { kind: 'header', code: info.code, children: childrenOf(info.code) };
  return undefined;
}
