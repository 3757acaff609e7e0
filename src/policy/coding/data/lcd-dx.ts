// Diagnoses the LCDs list as covering each procedure family, as ICD-10-CM prefixes (coding-only data).
// The lists follow ../../../../shared/policy (ESI-DX, FJ-PAIN) but the billing articles' full code lists were not
// read in this build, so each list is unverified: an uncovered diagnosis is a warning, not an error.
import type { Citation, ServiceKind } from '../types';

export interface LcdDxList {
  kinds: readonly ServiceKind[];
  /** Code prefixes (dot kept): "M54.1" covers M54.12 ... M54.18. */
  covered: readonly string[];
  citation: Citation;
}

export const LCD_DX: readonly LcdDxList[] = [
  {
    kinds: ['esi-interlaminar', 'esi-transforaminal', 'esi-catheter'],
    covered: ['M54.1', 'M50.1', 'M51.1', 'M48.0', 'M47.1', 'M47.2', 'M96.1', 'B02.2', 'M43.1', 'M99.3', 'M99.4', 'M99.5'],
    citation: { document: 'LCD L39242 / Article A58731', section: 'Covered Indications; ICD-10-CM Codes that Support Medical Necessity', verified: false, note: 'Prefix list from shared/policy ESI-DX; article code list not read' },
  },
  {
    kinds: ['facet-mbb', 'facet-ia', 'facet-rfa'],
    covered: ['M47.81', 'M47.89', 'M47.9', 'M43.1', 'M53.2', 'M96.1', 'M51.36', 'M51.37', 'M54.2', 'M54.5', 'M54.6', 'G89.2', 'G89.4', 'S13.4', 'S33.5'],
    citation: { document: 'LCD L38803 / billing article', section: 'Covered Indications; ICD-10-CM Codes that Support Medical Necessity', verified: false, note: 'Prefix list from shared/policy FJ-PAIN; article code list not read' },
  },
];

export function lcdDxFor(kind: ServiceKind): LcdDxList | undefined {
  return LCD_DX.find((l) => l.kinds.includes(kind));
}

export function lcdCovers(list: LcdDxList, icd10: string): boolean {
  const c = icd10.toUpperCase();
  return list.covered.some((pfx) => c.startsWith(pfx));
}
