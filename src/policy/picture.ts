// The clinical picture: what the payer-policy core knows about one patient.
// Every fact carries the evidence it came from, so every verdict can be traced to a resource or a note span.
// Dates are ISO strings: 'YYYY-MM-DD' or a full dateTime; the core compares them with ./dates.

/** A character span inside a note's extracted plain text (NoteDoc.text), end exclusive. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

export interface Evidence {
  /** "Observation/123", "DocumentReference/abc" (a note span then has `quote`). */
  ref: string;
  display: string;
  date?: string;
  quote?: TextSpan;
}

/** Where a fact was found: a coded FHIR element, or the narrative of a note. */
export type FactSource = 'coded' | 'note';

interface Fact {
  source: FactSource;
  evidence: Evidence[];
}

export type SpinalRegion = 'cervical' | 'thoracic' | 'lumbar' | 'sacral';
export type Laterality = 'left' | 'right' | 'bilateral';
/** A spinal segment in normalised form ("L4-L5", "L5-S1", "C6-C7") or a single level ("L5", "S1"); see ./levels. */
export type SpinalLevel = string;

export interface PatientFact extends Fact {
  id: string;
  birthDate?: string;
  sex?: 'male' | 'female' | 'other' | 'unknown';
  /** For the patient banner only; never logged. */
  name?: string;
  /** The name's parts as the EHR records them (never split out of `name`): the packet's Patient must carry a family
   * or given name (US Core us-core-6), and the payer matches the member on them. */
  family?: string;
  given?: string[];
  mrn?: string;
}

export type EncounterKind = 'office' | 'procedure' | 'physical-therapy' | 'telehealth' | 'other';

export interface EncounterFact extends Fact {
  id: string;
  date: string;
  end?: string;
  kind: EncounterKind;
  status: string;
  /** Type codings as found (CPT E/M code when the EHR codes it, else a local or SNOMED type). */
  types: { system?: string; code?: string; display?: string }[];
  /** Total practitioner minutes on the date when documented (E/M by time). */
  minutes?: number;
  reasons: string[];
}

export interface CoverageFact extends Fact {
  id: string;
  status: string;
  /** Payer identifier as found (Organization identifier value, or payor reference id). */
  payerId?: string;
  payerName?: string;
  /** Coverage.type code (e.g. v3 ActCode or X12 insurance type such as "MB"/"MA"/"MC"/"HM"/"PPO"). */
  typeCode?: string;
  planName?: string;
  subscriberId?: string;
  /** The member's own number on the plan: the Coverage.identifier typed MB (v2-0203 Member Number), else the
   * subscriberId (where EHRs such as Epic keep it). */
  memberId?: string;
  order?: number;
  periodStart?: string;
  periodEnd?: string;
  /** Where the payer was read: a Coverage (default), or, in exports without one, the latest Claim / EOB. */
  from?: 'Coverage' | 'Claim' | 'ExplanationOfBenefit';
}

export type ClinicalStatus = 'active' | 'recurrence' | 'relapse' | 'inactive' | 'remission' | 'resolved' | 'unknown';

export interface DiagnosisFact extends Fact {
  /** ICD-10-CM code as recorded (may be a header or deleted code: the core flags that). */
  icd10?: string;
  snomed?: string;
  display: string;
  clinicalStatus: ClinicalStatus;
  onset?: string;
  recorded?: string;
  /** Condition.id when coded. */
  id?: string;
  /** US Core Condition category: on the problem list, diagnosed at a visit, or a health concern (not a diagnosis). */
  category?: 'problem-list-item' | 'encounter-diagnosis' | 'health-concern';
}

/** Clinical statuses under which a condition still stands (unknown: the EHR sent none, so nothing says it ended). */
export const LIVE_STATUSES: ReadonlySet<ClinicalStatus> = new Set(['active', 'recurrence', 'relapse', 'unknown']);

/** A diagnosis the checks may count: still live, and a diagnosis rather than a health concern (US Core). */
export function isLiveDiagnosis(d: DiagnosisFact): boolean {
  return LIVE_STATUSES.has(d.clinicalStatus) && d.category !== 'health-concern';
}

export type ServiceKind =
  | 'esi-interlaminar'
  | 'esi-transforaminal'
  | 'esi-catheter'
  | 'facet-mbb'
  | 'facet-ia'
  | 'facet-rfa'
  | 'si-joint'
  | 'si-rfa'
  | 'trigger-point'
  | 'scs-trial'
  | 'em-office-new'
  | 'em-office-established'
  | 'chronic-pain-management'
  | 'imaging-guidance'
  | 'sedation'
  | 'drug'
  | 'physical-therapy'
  | 'other';

export interface ReliefFact extends Fact {
  /** Percent improvement, 0-100. */
  percent: number;
  /** How long it lasted, in hours (6 h, 3 months = 2190 h ...), when stated. */
  durationHours?: number;
  measure: 'pain' | 'function';
  /** When it was reported. */
  date?: string;
  /** The procedure it follows ("Procedure/abc") when known. */
  procedureRef?: string;
  /** The report says the relief is over (the pain came back): its date is not evidence that relief still held. */
  returned?: boolean;
}

/**
 * Why a facet injection (64490-64495) is done: a diagnostic block (medial branch or joint, before ablation) or a
 * therapeutic intra-articular injection. The code does not say which; the order and the note do.
 */
export type InjectionIntent = 'diagnostic' | 'therapeutic';

/** Where the service is rendered (decides Medicare prior-authorization programs). */
export type CareSetting = 'office' | 'hospital-outpatient' | 'asc' | 'inpatient' | 'other';

export interface ServiceLocation extends Fact {
  /** Two-letter US state of the rendering location (Location.address.state). */
  state?: string;
  setting?: CareSetting;
  /** CMS place-of-service code when known ("11" office, "22"/"19" hospital outpatient, "24" ASC). */
  placeOfService?: string;
}

export interface ProcedureFact extends Fact {
  id?: string;
  /** CPT/HCPCS when coded that way; else the code found. */
  code: string;
  system: 'cpt' | 'hcpcs' | 'snomed' | 'other';
  display: string;
  kind: ServiceKind;
  date: string;
  status: string;
  region?: SpinalRegion;
  levels: SpinalLevel[];
  laterality?: Laterality;
  relief: ReliefFact[];
  /** Facet injections: diagnostic block or therapeutic joint injection, when the record says. */
  intent?: InjectionIntent;
  /**
   * A date read from a note that names only the month ("in March") or the year ("in 2025", "two years ago"): `date`
   * is then the latest day it can be (never after the note), so a rule that counts or spaces sessions errs towards
   * counting it, and says the date is approximate. Absent: known to the day.
   */
  datePrecision?: 'month' | 'year';
  /** A note says it was done elsewhere (another clinic, an outside provider). */
  outside?: boolean;
  /** A note named the family only ("an ESI"), not the approach: `kind` is the family's first kind. */
  approachUnknown?: boolean;
}

/**
 * A prior procedure a note names with no date that places it ("had an ESI at an outside clinic"), or a count of them
 * ("three prior ESIs"). It cannot be placed in a rolling window or before another session, so a rule that counts or
 * judges sessions treats it as a gap to confirm, never as nothing.
 */
export interface UndatedProcedureFact extends Fact {
  kind: ServiceKind;
  display: string;
  region?: SpinalRegion;
  levels: SpinalLevel[];
  laterality?: Laterality;
  /** How many sessions the note names (1 unless it gives a count; "several" is read as 2, the least it can mean). */
  count: number;
  outside: boolean;
  approachUnknown?: boolean;
  /** Done before this day (the note's date), when the note is dated. */
  before?: string;
  relief: ReliefFact[];
}

export interface PlannedService extends Fact {
  /** CPT/HCPCS code of the primary service. */
  code: string;
  kind: ServiceKind;
  region?: SpinalRegion;
  levels: SpinalLevel[];
  laterality?: Laterality;
  /** Planned date of service when known. */
  date?: string;
  /** "ServiceRequest/xyz" when it came from an order; absent when chosen by the user. */
  requestRef?: string;
  /** Diagnoses named on the order (ICD-10-CM). */
  reasonIcd10: string[];
  /** Whether the order asks for image guidance (true/false), or unknown. */
  imageGuidance?: boolean;
  /** Muscles (trigger points), when stated. */
  muscleCount?: number;
  /** Units ordered (ServiceRequest.quantity), when stated: e.g. 2 leads for 63650. Optional addition (coding). */
  quantity?: number;
  /** Facet injections: diagnostic block or therapeutic joint injection, when the order says. */
  intent?: InjectionIntent;
  /** The rendering location (state, setting), when the order or the encounter names it. */
  location?: ServiceLocation;
  /** The steroid and dose per session the order's words name ("dexamethasone 10 mg"), when they name one. */
  steroidDose?: { drug: 'triamcinolone' | 'betamethasone' | 'dexamethasone' | 'methylprednisolone'; mg: number; text: string };
}

export type PainInstrument = 'NRS' | 'VAS' | 'VRS' | 'other';

export interface PainScoreFact extends Fact {
  instrument: PainInstrument;
  /** Normalised to 0-10 (VAS 60 mm -> 6). */
  value: number;
  raw: string;
  date: string;
  /** Which pain: now, average, worst (when stated). */
  context?: 'current' | 'average' | 'worst' | 'least';
  /** LOINC or other code when coded. */
  code?: string;
}

export type FunctionalInstrument = 'ODI' | 'NDI' | 'PEG' | 'PROMIS-PF' | 'other';

export interface FunctionalFact extends Fact {
  instrument?: FunctionalInstrument;
  /** Instrument score, as a percent for ODI/NDI. */
  score?: number;
  /** A described limitation of daily activities ("unable to stand more than 10 minutes"). */
  limitation?: string;
  date: string;
}

export type ConservativeKind =
  | 'physical-therapy'
  | 'home-exercise'
  | 'chiropractic'
  | 'activity-modification'
  | 'nsaid'
  | 'analgesic'
  | 'muscle-relaxant'
  | 'neuropathic-agent'
  | 'opioid'
  | 'injection'
  | 'other';

export type CareOutcome = 'failed' | 'helped' | 'ongoing' | 'contraindicated' | 'not-tolerated' | 'unknown';

export interface ConservativeCareFact extends Fact {
  kind: ConservativeKind;
  description: string;
  start?: string;
  end?: string;
  /** Weeks as stated or as computed from start/end. */
  weeks?: number;
  outcome: CareOutcome;
  /** Date the fact was recorded (note or resource date). */
  recorded?: string;
  /**
   * Still going on as the record stands (PT Procedure in-progress, medication active) with a start and no end: EHRs
   * send an open course this way, so it runs from its start to the assessment date.
   */
  ongoing?: boolean;
}

export type ImagingModality = 'MRI' | 'CT' | 'XR' | 'EMG' | 'other';

export interface ImagingFact extends Fact {
  modality: ImagingModality;
  date?: string;
  finding?: string;
  region?: SpinalRegion;
  /** The levels where the report places a finding (all it names when it places none). */
  levels: SpinalLevel[];
  /** The report reads as finding nothing structural (normal, or every finding negated). */
  normal?: boolean;
}

/** How long the pain has lasted, as of a date. */
export interface PainDurationFact extends Fact {
  onset?: string;
  weeks?: number;
  asOf: string;
}

export type SymptomKind = 'radicular' | 'axial' | 'neurogenic-claudication';

export interface SymptomFact extends Fact {
  kind: SymptomKind;
  /** false for a documented denial ("denies radicular pain"). */
  present: boolean;
  region?: SpinalRegion;
  laterality?: Laterality;
  date?: string;
}

/** Levels/laterality named in a note, with what the mention is about. */
export interface SiteMention extends Fact {
  context: 'plan' | 'history' | 'exam' | 'imaging' | 'unknown';
  region?: SpinalRegion;
  levels: SpinalLevel[];
  laterality?: Laterality;
  /** Medial branches, transforaminal, etc. when stated. */
  target?: string;
  date?: string;
}

/** Documentation of a separately identifiable E/M service on a procedure day (modifier 25). */
export interface VisitWorkFact extends Fact {
  date: string;
  description: string;
}

/** A note's word on a psychological evaluation (spinal cord stimulation screening): done, only planned, or not done. */
export interface PsychEvaluationFact extends Fact {
  status: 'done' | 'planned' | 'not-done';
  date?: string;
}

/**
 * One sacroiliac provocative test a note reports, with its result as written: "Positive FABER" is positive,
 * "Gaenslen ... negative" negative, a test named with no result stated is unstated.
 */
export interface ProvocativeTestFact extends Fact {
  /** The test, normalised: 'faber', 'gaenslen', 'thigh-thrust', 'compression', 'distraction', ... */
  test: string;
  result: 'positive' | 'negative' | 'unstated';
  /** The note it was read from (tests are counted per examination). */
  noteRef: string;
  date?: string;
}

export interface NoteDoc {
  ref: string;
  title: string;
  date?: string;
  contentType: string;
  /** Extracted plain text; evidence spans index into it. Never rendered as HTML. */
  text: string;
}

export interface DataIssue {
  resourceType: string;
  id?: string;
  severity: 'error' | 'warning';
  message: string;
  path?: string;
  /** The EHR failed to answer (5xx, 429 or no answer, after the retries): a relaunch may read it. */
  transient?: boolean;
}

export interface ClinicalPicture {
  patient: PatientFact;
  /** The encounter in launch context, when there is one. */
  encounter?: EncounterFact;
  encounters: EncounterFact[];
  coverages: CoverageFact[];
  diagnoses: DiagnosisFact[];
  procedureHistory: ProcedureFact[];
  /** Prior procedures notes name without a date (absent: none). */
  undatedProcedures?: UndatedProcedureFact[];
  plannedServices: PlannedService[];
  painScores: PainScoreFact[];
  functionalStatus: FunctionalFact[];
  conservativeCare: ConservativeCareFact[];
  imaging: ImagingFact[];
  painDuration: PainDurationFact[];
  symptoms: SymptomFact[];
  siteMentions: SiteMention[];
  visitWork: VisitWorkFact[];
  psychEvaluations: PsychEvaluationFact[];
  provocativeTests: ProvocativeTestFact[];
  notes: NoteDoc[];
  dataIssues: DataIssue[];
}

export function emptyPicture(patientId: string): ClinicalPicture {
  return {
    patient: { id: patientId, source: 'coded', evidence: [{ ref: `Patient/${patientId}`, display: 'Patient' }] },
    encounters: [],
    coverages: [],
    diagnoses: [],
    procedureHistory: [],
    plannedServices: [],
    painScores: [],
    functionalStatus: [],
    conservativeCare: [],
    imaging: [],
    painDuration: [],
    symptoms: [],
    siteMentions: [],
    visitWork: [],
    psychEvaluations: [],
    provocativeTests: [],
    notes: [],
    dataIssues: [],
  };
}
