// Citations several policies share: ICD-10-CM validity, site consistency, modifier 25.
import type { Citation } from '../verdicts';

export const SHARED = {
  icd10: {
    document: 'ICD-10-CM FY2026',
    section: 'Tabular List: only complete codes are billable; M54.5 deleted 2021-10-01 (successors M54.50, M54.51, M54.59)',
    verified: true,
  },
  siteConsistency: {
    document: 'LCD L39242 / LCD L38803',
    section: 'Documentation Requirements: the record must support the procedure, levels and side billed',
    verified: true,
    note: 'The LCDs require the medical record to support the service billed; comparing order, note plan and diagnosis is how ClaimReady checks that.',
  },
  modifier25: {
    document: 'CMS Claims Processing Manual 100-04, Ch. 12',
    section: 'Modifier 25: significant, separately identifiable E/M on the day of a procedure',
    verified: true,
    note: 'Affects the E/M line, not the procedure, so it is shown as a warning.',
  },
} satisfies Record<string, Citation>;
