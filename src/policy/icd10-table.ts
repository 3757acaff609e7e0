// ICD-10-CM (CMS/NCHS, public domain) for the pain-relevant categories, versioned by fiscal year (each release takes
// effect on October 1). The rows come from the generated code set (./icd10-codes, built by src/tools/rebuild-icd10.ts
// from verbatim CDC/NCHS extracts): within each category of ICD10_CATEGORIES every code of every release read is a
// row, so a header's children and a code's validity on a date of service come from the releases, not from hand-picked
// rows. Changes before the first release read (FY2025) are the few history rows below, each with its source. Codes
// outside these categories are unknown to ClaimReady (never assumed valid or invalid), except the single codes listed.
import type { SpinalRegion } from './picture';
import type { SourceGrade } from './verdicts';
import { ICD10_CODE_SET, ICD10_CODE_SET_CATEGORIES, ICD10_CODE_SET_RELEASES } from './icd10-codes';

export interface Icd10Row {
  code: string;
  label: string;
  /** First date of service the code is valid (the fiscal year it was added). */
  from?: string;
  /** First date of service it is no longer valid (deleted), with its successors. */
  deletedOn?: string;
  successors?: string[];
}

/** A fiscal-year release: when it takes effect, and whether its codes in ICD10_CATEGORIES were read. */
export interface Icd10Release {
  release: string;
  effective: string;
  /** P when the CDC/NCHS code files were read; none when no text of the release was found. */
  grade: SourceGrade;
  /** What was read (the extract and its source), or where the release was looked for and not found. */
  source: string;
}

/** The releases whose code files were read, oldest first (from the generated code set). */
export const ICD10_READ_RELEASES: readonly Icd10Release[] = ICD10_CODE_SET_RELEASES.map((r) => ({
  release: r.id,
  effective: r.effective,
  grade: 'P',
  source: r.source,
}));

const SEARCHED =
  'Searched 2026-12-02 (search tool, corpora code, docs, pages, issues; find_repos / find_files / find_string; the npm registry): "icd10cm order 2027", "FY 2027 ICD-10-CM new codes addenda", "ICD-10-CM FY2027 code descriptions tabular order 2027", "icd10cm 2027 codes file October 2026"; paths icd10cm_order_2027.txt, icd10cm-codes-2027.txt; npm packages icd10-cm, icd-10-cm, icd10cm, icd-10, icd10-codes, @lowlysre/icd-10-cm (none on the registry here) and icd10 (the French CIM-10 of 2016).';

/**
 * Releases in force for dates ClaimReady checks whose code files were not read. On their dates the table holds the
 * last release read: a code they added is not in it (unknown, not wrong), one they deleted or made a header still
 * reads as before. The code-validity rule says so on those dates.
 */
export const ICD10_UNREAD_RELEASES: readonly Icd10Release[] = [
  {
    release: 'FY2027',
    effective: '2026-10-01',
    grade: 'none',
    source: `No text of the FY2027 code files or addenda found: dewittpe/medicalcoder holds the CDC 2027 addenda and CMS 2027 code-description zips (binary, not readable here); an OpenEMR pull request (openemr/openemr#13762, 2026-08) and a vendor page name the release without its codes. ${SEARCHED}`,
  },
];

/** Every release ClaimReady knows of, read or not, oldest first. */
export const ICD10_RELEASES: readonly Icd10Release[] = [...ICD10_READ_RELEASES, ...ICD10_UNREAD_RELEASES].sort((a, b) =>
  // Plain code-unit order (ISO dates): localeCompare's first call builds an ICU collator, 10 ms of every launch.
  a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0,
);

/** The categories whose every code is in the table (for the rest, a code is unknown). */
export const ICD10_CATEGORIES: readonly string[] = ICD10_CODE_SET_CATEGORIES;

/** Effective dates of releases before the first one read, for the history rows. */
const FY2022 = '2021-10-01';
const FY2023 = '2022-10-01';
const FY2025 = '2024-10-01';

/**
 * Changes before FY2025 (the first release read) that the app still meets, from ../shared/policy/README.md
 * ("ICD-10-CM facts" and "What the texts say: ICD-10-CM FY2025"): the codes FY2025 added (so M51.36/M51.37 were
 * billable before 2024-10-01), the FY2022 split of M54.5, the FY2023 split of M79.1.
 */
const HISTORY: readonly Pick<Icd10Row, 'code' | 'from' | 'deletedOn' | 'successors'>[] = [
  ...['M51.360', 'M51.361', 'M51.362', 'M51.369', 'M51.370', 'M51.371', 'M51.372', 'M51.379'].map((code) => ({ code, from: FY2025 })),
  ...['M51.A', 'M51.A0', 'M51.A1', 'M51.A2', 'M51.A3', 'M51.A4', 'M51.A5'].map((code) => ({ code, from: FY2025 })),
  { code: 'M54.5', deletedOn: FY2022, successors: ['M54.50', 'M54.51', 'M54.59'] },
  ...['M54.50', 'M54.51', 'M54.59'].map((code) => ({ code, from: FY2022 })),
  ...['M79.10', 'M79.11', 'M79.12', 'M79.18'].map((code) => ({ code, from: FY2023 })),
];

/** Single codes outside the complete categories that the app meets (post-laminectomy syndrome). */
const SINGLE: readonly Icd10Row[] = [{ code: 'M96.1', label: 'Postlaminectomy syndrome, not elsewhere classified' }];

const LABELS_BEFORE_FY2025: Record<string, string> = { 'M54.5': 'Low back pain' };

/**
 * The spinal region a spondylopathy or dorsopathy names (M40-M54 only: elsewhere "cervical" or "lumbosacral" names a
 * plexus or root, not a spinal level). Site words as the M4x/M5x subcategories use them; thoracolumbar counts as
 * thoracic and cervicothoracic as cervical, as the levels code groups them.
 */
export function icd10Region(code: string, label: string): SpinalRegion | undefined {
  if (!/^M(4\d|5[0-4])/.test(code)) return undefined;
  const l = label
    .toLowerCase()
    .replace(/cervicothoracic|occipito-atlanto-axial|atlantoaxial/g, 'cervical')
    .replace(/thoracolumbar/g, 'thoracic')
    .replace(/lumbosacral/g, 'lumbar')
    .replace(/sacral and sacrococcygeal|sacrococcygeal|sacroiliitis/g, 'sacral');
  const found = new Set<SpinalRegion>();
  if (/cervic|\bc\d-c\d|occipital|torticollis/.test(l)) found.add('cervical');
  if (/thoracic/.test(l)) found.add('thoracic');
  if (/lumbar|low back|sciatica|lumbago/.test(l)) found.add('lumbar');
  if (/\bsacral\b/.test(l)) found.add('sacral');
  // "Thoracic, thoracolumbar and lumbosacral" names no one region.
  return found.size === 1 ? [...found][0] : undefined;
}

const READ_EFFECTIVE = new Map(ICD10_CODE_SET_RELEASES.map((r) => [r.id, r.effective]));
const FIRST_READ = ICD10_CODE_SET_RELEASES[0]?.id;

function fromCodeSet(): Icd10Row[] {
  const history = new Map(HISTORY.map((h) => [h.code, h]));
  const rows: Icd10Row[] = ICD10_CODE_SET.map((r) => {
    const row: Icd10Row = { code: r.code, label: r.label };
    // Listed from the first release read: valid before it unless history says when it was added.
    if (r.first !== FIRST_READ) row.from = READ_EFFECTIVE.get(r.first);
    if (r.gone) row.deletedOn = READ_EFFECTIVE.get(r.gone);
    const h = history.get(r.code);
    if (h?.from && row.from === undefined) row.from = h.from;
    // M54.5: billable until FY2022 split it, a header over its successors since (the history's deletion date holds).
    if (h?.deletedOn && row.deletedOn === undefined) Object.assign(row, { deletedOn: h.deletedOn, successors: h.successors ?? [] });
    return row;
  });
  const listed = new Set(rows.map((r) => r.code));
  for (const h of HISTORY) {
    if (listed.has(h.code) || !h.deletedOn) continue;
    const label = LABELS_BEFORE_FY2025[h.code] ?? h.code;
    rows.push({ code: h.code, label, deletedOn: h.deletedOn, successors: h.successors ?? [] });
  }
  return rows;
}

export const ICD10_ROWS: readonly Icd10Row[] = [...fromCodeSet(), ...SINGLE];
