// Imaging from prose: "MRI 2025-03-02 shows L5-S1 disc protrusion", "lumbar MRI on 3/2/2025 demonstrated ...".
// Only studies that were done count: "will order MRI", "MRI pending", "no imaging on file" are not imaging.
import type { ImagingFact, ImagingModality, NoteDoc } from '../../policy/picture';
import { clauseStart, isAboutFamily, isNegated, type Sentence } from './context';
import { DATE, matchAll, parseDate, spanEvidence, trimTrailing } from './lexicon';
import { levelGroups, regionOf } from './extract-site';
import { readImpression } from '../picture/imaging-findings';

export const MODALITY =
  /\b(MRI|MR imaging|magnetic resonance imaging|CT myelogram|CT(?: scan)?|CAT scan|computed tomography|x-?rays?|radiographs?|plain films|XR|EMG(?:\s*\/\s*NCS)?|NCS|nerve conduction stud(?:y|ies)|electromyography)\b/gi;
const DATE_RE = new RegExp(DATE, 'gi');
const FINDING_VERB =
  /\b(?:shows?|showed|showing|demonstrat\w*|reveal\w*|notable for|significant for|remarkable for|consistent with|positive for|confirm\w*|with|found|noted|:)\s*/i;
const NOT_DONE_AFTER =
  /^[^.;]{0,40}?\b(?:not (?:yet )?(?:been )?(?:done|available|obtained|performed|completed)|pending|ordered|to be (?:done|obtained|scheduled)|was (?:cancel\w+|declined)|has not been)\b/i;
const FUTURE_BEFORE =
  /\b(?:will|would|may|might|could|should|consider\w*|recommend\w*|order\w*|obtain|request\w*|schedul\w*|plan\w*|need\w*|if|get|awaiting|pending)\b/i;
const REGION_WORD = /\b(cervical|thoracic|lumbar|lumbosacral|sacral|c-spine|l-spine|t-spine)\b/i;

function modalityOf(raw: string): ImagingModality {
  const t = raw.toLowerCase();
  if (t.startsWith('mr') || t.startsWith('magnetic')) return 'MRI';
  if (t.startsWith('ct') || t.startsWith('cat') || t.startsWith('computed')) return 'CT';
  if (t.startsWith('x') || t.startsWith('radiograph') || t.startsWith('plain') || t === 'xr') return 'XR';
  if (t.startsWith('emg') || t.startsWith('ncs') || t.startsWith('nerve') || t.startsWith('electro')) return 'EMG';
  return 'other';
}

export function extractImaging(note: NoteDoc, sentences: readonly Sentence[]): ImagingFact[] {
  const out: ImagingFact[] = [];
  for (const sen of sentences) {
    const s = sen.text;
    const found = matchAll(MODALITY, s);
    // Most sentences name no study: no copy of the empty answer for them.
    if (found.length === 0) continue;
    const mods = found.filter((m) => m[0] !== 'ct' && m[0] !== 'Ct' && m[0] !== 'xr');
    for (let i = 0; i < mods.length; i++) {
      const m = mods[i]!;
      const pos = m.index;
      // "MRI and CT" listed together share one finding; skip a modality directly joined to the next.
      const next = mods[i + 1];
      if (isAboutFamily(s, pos, sen.section) || isNegated(s, pos)) continue;
      if (FUTURE_BEFORE.test(s.slice(clauseStart(s, pos), pos))) continue;
      const modEnd = pos + m[0].length;
      if (NOT_DONE_AFTER.test(s.slice(modEnd))) continue;
      const limit = next && !/^\s*(?:and|\/|,)\s*$/i.test(s.slice(modEnd, next.index)) ? next.index : s.length;
      let date: string | undefined;
      let dateEnd = modEnd;
      for (const d of matchAll(DATE_RE, s)) {
        const iso = parseDate(d[0]);
        if (!iso) continue;
        const dist = d.index >= modEnd ? d.index - modEnd : pos - (d.index + d[0].length);
        if (dist < 0 || dist > 30 || d.index >= limit) continue;
        date = iso;
        if (d.index >= modEnd) dateEnd = Math.max(dateEnd, d.index + d[0].length);
        break;
      }
      const rest = s.slice(dateEnd, limit);
      const fv = FINDING_VERB.exec(rest);
      let finding: string | undefined;
      let end = dateEnd;
      if (fv && fv.index <= 40) {
        const fStart = dateEnd + fv.index + fv[0].length;
        const tail = trimTrailing(s.slice(fStart, limit));
        if (tail) {
          finding = tail;
          end = fStart + tail.length;
        }
      }
      const levels = levelGroups(s.slice(pos, limit)).flatMap((g) => g.levels);
      const fact: ImagingFact = {
        source: 'note',
        evidence: [spanEvidence(note, sen, pos, end)],
        modality: modalityOf(m[1]!),
        levels: [...new Set(levels)],
      };
      if (date) fact.date = date;
      if (finding) fact.finding = finding;
      // "Normal MRI of the lumbar spine", "MRI: no herniation or stenosis": a study on file that finds nothing.
      if (readImpression(s).normal) fact.normal = true;
      const region = regionOf(fact.levels) ?? regionWord(s);
      if (region) fact.region = region;
      out.push(fact);
    }
  }
  return out;
}

function regionWord(s: string): ImagingFact['region'] {
  const w = REGION_WORD.exec(s)?.[1]?.toLowerCase();
  if (!w) return undefined;
  if (w.startsWith('c')) return 'cervical';
  if (w.startsWith('t')) return 'thoracic';
  if (w === 'sacral') return 'sacral';
  return 'lumbar';
}
