// What the core says about a picture: requirements, findings, assessments and coding suggestions.
import type { ClinicalPicture, Evidence, PlannedService } from './picture';

export interface Citation {
  /** Document id: "LCD L39242", "Article A58731", "NCCI PTP 2026Q4", "ICD-10-CM FY2026". */
  document: string;
  /** Section or heading within it: "Covered Indications", "Limitations". */
  section: string;
  /** false when the threshold could not be confirmed against the primary text (then findings are warnings only). */
  verified: boolean;
  /** What was unclear, or which contractor's version was read. */
  note?: string;
}

export type RequirementCategory =
  | 'diagnosis'
  | 'pain-scale'
  | 'conservative-care'
  | 'functional-impairment'
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

export interface Requirement<P = unknown> {
  id: string;
  category: RequirementCategory;
  /** Plain-language statement of the rule. */
  text: string;
  citation: Citation;
  check(picture: ClinicalPicture, service: PlannedService, today: string, params: P): Omit<Finding, 'requirementId' | 'category' | 'citation'> & { citation?: Citation };
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

export interface Assessment {
  service: PlannedService;
  payer: PayerRef;
  policy: { id: string; title: string; citation: Citation };
  verdict: Verdict;
  /** Whether the payer requires prior authorization for this service, under which program, and why. */
  priorAuth: PriorAuthDecision;
  findings: Finding[];
}

export type EditKind = 'ncci' | 'mue' | 'lcd-dx' | 'bundling' | 'modifier' | 'invalid-code' | 'add-on' | 'laterality' | 'frequency';
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
