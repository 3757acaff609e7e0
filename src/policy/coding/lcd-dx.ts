// Diagnoses each procedure family's article lists as covering it, for coding (pointer order and the lcd-dx edit).
// The facet article publishes a closed list (A58403, the facet policy's own table); the ESI article publishes none,
// so the ESI list is only the codes that name an indication, and an uncovered ESI diagnosis is advice, not an error.
import type { Citation, ServiceKind } from './types';
import { cite } from '../policies/cite';
import { familyKinds } from '../services';
import { FACET_COVERED_ICD10, FACET_CYST_ICD10, FACET_BLOCK_VERSIONS } from '../policies/lcd-facet-versions';
import { ACUTE_ZOSTER_ICD10, RADICULAR_ICD10 } from '../policies/lcd-epidural';

export interface LcdDxList {
  kinds: readonly ServiceKind[];
  /** Code prefixes (dot kept): "M54.1" covers M54.12 ... M54.18. */
  covered: readonly string[];
  citation: Citation;
}

export const LCD_DX: readonly LcdDxList[] = [
  {
    kinds: familyKinds('esi'),
    covered: [...RADICULAR_ICD10, 'M48.0', 'M50.2', 'M51.2', 'M47.1', 'M96.1', ...ACUTE_ZOSTER_ICD10],
    citation: cite({
      ruleId: 'ESI-DX',
      document: 'LCD L39242 family (L39240 / A58993)',
      section: 'Covered Indications (coverage by indication; no closed ICD-10-CM list)',
      grade: 'none',
      note: "ClaimReady's codes that name an ESI indication; the article publishes no closed list, so this edit is advice.",
    }),
  },
  {
    kinds: familyKinds('facet-block'),
    covered: [...FACET_COVERED_ICD10, ...FACET_CYST_ICD10],
    citation: FACET_BLOCK_VERSIONS[FACET_BLOCK_VERSIONS.length - 1]!.params.diagnosisList!.citation,
  },
  {
    kinds: familyKinds('facet-rfa'),
    covered: FACET_COVERED_ICD10,
    citation: FACET_BLOCK_VERSIONS[FACET_BLOCK_VERSIONS.length - 1]!.params.diagnosisList!.citation,
  },
];

export function lcdDxFor(kind: ServiceKind): LcdDxList | undefined {
  return LCD_DX.find((l) => l.kinds.includes(kind));
}

export function lcdCovers(list: LcdDxList, icd10: string): boolean {
  const c = icd10.toUpperCase();
  return list.covered.some((pfx) => c.startsWith(pfx));
}
