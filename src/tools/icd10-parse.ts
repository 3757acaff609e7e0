// Reading the CDC/NCHS ICD-10-CM extracts in src/tools/icd10cm and rendering the versioned code-set module
// (src/policy/icd10-codes.ts). Pure (no I/O) so it can be tested on small synthetic files; rebuild-icd10.ts does the
// reading and writing. Two layouts: the "codes" file (one billable code a line, then its description) and a code list
// (every tabular code, headers included, one a line). Lines starting with '#' are the extract's own provenance.

/** One fiscal-year release as read from an extract: the codes it lists, billable or header, with labels when given. */
export interface ReleaseCodes {
  id: string;
  /** First date of service the release is in force (October 1 of the year before the FY). */
  effective: string;
  /** Where the extract was copied from (repository, path, commit), as its header says. */
  source: string;
  /** Billable codes, bare (no dot), with the description when the extract gives one. */
  billable: Map<string, string | undefined>;
}

const dataLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() && !l.startsWith('#'));

/** The extract's provenance: its '#' header lines joined. */
export function provenanceOf(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((l) => l.startsWith('#'))
    .map((l) => l.replace(/^#\s?/, '').trim())
    .join(' ');
}

const BARE = /^[A-Z][0-9][0-9A-Z]{1,5}$/;

function bareCode(raw: string, line: string): string {
  if (!BARE.test(raw)) throw new Error(`not an ICD-10-CM code: "${line}"`);
  return raw;
}

/** A codes file: "M51360  Other intervertebral disc degeneration, ..." (billable codes only). */
export function parseCodesFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of dataLines(text)) {
    const m = /^(\S+)\s+(.+)$/.exec(line);
    if (!m) throw new Error(`codes file line without a description: "${line}"`);
    out.set(bareCode(m[1]!, line), m[2]!.trim());
  }
  return out;
}

/** A code list (headers included): the billable codes are those no other listed code extends. */
export function parseCodeList(text: string): Map<string, undefined> {
  const all = dataLines(text).map((l) => bareCode(l.trim(), l));
  const set = new Set(all);
  const out = new Map<string, undefined>();
  for (const c of all) if (![...set].some((o) => o !== c && o.startsWith(c))) out.set(c, undefined);
  return out;
}

export function parseCategories(text: string): string[] {
  return dataLines(text).map((l) => l.trim());
}

/** "M51360" -> "M51.360" (the dot after the third character). */
export const dotted = (bare: string): string => (bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare);

export interface CodeSetRow {
  code: string;
  label: string;
  /** First release (id) that lists the code, billable or as a header over billable codes. */
  first: string;
  /** First release (id) that no longer lists it, when one of the releases read dropped it. */
  gone?: string;
}

/** Every proper prefix of a billable code, of 3 characters or more, is a header (placeholder X levels included). */
function headersOf(billable: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const c of billable) for (let n = 3; n < c.length; n++) out.add(c.slice(0, n));
  return out;
}

/** Longest common start of the children's labels, cut back to a whole word and trailing punctuation. */
function commonLabel(labels: readonly string[]): string | undefined {
  if (labels.length === 0) return undefined;
  let p = labels[0]!;
  for (const l of labels) while (!l.startsWith(p)) p = p.slice(0, -1);
  // Cut a last word that only some children go on with ("with" of "without").
  const midWord = /[A-Za-z0-9]$/.test(p) && labels.some((l) => /[A-Za-z0-9]/.test(l.charAt(p.length)));
  if (midWord) p = p.replace(/\s*\S*$/, '');
  p = p.replace(/[\s,:;(]+$/, '');
  return p.length >= 4 ? p : undefined;
}

/**
 * The union of the releases' codes in the categories, each with the release it first appears in and the release that
 * dropped it. Labels are the latest release's descriptions; a header's label is its children's common wording.
 */
export function buildCodeSet(releases: readonly ReleaseCodes[], categories: readonly string[]): CodeSetRow[] {
  const inCats = (c: string) => categories.some((cat) => c.startsWith(cat));
  const perRelease = releases.map((r) => {
    const billable = [...r.billable.keys()].filter(inCats);
    const codes = new Set([...billable, ...[...headersOf(billable)].filter(inCats)]);
    return { r, codes };
  });
  const labels = new Map<string, string>();
  for (const { r } of perRelease) for (const [c, l] of r.billable) if (l && inCats(c)) labels.set(c, l);
  const every = new Set(perRelease.flatMap(({ codes }) => [...codes]));
  const rows: CodeSetRow[] = [];
  for (const c of [...every].sort()) {
    const idx = perRelease.findIndex(({ codes }) => codes.has(c));
    const after = perRelease.findIndex(({ codes }, i) => i > idx && !codes.has(c));
    const childLabels = [...labels].filter(([o]) => o !== c && o.startsWith(c)).map(([, l]) => l);
    const label = labels.get(c) ?? commonLabel(childLabels) ?? `${dotted(c)} (category)`;
    const row: CodeSetRow = { code: dotted(c), label, first: perRelease[idx]!.r.id };
    if (after > 0) row.gone = perRelease[after]!.r.id;
    rows.push(row);
  }
  return rows;
}

const q = (s: string): string => JSON.stringify(s);

export function renderCodeSetModule(releases: readonly ReleaseCodes[], categories: readonly string[], rows: readonly CodeSetRow[]): string {
  return `// ICD-10-CM code set for the pain-relevant categories, one row per code with the releases it is listed in.
// GENERATED by src/tools/rebuild-icd10.ts from the CDC/NCHS extracts in src/tools/icd10cm (do not edit by hand).
// ICD-10-CM is public domain (CMS/NCHS).

export interface Icd10CodeSetRelease {
  id: string;
  /** First date of service the release is in force. */
  effective: string;
  /** The extract it was read from. */
  source: string;
}

export interface Icd10CodeSetRow {
  code: string;
  label: string;
  /** First release that lists the code (billable, or as a header over billable codes). */
  first: string;
  /** First release that no longer lists it. */
  gone?: string;
}

/** The releases read, oldest first. */
export const ICD10_CODE_SET_RELEASES: readonly Icd10CodeSetRelease[] = [
${releases.map((r) => `  { id: ${q(r.id)}, effective: ${q(r.effective)}, source: ${q(r.source)} },`).join('\n')}
];

/** Code prefixes (dotted) whose every code is in ICD10_CODE_SET. */
export const ICD10_CODE_SET_CATEGORIES: readonly string[] = [${categories.map((c) => q(dotted(c))).join(', ')}];

export const ICD10_CODE_SET: readonly Icd10CodeSetRow[] = [
${rows.map((r) => `  { code: ${q(r.code)}, label: ${q(r.label)}, first: ${q(r.first)}${r.gone ? `, gone: ${q(r.gone)}` : ''} },`).join('\n')}
];
`;
}
