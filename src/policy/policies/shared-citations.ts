// Citations several policies share (ICD-10-CM validity, site consistency, modifier 25), and the one number of our own
// they share.
import type { Citation } from '../verdicts';
import { cite } from './cite';

/**
 * The policies ask for a baseline pain and function score and set no age for it: ClaimReady reads one recorded
 * within this many days before the date of service as current, and an older one is advice, never a blocker.
 */
export const BASELINE_RECENCY_DAYS = 30;

export const SHARED = {
  icd10: cite({
    ruleId: 'ICD10-VALID',
    document: 'ICD-10-CM',
    version: 'FY2025 (April 2025 update), FY2026 and its April 2026 update read; FY2027 not read',
    section:
      'Tabular List: only complete codes are billable on the date of service (M54.5 deleted 2021-10-01; M51.36/M51.37 headers from 2024-10-01)',
    grade: 'P',
    note: 'The CDC/NCHS code files of FY2025, FY2026 and the April 2026 update were read for the pain-relevant categories (src/tools/icd10cm): neither FY2026 release changed their codes. From 2026-10-01 (FY2027, not read) the April 2026 codes are held and the finding says so.',
  }),
  siteConsistency: cite({
    ruleId: 'DOC-SITE',
    document: 'LCD L39242 / LCD L38803 families',
    section: 'Documentation Requirements: the record must support the procedure, levels and side billed',
    grade: 'S1',
    note: 'The rubrics restate that the record must support the service billed; comparing order, note plan and diagnosis is how ClaimReady checks that.',
  }),
  modifier25: cite({
    ruleId: 'MOD-25',
    document: 'CMS Claims Processing Manual 100-04, Ch. 12',
    section: 'Modifier 25: significant, separately identifiable E/M on the day of a procedure',
    grade: 'P',
    note: 'Affects the E/M line, not the procedure, so it is shown as advice.',
  }),
} satisfies Record<string, Citation>;
