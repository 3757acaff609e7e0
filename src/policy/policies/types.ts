// A policy is data: thresholds, each next to the citation it comes from, plus the requirement checks that read them.
// A payer overlay replaces some thresholds (with its own citations) and never adds code.
import type { ConservativeKind, ServiceKind, SymptomKind } from '../picture';
import type { Citation, Requirement } from '../verdicts';

/** A threshold with its source. */
export interface Cited<T> {
  value: T;
  citation: Citation;
}

export interface ConservativeMinimum {
  /** Weeks of failed conservative care (union of overlapping courses) by default. */
  weeks: number;
  /** A different minimum when a diagnosis matches; first match wins (eviCore: stenosis 4 weeks, radiculopathy 6). */
  byDiagnosis?: { label: string; icd10: string[]; weeks: number }[];
  /** Components that must each be documented for their own weeks (BCBSMA: analgesic AND physical therapy). */
  components?: { label: string; kinds: ConservativeKind[]; weeks: number }[];
}

export interface FrequencyLimit {
  /** At most this many sessions, counting the planned one. */
  max: number;
  months: number;
  /** Which prior procedures count. */
  counts: ServiceKind[];
  /** Count only the same spinal region group (cervical/thoracic vs lumbar/sacral). */
  perRegion: boolean;
  /** How the limit reads to a physician ("ESI sessions per region"). */
  label: string;
}

export interface ReliefRule {
  /** Minimum percent relief (pain or function) after the previous procedure. */
  minPercent: number;
  /** Minimum duration of that relief, when the rule sets one. */
  minHours?: number;
  /** Prior procedures this rule looks back at. */
  after: ServiceKind[];
  /** Only for these planned kinds (absent: any kind the policy covers). */
  onlyFor?: ServiceKind[];
}

export interface DurationRule {
  weeks?: number;
  months?: number;
  /** Diagnoses exempt from the duration rule (acute herpes zoster for ESI). */
  exemptIcd10?: string[];
}

export interface DiagnosisRule {
  /** ICD-10-CM categories the policy covers for this service. */
  accepted: string[];
  /** Categories that, alone, mean the service is not covered (axial pain for ESI). */
  excludedAlone?: string[];
  excludedLabel?: string;
}

export interface SymptomRule {
  /** At least one of these must be documented as present. */
  required: SymptomKind[];
  /** Any of these documented as present in the region is an exclusion. */
  excluded: SymptomKind[];
}

export interface LevelLimit {
  max: number;
  lateralityRequired: boolean;
}

/** Per-session level limits; the approach (service kind) may set its own. */
export interface LevelLimits {
  default: LevelLimit;
  byKind: Partial<Record<ServiceKind, LevelLimit>>;
}

/** Every threshold a policy or overlay can set. A requirement whose slot is absent is not applicable. */
export interface PolicyParams {
  diagnosis?: Cited<DiagnosisRule>;
  /** ICD-10-CM validity (deleted, header codes). */
  codeValidity?: Cited<true>;
  symptoms?: Cited<SymptomRule>;
  /** Non-facet pathology (fracture, tumour, infection) that excludes the service. */
  excludedPathology?: Cited<{ icd10: string[] }>;
  painDuration?: Cited<DurationRule>;
  /** Validated pain scale, no older than this many days before the date of service. */
  painScale?: Cited<{ maxAgeDays: number }>;
  functional?: Cited<{ maxAgeDays: number }>;
  conservativeFailure?: Cited<{ contraindicatedSatisfies: boolean }>;
  conservativeMinimum?: Cited<ConservativeMinimum>;
  imageGuidance?: Cited<true>;
  maxLevels?: Cited<LevelLimits>;
  siteConsistency?: Cited<true>;
  frequencyRegion?: Cited<FrequencyLimit>;
  frequencyTotal?: Cited<FrequencyLimit>;
  frequencyEpisode?: Cited<FrequencyLimit>;
  minDaysBetween?: Cited<{ days: number; counts: ServiceKind[] }>;
  repeatRelief?: Cited<ReliefRule>;
  repeatReliefDuration?: Cited<ReliefRule>;
  diagnosticBlocks?: Cited<{ count: number; minPercent: number; blocks: ServiceKind[]; unlessPrior: ServiceKind[] }>;
  sameDayConflict?: Cited<{ kinds: ServiceKind[] }>;
  muscleCount?: Cited<true>;
  psychEvaluation?: Cited<true>;
  sameDayEm?: Cited<true>;
}

export type PolicyId = 'lcd-epidural' | 'lcd-facet-block' | 'lcd-facet-rfa' | 'sacroiliac' | 'trigger-point' | 'scs-trial';

export interface PolicyDef {
  id: PolicyId;
  title: string;
  citation: Citation;
  kinds: ServiceKind[];
  params: PolicyParams;
  requirements: Requirement<PolicyParams>[];
}
