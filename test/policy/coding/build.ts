// Small builders for coding tests: a picture and planned services with just the facts a case needs.
import {
  emptyPicture,
  type ClinicalPicture,
  type DiagnosisFact,
  type PlannedService,
  type ProcedureFact,
  type SiteMention,
  type VisitWorkFact,
} from '../../../src/policy/picture';

export const DOS = '2026-11-20';

export function svc(code: string, p: Partial<PlannedService> = {}): PlannedService {
  return {
    code,
    kind: 'other',
    levels: [],
    reasonIcd10: [],
    source: 'coded',
    evidence: [{ ref: `ServiceRequest/${code}`, display: `Order ${code}` }],
    date: DOS,
    requestRef: `ServiceRequest/${code}`,
    ...p,
  };
}

export function dx(icd10: string, p: Partial<DiagnosisFact> = {}): DiagnosisFact {
  return {
    icd10,
    display: icd10,
    clinicalStatus: 'active',
    source: 'coded',
    evidence: [{ ref: `Condition/${icd10}`, display: icd10 }],
    ...p,
  };
}

export function work(date = DOS, description = 'Separate evaluation of new knee pain with medication change'): VisitWorkFact {
  return {
    date,
    description,
    source: 'note',
    evidence: [
      { ref: 'DocumentReference/n1', display: 'Visit note', quote: { text: description, start: 10, end: 10 + description.length } },
    ],
  };
}

export function plan(p: Partial<SiteMention>): SiteMention {
  return {
    context: 'plan',
    levels: [],
    source: 'note',
    date: DOS,
    evidence: [{ ref: 'DocumentReference/n1', display: 'Plan', quote: { text: 'plan', start: 0, end: 4 } }],
    ...p,
  };
}

export function prior(kind: ProcedureFact['kind'], date: string, p: Partial<ProcedureFact> = {}): ProcedureFact {
  return {
    code: '64483',
    system: 'cpt',
    display: 'prior',
    kind,
    date,
    status: 'completed',
    region: 'lumbar',
    levels: [],
    relief: [],
    source: 'coded',
    evidence: [{ ref: `Procedure/${date}`, display: 'prior' }],
    ...p,
  };
}

export function picture(p: Partial<ClinicalPicture> = {}): ClinicalPicture {
  return { ...emptyPicture('p1'), ...p };
}
