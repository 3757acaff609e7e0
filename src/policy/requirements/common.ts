// Small helpers every requirement builder uses: results, date of service, live diagnoses, region matching.
import type { ClinicalPicture, ConservativeCareFact, DiagnosisFact, Evidence, PlannedService, SpinalRegion } from '../picture';
import { isLiveDiagnosis } from '../picture';
import type { Citation, Finding, RequirementCategory } from '../verdicts';
import type { Cited, PolicyParams } from '../policies/types';
import { regionGroupOf } from '../services';
import { normalizeIcd10 } from '../icd10';
import { dayOf } from '../dates';
import { allSessions, type Session } from './sessions';

export type CheckResult = Omit<Finding, 'requirementId' | 'category' | 'citation'> & {
  citation?: Citation;
  /**
   * Keeps a "ready" from an unread rule: set only where a summary says the service is not covered at all, so the
   * verdict cannot be "ready" (it becomes "incomplete": confirm coverage) although the rule does not decide "not-eligible".
   */
  holdsReady?: boolean;
};

export const met = (message: string, evidence: Evidence[] = []): CheckResult => ({ status: 'met', severity: 'blocker', message, evidence });
export const missing = (message: string, fix: string, evidence: Evidence[] = []): CheckResult => ({
  status: 'missing',
  severity: 'blocker',
  message,
  fix,
  evidence,
});
export const notMet = (message: string, fix: string | undefined, evidence: Evidence[] = []): CheckResult => ({
  status: 'not-met',
  severity: 'blocker',
  message,
  ...(fix === undefined ? {} : { fix }),
  evidence,
});
export const notApplicable = (message: string): CheckResult => ({ status: 'not-applicable', severity: 'blocker', message, evidence: [] });
/** Shown, never decides: the rule affects another line (E/M) or is a reminder. */
export const advice = (r: CheckResult): CheckResult => ({ ...r, severity: 'warning' });

/** The date the service is (or was) performed: the planned date, else today. */
export function dosOf(service: PlannedService, today: string): string {
  return dayOf(service.date ?? today);
}

export interface DxCode {
  code: string;
  display: string;
  evidence: Evidence[];
  onOrder: boolean;
}

/** ICD-10-CM codes for this service: the order's reasons first, then live problem-list diagnoses. */
export function diagnosisCodes(picture: ClinicalPicture, service: PlannedService): DxCode[] {
  const out: DxCode[] = [];
  const seen = new Set<string>();
  // Each problem-list code normalised once; the first diagnosis with a code is the one the order's reason names.
  const coded: { code: string; d: DiagnosisFact }[] = [];
  const byCode = new Map<string, DiagnosisFact>();
  for (const d of picture.diagnoses) {
    if (d.icd10 === undefined) continue;
    const code = normalizeIcd10(d.icd10);
    if (d.icd10) coded.push({ code, d });
    if (!byCode.has(code)) byCode.set(code, d);
  }
  for (const raw of service.reasonIcd10) {
    const code = normalizeIcd10(raw);
    if (seen.has(code)) continue;
    seen.add(code);
    const dx = byCode.get(code);
    out.push({
      code,
      display: dx?.display ?? code,
      evidence: dx ? [...service.evidence, ...dx.evidence] : service.evidence,
      onOrder: true,
    });
  }
  for (const { code, d } of coded) {
    if (seen.has(code) || !isLiveDiagnosis(d)) continue;
    seen.add(code);
    out.push({ code, display: d.display, evidence: d.evidence, onOrder: false });
  }
  return out;
}

/** Same billing region group; an unknown region on either side counts as the same (we cannot tell them apart). */
export function sameRegionGroup(a: SpinalRegion | undefined, b: SpinalRegion | undefined): boolean {
  const ga = regionGroupOf(a);
  const gb = regionGroupOf(b);
  return ga === undefined || gb === undefined || ga === gb;
}

/** Conservative care dated on or before the date of service (undated courses count). */
export function careBefore(picture: ClinicalPicture, dos: string): ConservativeCareFact[] {
  return picture.conservativeCare.filter((c) => {
    const d = c.start ?? c.recorded ?? c.end;
    return d === undefined || dayOf(d) <= dos;
  });
}

export function evidenceOf(items: readonly { evidence: readonly Evidence[] }[]): Evidence[] {
  const out: Evidence[] = [];
  for (const x of items) for (const e of x.evidence) out.push(e);
  return out;
}

/** What every requirement of one assessment reads, derived once: the date of service, the codes, the sessions. */
export interface Ctx {
  picture: ClinicalPicture;
  service: PlannedService;
  today: string;
  dos: string;
  dx: DxCode[];
  /** Done procedures grouped into sessions (date, region group, family), newest first. */
  sessions: Session[];
  /** Conservative care up to the date of service. */
  care: ConservativeCareFact[];
}

export function contextFor(picture: ClinicalPicture, service: PlannedService, today: string): Ctx {
  const dos = dosOf(service, today);
  return {
    picture,
    service,
    today,
    dos,
    dx: diagnosisCodes(picture, service),
    sessions: allSessions(picture),
    care: careBefore(picture, dos),
  };
}

export interface Requirement {
  id: string;
  category: RequirementCategory;
  /** Plain-language statement of the rule. */
  text: string;
  /** The result, with the citation of the threshold it applied (absent when the payer sets no such rule). */
  check(ctx: Ctx, params: PolicyParams): CheckResult;
}

/** Turn "pick a slot, check it" into a Requirement; an absent slot reads as not applicable for this payer. */
export function requirement<T>(
  id: string,
  category: RequirementCategory,
  text: string,
  pick: (p: PolicyParams) => Cited<T> | undefined,
  check: (picture: ClinicalPicture, service: PlannedService, today: string, rule: T, ctx: Ctx) => CheckResult,
): Requirement {
  return {
    id,
    category,
    text,
    check(ctx, params) {
      const slot = pick(params);
      if (!slot) return notApplicable('This payer sets no such rule.');
      // Each check returns a fresh result, so the citation is set on it.
      const r = check(ctx.picture, ctx.service, ctx.today, slot.value, ctx);
      r.citation = slot.citation;
      return r;
    },
  };
}

/** A readable list: at most `max` items, then "and N more" (long charts would otherwise give walls of text). */
export function listOf(items: readonly string[], sep = '; ', max = 4): string {
  if (items.length <= max) return items.join(sep);
  return `${items.slice(0, max).join(sep)} and ${items.length - max} more`;
}

export function fmtDate(iso: string | undefined): string {
  return iso ? dayOf(iso) : 'undated';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A note quote around a regular-expression match, as evidence. */
export function noteEvidence(picture: ClinicalPicture, pattern: RegExp, dos: string): Evidence | undefined {
  for (const n of picture.notes) {
    if (n.date && dayOf(n.date) > dos) continue;
    const m = pattern.exec(n.text);
    if (!m) continue;
    const start = m.index;
    const end = Math.min(n.text.length, start + Math.max(m[0].length, 80));
    return { ref: n.ref, display: n.title, ...(n.date ? { date: n.date } : {}), quote: { text: n.text.slice(start, end), start, end } };
  }
  return undefined;
}
