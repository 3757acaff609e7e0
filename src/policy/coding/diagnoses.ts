// ICD-10-CM for the claim: the most specific billable codes the record supports, ordered (the order's reasons
// first, then what the LCD covers for the lines, then the rest), at most 12, and up to 4 pointers per line.
import type { CodedDiagnosis } from '../verdicts';
import type { ClinicalPicture, Evidence, PlannedService } from '../picture';
import { isLiveDiagnosis } from '../picture';
import { codeProblem, icd10Info, normalizeIcd10, replacementsFor } from '../icd10';
import { serviceDef } from '../services';
import { lcdCovers, lcdDxFor } from './lcd-dx';

export const MAX_DIAGNOSES = 12;
export const MAX_POINTERS = 4;

interface Candidate {
  code: string;
  label: string;
  evidence: Evidence[];
  reason: boolean;
}

/** Deleted on or before the date of service: the successors to use instead. */
export function deletedOn(code: string, dateOfService: string): string[] | undefined {
  const p = codeProblem(code, dateOfService);
  return p?.kind === 'deleted' ? p.successors : undefined;
}

function collect(picture: ClinicalPicture, services: readonly PlannedService[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Map<string, Candidate>();
  const add = (code: string, label: string, evidence: Evidence[], reason: boolean): void => {
    const c = normalizeIcd10(code);
    const prev = seen.get(c);
    if (prev) {
      prev.evidence.push(...evidence.filter((e) => !prev.evidence.some((p) => p.ref === e.ref && p.quote?.start === e.quote?.start)));
      prev.reason ||= reason;
      if (prev.label === prev.code && label) prev.label = label;
      return;
    }
    const cand = { code: c, label: label || icd10Info(c)?.label || c, evidence: [...evidence], reason };
    seen.set(c, cand);
    out.push(cand);
  };
  for (const s of services) for (const r of s.reasonIcd10) add(r, icd10Info(normalizeIcd10(r))?.label ?? '', s.evidence, true);
  for (const d of picture.diagnoses) if (d.icd10 && isLiveDiagnosis(d)) add(d.icd10, d.display, d.evidence, false);
  return out;
}

/** A header or deleted code gives way to a more specific / successor code found in the same record. */
function superseded(c: Candidate, all: readonly Candidate[], dateOfService: string): boolean {
  const p = codeProblem(c.code, dateOfService);
  if (p?.kind === 'deleted') return all.some((o) => p.successors.includes(o.code));
  if (p?.kind === 'header') return all.some((o) => o !== c && o.code.startsWith(c.code) && o.code.length > c.code.length);
  return false;
}

function coveredByAny(code: string, services: readonly PlannedService[]): boolean {
  return services.some((s) => {
    const list = lcdDxFor(serviceDef(s.code)?.kind ?? s.kind);
    return list !== undefined && lcdCovers(list, code);
  });
}

export function buildDiagnoses(picture: ClinicalPicture, services: readonly PlannedService[], dateOfService: string): CodedDiagnosis[] {
  const all = collect(picture, services);
  const kept = all.filter((c) => !superseded(c, all, dateOfService));
  const rank = (c: Candidate): number => (c.reason ? 0 : coveredByAny(c.code, services) ? 1 : 2);
  const ordered = kept.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i);
  return ordered.slice(0, MAX_DIAGNOSES).map(({ c }) => {
    const p = codeProblem(c.code, dateOfService);
    const d: CodedDiagnosis = { code: c.code, label: c.label, billable: p === undefined, evidence: c.evidence };
    if (p) d.successors = [...replacementsFor(p)];
    return d;
  });
}

/**
 * Pointers (1-based) for a line from `svc`: the order's reasons, then what the line's LCD covers, at most 4;
 * billable codes before flagged ones. An E/M line on a procedure day points first at the problems that are not the
 * procedure's reasons (the separately identifiable work); lines with no LCD list keep the diagnosis order.
 */
export interface PointerOptions {
  /** For an E/M line on a procedure day: the procedures' reasons, pointed after the visit's own problems. */
  procedureReasons?: readonly string[];
  /** A procedure line with no LCD list points at its order's reasons only (the other problems belong to the E/M). */
  reasonsOnly?: boolean;
}

export function pointersFor(
  code: string,
  svc: PlannedService | undefined,
  diagnoses: readonly CodedDiagnosis[],
  opts: PointerOptions = {},
): number[] {
  const procedureReasons = opts.procedureReasons ?? [];
  const reasons = new Set((svc?.reasonIcd10 ?? []).map(normalizeIcd10));
  const procedure = new Set(procedureReasons.map(normalizeIcd10));
  const list = lcdDxFor(serviceDef(code)?.kind ?? svc?.kind ?? 'other');
  const score = (d: CodedDiagnosis): number => {
    if (list) return reasons.has(d.code) ? 0 : lcdCovers(list, d.code) ? 1 : 2;
    if (procedure.size > 0) return procedure.has(d.code) ? 1 : 0;
    return reasons.has(d.code) ? 0 : 1;
  };
  const all = diagnoses.map((d, i) => ({ i, score: score(d) + (d.billable ? 0 : 10) }));
  // Procedure lines point at what supports them: the LCD list, or failing one the order's own reasons.
  const relevant = list
    ? all.filter((x) => x.score % 10 < 2)
    : opts.reasonsOnly && reasons.size > 0
      ? all.filter((x) => x.score % 10 === 0)
      : all;
  const picked = (relevant.length > 0 ? relevant : all).sort((a, b) => a.score - b.score || a.i - b.i);
  const billableFirst = picked.some((x) => x.score < 10) ? picked.filter((x) => x.score < 10) : picked;
  return billableFirst.slice(0, MAX_POINTERS).map((x) => x.i + 1);
}
