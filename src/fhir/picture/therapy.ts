// What marks physical therapy, in one place for Procedures, Encounters and CarePlans: the CPT PT codes, SNOMED CT PT
// concepts, or the words EHRs use (type, serviceType, class, category text; "PT" only as its own upper-case word,
// since "New Pt" is a new patient).
import type { CodeableConceptT, CodingT } from './schemas';
import { SYS, allText, isSystem } from './codes';

/** CPT physical medicine codes a PT visit is billed under (evaluations 97161-97163, therapeutic procedures). */
export const PT_CODES = ['97110', '97140', '97530', '97161', '97162', '97163', '97164', '97112', '97035', '97014', '97116', '97150'];
/** SNOMED CT: 91251008 physical therapy procedure; 229065009 exercise therapy; 229070002 stretching exercises. */
const PT_SNOMED = ['91251008', '229065009', '229070002'];

const PT_WORDS = /physical therap|physiotherap|physio\b/i;
// "PT" as an upper-case word, not "New PT"/"Est PT" (patient) nor "PT/INR" (prothrombin time).
const PT_ABBREV = /(?<!\b(?:new|est\.?|established|return)\s)\bPT\b(?!\s*\/\s*INR|\s*INR)/;

export function isPtCoding(c: CodingT): boolean {
  const code = c.code ?? '';
  if (isSystem(c.system, SYS.cpt) && PT_CODES.includes(code)) return true;
  if (isSystem(c.system, SYS.snomed) && PT_SNOMED.includes(code)) return true;
  return PT_WORDS.test(c.display ?? '') || PT_ABBREV.test(c.display ?? '');
}

/** Whether a concept (or loose text) names physical therapy by code or by words. */
export function namesPt(concepts: readonly (CodeableConceptT | CodingT | string | undefined)[]): boolean {
  for (const c of concepts) {
    if (c === undefined) continue;
    if (typeof c === 'string') {
      if (PT_WORDS.test(c) || PT_ABBREV.test(c)) return true;
      continue;
    }
    if ('coding' in c || 'text' in c) {
      const cc = c as CodeableConceptT;
      if ((cc.coding ?? []).some(isPtCoding)) return true;
      const text = allText(cc);
      if (PT_WORDS.test(text) || PT_ABBREV.test(text)) return true;
      continue;
    }
    if (isPtCoding(c as CodingT)) return true;
  }
  return false;
}

/** Everything an Encounter says about what kind of visit it was: type, serviceType and class (R4 Coding, R5 list). */
export function encounterConcepts(e: {
  type?: CodeableConceptT[] | undefined;
  serviceType?: CodeableConceptT | undefined;
  class?: CodingT | CodeableConceptT[] | undefined;
}): (CodeableConceptT | CodingT)[] {
  const classes = Array.isArray(e.class) ? e.class : e.class ? [e.class] : [];
  return [...(e.type ?? []), ...(e.serviceType ? [e.serviceType] : []), ...classes];
}
