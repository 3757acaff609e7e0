// Spinal levels, laterality and region from bodySite: coded laterality qualifiers (SNOMED) or the words in text.
import type { Laterality, SpinalLevel, SpinalRegion } from '../../policy/picture';
import { expandSegments, normalizeLevel, regionOfLevel } from '../../policy/levels';
import { serviceDef } from '../../policy/services';
import type { CodeableConceptT } from './schemas';
import { SYS, allText, isSystem } from './codes';

const LATERALITY_SNOMED: Record<string, Laterality> = { '7771000': 'left', '24028007': 'right', '51440002': 'bilateral' };

// "L4-L5", "L4-5", "L5/S1", "C6-7", a range "L3-L5", or a single "S1".
const LEVEL_TOKEN = /\b([CTLS])(\d{1,2})(?:\s*(?:-|–|\/|to)\s*([CTLS])?(\d{1,2}))?\b/gi;

/** Levels named in free text, normalised; non-adjacent ranges expand to their segments ("L3-L5" -> L3-L4, L4-L5). */
export function levelsInText(text: string): SpinalLevel[] {
  const out: SpinalLevel[] = [];
  for (const m of text.matchAll(LEVEL_TOKEN)) {
    const a = `${m[1]!.toUpperCase()}${m[2]}`;
    if (m[4] === undefined) {
      const single = normalizeLevel(a);
      if (single && !out.includes(single)) out.push(single);
      continue;
    }
    const b = `${(m[3] ?? m[1]!).toUpperCase()}${m[4]}`;
    const pair = normalizeLevel(`${a}-${b}`);
    const levels = pair ? [pair] : expandSegments(a, b);
    for (const l of levels) if (!out.includes(l)) out.push(l);
  }
  return out;
}

export function lateralityInText(text: string): Laterality | undefined {
  const t = text.toLowerCase();
  if (/\bbilat(eral)?\b|\bboth sides\b/.test(t)) return 'bilateral';
  const left = /\bleft\b|\blt\b/.test(t);
  const right = /\bright\b|\brt\b/.test(t);
  if (left && right) return 'bilateral';
  if (left) return 'left';
  if (right) return 'right';
  return undefined;
}

export function regionInText(text: string): SpinalRegion | undefined {
  const t = text.toLowerCase();
  if (/\bcervical\b|\bneck\b/.test(t)) return 'cervical';
  if (/\bthoracic\b/.test(t)) return 'thoracic';
  if (/\blumbar\b|\blumbosacral\b|\blow back\b/.test(t)) return 'lumbar';
  if (/\bsacral\b|\bsacroiliac\b|\bsacrum\b/.test(t)) return 'sacral';
  return undefined;
}

export interface Site {
  levels: SpinalLevel[];
  laterality?: Laterality;
  region?: SpinalRegion;
}

/**
 * Reads bodySite[] of a Procedure or ServiceRequest; the code's region group fills in a missing region.
 * `fallbackText` (the code's text, "Left L4-L5 transforaminal ...") is read only for what bodySite leaves out,
 * because some EHRs never code bodySite.
 */
export function siteOf(bodySite: CodeableConceptT[] | undefined, code?: string, fallbackText?: string): Site {
  const levels: SpinalLevel[] = [];
  let laterality: Laterality | undefined;
  let textRegion: SpinalRegion | undefined;
  for (const site of bodySite ?? []) {
    for (const c of site.coding ?? []) {
      const coded = isSystem(c.system, SYS.snomed) && c.code ? LATERALITY_SNOMED[c.code] : undefined;
      if (coded) laterality = laterality && laterality !== coded ? 'bilateral' : coded;
    }
    const text = allText(site);
    for (const l of levelsInText(text)) if (!levels.includes(l)) levels.push(l);
    const worded = lateralityInText(text);
    if (worded && !laterality) laterality = worded;
    textRegion ??= regionInText(text);
  }
  if (fallbackText) {
    if (levels.length === 0) levels.push(...levelsInText(fallbackText));
    laterality ??= lateralityInText(fallbackText);
    textRegion ??= regionInText(fallbackText);
  }
  const site: Site = { levels };
  if (laterality) site.laterality = laterality;
  const fromLevels = levels[0] ? regionOfLevel(levels[0]) : undefined;
  const group = code ? serviceDef(code)?.regionGroup : undefined;
  // What is written (region words, levels) wins; the code's billing group is the last resort, and its
  // cervical-thoracic group is read as cervical, the common case in a pain clinic.
  const region =
    textRegion ?? fromLevels ?? (group === 'lumbar-sacral' ? 'lumbar' : group === 'cervical-thoracic' ? 'cervical' : undefined);
  if (region) site.region = region;
  return site;
}
