// Conditions -> diagnoses with ICD-10-CM and/or SNOMED; entered-in-error and refuted ones are not facts.
import type { ClinicalStatus, DiagnosisFact } from '../../policy/picture';
import type { ConditionR } from './schemas';
import { SYS, byDateThenRef, codeOf, codingOf, evidence, textOf } from './codes';

const STATUSES: readonly ClinicalStatus[] = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'];

export function diagnosisFacts(list: ConditionR[]): DiagnosisFact[] {
  const out: DiagnosisFact[] = [];
  for (const c of list) {
    const verification = c.verificationStatus?.coding?.[0]?.code;
    if (verification === 'entered-in-error' || verification === 'refuted') continue;
    const icd10 = codeOf(c.code, SYS.icd10)?.toUpperCase();
    const snomed = codeOf(c.code, SYS.snomed);
    if (!icd10 && !snomed) continue;
    const statusCode = c.clinicalStatus?.coding?.[0]?.code;
    const display = c.code?.text ?? codingOf(c.code, SYS.icd10)?.display ?? codingOf(c.code, SYS.snomed)?.display ?? textOf(c.code);
    const onset = c.onsetDateTime ?? c.onsetPeriod?.start;
    const fact: DiagnosisFact = {
      display,
      clinicalStatus: STATUSES.find((s) => s === statusCode) ?? 'unknown',
      id: c.id,
      source: 'coded',
      evidence: [evidence('Condition', c.id, display || 'Condition', c.recordedDate ?? onset)],
    };
    if (icd10) fact.icd10 = icd10;
    if (snomed) fact.snomed = snomed;
    if (onset) fact.onset = onset;
    if (c.recordedDate) fact.recorded = c.recordedDate;
    out.push(fact);
  }
  return out.sort(byDateThenRef((f) => f.recorded ?? f.onset));
}
