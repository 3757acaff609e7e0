// Test builders: a complete, "ready" lumbar ESI / facet picture that each test then breaks in one place.
import { emptyPicture } from '../../src/policy/picture';
import type { ClinicalPicture, Evidence, PlannedService, ProcedureFact, ReliefFact, ServiceKind } from '../../src/policy/picture';
import { addDays } from '../../src/policy/dates';

export const TODAY = '2026-11-23';

export const ev = (ref: string, date?: string): Evidence => (date ? { ref, display: ref, date } : { ref, display: ref });

export function service(code: string, kind: ServiceKind, over: Partial<PlannedService> = {}): PlannedService {
  return {
    code,
    kind,
    region: 'lumbar',
    levels: ['L4-L5'],
    laterality: 'left',
    date: TODAY,
    requestRef: 'ServiceRequest/sr1',
    reasonIcd10: [],
    source: 'coded',
    evidence: [ev('ServiceRequest/sr1')],
    ...over,
  };
}

export const tfesi = (over: Partial<PlannedService> = {}): PlannedService =>
  service('64483', 'esi-transforaminal', { reasonIcd10: ['M54.16'], ...over });
export const mbb = (over: Partial<PlannedService> = {}): PlannedService =>
  service('64493', 'facet-mbb', { laterality: 'bilateral', reasonIcd10: ['M47.816'], ...over });
export const rfa = (over: Partial<PlannedService> = {}): PlannedService =>
  service('64635', 'facet-rfa', { laterality: 'bilateral', reasonIcd10: ['M47.816'], ...over });

export function relief(percent: number, durationHours?: number, measure: 'pain' | 'function' = 'pain'): ReliefFact {
  const r: ReliefFact = { percent, measure, source: 'note', evidence: [ev('DocumentReference/relief')] };
  if (durationHours !== undefined) r.durationHours = durationHours;
  return r;
}

export function proc(kind: ServiceKind, daysAgo: number, reliefs: ReliefFact[] = [], over: Partial<ProcedureFact> = {}): ProcedureFact {
  const code = kind === 'facet-rfa' ? '64635' : kind === 'facet-mbb' ? '64493' : '64483';
  return {
    id: `p${kind}${daysAgo}`,
    code,
    system: 'cpt',
    display: kind,
    kind,
    date: addDays(TODAY, -daysAgo),
    status: 'completed',
    region: 'lumbar',
    levels: ['L4-L5'],
    relief: reliefs,
    source: 'coded',
    evidence: [ev(`Procedure/p${daysAgo}`)],
    ...over,
  };
}

/** Everything documented for a lumbar radicular ESI (Medicare rules): each test removes or changes one piece. */
export function esiPicture(): ClinicalPicture {
  const p = emptyPicture('pat1');
  p.coverages.push({
    id: 'cov1',
    status: 'active',
    payerId: 'MEDICARE',
    payerName: 'Medicare Part B',
    typeCode: '121',
    source: 'coded',
    evidence: [ev('Coverage/cov1')],
  });
  p.diagnoses.push({
    icd10: 'M54.16',
    display: 'Radiculopathy, lumbar',
    clinicalStatus: 'active',
    onset: addDays(TODAY, -120),
    source: 'coded',
    evidence: [ev('Condition/c1')],
  });
  p.painScores.push({
    instrument: 'NRS',
    value: 7,
    raw: '7/10',
    date: addDays(TODAY, -3),
    source: 'note',
    evidence: [ev('DocumentReference/n1')],
  });
  p.functionalStatus.push({
    instrument: 'ODI',
    score: 42,
    date: addDays(TODAY, -3),
    source: 'note',
    evidence: [ev('DocumentReference/n1')],
  });
  p.conservativeCare.push({
    kind: 'physical-therapy',
    description: 'PT 8 weeks',
    start: addDays(TODAY, -100),
    end: addDays(TODAY, -44),
    outcome: 'failed',
    source: 'note',
    evidence: [ev('DocumentReference/n1')],
  });
  p.conservativeCare.push({
    kind: 'nsaid',
    description: 'Naproxen 8 weeks',
    start: addDays(TODAY, -100),
    end: addDays(TODAY, -44),
    outcome: 'failed',
    source: 'note',
    evidence: [ev('MedicationStatement/m1')],
  });
  p.painDuration.push({ weeks: 16, asOf: TODAY, source: 'note', evidence: [ev('DocumentReference/n1')] });
  p.symptoms.push({
    kind: 'radicular',
    present: true,
    region: 'lumbar',
    laterality: 'left',
    source: 'note',
    evidence: [ev('DocumentReference/n1')],
  });
  p.siteMentions.push({
    context: 'plan',
    region: 'lumbar',
    levels: ['L4-L5'],
    laterality: 'left',
    date: addDays(TODAY, -3),
    source: 'note',
    evidence: [ev('DocumentReference/n1')],
  });
  p.imaging.push({
    modality: 'MRI',
    date: addDays(TODAY, -60),
    finding: 'L4-L5 left paracentral protrusion contacting the L5 root',
    region: 'lumbar',
    levels: ['L4-L5'],
    source: 'coded',
    evidence: [ev('DiagnosticReport/mri1')],
  });
  return p;
}

/** Everything documented for a lumbar facet block (axial pain, 3+ months). */
export function facetPicture(): ClinicalPicture {
  const p = esiPicture();
  p.diagnoses = [
    {
      icd10: 'M47.816',
      display: 'Spondylosis, lumbar',
      clinicalStatus: 'active',
      onset: addDays(TODAY, -400),
      source: 'coded',
      evidence: [ev('Condition/c2')],
    },
  ];
  p.symptoms = [
    { kind: 'axial', present: true, region: 'lumbar', source: 'note', evidence: [ev('DocumentReference/n1')] },
    { kind: 'radicular', present: false, region: 'lumbar', source: 'note', evidence: [ev('DocumentReference/n1')] },
  ];
  p.siteMentions = [
    {
      context: 'plan',
      region: 'lumbar',
      levels: ['L4-L5'],
      laterality: 'bilateral',
      target: 'medial branches',
      date: addDays(TODAY, -3),
      source: 'note',
      evidence: [ev('DocumentReference/n1')],
    },
  ];
  p.painDuration = [{ weeks: 40, asOf: TODAY, source: 'note', evidence: [ev('DocumentReference/n1')] }];
  p.conservativeCare = [
    {
      kind: 'physical-therapy',
      description: 'PT 16 weeks',
      start: addDays(TODAY, -200),
      end: addDays(TODAY, -88),
      outcome: 'failed',
      source: 'note',
      evidence: [ev('DocumentReference/n1')],
    },
  ];
  return p;
}
