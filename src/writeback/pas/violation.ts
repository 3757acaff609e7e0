// One broken PAS rule: what the validator and the Claim rules report (its own file, so neither imports the other).
export interface PasViolation {
  rule: string;
  path: string;
  message: string;
  /** The reference at fault (spec-13), so callers need not read it back out of the message. */
  ref?: string;
}
