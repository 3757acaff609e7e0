// Spinal levels, laterality and region from bodySite: coded laterality qualifiers (SNOMED) or the words in text.
import type { Laterality, SpinalLevel, SpinalRegion } from '../../policy/picture';
import { expandSegments, jointsOfNerves, normalizeLevel, regionOfLevel, vertebraIndex } from '../../policy/levels';
import { serviceDef } from '../../policy/services';
import type { CodeableConceptT } from './schemas';
import { SYS, allText, isSystem } from './codes';

const LATERALITY_SNOMED: Record<string, Laterality> = { '7771000': 'left', '24028007': 'right', '51440002': 'bilateral' };

// "L4-L5", "L4-5", "L5/S1", "C6-7", a range "L3-L5", or a single "S1".
const LEVEL_TOKEN = /\b([CTLS])(\d{1,2})(?:\s*(?:-|–|\/|to)\s*([CTLS])?(\d{1,2}))?\b/gi;

// A facet order may name the nerves it blocks ("L3, L4 medial branches and L5 dorsal ramus") instead of the joints;
// the level limit counts joints. MB and DR only in capitals, so "Dr." is not a dorsal ramus.
const NERVE_WORDS = /\bmedial\s+branch(?:es)?\b|\bdorsal\s+(?:primary\s+)?ram(?:us|i)\b/i;
const NERVE_ABBREVIATIONS = /\b(?:MBs?|DR|DPR)\b/;
const NERVE_NAMED_KINDS = new Set(['facet-mbb', 'facet-rfa']);

/** Whether an order for this code may name its levels by the nerves blocked (medial branch blocks, facet RFA). */
export function namesNerves(code: string | undefined): boolean {
  const kind = code ? serviceDef(code)?.kind : undefined;
  return kind !== undefined && NERVE_NAMED_KINDS.has(kind);
}

/**
 * Levels named in free text, normalised; non-adjacent ranges expand to their segments ("L3-L5" -> L3-L4, L4-L5).
 * With `nerves` (a facet service) and nerve words in the text, the single vertebrae named are nerves and are read as
 * the joints they supply ("L3, L4 MB, L5 DR" -> L4-L5, L5-S1); joints written as such are kept as written.
 */
export function levelsInText(text: string, nerves = false): SpinalLevel[] {
  const out: SpinalLevel[] = [];
  const singles: SpinalLevel[] = [];
  for (const m of text.matchAll(LEVEL_TOKEN)) {
    const a = `${m[1]!.toUpperCase()}${m[2]}`;
    if (m[4] === undefined) {
      const single = normalizeLevel(a);
      if (single && !out.includes(single)) out.push(single);
      if (single && !singles.includes(single)) singles.push(single);
      continue;
    }
    const b = `${(m[3] ?? m[1]!).toUpperCase()}${m[4]}`;
    const pair = normalizeLevel(`${a}-${b}`);
    const levels = pair ? [pair] : expandSegments(a, b);
    for (const l of levels) if (!out.includes(l)) out.push(l);
  }
  if (!nerves || singles.length === 0 || !(NERVE_WORDS.test(text) || NERVE_ABBREVIATIONS.test(text))) return out;
  const joints = jointsOfNerves(singles);
  if (!joints) return out;
  const asJoints = [...out.filter((l) => !singles.includes(l)), ...joints];
  return asJoints
    .filter((l, i) => asJoints.indexOf(l) === i)
    .sort((x, y) => vertebraIndex(x.split('-')[0]!) - vertebraIndex(y.split('-')[0]!));
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
  const nerves = namesNerves(code);
  const siteTexts: string[] = [];
  for (const site of bodySite ?? []) {
    for (const c of site.coding ?? []) {
      const coded = isSystem(c.system, SYS.snomed) && c.code ? LATERALITY_SNOMED[c.code] : undefined;
      if (coded) laterality = laterality && laterality !== coded ? 'bilateral' : coded;
    }
    const text = allText(site);
    siteTexts.push(text);
    const worded = lateralityInText(text);
    if (worded && !laterality) laterality = worded;
    textRegion ??= regionInText(text);
  }
  // Read together: a nerve list is often one bodySite per nerve.
  levels.push(...levelsInText(siteTexts.join(' ; '), nerves));
  let fallbackRegion: SpinalRegion | undefined;
  if (fallbackText) {
    if (levels.length === 0) levels.push(...levelsInText(fallbackText, nerves));
    laterality ??= lateralityInText(fallbackText);
    fallbackRegion = regionInText(fallbackText);
  }
  const site: Site = { levels };
  if (laterality) site.laterality = laterality;
  const fromLevels = levels[0] ? regionOfLevel(levels[0]) : undefined;
  const group = code ? serviceDef(code)?.regionGroup : undefined;
  // What is written at the site (region words, levels) wins over the order's name, which is often the CPT family's
  // label ("cervical/thoracic") and must not turn T7-T8 into cervical; the code's billing group is the last resort,
  // and its cervical-thoracic group is read as cervical, the common case in a pain clinic.
  const region =
    textRegion ??
    fromLevels ??
    fallbackRegion ??
    (group === 'lumbar-sacral' ? 'lumbar' : group === 'cervical-thoracic' ? 'cervical' : undefined);
  if (region) site.region = region;
  return site;
}
