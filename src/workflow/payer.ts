// The one place the payer is resolved: the picture's primary active coverage, or an explicit payer id (the CLI's
// --payer). Views and the CLI never call resolvePayer themselves, so they cannot disagree about whose rules apply.
import { payerDefFor, primaryCoverage, resolvePayer, type ClinicalPicture, type PayerDef, type PayerRef } from '../policy/index';

export interface ResolvedPayer {
  payer: PayerRef;
  policySet: PayerDef;
}

export function payerFor(picture: ClinicalPicture, override?: string): ResolvedPayer {
  return override ? payerDefFor(override) : resolvePayer(picture.coverages);
}

/** The coverage the claim is billed to: the same primary active coverage resolvePayer chose the payer by. */
export function primaryCoverageId(picture: ClinicalPicture): string | undefined {
  return primaryCoverage(picture.coverages)?.id;
}

/** Where the payer was read from: that coverage's source, or none when the payer was named explicitly (--payer). */
export function payerSourceRef(picture: ClinicalPicture, override?: string): string | undefined {
  return override ? undefined : primaryCoverage(picture.coverages)?.evidence[0]?.ref;
}
