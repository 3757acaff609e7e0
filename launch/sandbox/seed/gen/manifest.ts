// The manifest: what each seed patient is for and what the policy core and coder should conclude about it.
// Other engineers' tests read it, so the shape is stable; new fields are only ever added as optional.
import type { Chart } from './chart';
import type { PayerKey } from './systems';

export type Verdict = 'ready' | 'incomplete' | 'not-eligible';

export interface CodingLine {
  code: string;
  modifiers: string[];
  units: number;
}

export interface ServiceExpectation {
  serviceRequest: string;
  code: string;
  expect: { verdict: Verdict; why: string };
  /** The same service judged under another payer's policy (e.g. what Medicare would say for a commercial patient). */
  alsoUnder?: { payer: PayerKey; verdict: Verdict; why: string }[];
  expectCoding: { lines: CodingLine[]; diagnoses?: string[]; notes: string };
}

export interface ManifestEntry {
  patient: string;
  name: string;
  summary: string;
  payer: string;
  /** The payer key the policy core should resolve ("unknown" falls back to the Medicare baseline). */
  payerKey: PayerKey;
  /** The requirement situations from the seed brief this patient exercises (numbers 1-16) and README rule ids. */
  situations: number[];
  rules: string[];
  encounters: string[];
  services: ServiceExpectation[];
  /** Resources the reader should report as DataIssues, and why. */
  dataIssues?: { ref: string; problem: string }[];
  /** Deliberate noise the reader should tolerate (not a DataIssue). */
  noise?: { ref: string; what: string }[];
  /** Resource counts, filled in by build.ts. */
  counts?: Record<string, number>;
}

export interface SeedPatient {
  chart: Chart;
  entry: Omit<ManifestEntry, 'patient' | 'encounters' | 'payer' | 'counts'>;
}

export const line = (code: string, modifiers: string[] = [], units = 1): CodingLine => ({ code, modifiers, units });
