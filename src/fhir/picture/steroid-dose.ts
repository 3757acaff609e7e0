// The steroid and its dose as an order's words name them ("TFESI L5-S1, dexamethasone 10 mg", "80 mg Kenalog"), for
// the ESI rubric's per-session dose ceilings (issue 9, F10). A concentration ("Kenalog 40 mg/mL") is not a dose and
// is not read; nor is a text naming two different doses of one drug (which one is given is not said).
import type { PlannedService } from '../../policy/picture';

type Steroid = NonNullable<PlannedService['steroidDose']>['drug'];

const NAMES: [RegExp, Steroid][] = [
  [/^(?:triamcinolone|kenalog)/i, 'triamcinolone'],
  [/^(?:betamethasone|celestone)/i, 'betamethasone'],
  [/^(?:dexamethasone|decadron)/i, 'dexamethasone'],
  [/^(?:methylprednisolone|depo-?medrol)/i, 'methylprednisolone'],
];
const DRUG = String.raw`(triamcinolone(?: acetonide)?|kenalog(?:-\d+)?|betamethasone(?: sodium phosphate(?: and acetate)?)?|celestone(?: soluspan)?|dexamethasone(?: sodium phosphate)?|decadron|methylprednisolone(?: acetate)?|depo-?medrol)`;
const MG = String.raw`(\d{1,3}(?:\.\d{1,2})?)\s*mg\b(?!\s*\/\s*(?:ml|cc))`;
const DRUG_FIRST = new RegExp(String.raw`\b${DRUG}\s*(?:\(\s*)?${MG}`, 'gi');
const DOSE_FIRST = new RegExp(String.raw`\b${MG}\s*(?:of\s+)?${DRUG}\b`, 'gi');

const OR_ANOTHER = /^\s*(?:or|to|-|–|\/)\s*\d/i;

function drugOf(name: string): Steroid | undefined {
  return NAMES.find(([re]) => re.test(name))?.[1];
}

/** The one steroid dose the text names, or undefined (none, or doses that disagree). */
export function steroidDoseIn(text: string): PlannedService['steroidDose'] {
  if (!/mg/i.test(text)) return undefined;
  const found: NonNullable<PlannedService['steroidDose']>[] = [];
  for (const m of text.matchAll(DRUG_FIRST)) {
    const drug = drugOf(m[1]!);
    // "10 mg or 15 mg", "10-15 mg": a range or a choice is not the dose.
    if (OR_ANOTHER.test(text.slice(m.index + m[0].length))) return undefined;
    if (drug) found.push({ drug, mg: Number(m[2]), text: m[0] });
  }
  for (const m of text.matchAll(DOSE_FIRST)) {
    const drug = drugOf(m[2]!);
    if (drug) found.push({ drug, mg: Number(m[1]), text: m[0] });
  }
  if (found.length === 0) return undefined;
  const first = found[0]!;
  return found.every((f) => f.drug === first.drug && f.mg === first.mg) ? first : undefined;
}
