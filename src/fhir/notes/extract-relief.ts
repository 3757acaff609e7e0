// Relief after a prior block: "85% relief for 6 hours", "50% relief lasting 4 months", "relief of 80%".
// Thresholds quoted as criteria ("if at least 80% relief", "needs 50% relief") are not reports.
import type { NoteDoc, ReliefFact, ServiceKind, SpinalLevel, SpinalRegion } from '../../policy/picture';
import { isAboutFamily, isNegated, type Sentence } from './context';
import { matchAll, noteDay, NUM_RANGE, overlapsAny, parseNumber, parseUnit, spanEvidence, toHours, UNIT } from './lexicon';
import { levelGroups, regionOf } from './extract-site';
import { mayMatch } from './trigger-scan';
import { dateFor, namedDates, saysReturned, type NamedDate } from './relief-when';

/** A relief report with what the note says it followed, so merge can find the procedure. */
export interface NoteReliefFact extends ReliefFact {
  about?: { levels: SpinalLevel[]; region?: SpinalRegion; kinds: ServiceKind[] };
  /** The session date (or year) the sentence names for this report (relief-when.ts). */
  sessionDate?: string;
}

// A percent in digits or in words ("seventy percent", "seventy-five per cent").
const TENS = String.raw`(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:five|one|two|three|four|six|seven|eight|nine))?`;
const PCT_NUM = String.raw`(?:\d{1,3}|${TENS}|ten|fifteen|(?:one |a )?hundred)`;
const PCT = String.raw`(${PCT_NUM})(?:\s*(?:-|–|to)\s*${PCT_NUM})?\s*(?:%|percent|per cent)`;
const WORD_VALUE: Record<string, number> = {
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
/** "70" -> 70, "seventy-five" -> 75, "one hundred" -> 100. */
export function percentValue(t: string): number {
  if (/^\d+$/.test(t)) return Number(t);
  const words = t
    .toLowerCase()
    .replace(/^(?:one|a) /, '')
    .split(/[- ]/);
  let v = 0;
  for (const w of words) {
    const x = WORD_VALUE[w];
    if (x === undefined) return Number.NaN;
    v += x;
  }
  return v;
}
const WHAT = String.raw`(?:(?:pain\s+)?relief|improvement(?:\s+in\s+(?:pain|function|(?:his|her|their)\s+(?:pain|function)))?|reduction(?:\s+in\s+(?:pain|symptoms))?|pain reduction|functional improvement|better|decrease(?:\s+in\s+pain)?|improved|less pain|pain[- ]free|difference(?:\s+in\s+(?:his|her|their|the)?\s*pain)?)`;
const DUR = String.raw`\s*,?\s*(?:for|lasting|lasted|x|×|over|that lasted|which lasted|sustained for|sustained over)\s+(?:about\s+|approximately\s+|~\s*|roughly\s+|nearly\s+|over\s+)?(${NUM_RANGE})\+?\s*(${UNIT})\b`;
const PCT_FIRST = new RegExp(
  String.raw`\b${PCT}\s+(?:sustained\s+|overall\s+|pain\s+)?${WHAT}(?:\s+(?:of|in)\s+(?:his|her|their|the)?\s*(?:index\s+|axial\s+|back\s+|neck\s+|leg\s+|radicular\s+)?(?:pain|symptoms))?(?:${DUR})?`,
  'gi',
);
const WHAT_FIRST = new RegExp(
  String.raw`\b(?:relief|improvement|pain reduction)(?:[^%.;:]{0,40}?\b(?:of|was|is|at|estimated at|reported as))?\s*[:,(]?\s*(?:about\s+|approximately\s+|roughly\s+|nearly\s+|around\s+|over\s+|greater than\s+|at least\s+)?${PCT}(?:${DUR})?`,
  'gi',
);
// Relief told with a verb: "decreased approximately 70 %", "helped ... about 40%", "100 % eradicated".
const VERB_FIRST = new RegExp(
  String.raw`\b(?:decreased|reduced|helped|improved|eradicated|eliminated|relieved|alleviated|resolved|better|took away|takes away|removed|got rid of|cut|lowered|dropped)\b[^%.;:]{0,40}?\s(?:by\s+)?(?:approximately\s+|about\s+|around\s+|roughly\s+|nearly\s+|over\s+|at least\s+|greater than\s+)?${PCT}(?:${DUR})?`,
  'gi',
);
const PCT_VERB = new RegExp(
  String.raw`\b${PCT}\s+(?:of\s+(?:his|her|their|the)\s+(?:\w+\s+)?(?:pain|symptoms)\s+(?:(?:was|is|has been|were)\s+)?)?(?:eradicated|eliminated|resolved|relieved|gone|resolution|better|improved|reduced)(?:${DUR})?`,
  'gi',
);
// Relief without a percent sign. "complete relief of her leg pain" is 100 %; "relieved about half of his pain" is 50 %;
// "pain went from 8 to 2" after a block is the fall as a percent of where it started. Each needs a procedure or a
// treatment in the sentence (RELIEF_TOPIC, PROCEDURE_TOPIC), as the verb forms do.
const COMPLETE = new RegExp(
  String.raw`\b(?:complete|completely|total|totally|full|100\s*%)\s+(?:pain\s+)?(?:relief|relieved|pain[- ]free|eradicat\w+)(?:\s+(?:of|in)\s+(?:his|her|their|the)?\s*(?:\w+\s+)?(?:pain|symptoms))?(?:${DUR})?`,
  'gi',
);
const HALF =
  /\b(?:relieved|reduced|decreased|improved|cut|helped|took away)\b[^.;:%]{0,30}?\b(?:about\s+|approximately\s+|roughly\s+|nearly\s+|over\s+|more than\s+)?(?:one[- ])?half\b(?:\s+of\s+(?:his|her|their|the)\s+(?:\w+\s+)?(?:pain|symptoms))?/gi;
const FROM_TO =
  /\b(?:pain\b[^.;:]{0,40}?\b(?:went|came|dropped|decreased|reduced|fell|lowered|improved|declined|down)|(?:lowered|reduced|decreased|brought|dropped|took)\s+(?:his|her|their|the)\s+(?:\w+\s+)?pain(?:\s+(?:score|level))?)\b[^.;:]{0,20}?\bfrom\s+(?:an?\s+)?(10|\d)(?:\s*\/\s*10)?(?:\s+(?:before|prior to|pre-?)\s*(?:the\s+|his\s+|her\s+)?(?:injections?|procedure|blocks?|ESI|epidural|ablation|RFA))?\s+(?:down\s+)?to\s+(?:an?\s+)?(10|\d)(?:\s*\/\s*10)?(?!\s*(?:mg|%|\d))/gi;
const PROCEDURE_TOPIC = /\b(?:injections?|blocks?|procedure|ablation|RFA|epidural|ESI|rhizotomy|radiofrequency|shot)\b/i;
const NO_PERCENT_GATE = /\b(?:complete|completely|total|totally|full|half|from)\b/i;

// A verb-told percent is relief only in a sentence about pain or a treatment.
const RELIEF_TOPIC = /\b(?:pain|symptoms?|injections?|blocks?|procedure|ablation|epidural|ESI|relief)\b/i;
const DUR_LATER = new RegExp(
  String.raw`^[^%]{0,60}?\b(?:lasting|lasted|for|x|×)\s+(?:about\s+|approximately\s+|~\s*)?(${NUM_RANGE})\+?\s*(${UNIT})\b`,
  'i',
);
const CRITERION =
  /\b(?:if|goal|target|requires?|required|need(?:s|ed)?|criteria|criterion|expect\w*|threshold|must|should|hope)\b[^.;]{0,30}$/i;
const PERCENT_WORD = /percent/i;
// A threshold told after the percent: "50% or greater relief is considered a positive block".
const CRITERION_AFTER =
  /^\s*(?:or (?:more|greater|better|higher)|and (?:above|over)|\+)|^[^.;]{0,40}?\b(?:is|are|would be|will be) (?:considered|required|needed|expected|necessary|diagnostic)\b/i;
// "decreased to 30% of what it was": what is left, so the relief is the rest.
const DOWN_TO =
  /\b(?:decreased|reduced|lowered|dropped|cut)\b[^%]*?\bto\s+(?:about\s+|approximately\s+|around\s+|roughly\s+|nearly\s+)?[\w-]+\s*(?:%|percent|per cent)/i;
const FUNCTION_WORD = /\bfunction/i;

// "function improved markedly: Oswestry fell from 50 to 24, a 52 percent improvement": the scale is named before the
// percent, in the stretch since the previous report of the sentence.
const FUNCTION_SCALE = /\b(?:function\w*|Oswestry|ODI|NDI|disability)\b/i;
function functionBefore(s: string, at: number, used: readonly [number, number][]): boolean {
  const from = Math.max(at - 80, ...used.map(([, y]) => (y <= at ? y : 0)));
  const back = s.slice(from, at);
  return FUNCTION_SCALE.test(back) && !/\bpain\b/i.test(back);
}

const KIND_CUES: [RegExp, ServiceKind[]][] = [
  [/\b(?:MBBs?|medial branch(?:es)?(?: blocks?)?)\b/i, ['facet-mbb']],
  [/\b(?:RFA|radiofrequency|ablation|rhizotomy)\b/i, ['facet-rfa']],
  [/\b(?:TFESI|transforaminal)\b/i, ['esi-transforaminal']],
  [/\b(?:ILESI|interlaminar|caudal)\b/i, ['esi-interlaminar']],
  [/\b(?:ESI|epidural)\b/i, ['esi-transforaminal', 'esi-interlaminar', 'esi-catheter']],
  [/\b(?:facet (?:joint )?injections?|intra-?articular)\b/i, ['facet-ia']],
  [/\b(?:SI joint|sacroiliac)\b/i, ['si-joint']],
  [/\b(?:trigger point)\b/i, ['trigger-point']],
];

/** What the sentence says the relief followed: its levels and procedure kinds (computed once per sentence). */
function aboutOf(s: string): NoteReliefFact['about'] {
  const levels = [...new Set(levelGroups(s).flatMap((g) => g.levels))];
  const kinds = KIND_CUES.filter(([re]) => mayMatch(re, s) && re.test(s)).flatMap(([, k]) => k);
  if (levels.length === 0 && kinds.length === 0) return undefined;
  const about: NonNullable<NoteReliefFact['about']> = { levels, kinds };
  const region = regionOf(levels);
  if (region) about.region = region;
  return about;
}

export function extractRelief(note: NoteDoc, sentences: readonly Sentence[]): NoteReliefFact[] {
  const out: NoteReliefFact[] = [];
  const date = noteDay(note);
  for (const sen of sentences) {
    const s = sen.text;
    // The word gates first ask the trigger scan, which knows without a regex call when the sentence lacks their words.
    if (
      !s.includes('%') &&
      !(mayMatch(PERCENT_WORD, s) && PERCENT_WORD.test(s)) &&
      !(mayMatch(NO_PERCENT_GATE, s) && NO_PERCENT_GATE.test(s))
    )
      continue;
    const used: [number, number][] = [];
    let about: NoteReliefFact['about'];
    let aboutDone = false;
    let dates: NamedDate[] = [];
    let returned = false;
    // Every relief found in the sentence carries the note's date and what the sentence says it followed (read once),
    // the session date it names nearest to it, and whether the sentence says the pain came back.
    const add = (fact: NoteReliefFact, at: number): void => {
      if (date) fact.date = date;
      if (!aboutDone) {
        about = aboutOf(s);
        dates = namedDates(s, date);
        returned = saysReturned(s);
        aboutDone = true;
      }
      if (about) fact.about = about;
      const on = dateFor(dates, at);
      if (on) fact.sessionDate = on;
      if (returned) fact.returned = true;
      out.push(fact);
    };
    const verbs = RELIEF_TOPIC.test(s);
    for (const re of verbs ? [PCT_FIRST, WHAT_FIRST, VERB_FIRST, PCT_VERB] : [PCT_FIRST, WHAT_FIRST]) {
      for (const m of matchAll(re, s)) {
        let end = m.index + m[0].length;
        if (overlapsAny(used, m.index, end)) continue;
        if (isAboutFamily(s, m.index, sen.section) || isNegated(s, m.index)) continue;
        if (CRITERION.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
        if (CRITERION_AFTER.test(s.slice(end, end + 60))) continue;
        let percent = percentValue(m[1]!);
        if (re === VERB_FIRST && DOWN_TO.test(m[0])) percent = 100 - percent;
        if (!(percent >= 0 && percent <= 100)) continue;
        let n = m[2] !== undefined ? parseNumber(m[2]) : Number.NaN;
        let unit = m[3] !== undefined ? parseUnit(m[3]) : undefined;
        if (unit === undefined) {
          const later = DUR_LATER.exec(s.slice(end));
          if (later) {
            n = parseNumber(later[1]!);
            unit = parseUnit(later[2]!);
            end += later[0].length;
          }
        }
        used.push([m.index, end]);
        const fact: NoteReliefFact = {
          source: 'note',
          evidence: [spanEvidence(note, sen, m.index, end)],
          percent,
          measure: FUNCTION_WORD.test(m[0]) || functionBefore(s, m.index, used) ? 'function' : 'pain',
        };
        if (unit && Number.isFinite(n)) fact.durationHours = toHours(n, unit);
        add(fact, m.index);
      }
    }
    if (!verbs || !NO_PERCENT_GATE.test(s)) continue;
    const procedure = PROCEDURE_TOPIC.test(s);
    const worded: [RegExp, (m: RegExpExecArray) => number, boolean][] = [
      [COMPLETE, () => 100, true],
      [HALF, () => 50, true],
      [FROM_TO, (m) => Math.round(((Number(m[1]) - Number(m[2])) / Number(m[1])) * 100), true],
    ];
    for (const [re, percentOf, needsProcedure] of worded) {
      if (needsProcedure && !procedure) continue;
      for (const m of matchAll(re, s)) {
        const end = m.index + m[0].length;
        if (overlapsAny(used, m.index, end)) continue;
        if (isAboutFamily(s, m.index, sen.section) || isNegated(s, m.index)) continue;
        if (CRITERION.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
        const percent = percentOf(m);
        if (!(percent > 0 && percent <= 100)) continue;
        used.push([m.index, end]);
        const fact: NoteReliefFact = { source: 'note', evidence: [spanEvidence(note, sen, m.index, end)], percent, measure: 'pain' };
        const dur =
          re === COMPLETE
            ? /(\d+(?:\.\d+)?|\w+)\+?\s*-?\s*(hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)\s*$/i.exec(m[0])
            : re === FROM_TO
              ? DUR_LATER.exec(s.slice(end))
              : null;
        if (dur) {
          const n = parseNumber(dur[1]!);
          const unit = parseUnit(dur[2]!);
          if (unit && Number.isFinite(n)) fact.durationHours = toHours(n, unit);
        }
        // Relief computed from two pain scores on one scale (the ESI text: "improvement ... from baseline, on the
        // same scale"): the evidence says so, with the scores.
        if (re === FROM_TO) fact.evidence[0]!.display = `${note.title} (relief computed from pain ${m[1]}/10 before to ${m[2]}/10 after)`;
        add(fact, m.index);
      }
    }
  }
  return out;
}
