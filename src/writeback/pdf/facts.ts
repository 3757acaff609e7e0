// The facts the medical-necessity document states once and the same way everywhere: which policy it is (the payer's
// own guideline where an overlay applies, the Medicare baseline only where that is the source), how long the pain
// has lasted (from one documented onset, in whole weeks or months, to the date of service), and which diagnoses may
// be cited (those of the request: a comorbidity on the problem list supports nothing here).
import type { ClinicalPicture, Evidence } from '../../policy/picture';
import { isLiveDiagnosis } from '../../policy/picture';
import { datesPain } from '../../policy/requirements/pillars';
import type { Assessment, Finding } from '../../policy/verdicts';
import type { PolicyId } from '../../policy/policies/types';
import { addDays, addMonths, daysBetween, dayOf } from '../../policy/dates';
import { MEDICARE, overlayFor, paramsFor, payerById, type PayerDef } from '../../policy/payers';
import { policyById, versionFor } from '../../policy/policies/index';

// ---- the policy

export interface PolicyNaming {
  /** One line: whose policy, its document and version. */
  statement: string;
  /** The source to print after a criterion, when it is not the payer's own guideline (the Medicare baseline). */
  sourceOf: (f: Finding) => string | undefined;
}

/** The policy set of the payer the assessment already resolved (not resolved again from coverage). */
const policySetOf = (a: Assessment): PayerDef => (a.payer.fellBackToBaseline ? MEDICARE : (payerById(a.payer.id) ?? MEDICARE));

const MEDICARE_TEXT = /^(LCD|NCD|Article|A\d{5})/;

/**
 * A version as the reviewer needs it: the revision in force, and which version's wording the criteria follow when a
 * newer revision's text was not read (the policy table says so as "(... not read; rules carried over from the X
 * rubric)"). Any other version text is printed as it is.
 */
export function versionWords(version: string): string {
  const m = /^(.*?) \((?:body|texts?) not read; rules carried over from the (\d{4}-\d{2}-\d{2}) rubric\)$/.exec(version);
  return m ? `in force: ${m[1] ?? ''}; the criteria below follow the wording of the ${m[2] ?? ''} version` : `version: ${version}`;
}

export function policyNaming(a: Assessment, dos: string): PolicyNaming {
  const def = a.policy.id === 'none' ? undefined : policyById(a.policy.id as PolicyId);
  const policySet = policySetOf(a);
  const overlay = def ? overlayFor(def, policySet, dos) : undefined;
  const version = def ? versionFor(def, dos)?.version : undefined;
  const base = `${a.policy.citation.document}, ${a.policy.citation.section}${version ? ` (${versionWords(version)})` : ''}`;
  if (overlay) {
    return {
      statement: `${overlay.document}, ${overlay.version}: the guideline ${a.payer.name} applies. Where it sets no rule of its own, ClaimReady applies the Medicare baseline (${a.policy.citation.document}); those criteria are marked "Medicare baseline".`,
      // Code sets (ICD-10-CM, NCCI, CPT structure) are nobody's policy; only a Medicare coverage text is "baseline".
      sourceOf: (f) =>
        f.citation.document !== overlay.document && MEDICARE_TEXT.test(f.citation.document) ? 'Medicare baseline' : undefined,
    };
  }
  if (a.payer.fellBackToBaseline)
    return {
      statement: `Medicare baseline ${base}, applied because ${a.payer.name} is not a plan ClaimReady holds the policy of.`,
      sourceOf: () => undefined,
    };
  if (def === undefined)
    return { statement: `${a.policy.title} (${a.policy.citation.document}, ${a.policy.citation.section})`, sourceOf: () => undefined };
  return { statement: `${MEDICARE_TEXT.test(base) ? 'Medicare ' : ''}${base}`, sourceOf: () => undefined };
}

// ---- the diagnoses

/** Evidence and ICD-10-CM codes that belong to diagnoses outside the request (hypertension, an old sprain). */
export function outsideRequest(p: ClinicalPicture, requestCodes: ReadonlySet<string>): { refs: Set<string>; codes: Set<string> } {
  const refs = new Set<string>();
  const codes = new Set<string>();
  const keep = new Set<string>();
  for (const d of p.diagnoses) {
    const inRequest = d.icd10 !== undefined && requestCodes.has(d.icd10);
    for (const e of d.evidence) (inRequest ? keep : refs).add(e.ref);
    if (d.icd10 && !inRequest) codes.add(d.icd10);
  }
  for (const r of keep) refs.delete(r);
  return { refs, codes };
}

/** A criterion's message without the codes of diagnoses outside the request (in lists like "M54.16, M51.16, I10"). */
export function withoutCodes(message: string, codes: ReadonlySet<string>): string {
  let out = message;
  for (const c of codes) {
    const esc = c.replace(/\./g, '\\.');
    out = out
      .replace(new RegExp(`,\\s*${esc}(?!\\w|\\.\\w)`, 'g'), '')
      .replace(new RegExp(`(?<![\\w.])${esc},\\s*`, 'g'), '')
      .replace(new RegExp(`(?<![\\w.])${esc}(?!\\w|\\.\\w)`, 'g'), '');
  }
  return out.replace(/\(\s*(diagnoses:)?\s*\)/g, '').replace(/\s+([.;,])/g, '$1');
}

export const citesOnly = (evidence: readonly Evidence[], outside: ReadonlySet<string>): Evidence[] =>
  evidence.filter((e) => !outside.has(e.ref));

// ---- the pain's duration

export interface PainSince {
  /** The onset as documented ("2026-08-10", "2025-03", "2016"). */
  onset: string;
  /** Where it is documented. */
  source: string;
  /** Whole weeks (under 6 months) or whole months, to the date of service. */
  text: string;
}

const DAYS_PER_WEEK = 7;

function elapsed(onset: string, dos: string): string {
  const days = daysBetween(onset, dos);
  if (days < 26 * DAYS_PER_WEEK) {
    const w = Math.max(0, Math.floor(days / DAYS_PER_WEEK));
    return `${w} ${w === 1 ? 'week' : 'weeks'}`;
  }
  let months = 0;
  while (addMonths(onset, months + 1) <= dos && months < 1200) months++;
  if (months < 24) return `${months} months`;
  const y = Math.floor(months / 12);
  const m = months % 12;
  return `${y} years${m ? ` ${m} ${m === 1 ? 'month' : 'months'}` : ''}`;
}

interface Candidate {
  onset: string;
  source: string;
}

function candidates(p: ClinicalPicture, requestCodes: ReadonlySet<string> | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const d of p.painDuration) {
    const from = d.evidence[0]?.display ?? 'the record';
    if (d.onset) out.push({ onset: d.onset, source: `onset stated in ${from}, ${dayOf(d.asOf)}` });
    else if (d.weeks !== undefined)
      out.push({
        onset: addDays(d.asOf, -Math.round(d.weeks * DAYS_PER_WEEK)),
        source: `${Math.round(d.weeks)} weeks stated in ${from}, ${dayOf(d.asOf)}`,
      });
  }
  for (const d of p.diagnoses) {
    // Without request codes: only the diagnoses the duration check itself counts (live pain or spine codes).
    const dates = requestCodes ? !!d.onset && !!d.icd10 && requestCodes.has(d.icd10) && isLiveDiagnosis(d) : datesPain(d);
    if (!dates || !d.onset || !d.icd10) continue;
    out.push({ onset: d.onset, source: `onset of ${d.display} (${d.icd10}) on the problem list` });
  }
  return out.filter((c) => /^\d{4}/.test(c.onset));
}

/** Days the policy asks for, as the core counts them (months on the calendar). */
function requiredDays(a: Assessment, dos: string): number | undefined {
  const def = a.policy.id === 'none' ? undefined : policyById(a.policy.id as PolicyId);
  const rule = def ? paramsFor(def, policySetOf(a), dos)?.painDuration?.value : undefined;
  if (!rule) return undefined;
  if (rule.months !== undefined) return daysBetween(addMonths(dos, -rule.months), dos);
  return Math.round((rule.weeks ?? 0) * DAYS_PER_WEEK);
}

/**
 * The pain's onset: the earliest one documented for this request (a stated onset or duration in the notes, or the
 * onset of a requested diagnosis). When the assessment met the duration rule only through another diagnosis the
 * check counts (a live pain or spine code off the request), that onset is stated, so the document agrees with the
 * verdict; a resolved, unrelated or health-concern problem never dates this pain.
 */
export function painSince(p: ClinicalPicture, a: Assessment, requestCodes: ReadonlySet<string>, dos: string): PainSince | undefined {
  const earliest = (list: Candidate[]): Candidate | undefined =>
    [...list].sort((x, y) => daysBetween(y.onset, x.onset) || x.source.localeCompare(y.source))[0];
  let pick = earliest(candidates(p, requestCodes));
  const need = requiredDays(a, dos);
  const met = a.findings.some((f) => f.requirementId.endsWith('pain-duration') && f.status === 'met');
  if (met && need !== undefined && (!pick || daysBetween(pick.onset, dos) < need)) pick = earliest(candidates(p, undefined)) ?? pick;
  return pick ? { onset: pick.onset, source: pick.source, text: elapsed(pick.onset, dos) } : undefined;
}

/** The duration criterion in the document's own words: the one duration, its onset and the policy's minimum. */
export function durationMessage(f: Finding, since: PainSince | undefined, asOf: string): string {
  const m = /^(.*?)Pain for about [\d.]+ weeks(?:; at least (.+?) needed|, less than (.+?))\.?$/.exec(f.message);
  const label = m?.[2] ?? m?.[3];
  if (!since || !m || !label) return f.message;
  const verdict = f.status === 'met' ? `at least ${label} needed` : `less than the ${label} needed`;
  return `${m[1] ?? ''}Pain for ${since.text} as of ${asOf} (since ${since.onset}; ${since.source}); ${verdict}.`;
}

// ---- the scores

/** Newest first, one score per day and instrument (a visit's score is often charted twice). */
export function latestScores(p: ClinicalPicture): ClinicalPicture['painScores'] {
  const seen = new Set<string>();
  return [...p.painScores]
    .sort((x, y) => y.date.localeCompare(x.date))
    .filter((x) => {
      const k = `${dayOf(x.date)}|${x.instrument}|${x.value}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
}
