// What the core says about a picture: requirements, findings, assessments and coding suggestions.
import type { Evidence, PlannedService } from './picture';

/**
 * How the rule's text was read: P = CMS or the contractor's own page, or a verbatim quotation of the LCD/article;
 * S1 = a public checklist that restates the LCD/article item by item; S2 = a one-paragraph third-party summary;
 * none = no text read. A number ClaimReady chose where the text sets none (what "baseline" means) is said in the note.
 */
export type SourceGrade = 'P' | 'S1' | 'S2' | 'none';

export interface Citation {
  /** Structured rule id, stable across versions: "ESI-FREQUENCY", "FJ-DX-LIST". */
  ruleId: string;
  /** Document id: "LCD L39242", "Article A58403", "NCCI PTP 2026Q4", "ICD-10-CM FY2026". */
  document: string;
  /** The document version the rule encodes (revision, effective date), when known. */
  version?: string;
  /** Section or heading within it: "Covered Indications", "Limitations". */
  section: string;
  /** What was read, and how sure that reading is. */
  grade: SourceGrade;
  /**
   * true when the rule may decide the verdict: the text was read (P) or restated item by item (S1). false: shown
   * as advice only (S2 summaries, nothing read).
   */
  verified: boolean;
  /** What was unclear, or which contractor's version was read. */
  note?: string;
}

export type RequirementCategory =
  | 'diagnosis'
  | 'pain-scale'
  | 'conservative-care'
  | 'functional-impairment'
  | 'levels'
  | 'levels-laterality'
  | 'imaging'
  | 'frequency'
  | 'prior-response'
  | 'same-day'
  | 'other';

export type FindingStatus = 'met' | 'missing' | 'not-met' | 'not-applicable';

/** blocker: decides the verdict; warning: shown, never decides (unconfirmed rules, advice). */
export type FindingSeverity = 'blocker' | 'warning';

export interface Finding {
  requirementId: string;
  category: RequirementCategory;
  status: FindingStatus;
  severity: FindingSeverity;
  message: string;
  /** What the physician can do: "Document the pain score on a 0-10 scale for this visit". */
  fix?: string;
  evidence: Evidence[];
  citation: Citation;
}

export type Verdict = 'ready' | 'incomplete' | 'not-eligible';

export interface PayerRef {
  id: string;
  name: string;
  /** true when the payer was not recognised and the Medicare baseline was used. */
  fellBackToBaseline: boolean;
  note?: string;
}

/** `depends` when the answer turns on facts the chart does not give (the rendering location's state, the setting). */
export interface PriorAuthDecision {
  required: boolean | 'depends';
  program?: string;
  reason: string;
}

/** A commercial payer's own guideline that replaced the baseline's thresholds for this service (its document and version). */
export interface PolicyOverlayRef {
  document: string;
  version: string;
}

export interface Assessment {
  service: PlannedService;
  payer: PayerRef;
  policy: { id: string; title: string; citation: Citation; overlay?: PolicyOverlayRef };
  verdict: Verdict;
  /** Whether the payer requires prior authorization for this service, under which program, and why. */
  priorAuth: PriorAuthDecision;
  findings: Finding[];
}

export type EditKind =
  'ncci' | 'mue' | 'lcd-dx' | 'bundling' | 'modifier' | 'invalid-code' | 'add-on' | 'laterality' | 'levels' | 'frequency';
export type EditSeverity = 'error' | 'warning' | 'info';

export interface CodingLine {
  code: string;
  label: string;
  modifiers: string[];
  units: number;
  /** 1-based pointers into CodingSuggestion.diagnoses. */
  diagnosisPointers: number[];
  evidence: Evidence[];
  /** Why this line/modifier/unit count was chosen. */
  rationale: string[];
}

export interface CodedDiagnosis {
  code: string;
  label: string;
  billable: boolean;
  evidence: Evidence[];
  /** Valid successor codes when this one is deleted or a header. */
  successors?: string[];
}

export interface CodingEdit {
  kind: EditKind;
  severity: EditSeverity;
  message: string;
  /** Indexes into CodingSuggestion.lines. */
  lines: number[];
  citation?: Citation;
  /** What the edit was found from (note spans, orders), so a reviewer can open it. Optional addition (coding). */
  evidence?: Evidence[];
}

export interface CodingSuggestion {
  dateOfService: string;
  lines: CodingLine[];
  diagnoses: CodedDiagnosis[];
  edits: CodingEdit[];
}
