// Conditions -> diagnoses with ICD-10-CM and/or SNOMED CT. A SNOMED-only or text-only problem is a fact like any other
// (shown with its SNOMED code or as not coded; the policy asks for the ICD-10-CM code it would be billed under).
// entered-in-error and refuted are not facts; resolved, inactive or abated ones stay in the picture with that status
// and do not count as live. US Core categories are kept: problem-list-item, encounter-diagnosis, health-concern
// (a concern, e.g. social needs, is shown but is not a diagnosis the checks count).
import type { ClinicalStatus, DataIssue, DiagnosisFact, PainDurationFact } from '../../policy/picture';
import { isLiveDiagnosis } from '../../policy/picture';
import { daysBetween } from '../../policy/dates';
import type { ConditionR } from './schemas';
import { SYS, allText, byDateThenRef, codeOf, codingOf, evidence, textOf } from './codes';

const STATUSES: readonly ClinicalStatus[] = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'];
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/** The status code from its own code system when given, else the first coding (older EHRs send no system). */
function statusCode(cc: ConditionR['clinicalStatus'], system: string): string | undefined {
  return (cc?.coding?.find((c) => c.system === system) ?? cc?.coding?.[0])?.code ?? cc?.text?.toLowerCase();
}

/** SNOMED semantic tags ("(disorder)", "(finding)") are part of the FSN, not of what the clinician wrote. */
export function withoutSemanticTag(s: string): string {
  return s.replace(/\s*\((disorder|finding|procedure|situation|morphologic abnormality|observable entity|regime\/therapy)\)\s*$/i, '');
}

type Category = NonNullable<DiagnosisFact['category']>;

/** The US Core category (HL7 condition-category, US Core's health-concern / sdoh), by code or by its words. */
export function categoryOf(c: ConditionR): Category | undefined {
  const words = (c.category ?? [])
    .flatMap((k) => [...(k.coding ?? []).map((x) => x.code ?? ''), allText(k)])
    .join(' ')
    .toLowerCase();
  if (/problem-list-item|problem list/.test(words)) return 'problem-list-item';
  if (/encounter-diagnosis|encounter diagnosis|visit diagnosis/.test(words)) return 'encounter-diagnosis';
  if (/health-concern|health concern|\bsdoh\b|social determinant/.test(words)) return 'health-concern';
  return undefined;
}

export function diagnosisFacts(list: ConditionR[], issues: DataIssue[] = []): DiagnosisFact[] {
  const out: DiagnosisFact[] = [];
  for (const c of list) {
    const verification = statusCode(c.verificationStatus, VERIFICATION);
    if (verification === 'entered-in-error' || verification === 'refuted') continue;
    const icd10 = codeOf(c.code, SYS.icd10)?.toUpperCase();
    const snomed = codeOf(c.code, SYS.snomed);
    if (!icd10 && !snomed && !textOf(c.code).trim()) {
      issues.push({
        resourceType: 'Condition',
        id: c.id,
        severity: 'warning',
        path: 'code',
        message: 'Condition has no code and no text; it was not read.',
      });
      continue;
    }
    const status = statusCode(c.clinicalStatus, CLINICAL);
    // US Core: an abatement date means the condition is no longer active, whatever clinicalStatus is missing.
    const abated = c.abatementDateTime ?? c.abatementPeriod?.start ?? c.abatementString;
    const clinicalStatus = STATUSES.find((s) => s === status) ?? (abated ? 'resolved' : 'unknown');
    const raw = c.code?.text ?? codingOf(c.code, SYS.icd10)?.display ?? codingOf(c.code, SYS.snomed)?.display ?? textOf(c.code);
    const display = withoutSemanticTag(raw);
    const onset = c.onsetDateTime ?? c.onsetPeriod?.start;
    const label = icd10 ? display : snomed ? `${display || 'Condition'} (SNOMED CT ${snomed})` : `${display} (not coded)`;
    const fact: DiagnosisFact = {
      display,
      clinicalStatus,
      id: c.id,
      source: 'coded',
      evidence: [evidence('Condition', c.id, label, c.recordedDate ?? onset)],
    };
    if (icd10) fact.icd10 = icd10;
    if (snomed) fact.snomed = snomed;
    const category = categoryOf(c);
    if (category) fact.category = category;
    if (onset) fact.onset = onset;
    if (c.recordedDate) fact.recorded = c.recordedDate;
    out.push(fact);
  }
  return out.sort(byDateThenRef((f) => f.recorded ?? f.onset));
}

// Conditions whose onset dates the pain (the ICD-10-CM side is the policy's PAIN_ONSET_DX): SNOMED-only problems are
// matched by their words, since their codes are not in that table.
const PAIN_CONDITION =
  /\bpain\b|radiculopath|sciatica|spondyl|facet|disc (herniation|displacement|degeneration)|stenosis of (lumbar|cervical)|whiplash|neuralgia|neuropath/i;

/** A live SNOMED-coded or text-only pain condition with an onset dates the pain ("Chronic pain" since 2019). */
export function conditionPainDurations(list: DiagnosisFact[], conditions: ConditionR[], today: string): PainDurationFact[] {
  const byId = new Map(conditions.map((c) => [c.id, c]));
  const out: PainDurationFact[] = [];
  for (const d of list) {
    if (d.icd10 || !d.onset || !isLiveDiagnosis(d)) continue;
    const words = `${d.display} ${allText(byId.get(d.id ?? '')?.code)}`;
    if (!PAIN_CONDITION.test(words)) continue;
    const days = daysBetween(d.onset, today);
    if (!Number.isFinite(days) || days < 0) continue;
    out.push({ onset: d.onset, weeks: Math.round((days / 7) * 10) / 10, asOf: today, source: 'coded', evidence: d.evidence });
  }
  return out;
}
