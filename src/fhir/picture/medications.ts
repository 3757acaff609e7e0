// Medication -> conservative-care class from the shared lexicon (./medications-lexicon): by ingredient RxCUI, else by
// ingredient, alias or brand name in the text. Combination products take their strongest class; cough/cold products
// and low-dose (or unstated-dose) aspirin are not pain trials.
import type { ConservativeKind } from '../../policy/picture';
import { CLASS_STRENGTH, INGREDIENTS, LOW_DOSE_ASPIRIN_MG, NOT_A_PAIN_TRIAL, type Ingredient } from './medications-lexicon';

export interface MedClass {
  kind: ConservativeKind;
  /** The ingredient that decided the class. */
  name: string;
  /** Every recognised ingredient, for the description. */
  ingredients: string[];
}

export const RXNORM_CLASSES: Record<string, Ingredient> = Object.fromEntries(INGREDIENTS.map((i) => [i.rxcui, i]));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TERM = new Map<string, Ingredient>();
for (const i of INGREDIENTS) for (const t of [i.name, ...i.brands, ...(i.aliases ?? [])]) TERM.set(t.toLowerCase(), i);
// Longest terms first so "MS Contin" wins over shorter overlaps; one alternation keeps the scan linear.
const TERMS = new RegExp(
  `(?<![a-z])(${[...TERM.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![a-z])`,
  'gi',
);
const EXCLUDED = new RegExp(`(?<![a-z])(${NOT_A_PAIN_TRIAL.join('|')})(?![a-z])`, 'i');

function lowDoseAspirin(text: string, found: Ingredient[]): boolean {
  if (found.length !== 1 || found[0]!.name !== 'aspirin') return false;
  const mg = /aspirin\D{0,20}?(\d+(?:\.\d+)?)\s*mg/i.exec(text) ?? /(\d+(?:\.\d+)?)\s*mg\D{0,20}?aspirin/i.exec(text);
  // Without a stated strength, plain aspirin on a medication list is most often the daily cardioprotective dose.
  return mg === null || Number(mg[1]) <= LOW_DOSE_ASPIRIN_MG;
}

export function medClass(rxnormCodes: readonly string[], text: string): MedClass | undefined {
  if (EXCLUDED.test(text)) return undefined;
  const found: Ingredient[] = [];
  for (const code of rxnormCodes) {
    const hit = RXNORM_CLASSES[code];
    if (hit && !found.includes(hit)) found.push(hit);
  }
  for (const m of text.matchAll(TERMS)) {
    const hit = TERM.get(m[1]!.toLowerCase());
    if (hit && !found.includes(hit)) found.push(hit);
  }
  if (found.length === 0 || lowDoseAspirin(text, found)) return undefined;
  const strongest = [...found].sort((a, b) => CLASS_STRENGTH.indexOf(a.kind) - CLASS_STRENGTH.indexOf(b.kind))[0]!;
  return { kind: strongest.kind, name: strongest.name, ingredients: found.map((i) => i.name) };
}
