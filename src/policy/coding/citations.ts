// Where each coding edit comes from. Tables carry their own verified flag; rules confirmed in shared/policy are verified.
import type { Citation } from '../verdicts';
import { NCCI_PTP } from './data/ncci-ptp';
import { MUE } from './data/mue';

export const CITE = {
  ptp: (verified: boolean): Citation => ({ document: `NCCI PTP ${NCCI_PTP.quarter}`, section: 'Practitioner PTP edits', verified, note: verified ? undefined : 'Pair not yet confirmed against the CMS file' }),
  mue: (verified: boolean): Citation => ({ document: `NCCI MUE ${MUE.quarter}`, section: 'Practitioner Services MUE Table', verified, note: verified ? undefined : 'Value not yet confirmed against the CMS file' }),
  imaging: { document: 'CPT code structure; NCCI', section: 'Imaging guidance included in 62321/62323/62325/62327, 64479-64484, 64490-64495, 64633-64636, 27096 (shared/policy ESI-77003, FJ-IMAGING)', verified: true } as Citation,
  addOn: { document: 'NCCI Add-on Code Edits', section: 'Add-on codes paid only with a listed primary code', verified: true } as Citation,
  mod25: { document: 'CMS Claims Processing Manual 100-04, Ch. 12', section: 'Modifier 25: significant, separately identifiable E/M on the day of a procedure', verified: true } as Citation,
  ptpModifiers: { document: 'NCCI Policy Manual, Ch. I', section: 'Modifiers 59 and XE/XS/XP/XU bypass only indicator-1 edits, with documentation', verified: true } as Citation,
  icd10: { document: 'ICD-10-CM FY2026', section: 'Tabular List (billable codes; deleted codes and successors)', verified: true } as Citation,
  esiLevels: { document: 'LCD L39242', section: 'Limitations (transforaminal at most 2 levels; interlaminar 1 level per session)', verified: true } as Citation,
  facetLevels: { document: 'LCD L38803', section: 'Limitations (at most 2 facet levels per session; 3rd level not covered)', verified: true } as Citation,
  esiFrequency: { document: 'LCD L39242', section: 'Limitations (at most 4 ESI sessions per region in a rolling 12 months)', verified: true } as Citation,
  facetFrequency: { document: 'LCD L38803', section: 'Limitations (at most 4 MBB/IA sessions per region in a rolling 12 months)', verified: true } as Citation,
  rfaFrequency: { document: 'LCD L38803', section: 'Limitations (at most 2 RFA sessions per region in a rolling 12 months)', verified: true } as Citation,
  codeFormat: { document: 'HCPCS code set (Level I CPT and Level II)', section: 'Five-character codes', verified: true } as Citation,
  catalogue: { document: 'ClaimReady procedure catalogue', section: 'src/policy/services.ts (pain-management subset)', verified: true } as Citation,
  claimForm: { document: 'NUCC 1500 Claim Form Reference Instruction Manual', section: 'Item 21 (up to 12 diagnoses) and Item 24E (up to 4 pointers per line)', verified: true } as Citation,
  modifiers: { document: 'CMS Claims Processing Manual 100-04, Ch. 12', section: 'Modifiers 50, RT/LT, 25, 59/X{EPSU} (shared/policy Modifiers)', verified: true } as Citation,
  siteConsistency: { document: 'LCD L39242 / L38803', section: 'Documentation Requirements (levels and laterality consistent between order, note and claim)', verified: true } as Citation,
};
