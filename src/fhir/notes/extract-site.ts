// Spinal levels and laterality named in prose ("left L4-5 and L5-S1", "bilateral L3-L5 medial branches",
// "right C6-7"), with what the mention is about: the plan, the history, the exam, or imaging.
import type { Laterality, NoteDoc, SiteMention, SpinalLevel, SpinalRegion } from '../../policy/picture';
import { expandSegments, normalizeLevel, regionOfLevel, vertebraIndex } from '../../policy/levels';
import { clauseEnd, clauseStart, isAboutFamily, isNegated, type Sentence } from './context';
import { matchAll, noteDay, spanEvidence } from './lexicon';
import { mayMatch } from './trigger-scan';

// One level token: "L4-5", "L4/L5", "L5-S1", "C6-7", "L3-L5", "L4 through S1", "S1".
const LEVEL =
  /\b(?:([CL])([1-7])(S)?([1-7])|([CTLS])(?:\s?|-(?=\d\b))(\d{1,2})(?:\s*(?:-|–|\/|to|through|thru)\s*([CTLS])?\s?(\d{1,2}))?)\b(?!\s*(?:-?weighted|W\b|hyperintens|signal|images?|sequence|mg|%))/gi;
// "S1, S2" and "S1 and S2" in a heart exam are heart sounds, as are S3/S4 beside heart words; "at S2 and S3 by
// stimulating along the foramen" is the sacrum.
const HEART_WORDS = /\b(?:heart|murmurs?|gallops?|rubs?|RRR|regular rate|rhythm|clicks?|cardiac|cardiovascular|auscultation)\b/i;
const S_PAIR = /\bS1,?\s*(?:and\s+)?S?2\b/i;
const SPINE_WORDS =
  /\b(?:foram\w*|nerves?|roots?|sacral|sacrum|levels?|segments?|dermatom\w*|radicul\w*|vertebra\w*|rami|ramus|joints?|spinal|lumbar|lumbosacral|needle)\b/i;
function isHeartSound(around: string): boolean {
  return HEART_WORDS.test(around) || (S_PAIR.test(around) && !SPINE_WORDS.test(around));
}
// Not where the pain or procedure is: a reflex ("S1 reflexes", "S1 +2/2"), a cord sensory level ("sensory level at
// about T7"), a thyroid lab ("T4 0.85", "free T3").
const REFLEX_AFTER = /^\s*(?:(?:deep tendon |ankle )?reflex\w*|jerks?|DTRs?|[+-]?\d\s*\/\s*[24]|[+-]\d)/i;
const SENSORY_LEVEL_BEFORE = /\bsensory level\b|\bbelow (?:approximately |about )?$/i;
const THYROID = /^T[34]$/i;
// MRI sequences: "T1 and T2 weighted images", "T1, T2 and STIR".
const SEQUENCE_NAME = /^T[12]$/i;
const SEQUENCE_AFTER =
  /^(?:\s*(?:,|and|&|\/|-)\s*T?[12]\b)*[\s-]*(?:(?:and|,)\s*)?(?:weighted|signal|images?|sequences?|hyper\w*|hypo\w*|STIR|FLAIR|fat[- ]sat\w*|axial|sagittal|coronal)\b/i;
// Counting or marking vertebrae to find the way ("counted beginning at L5", "the marker at the C6-C7 level") names a
// landmark, not where the procedure goes.
const LANDMARK_BEFORE = /\b(?:counted|counting|localiz\w+ (?:x-?ray|film|image)\w*[^.;]{0,30}|marker)\b[^.;]{0,25}$/i;
const LAB_AFTER = /^\s*(?:[:=]\s*)?\d*\.\d|^\s*(?:level|uptake|free|total)\b/i;
// Complement proteins named like cervical levels: "C4 complement: 19 mg/dl", "C3 and C4 complement levels".
const COMPLEMENT = /^C[1-9]$/i;
const COMPLEMENT_AFTER = /^(?:\s*(?:,|and|&|\/)\s*C\d)*\s*(?:complement|esterase|inhibitor|nephritic)\b/i;
const LAB_BEFORE = /\b(?:free|total|TSH\b[^.;]{0,20}|reverse)\s*$/i;
// What may sit between two level tokens of one mention.
const JOINER = /^\s*(?:,|and|&|\/|or|,\s*and|through|thru|to|over|on)?\s*$/i;
// Between two tokens, a span of the spine ("L1-2 through L5-S1") or a slip ("L5 over S1").
const SPAN_JOINER = /^\s*(?:through|thru|to)\s*$/i;
const ONE_SITE_JOINER = /^(?:\/|\s*(?:through|thru|to|over|on)\s*)$/i;
const LIST_JOINER = /^\s*(?:,|&|and|,\s*and)\s*$/i;
const LATERALITY_WORD = /\b(left|right|bilateral|bilaterally|bilat|B\/L|Lt|Rt|L\s*>\s*R|R\s*>\s*L)(?:[- ]sided)?\b/gi;
const LATERALITY_AFTER =
  /^\s*(?:,\s*)?(?:[a-z-]+\s+){0,3}?on the\s+(left|right)\b|^\s*(?:[a-z-]+\s+){0,3}?(bilaterally)\b|^\s*,\s*(left|right|bilateral)\b/i;
const TARGET =
  /\b(medial branch(?:es)?|MBBs?|facet(?: joints?)?|transforaminal|TFESI|interlaminar|ILESI|caudal|radiofrequency|RFA|nerve roots?|selective nerve root|SNRB|epidural|ESI|SI joint|sacroiliac)\b/i;

const INTRA_ARTICULAR = /\bintra-?articular\b/i;

const HISTORY_BEFORE =
  /\b(?:s\/p|status post|prior|previous|previously|last|history of|hx of|underwent|had (?:a|an|the|bilateral|left|right)|received|after (?:the|her|his|their)|following (?:the|her|his|their)|post)\b/i;
const HISTORY_AFTER =
  /^[^;]{0,60}?\b(?:in (?:19|20)\d\d|ago|on \d{1,2}\/\d{1,2}\/\d{2,4}|on (?:19|20)\d\d-\d\d-\d\d|(?:performed|done) (?:in|on)|last (?:year|month|week))\b/i;
const HISTORY_AFTER_ANY =
  /\b(?:in (?:19|20)\d\d|ago|on \d{1,2}\/\d{1,2}\/\d{2,4}|on (?:19|20)\d\d-\d\d-\d\d|(?:performed|done) (?:in|on)|last (?:year|month|week))\b/i;
const PLAN_CUE =
  /\b(?:will proceed|proceed with|proceeding with|scheduled? for|scheduled|plan(?:ned|ning)?(?: for| to)?|recommend(?:ed)?|request(?:ing)?(?: authorization)?|prior auth\w*|will (?:perform|schedule|do|repeat|undergo)|to undergo|today|next step)\b/i;
const IMAGING_CUE =
  /\b(?:MRI|CT|x-?rays?|radiographs?|imaging|myelogram|shows?|showed|demonstrat\w*|reveal\w*|protrusion|herniation|herniated|bulge|bulging|stenosis|spondylolisthesis|narrowing|degenerat\w*|osteophyt\w*|annular|fissure|arthropathy|hypertrophy|extrusion)\b/i;
const IMAGING_STUDY = /\b(?:MRI|CT|x-?rays?|radiographs?|myelogram|EMG|NCS|imaging)\b/i;
const EXAM_CUE =
  /\b(?:exam|examination|tender\w*|palpation|facet loading|dermatom\w*|reflex\w*|strength|sensation|SLR|straight leg|spurling|provocative)\b/i;
const CONDITIONAL =
  /\b(?:if|consider|considering|may|might|could|would|possibl[ey]|candidate|option|options|versus|vs|unless|potential(?:ly)?|discussed)\b/i;

export interface LevelToken {
  start: number;
  end: number;
  /** As the note names it: a range stays one range ("L3-S1"), unlike `levels`, which lists its segments. */
  named: SpinalLevel[];
}

export interface LevelGroup {
  start: number;
  end: number;
  levels: SpinalLevel[];
  tokens: LevelToken[];
}

/** A site mention with the spans of its level tokens (absolute offsets), for one mention per token. */
export type NoteSiteMention = SiteMention & { tokens: { start: number; end: number; levels: SpinalLevel[] }[] };

// Notes repeat the same few tokens ("L4-5", "L5-S1"); parsing each once keeps dense level lists cheap.
const tokenCache = new Map<string, SpinalLevel[]>();

/** A level token's parts: region letter, number, and for a range the second letter (optional) and number. */
type TokenParts = [string | undefined, string | undefined, string | undefined, string | undefined];

function levelsOfToken(m: TokenParts): SpinalLevel[] {
  const key = `${m[0]}${m[1]}-${m[2] ?? ''}${m[3] ?? ''}`.toUpperCase();
  let levels = tokenCache.get(key);
  if (!levels) {
    levels = parseToken(m);
    if (tokenCache.size > 5_000) tokenCache.clear();
    tokenCache.set(key, levels);
  }
  return levels;
}

// C8 is a nerve root with no vertebra of its own (it leaves between C7 and T1): an EMG's "right C8/T1 radiculopathy"
// names the roots C8 and T1, and "C7/C8" the roots C7 and C8.
const ROOT_C8 = 'C8';
const BESIDE_C8 = new Set(['C7', 'T1']);

function parseToken(m: TokenParts): SpinalLevel[] {
  const a = `${m[0]!.toUpperCase()}${m[1]}`;
  if (m[3] === undefined) return normalizeLevel(a) || a === ROOT_C8 ? [a] : [];
  const b = `${(m[2] ?? m[0]!).toUpperCase()}${m[3]}`;
  if ((a === ROOT_C8 && BESIDE_C8.has(b)) || (b === ROOT_C8 && BESIDE_C8.has(a))) return [a, b];
  const ia = vertebraIndex(a);
  const ib = vertebraIndex(b);
  if (Number.isNaN(ia) || Number.isNaN(ib) || ib <= ia) return [];
  if (ib === ia + 1) {
    const one = normalizeLevel(`${a}-${b}`);
    return one ? [one] : [];
  }
  return expandSegments(a, b);
}

/** Level tokens in a string, grouped into mentions ("L4-5 and L5-S1" is one group). */
export function levelGroups(s: string): LevelGroup[] {
  const groups: LevelGroup[] = [];
  for (const m of matchAll(LEVEL, s)) {
    const t: TokenParts = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]];
    const levels = m[1] !== undefined ? shorthandLevels(t) : levelsOfToken(t);
    if (levels.length === 0) continue;
    if ((t[0] === 'S' || t[0] === 's') && isHeartSound(s.slice(Math.max(0, m.index - 40), m.index + 40))) continue;
    const end = m.index + m[0].length;
    // Each window test first asks the trigger scan, which knows when the whole sentence lacks the pattern's words.
    if (mayMatch(REFLEX_AFTER, s) && REFLEX_AFTER.test(s.slice(end, end + 24))) continue;
    if (mayMatch(SENSORY_LEVEL_BEFORE, s) && SENSORY_LEVEL_BEFORE.test(s.slice(Math.max(0, m.index - 110), m.index))) continue;
    if (mayMatch(LANDMARK_BEFORE, s) && LANDMARK_BEFORE.test(s.slice(Math.max(0, m.index - 60), m.index))) continue;
    if (SEQUENCE_NAME.test(m[0]) && SEQUENCE_AFTER.test(s.slice(end, end + 40))) continue;
    if (COMPLEMENT.test(m[0]) && COMPLEMENT_AFTER.test(s.slice(end, end + 30))) continue;
    if (THYROID.test(m[0]) && (LAB_AFTER.test(s.slice(end, end + 12)) || LAB_BEFORE.test(s.slice(Math.max(0, m.index - 30), m.index))))
      continue;
    const roots = levels.includes(ROOT_C8);
    const token: LevelToken = { start: m.index, end, named: levels.length > 1 && !roots ? [namedRange(t)] : levels };
    const last = groups[groups.length - 1];
    const joiner = last ? s.slice(last.end, m.index) : '';
    if (last && JOINER.test(joiner)) {
      last.end = end;
      last.tokens.push(token);
      // "L1-2 through L5-S1": every segment between.
      const between = SPAN_JOINER.test(joiner) ? spanBetween(last.levels[0], levels[levels.length - 1]) : [];
      for (const l of [...between, ...levels]) if (!last.levels.includes(l)) last.levels.push(l);
    } else {
      groups.push({ start: m.index, end, levels: [...levels], tokens: [token] });
    }
  }
  return groups;
}

/** The segments from the first vertebra of `a` to the last of `b` ("L1-L2" .. "L5-S1" -> L1-L2 ... L5-S1). */
function spanBetween(a: SpinalLevel | undefined, b: SpinalLevel | undefined): SpinalLevel[] {
  if (!a || !b) return [];
  return expandSegments(a.split('-')[0]!, b.split('-').pop()!);
}

const BETWEEN_BEFORE = /\bbetween\s+(?:the\s+)?$/i;
const isSegment = (t: LevelToken): boolean => t.named.length !== 1 || t.named[0]!.includes('-');

/**
 * The tokens of a group as the sites a reader names: a slash chain ("L4/L5/S1"), a span ("L1-2 through L5-S1",
 * "between C4 and C6"), a slip ("L5 over S1") or a list of vertebrae ("fractures of T12, L1 and L2") is one site;
 * segments listed with "and" or commas ("L4-5 and L5-S1") stay one site each.
 */
function siteTokens(s: string, g: LevelGroup): { start: number; end: number; levels: SpinalLevel[] }[] {
  const out: { start: number; end: number; levels: SpinalLevel[]; single: boolean }[] = [];
  for (const t of g.tokens) {
    const prev = out[out.length - 1];
    const single = !isSegment(t);
    const joiner = prev ? s.slice(prev.end, t.start) : '';
    const between =
      prev !== undefined && prev.single && single && /^\s*and\s*$/i.test(joiner) && BETWEEN_BEFORE.test(s.slice(0, prev.start));
    // Vertebrae listed ("L3, L4, L5, and S1 pedicle screws", "T6 and T7 fractures") name one site, as readers of real
    // notes annotate them; listed segments ("L4-5 and L5-S1") stay one site each.
    const vertebraList = prev !== undefined && prev.single && single && !between && LIST_JOINER.test(joiner);
    if (vertebraList) {
      prev.end = t.end;
      for (const l of t.named) if (!prev.levels.includes(l)) prev.levels.push(l);
      continue;
    }
    if (prev && (between || ONE_SITE_JOINER.test(joiner))) {
      prev.end = t.end;
      const from = prev.levels[prev.levels.length - 1]!;
      const last = from.split('-').pop()!;
      let add: SpinalLevel[] = t.named;
      // A span ("between C4 and C6", "L1-2 through L5-S1") names every segment in it; the next vertebra of a chain
      // or a slip ("L4/L5/S1", "L5 over S1") closes the segment it starts.
      if (between || SPAN_JOINER.test(joiner)) {
        add = spanBetween(prev.levels[0], t.named[t.named.length - 1]);
        if (prev.single && add.length > 0) prev.levels = [];
      } else if (single && vertebraIndex(t.named[0]!) === vertebraIndex(last) + 1) {
        const seg = normalizeLevel(`${last}-${t.named[0]!}`);
        if (seg) add = [seg];
        if (prev.single) prev.levels = [];
      }
      for (const l of add) if (!prev.levels.includes(l)) prev.levels.push(l);
      prev.single &&= single;
    } else {
      out.push({ start: t.start, end: t.end, levels: [...t.named], single });
    }
  }
  return out.map(({ start, end, levels }) => ({ start, end, levels }));
}

/** "L3-S1" as written, normalised ("L3-5" -> "L3-L5"). */
function namedRange(t: TokenParts): SpinalLevel {
  return `${t[0]!.toUpperCase()}${t[1]}-${(t[2] ?? t[0]!).toUpperCase()}${t[3]}`;
}

/** Dictation shorthand "L45", "L34", "L5S1", "C56": the segment between two adjacent vertebrae. */
function shorthandLevels(t: TokenParts): SpinalLevel[] {
  const a = `${t[0]!.toUpperCase()}${t[1]}`;
  const b = `${(t[2] ?? t[0]!).toUpperCase()}${t[3]}`;
  if (vertebraIndex(b) !== vertebraIndex(a) + 1) return [];
  const one = normalizeLevel(`${a}-${b}`);
  return one ? [one] : [];
}

export function regionOf(levels: readonly SpinalLevel[]): SpinalRegion | undefined {
  return levels.length > 0 ? regionOfLevel(levels[0]!) : undefined;
}

function lateralityOf(word: string): Laterality {
  const w = word.toLowerCase().replace(/\s+/g, '');
  if (w.startsWith('bi') || w === 'b/l') return 'bilateral';
  if (w.startsWith('l')) return w.includes('>') ? 'bilateral' : 'left';
  return w.includes('>') ? 'bilateral' : 'right';
}

type SiteContext = SiteMention['context'];

/** Which cue families occur anywhere in the sentence: a clause can only contain what its sentence does. */
interface SentenceCues {
  study: boolean;
  history: boolean;
  plan: boolean;
  imaging: boolean;
  exam: boolean;
}

function cuesOf(s: string): SentenceCues {
  return {
    study: IMAGING_STUDY.test(s),
    history: HISTORY_BEFORE.test(s) || HISTORY_AFTER_ANY.test(s),
    plan: PLAN_CUE.test(s),
    imaging: IMAGING_CUE.test(s),
    exam: EXAM_CUE.test(s),
  };
}

function contextOf(s: string, g: LevelGroup, sen: Sentence, cues: SentenceCues): SiteContext {
  const cs = clauseStart(s, g.start);
  const ce = clauseEnd(s, g.end);
  const before = s.slice(cs, g.start);
  const clause = s.slice(cs, ce);
  if (cues.study && IMAGING_STUDY.test(before)) return 'imaging';
  if (cues.history && (HISTORY_BEFORE.test(before) || HISTORY_AFTER.test(s.slice(g.end, ce)))) return 'history';
  if (cues.plan && PLAN_CUE.test(before)) return 'plan';
  if (sen.section === 'imaging' || (cues.imaging && IMAGING_CUE.test(clause))) return 'imaging';
  if (sen.section === 'plan' || sen.section === 'procedure' || (cues.plan && PLAN_CUE.test(clause))) return 'plan';
  if (sen.section === 'assessment') return 'plan';
  if (sen.section === 'exam' || (cues.exam && EXAM_CUE.test(clause))) return 'exam';
  if (sen.section === 'past-history') return 'history';
  return 'unknown';
}

// A level read as normal is not where the pathology is: an imaging report's "L1-L2: Normal.", "At L2-3 there is no
// disc herniation", an exam's "intact in the L4, L5 and S1 dermatomes", "the conus terminates at L1". A level with a
// finding beside the negative ("a small bulge but no stenosis") stays.
const NORMAL_AFTER =
  /^(?:\s*(?:level\s*)?(?:[:,-]\s*|,?\s*there (?:is|are) |\s+(?:level\s+)?(?:is|are|was|were)\s+)(?:normal|unremarkable|negative|intact|preserved|within normal limits|no\b)|\s+(?:normal|unremarkable|negative|intact|preserved|within normal limits)\b)/i;
const NORMAL_BEFORE = /\b(?:normal|unremarkable|preserved|intact|5\/5|no (?:\w+ ){0,3}?(?:at|from))\b[^.;]{0,30}$/i;
const DERMATOME_AFTER = /^[^.;]{0,40}?\b(?:dermatom\w*|myotom\w*)/i;
const NORMAL_WORD = /\b(?:normal|intact|equal|symmetric|5\/5|unremarkable|preserved)\b/i;
const CONUS_BEFORE = /\bconus\b[^.;]{0,40}$/i;
const FINDING =
  /\b(?:but|however|although|except|mild|moderate|severe|small|large|broad|bulg\w*|protru\w*|extru\w*|osteophyt\w*|hypertroph\w*|narrow\w*|degenerat\w*|desiccat\w*|annular|fissure|tear|decreased|diminished|weak\w*|loss)\b/i;

function readAsNormal(s: string, start: number, end: number): boolean {
  const rest = s.slice(end);
  const sentenceRest = rest.slice(0, /[.;]/.exec(rest)?.index ?? rest.length);
  const before = s.slice(Math.max(0, start - 60), start);
  if (CONUS_BEFORE.test(before)) return true;
  if (NORMAL_AFTER.test(rest) && !FINDING.test(sentenceRest)) return true;
  if (NORMAL_BEFORE.test(before) && !FINDING.test(before + sentenceRest)) return true;
  if (DERMATOME_AFTER.test(rest) && NORMAL_WORD.test(s) && !FINDING.test(s)) return true;
  return false;
}

export function extractSiteMentions(note: NoteDoc, sentences: readonly Sentence[]): NoteSiteMention[] {
  const out: NoteSiteMention[] = [];
  const date = noteDay(note);
  for (const sen of sentences) {
    const s = sen.text;
    if (!/[CTLS]\s?\d/i.test(s)) continue;
    const conditionalAt = CONDITIONAL.exec(s)?.index ?? Number.POSITIVE_INFINITY;
    let cues: SentenceCues | undefined;
    let lats: readonly RegExpExecArray[] | undefined;
    for (const g of levelGroups(s)) {
      if (conditionalAt < g.start) continue;
      if (isAboutFamily(s, g.start, sen.section) || isNegated(s, g.start)) continue;
      if (readAsNormal(s, g.start, g.end)) continue;
      let start = g.start;
      let end = g.end;
      let laterality: Laterality | undefined;
      const cs = clauseStart(s, g.start);
      const from = Math.max(cs, g.start - 40);
      let lb: RegExpExecArray | undefined;
      lats ??= matchAll(LATERALITY_WORD, s);
      for (const m of lats) {
        if (m.index >= g.start) break;
        if (m.index >= from && m.index + m[0].length <= g.start) lb = m;
      }
      if (lb) {
        laterality = lateralityOf(lb[1]!);
        const latStart = lb.index;
        // Keep the highlighted span tight: extend back only over an adjacent laterality word.
        if (g.start - latStart <= lb[1]!.length + 20) start = latStart;
      } else {
        const la = LATERALITY_AFTER.exec(s.slice(g.end, Math.min(s.length, g.end + 60)));
        if (la) {
          laterality = lateralityOf(la[1] ?? la[2] ?? la[3]!);
          end = g.end + la[0].length;
        }
      }
      const around = s.slice(Math.max(cs, g.start - 40), Math.min(s.length, g.end + 40));
      const named = TARGET.exec(around)?.[1]?.toLowerCase();
      // "therapeutic intra-articular facet joint injection, bilateral L4-L5": the word that makes a facet target a
      // joint injection (not a medial branch block) often sits beyond the 40-character window.
      const target =
        named?.startsWith('facet') && INTRA_ARTICULAR.test(s.slice(Math.max(cs, g.start - 80), Math.min(s.length, g.end + 40)))
          ? `intra-articular ${named}`
          : named;
      const mention: NoteSiteMention = {
        tokens: siteTokens(s, g).map((t) => ({ start: sen.start + t.start, end: sen.start + t.end, levels: t.levels })),
        source: 'note',
        evidence: [spanEvidence(note, sen, start, end)],
        context: contextOf(s, g, sen, (cues ??= cuesOf(s))),
        levels: g.levels,
      };
      const region = regionOf(g.levels);
      if (region) mention.region = region;
      if (laterality) mention.laterality = laterality;
      if (target) mention.target = target;
      if (date) mention.date = date;
      out.push(mention);
    }
  }
  return out;
}
