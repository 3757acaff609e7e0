// Small helpers every requirement builder uses: results, date of service, live diagnoses, region matching.
import type { ClinicalPicture, ConservativeCareFact, Evidence, PlannedService, ProcedureFact, SpinalRegion } from '../picture';
import type { Citation, Finding, Requirement, RequirementCategory } from '../verdicts';
import type { Cited, PolicyParams } from '../policies/types';
import { regionGroupOf } from '../services';
import { regionOfLevel } from '../levels';
import { normalizeIcd10 } from '../icd10';
import { addMonths, toDayMs } from '../dates';

export type CheckResult = Omit<Finding, 'requirementId' | 'category' | 'citation'> & { citation?: Citation };

// Every result has the same fields in the same order (fix and citation left undefined when absent), so the code
// that reads them sees one object shape instead of four.
export const met = (message: string, evidence: Evidence[] = []): CheckResult => ({ status: 'met', severity: 'blocker', message, fix: undefined, evidence, citation: undefined });
export const missing = (message: string, fix: string, evidence: Evidence[] = []): CheckResult => ({ status: 'missing', severity: 'blocker', message, fix, evidence, citation: undefined });
export const notMet = (message: string, fix: string | undefined, evidence: Evidence[] = []): CheckResult => ({ status: 'not-met', severity: 'blocker', message, fix, evidence, citation: undefined });
export const notApplicable = (message: string): CheckResult => ({ status: 'not-applicable', severity: 'blocker', message, fix: undefined, evidence: [], citation: undefined });

/** The date the service is (or was) performed: the planned date, else today. */
export function dosOf(service: PlannedService, today: string): string {
  return (service.date ?? today).slice(0, 10);
}

const LIVE = new Set(['active', 'recurrence', 'relapse', 'unknown']);

export interface DxCode {
  code: string;
  display: string;
  evidence: Evidence[];
  onOrder: boolean;
}

/**
 * Per-assessment memo: several requirements need the same derived lists. One slot, keyed by the service object
 * (which assess() creates afresh for every call) and the picture, so a stale entry is never used; a single slot
 * instead of a WeakMap because requirements run one assessment at a time and ephemerons are costly to collect.
 */
interface Memo {
  service: PlannedService;
  picture: ClinicalPicture;
  dx?: DxCode[];
  /** Done procedures sorted newest first, with their day number and region. */
  procs?: ProcEntry[];
  /** Conservative care started (or recorded) on or before the date of service, for that date. */
  care?: { dos: string; courses: ConservativeCareFact[] };
}

interface ProcEntry {
  p: ProcedureFact;
  ms: number;
  region: SpinalRegion | undefined;
}
let slot: Memo | undefined;

function memo(picture: ClinicalPicture, service: PlannedService): Memo {
  if (slot && slot.service === service && slot.picture === picture) return slot;
  // Every field from the start: no property added later, so no transition maps for a full GC to drop.
  slot = { service, picture, dx: undefined, procs: undefined, care: undefined };
  return slot;
}

/** ICD-10-CM codes for this service: the order's reasons first, then live problem-list diagnoses. */
export function diagnosisCodes(picture: ClinicalPicture, service: PlannedService): DxCode[] {
  const m = memo(picture, service);
  return (m.dx ??= computeDiagnosisCodes(picture, service));
}

function computeDiagnosisCodes(picture: ClinicalPicture, service: PlannedService): DxCode[] {
  const out: DxCode[] = [];
  const seen = new Set<string>();
  for (const raw of service.reasonIcd10) {
    const code = normalizeIcd10(raw);
    if (seen.has(code)) continue;
    seen.add(code);
    const dx = picture.diagnoses.find((d) => d.icd10 !== undefined && normalizeIcd10(d.icd10) === code);
    out.push({ code, display: dx?.display ?? code, evidence: dx ? [...service.evidence, ...dx.evidence] : service.evidence, onOrder: true });
  }
  for (const d of picture.diagnoses) {
    if (!d.icd10 || !LIVE.has(d.clinicalStatus)) continue;
    const code = normalizeIcd10(d.icd10);
    if (seen.has(code)) continue;
    seen.add(code);
    out.push({ code, display: d.display, evidence: d.evidence, onOrder: false });
  }
  return out;
}

/** The service's spinal region: as ordered, else from its first level. */
export function serviceRegion(service: PlannedService): SpinalRegion | undefined {
  if (service.region) return service.region;
  for (const l of service.levels) {
    const r = regionOfLevel(l);
    if (r) return r;
  }
  return undefined;
}

/** Same billing region group; an unknown region on either side counts as the same (we cannot tell them apart). */
export function sameRegionGroup(a: SpinalRegion | undefined, b: SpinalRegion | undefined): boolean {
  const ga = regionGroupOf(a);
  const gb = regionGroupOf(b);
  return ga === undefined || gb === undefined || ga === gb;
}

const NOT_DONE = new Set(['not-done', 'entered-in-error', 'preparation', 'stopped']);

/** Done procedures newest first, built once per assessment (several history rules read them). */
function sortedProcedures(picture: ClinicalPicture, service: PlannedService): ProcEntry[] {
  const m = memo(picture, service);
  if (m.procs) return m.procs;
  const all: ProcEntry[] = [];
  let undated = false;
  for (const p of picture.procedureHistory) {
    if (NOT_DONE.has(p.status)) continue;
    const e: ProcEntry = { p, ms: dayMs(p.date), region: p.region ?? (p.levels[0] ? regionOfLevel(p.levels[0]) : undefined) };
    if (Number.isNaN(e.ms)) undated = true;
    // Insertion sort, newest first and stable: histories are tens of items, where this beats a comparator sort.
    let i = all.length;
    all.push(e);
    while (i > 0 && all[i - 1]!.ms < e.ms) {
      all[i] = all[i - 1]!;
      i--;
    }
    all[i] = e;
  }
  // An unreadable date has no place in an insertion order; keep the order the comparator sort always gave.
  if (undated) {
    all.length = 0;
    for (const p of picture.procedureHistory) if (!NOT_DONE.has(p.status)) all.push({ p, ms: dayMs(p.date), region: p.region ?? (p.levels[0] ? regionOfLevel(p.levels[0]) : undefined) });
    all.sort((a, b) => b.ms - a.ms);
  }
  m.procs = all;
  return all;
}

/** Prior procedures of these kinds in the service's region group, before the date of service, newest first. */
export function priorProcedures(picture: ClinicalPicture, service: PlannedService, dos: string, kinds: readonly string[], perRegion = true): ProcedureFact[] {
  const procs = sortedProcedures(picture, service);
  const region = serviceRegion(service);
  const group = regionGroupOf(region);
  const before = dayMs(dos);
  const out: ProcedureFact[] = [];
  for (const x of procs) {
    if (x.ms >= before) continue;
    if (!kinds.includes(x.p.kind)) continue;
    if (perRegion && group !== undefined) {
      const g = regionGroupOf(x.region);
      if (g !== undefined && g !== group) continue;
    }
    out.push(x.p);
  }
  return out;
}

/** Conservative care dated on or before the date of service (undated courses count), once per assessment. */
export function careBefore(picture: ClinicalPicture, service: PlannedService, dos: string): ConservativeCareFact[] {
  const m = memo(picture, service);
  if (m.care && m.care.dos === dos) return m.care.courses;
  const courses: ConservativeCareFact[] = [];
  for (const c of picture.conservativeCare) {
    const d = c.start ?? c.recorded ?? c.end;
    if (d === undefined || d.slice(0, 10) <= dos) courses.push(c);
  }
  m.care = { dos, courses };
  return courses;
}

/** All evidence of these facts in one array (a loop: flatMap allocates an array per item). */
export function evidenceOf(items: readonly { evidence: readonly Evidence[] }[]): Evidence[] {
  const out: Evidence[] = [];
  for (const x of items) for (const e of x.evidence) out.push(e);
  return out;
}

/** Turn "pick a slot, check it" into a Requirement; an absent slot reads as not applicable for this payer. */
export function requirement<T>(
  id: string,
  category: RequirementCategory,
  text: string,
  citation: Citation,
  pick: (p: PolicyParams) => Cited<T> | undefined,
  check: (picture: ClinicalPicture, service: PlannedService, today: string, rule: T) => CheckResult,
): Requirement<PolicyParams> {
  return {
    id,
    category,
    text,
    citation,
    check(picture, service, today, params) {
      const slot = pick(params);
      const r = slot ? check(picture, service, today, slot.value) : notApplicable('This payer sets no such rule.');
      // Results are fresh objects, so setting the citation in place is safe and avoids a copy per check.
      r.citation = slot ? slot.citation : citation;
      return r;
    },
  };
}

/**
 * toDayMs for the common full 'YYYY-MM-DD' form by arithmetic (days from the civil date, as Date.UTC counts them,
 * overflowing days included), without a regex or Date; anything else goes to toDayMs. Called for every dated fact
 * of every assessment, so it must not allocate.
 */
export function dayMs(iso: string): number {
  if (iso.length >= 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
    const m = digit(iso, 5) * 10 + digit(iso, 6);
    const d = digit(iso, 8) * 10 + digit(iso, 9);
    // digit() gives NaN for a non-digit; Date.UTC reads years below 100 as 19xx, so those take the slow path too.
    if (y >= 100 && m >= 1 && m <= 12 && d >= 0) return civilDays(y, m, d) * 86_400_000;
  }
  return toDayMs(iso);
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); y >= 100, m in 1..12. */
function civilDays(year: number, m: number, d: number): number {
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const MONTHS_BACK = new Map<string, number>();

/** Day number of `months` calendar months before `iso` (cached: every assessment asks for the same few). */
export function monthsBackMs(iso: string, months: number): number {
  const k = `${iso}|${months}`;
  const hit = MONTHS_BACK.get(k);
  if (hit !== undefined) return hit;
  if (MONTHS_BACK.size > 10_000) MONTHS_BACK.clear();
  const v = dayMs(addMonths(iso, -months));
  MONTHS_BACK.set(k, v);
  return v;
}

/** Whole days from a to b, cached. */
export function days(a: string, b: string): number {
  return Math.round((dayMs(b) - dayMs(a)) / 86_400_000);
}

/** A readable list: at most `max` items, then "and N more" (long charts would otherwise give walls of text). */
export function listOf(items: readonly string[], sep = '; ', max = 4): string {
  if (items.length <= max) return items.join(sep);
  return `${items.slice(0, max).join(sep)} and ${items.length - max} more`;
}

/** listOf over a mapping, formatting only the items that are shown. */
export function listMapped<T>(items: readonly T[], show: (x: T) => string, sep = '; ', max = 4): string {
  let s = '';
  const n = Math.min(items.length, max);
  for (let i = 0; i < n; i++) s = i === 0 ? show(items[i]!) : `${s}${sep}${show(items[i]!)}`;
  return items.length <= max ? s : `${s} and ${items.length - max} more`;
}

export function fmtDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : 'undated';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
