// A policy is data: thresholds, each next to the citation it comes from, plus the requirement checks that read them.
// A policy has versions (its document's revisions, by effective date); the date of service picks the one in force.
// A payer overlay replaces some thresholds (with its own citations) and never adds code.
import type { ConservativeKind, ImagingModality, InjectionIntent, ServiceKind, SpinalRegion, SymptomKind } from '../picture';
import type { Citation } from '../verdicts';

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
  /** Diagnoses exempt from the minimum (acute herpes zoster for ESI). */
  exemptIcd10?: string[];
}

export interface FrequencyLimit {
  /** At most this many sessions, counting the planned one. */
  max: number;
  months: number;
  /** Which prior procedures count. */
  counts: ServiceKind[];
  /** Facet injections: count only sessions of this intent, and apply only to a planned service of it. */
  intent?: InjectionIntent;
  /** Count only the same spinal region group (cervical/thoracic vs lumbar/sacral). */
  perRegion: boolean;
  /** How the limit reads to a physician ("ESI sessions per region"). */
  label: string;
}

export interface ReliefRule {
  /** Minimum percent relief (pain or function) after the previous session. */
  minPercent: number;
  /** Minimum duration of that relief in months, when the rule sets one. */
  minMonths?: number;
  /** Minimum duration in weeks (overlays that count weeks). */
  minWeeks?: number;
  /** Prior procedures this rule looks back at. */
  after: ServiceKind[];
  /** Facet injections: only for a planned service of this intent, after sessions of it. */
  intent?: InjectionIntent;
  /**
   * ESI: a repeat after a first injection that failed is allowed after this many days, with a changed approach,
   * level or drug documented (then the relief rule does not apply).
   */
  failedFirst?: { minDays: number };
  /**
   * The previous session is the latest in the region group at any level (ESI: the text names a changed level as one
   * way to repeat, and counts sessions per region); without it, the latest at overlapping levels (facet, SI).
   */
  anyLevel?: boolean;
}

export interface DurationRule {
  weeks?: number;
  months?: number;
  /** Diagnoses exempt from the duration rule (acute herpes zoster for ESI). */
  exemptIcd10?: string[];
}

/** A closed list of covered ICD-10-CM codes (a billing article's list). */
export interface ClosedDxList {
  /** Covered complete codes (or categories whose every code is covered). */
  codes: string[];
  /** Codes covered only for a facet (synovial) cyst, and only for these kinds. */
  cystOnly?: { codes: string[]; kinds: ServiceKind[] };
}

/** Coverage by indication: the conditions the LCD names, and the codes that name them. */
export interface IndicationRule {
  indications: { label: string; symptoms: SymptomKind[]; icd10: string[]; needsSymptom?: boolean }[];
  /** Axial (non-radicular) pain codes: alone, not covered. */
  axialIcd10: string[];
  /**
   * Conditions the text leaves out although their pain may be described like an indication (post-herpetic pain,
   * B02.2x: the LCD names acute herpes zoster only). A service whose diagnoses all name one is not covered.
   */
  notIndications?: { label: string; why: string; icd10: string[] }[];
  /** Only these spinal regions are covered (an overlay may narrow: BCBSMA names lumbar or cervical). */
  regions?: SpinalRegion[];
}

export interface SymptomRule {
  /** At least one of these must be documented as present. */
  required: SymptomKind[];
  /** Any of these documented as present in the region is an exclusion. */
  excluded: SymptomKind[];
  /** Diagnosis codes that document an excluded condition (coded radiculopathy), unless a later note denies it. */
  excludedByIcd10?: { kind: SymptomKind; icd10: string[] }[];
}

export interface LevelLimit {
  max: number;
  lateralityRequired: boolean;
  /** A bilateral injection of this approach is not covered (ESI: "bilateral interlaminar or caudal is never necessary"). */
  bilateralNotCovered?: boolean;
}

/** Per-session level limits; the approach (service kind) may set its own. */
export interface LevelLimits {
  default: LevelLimit;
  byKind: Partial<Record<ServiceKind, LevelLimit>>;
}

export interface DiagnosticBlocksRule {
  count: number;
  minPercent: number;
  blocks: ServiceKind[];
  /** A prior ablation at the levels makes this a repeat ablation, unless it is older than this (then new blocks). */
  ablations: ServiceKind[];
  renewAfterMonths: number;
  /** Facet injections: only for a planned service of this intent (a therapeutic joint injection). */
  onlyForIntent?: InjectionIntent;
}

export interface DoseCeilings {
  /** Milligrams per session, by steroid; a steroid not listed has no stated ceiling. */
  mg: Partial<Record<'triamcinolone' | 'betamethasone' | 'dexamethasone' | 'methylprednisolone', number>>;
}

export interface LongCourse {
  /** Treatment longer than this many months asks for more documentation. */
  months: number;
  /** What the text asks for then, in its order. */
  asks: string[];
}

/** Every threshold a policy or overlay can set. A requirement whose slot is absent is not applicable. */
export interface PolicyParams {
  diagnosisList?: Cited<ClosedDxList>;
  indication?: Cited<IndicationRule>;
  /** ICD-10-CM validity (deleted, header codes, codes not yet valid). */
  codeValidity?: Cited<true>;
  symptoms?: Cited<SymptomRule>;
  /** Non-facet pathology (fracture, tumour, infection) that excludes the service. */
  excludedPathology?: Cited<{ icd10: string[] }>;
  painDuration?: Cited<DurationRule>;
  /** Validated pain scale, no older than this many days before the date of service. */
  painScale?: Cited<{ maxAgeDays: number }>;
  /** Pain at least this intense on a 0-10 scale (the latest validated score before the date of service). */
  painIntensity?: Cited<{ minScore: number; label: string }>;
  functional?: Cited<{ maxAgeDays: number }>;
  conservativeFailure?: Cited<{ contraindicatedSatisfies: boolean; exemptIcd10?: string[] }>;
  conservativeMinimum?: Cited<ConservativeMinimum>;
  imageGuidance?: Cited<true>;
  /** Imaging of the region (and levels, when both say) on file before the date of service. */
  concordantImaging?: Cited<{ modalities: ImagingModality[] }>;
  maxLevels?: Cited<LevelLimits>;
  siteConsistency?: Cited<true>;
  /** 64490-64495: the order or note says diagnostic block or therapeutic joint injection. */
  injectionIntent?: Cited<true>;
  frequencyRegion?: Cited<FrequencyLimit>;
  frequencyTherapeutic?: Cited<FrequencyLimit>;
  frequencyTotal?: Cited<FrequencyLimit>;
  frequencyEpisode?: Cited<FrequencyLimit>;
  minDaysBetween?: Cited<{ days: number; counts: ServiceKind[] }>;
  repeatRelief?: Cited<ReliefRule>;
  /**
   * How long the repeat's relief must have lasted, where that part rests on another text than the percentage
   * (sacroiliac: the 50 % is the contractor's page, the 3 months only summaries).
   */
  repeatReliefDuration?: Cited<ReliefRule>;
  diagnosticBlocks?: Cited<DiagnosticBlocksRule>;
  /** A second diagnostic block: relief from the first, and time since it. */
  secondBlock?: Cited<{ minPercent: number; minDays: number; blocks: ServiceKind[] }>;
  /** No diagnostic block at a level whose ablation succeeded (within the window that needs no new blocks). */
  noBlockAfterAblation?: Cited<{ ablations: ServiceKind[]; minPercent: number; withinMonths: number }>;
  /** Therapeutic joint injection: why the patient is not a candidate for ablation. */
  ablationNotPossible?: Cited<true>;
  /** Different blocks in one session are not covered (facet cyst excepted). */
  sameSessionBlocks?: Cited<{ kinds: readonly ServiceKind[]; cystException: boolean }>;
  /** Sedation or anaesthesia with the procedure: not covered, or only with a documented need. */
  sedation?: Cited<{ allowedWithDocumentedNeed: boolean }>;
  /** Sacroiliac: distinct provocative tests documented as positive (a test written as negative never counts). */
  provocativeTests?: Cited<{ min: number }>;
  /** A service the policy does not cover at all. */
  notCovered?: Cited<{ label: string }>;
  muscleCount?: Cited<true>;
  psychEvaluation?: Cited<true>;
  sameDayEm?: Cited<true>;
  /** What is not known of the per-region limit, cited: whether cervical and thoracic are one region. */
  regionDefinition?: Cited<true>;
  /** Steroid dose ceilings per session (ESI rubric; advice). */
  steroidDose?: Cited<DoseCeilings>;
  /** Treatment beyond a number of months needs more documentation (ESI rubric; advice). */
  longCourse?: Cited<LongCourse>;
}

export type PolicyId =
  'lcd-epidural' | 'lcd-facet-block' | 'lcd-facet-rfa' | 'lcd-sacroiliac' | 'sacroiliac-rfa' | 'trigger-point' | 'scs-trial';

export interface PolicyVersion {
  /** The document's revision as read ("L39240, rules read from the 2025-04-04 rubric"). */
  version: string;
  /** First date of service it governs (inclusive). */
  from: string;
  /** Last date of service it governs (inclusive); absent while in force. */
  to?: string;
  params: PolicyParams;
}
