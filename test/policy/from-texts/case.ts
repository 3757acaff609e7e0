// A held-out policy case: what the text says a chart should get, with the text it rests on and its grade.
//
// Conventions (see README.md):
// - Verdicts follow verdicts.ts: a documented fact that fails a threshold -> 'not-eligible'; a required fact that
//   cannot be found -> 'incomplete'; otherwise 'ready'.
// - `alsoAcceptable` lists a second verdict where the texts decide "not ready" but the incomplete / not-eligible
//   split is a product convention (header codes, no covered diagnosis on the chart, a prerequisite procedure that
//   the chart does not show).
// - `advice: true` marks cases resting only on S2 text or on a text that is unclear: the runner reports them but
//   does not fail on them.
// - Every threshold case puts the service date on `today` unless the case says otherwise.
import type { ClinicalPicture, PlannedService, Verdict } from '../../../src/policy/index';

export type PayerId = 'medicare' | 'summit' | 'bcbsma';
export type Grade = 'P' | 'S1' | 'S2';
export type Topic =
  | 'esi-indication'
  | 'esi-duration'
  | 'esi-conservative'
  | 'esi-documentation'
  | 'esi-levels-imaging'
  | 'esi-frequency'
  | 'esi-repeat'
  | 'same-session'
  | 'facet-diagnosis'
  | 'facet-indication'
  | 'facet-levels'
  | 'facet-mbb-sequence'
  | 'facet-rfa'
  | 'commercial-summit'
  | 'commercial-bcbsma'
  | 'si-joint';

export interface PolicyCase {
  id: string;
  topic: Topic;
  /** What was read: document, section, grade. */
  source: string;
  /** Best grade of the text the expected answer rests on. */
  grade: Grade;
  /** true when the answer is stated in a primary text (CMS / MAC page, verbatim LCD quotation, payer's own page). */
  primaryText: boolean;
  /** Reported, not enforced (S2-only or unclear text). */
  advice?: boolean;
  description: string;
  picture: ClinicalPicture;
  service: PlannedService;
  payer: PayerId;
  today: string;
  expect: { verdict: Verdict; alsoAcceptable?: Verdict[]; decidingRequirement?: string };
}
