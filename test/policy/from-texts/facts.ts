// Fact builders for the held-out cases: they fill in only `source` / `evidence` boilerplate so that a case shows
// what matters; change them here if the picture types move.
import type {
  ClinicalPicture,
  ConservativeCareFact,
  ConservativeKind,
  CareOutcome,
  CoverageFact,
  DiagnosisFact,
  FunctionalFact,
  FunctionalInstrument,
  ImagingFact,
  ImagingModality,
  Laterality,
  PainDurationFact,
  PainScoreFact,
  PlannedService,
  ProcedureFact,
  ReliefFact,
  ServiceKind,
  SiteMention,
  SpinalRegion,
  SymptomFact,
  SymptomKind,
  NoteDoc,
} from '../../../src/policy/index';
import type { PayerId } from './case';

const HOURS_PER_MONTH = 730; // 3 months = 2190 h, as picture.ts documents
export const H = { sixHours: 6, weeks: (w: number) => w * 168, months: (m: number) => m * HOURS_PER_MONTH };

export const coded = (ref: string, display: string, date?: string) => ({
  source: 'coded' as const,
  evidence: [{ ref, display, ...(date ? { date } : {}) }],
});
export const fromNote = (ref: string, display: string, date?: string) => ({
  source: 'note' as const,
  evidence: [{ ref, display, ...(date ? { date } : {}) }],
});

let seq = 0;
export const nid = (p: string) => `${p}-${++seq}`;

export function dx(
  icd10: string,
  display: string,
  onset?: string,
  clinicalStatus: DiagnosisFact['clinicalStatus'] = 'active',
): DiagnosisFact {
  const id = nid('cond');
  return {
    icd10,
    display,
    clinicalStatus,
    ...(onset ? { onset, recorded: onset } : {}),
    id,
    ...coded(`Condition/${id}`, `${icd10} ${display}`, onset),
  };
}

export function relief(
  percent: number,
  durationHours: number | undefined,
  date: string,
  procedureRef?: string,
  measure: 'pain' | 'function' = 'pain',
): ReliefFact {
  return {
    percent,
    ...(durationHours !== undefined ? { durationHours } : {}),
    measure,
    date,
    ...(procedureRef ? { procedureRef } : {}),
    ...fromNote('DocumentReference/followup-' + date, `${percent}% ${measure} relief reported`, date),
  };
}

export interface ProcIn {
  code: string;
  kind: ServiceKind;
  date: string;
  region: SpinalRegion;
  levels: string[];
  laterality?: Laterality;
  /** percent, hours, reported date */
  relief?: [number, number | undefined, string, ('pain' | 'function')?][];
}
export function proc(p: ProcIn): ProcedureFact {
  const id = nid('proc');
  const ref = `Procedure/${id}`;
  return {
    id,
    code: p.code,
    system: 'cpt',
    display: `${p.code} ${p.kind} ${p.levels.join(', ')}${p.laterality ? ' ' + p.laterality : ''}`,
    kind: p.kind,
    date: p.date,
    status: 'completed',
    region: p.region,
    levels: p.levels,
    ...(p.laterality ? { laterality: p.laterality } : {}),
    relief: (p.relief ?? []).map(([pct, h, d, m]) => relief(pct, h, d, ref, m ?? 'pain')),
    ...coded(ref, `${p.code} on ${p.date}`, p.date),
  };
}

export function nrs(value: number, date: string, context: PainScoreFact['context'] = 'average'): PainScoreFact {
  return {
    instrument: 'NRS',
    value,
    raw: `${value}/10`,
    date,
    context,
    code: '72514-3',
    ...coded(`Observation/${nid('pain')}`, `Pain ${value}/10`, date),
  };
}

export function fn(instrument: FunctionalInstrument, score: number, date: string, limitation?: string): FunctionalFact {
  return {
    instrument,
    score,
    date,
    ...(limitation ? { limitation } : {}),
    ...coded(`Observation/${nid('fn')}`, `${instrument} ${score}`, date),
  };
}

export function care(
  kind: ConservativeKind,
  description: string,
  start: string,
  end: string,
  weeks: number,
  outcome: CareOutcome,
): ConservativeCareFact {
  return {
    kind,
    description,
    start,
    end,
    weeks,
    outcome,
    recorded: end,
    ...fromNote(`DocumentReference/${nid('care')}`, description, end),
  };
}

export function img(modality: ImagingModality, date: string, region: SpinalRegion, levels: string[], finding: string): ImagingFact {
  return { modality, date, region, levels, finding, ...coded(`DiagnosticReport/${nid('img')}`, `${modality} ${region}: ${finding}`, date) };
}

export function duration(onset: string, asOf: string, weeks: number): PainDurationFact {
  return { onset, asOf, weeks, ...fromNote(`DocumentReference/${nid('hpi')}`, `Pain since ${onset}`, asOf) };
}

export function sym(kind: SymptomKind, present: boolean, region: SpinalRegion, date: string, laterality?: Laterality): SymptomFact {
  return {
    kind,
    present,
    region,
    date,
    ...(laterality ? { laterality } : {}),
    ...fromNote(`DocumentReference/${nid('sym')}`, `${present ? '' : 'denies '}${kind} ${region}`, date),
  };
}

export function coverage(payer: PayerId): CoverageFact {
  const id = nid('cov');
  const base = { id, status: 'active', order: 1, periodStart: '2026-01-01', subscriberId: 'SUB' + seq, ...coded(`Coverage/${id}`, payer) };
  if (payer === 'medicare')
    return { ...base, payerId: 'MEDICARE', payerName: 'Medicare Part B', typeCode: 'MB', planName: 'Original Medicare' };
  if (payer === 'summit') return { ...base, payerId: 'SUMMIT', payerName: 'Summit Health Plan', typeCode: 'PPO', planName: 'Summit PPO' };
  return {
    ...base,
    payerId: 'BCBSMA',
    payerName: 'Blue Cross Blue Shield of Massachusetts',
    typeCode: 'PPO',
    planName: 'Blue Care Elect PPO',
  };
}

export interface SvcIn {
  code: string;
  kind: ServiceKind;
  region: SpinalRegion;
  levels: string[];
  laterality?: Laterality;
  date: string;
  reasonIcd10: string[];
  imageGuidance?: boolean;
}
export function svc(s: SvcIn): PlannedService {
  const id = nid('sr');
  return {
    code: s.code,
    kind: s.kind,
    region: s.region,
    levels: s.levels,
    ...(s.laterality ? { laterality: s.laterality } : {}),
    date: s.date,
    requestRef: `ServiceRequest/${id}`,
    reasonIcd10: s.reasonIcd10,
    imageGuidance: s.imageGuidance ?? true,
    ...coded(`ServiceRequest/${id}`, `${s.code} ${s.levels.join(', ')}`, s.date),
  };
}

export function plan(s: PlannedService): SiteMention {
  return {
    context: 'plan',
    ...(s.region ? { region: s.region } : {}),
    levels: s.levels,
    ...(s.laterality ? { laterality: s.laterality } : {}),
    target: s.kind,
    ...(s.date ? { date: s.date } : {}),
    ...fromNote('DocumentReference/plan', `Plan: ${s.code} ${s.levels.join(', ')}`, s.date),
  };
}

export function note(date: string, text: string): NoteDoc {
  return { ref: `DocumentReference/note-${date}`, title: 'Pain clinic progress note', date, contentType: 'text/plain', text };
}

export interface PictureIn {
  patientId: string;
  birthDate: string;
  sex: 'male' | 'female';
  visit: string;
  payer: PayerId;
  diagnoses: DiagnosisFact[];
  procedureHistory?: ProcedureFact[];
  service: PlannedService;
  otherPlanned?: PlannedService[];
  painScores?: PainScoreFact[];
  functionalStatus?: FunctionalFact[];
  conservativeCare?: ConservativeCareFact[];
  imaging?: ImagingFact[];
  painDuration?: PainDurationFact[];
  symptoms?: SymptomFact[];
  noteText?: string;
}
export function picture(p: PictureIn): ClinicalPicture {
  const enc = {
    id: `enc-${p.patientId}`,
    date: p.visit,
    kind: 'office' as const,
    status: 'finished',
    types: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99214', display: 'Office visit, established' }],
    minutes: 32,
    reasons: p.diagnoses.map((d) => d.icd10 ?? d.display),
    ...coded(`Encounter/enc-${p.patientId}`, 'Office visit', p.visit),
  };
  const planned = [p.service, ...(p.otherPlanned ?? [])];
  return {
    patient: { id: p.patientId, birthDate: p.birthDate, sex: p.sex, ...coded(`Patient/${p.patientId}`, 'Patient') },
    encounter: enc,
    encounters: [enc],
    coverages: [coverage(p.payer)],
    diagnoses: p.diagnoses,
    procedureHistory: p.procedureHistory ?? [],
    plannedServices: planned,
    painScores: p.painScores ?? [],
    functionalStatus: p.functionalStatus ?? [],
    conservativeCare: p.conservativeCare ?? [],
    imaging: p.imaging ?? [],
    painDuration: p.painDuration ?? [],
    symptoms: p.symptoms ?? [],
    siteMentions: planned.map(plan),
    visitWork: [],
    psychEvaluations: [],
    provocativeTests: [],
    notes: [note(p.visit, p.noteText ?? 'Progress note. See structured findings.')],
    dataIssues: [],
  };
}
