// Function from prose: validated instruments ("ODI 44%", "NDI 30/50", "PEG 7") and described limitations of daily
// activities ("unable to stand more than 10 minutes", "missed work", "difficulty sleeping").
import type { FunctionalFact, FunctionalInstrument, NoteDoc } from '../../policy/picture';
import { isAboutFamily, isNegated, type Sentence } from './context';
import {
  FUNCTION_FIELDS,
  ACTIVITIES,
  BED_BOUND,
  LIMIT_AFTER,
  LIMIT_BEFORE,
  limitationKind,
  LIST_HEAD,
  LIST_JOIN,
  LIST_MORE,
  OTHER_INSTRUMENTS,
  RESTRICTION_MODIFIER,
  SLEEP,
  STOPPED_ACTIVITY,
  MOBILITY_STATUS,
  TOLERANCE_SHORTHAND,
  WORK_STATUS,
} from './function-lexicon';
import { composedMatches, type Composed, type PartsMatch } from './composed-match';
import { anyRuleWords } from './required-words';
import { gatedMatches, hasAny, matchAll, mayHoldAny, noteDay, NUM, overlapsAny, spanEvidence } from './lexicon';

const INSTRUMENT =
  /\b(ODI|Oswestry(?: Disability)?(?: Index| Questionnaire)?|NDI|Neck Disability Index|PEG|PROMIS[- ](?:PF|physical function)(?: T-?score)?)(?:\s+(?:score|T-?score|index|scale))?(?:\s*(?:of|is|was|=|:|at|today))*\s*(\d{1,3}(?:\.\d)?)\s*(%|percent|\/100|\/50|\/10)?/gi;
// "scored 42 on the Oswestry": the score first.
const SCORE_THEN_INSTRUMENT =
  /\bscored?\s+(?:a\s+)?(\d{1,3}(?:\.\d)?)\s*(%|percent|\/100|\/50)?\s+on\s+(?:the|an|a|his|her|their)\s+(ODI|Oswestry(?: Disability)?(?: Index| Questionnaire)?|NDI|Neck Disability Index)\b/gi;
// An instrument named without a number ("an Oswestry Disability Index was completed", "Pain Disability Index 45"):
// the functional assessment is documented, with its score when one follows. PEG alone is a feeding tube, so PEG
// needs its number (above).
const INSTRUMENT_NAMED =
  /\b(Oswestry(?: Disability| Low Back Pain| Pain)?(?: Index| Questionnaire| Inventory| Scale)?|ODI|Neck Disability Index|NDI|Pain Disability (?:Index|Questionnaire)|PDI|Roland[- ]Morris(?: Disability)?(?: Questionnaire)?|Quebec Back Pain Disability Scale)(?:(?:\s+(?:score|index))?(?:\s*(?:of|is|was|=|:|today))*\s*(\d{1,3}(?:\.\d)?)(?!\d|\.\d|\s*(?:mg|years?|days?)))?/gi;

const ACTIVITY = String.raw`(?:stand(?:ing)?|sit(?:ting)?|walk(?:ing)?|sleep(?:ing)?|lift(?:ing)?|bend(?:ing)?|drive|driving|work(?:ing)?|dress(?:ing)?|bath(?:e|ing)|shower(?:ing)?|climb(?:ing)? stairs|stairs|perform (?:his |her |their )?(?:ADLs|job|work|household chores|duties)|ADLs|activities of daily living|daily activities|do (?:housework|chores|yard work|his job|her job)|housework|chores|yard ?work|care for (?:his|her|their) \w+|garden(?:ing)?|shop(?:ping)?|grocery shop(?:ping)?|turn(?:ing)? (?:his |her |their )?head|look(?:ing)? up|exercis(?:e|ing)|play(?:ing)? with|get(?:ting)? out of bed|roll(?:ing)? over|(?:prolonged|extended) (?:sitting|standing|walking)|reach(?:ing)? overhead|carry(?:ing)?)`;
const TOLERANCE = String.raw`(?:\s+(?:for\s+)?(?:more|longer)\s+than\s+${NUM}\s*(?:minutes?|mins?|hours?|hrs?|blocks?|feet|ft|yards|miles?)|\s+(?:for\s+)?(?:over\s+)?${NUM}\s*(?:minutes?|mins?|hours?|blocks?|feet|ft))?`;
const LIMITATION = new RegExp(
  String.raw`\b(?:unable to|(?:can ?not|can't|cannot)|difficulty(?: with)?|trouble(?: with)?|inability to|(?:is |are )?limited in(?: (?:his|her|their))?|limits (?:his |her |their )?(?:ability to )?|not able to|struggles (?:to|with)|problems? with|pain with|impair\w* (?:his |her |their )?ability to|interferes? with|interfering with|can only)\s+${ACTIVITY}${TOLERANCE}`,
  'gi',
);
const WORK =
  /\b(?:missed (?:\d+|several|many|multiple|a few) (?:days|weeks|shifts) (?:of|from) work|missed work|missing work|missing days of work|off work(?! factors| injur)|out of work|on (?:short[- ]term |long[- ]term )?disability|stopped working|unable to work|modified duty|light duty|reduced (?:work )?hours|work restrictions|quit (?:his|her|their) job)\b/gi;
const TOLERANCE_ONLY = new RegExp(
  String.raw`\b(?:walking|sitting|standing) tolerance (?:is |of |limited to |about )*${NUM}\s*(?:minutes?|mins?|hours?|blocks?|feet|ft)`,
  'gi',
);
const WAKES =
  /\b(?:wakes? (?:him|her|them|up) (?:up )?(?:at night|from sleep|multiple times)|awakens? (?:at night|from sleep)|night(?:time)? awakenings?)\b/gi;

// One cheap pass that every function phrase needs to pass before the specific patterns run.
const GATE = [
  'unable',
  'can',
  'difficult',
  'trouble',
  'inabilit',
  'limit',
  'not able',
  'struggl',
  'problem',
  'pain with',
  'impair',
  'interfer',
  'work',
  'duty',
  'disabilit',
  'toleran',
  'wake',
  'awaken',
  'odi',
  'oswestry',
  'ndi',
  'neck disability',
  'peg',
  'promis',
  'job',
  'hours',
  'quit',
  'restrict',
  'homebound',
  'housebound',
  'functional',
  'sleep',
  'bed',
];

function instrumentOf(name: string): FunctionalInstrument {
  const n = name.toUpperCase();
  if (n.startsWith('ODI') || n.startsWith('OSWESTRY')) return 'ODI';
  if (n.startsWith('NDI') || n.startsWith('NECK')) return 'NDI';
  if (n.startsWith('PEG')) return 'PEG';
  if (n.startsWith('PROMIS')) return 'PROMIS-PF';
  return 'other';
}

const INSTRUMENT_GATE = ['odi', 'oswestry', 'ndi', 'neck disab', 'peg', 'promis'];
const NAMED_GATE = ['odi', 'oswestry', 'ndi', 'neck disab', 'pain disab', 'pdi', 'roland', 'quebec'];
const alt = (xs: readonly string[]): string => xs.join('|');
// The phrase families of function-lexicon: a limitation word then an activity within a few words, an activity then
// a limitation word, a tolerance told as a quantity, work status, sleep, other instruments.
// Each is written once as its parts' sources; the whole regex is built from them (for the trigger scan and the
// reader) and the parts run (composed-match.ts: the activity list is compiled once, shared by all five).
const ACTIVITY_SRC = String.raw`\b(?:${alt(ACTIVITIES)})\b`;
const LIMIT_BEFORE_SRC = String.raw`\b(?:${alt(LIMIT_BEFORE)})\b`;
const LIMIT_AFTER_SRC = String.raw`\b(?:${alt(LIMIT_AFTER)})\b`;
const ABLE_TO_HEAD = String.raw`\b(?:only )?(?:able to|can|tolerates?) (?:only )?`;
const ABLE_TO_QUANTITY = String.raw`\b(?:\d+(?:\/\d+)?|a|one|two|three|half|several|few|a couple of)\s*-?\s*(?:minutes?|mins?|hours?|blocks?|city blocks?|feet|ft|yards|miles?|seconds?|steps|pounds?|lbs?)\b`;
// The time first: "tolerates at least 15 seconds of standing", "able to do 20 minutes of walking".
const TIME_OF_HEAD = String.raw`\b(?:tolerat(?:es?|ed|ing)|(?:only )?(?:able to|can) (?:do|manage|tolerate))\s+(?:only\s+|at least\s+|about\s+|approximately\s+|up to\s+|less than\s+)?(?:\d+(?:-\d+)?|one|two|three|five|ten|fifteen|twenty|thirty|a few)\s*(?:seconds?|minutes?|mins?|hours?)\s+of\s+(?:(?:continuous|sustained|prolonged)\s+)?`;
const LIMIT_THEN_ACTIVITY = new RegExp(String.raw`${LIMIT_BEFORE_SRC}[^.;:\n]{0,40}?${ACTIVITY_SRC}`, 'gi');
const ACTIVITY_THEN_LIMIT = new RegExp(String.raw`${ACTIVITY_SRC}[^.;:\n]{0,25}?${LIMIT_AFTER_SRC}`, 'gi');
const ABLE_TO = new RegExp(String.raw`${ABLE_TO_HEAD}${ACTIVITY_SRC}[^.;\n]{0,30}?${ABLE_TO_QUANTITY}`, 'gi');
const TIME_OF_ACTIVITY = new RegExp(String.raw`${TIME_OF_HEAD}${ACTIVITY_SRC}`, 'gi');
const ACTIVITY_PART = new RegExp(ACTIVITY_SRC, 'gi');
/** Exported for the equivalence test (test/fhir/notes/composed-match.test.ts). */
export const COMPOSED = new Map<RegExp, Composed>([
  [
    LIMIT_THEN_ACTIVITY,
    {
      whole: LIMIT_THEN_ACTIVITY,
      first: new RegExp(LIMIT_BEFORE_SRC, 'gi'),
      rest: [{ re: new RegExp(String.raw`[^.;:\n]{0,40}?${ACTIVITY_SRC}`, 'iy') }],
    },
  ],
  [
    ACTIVITY_THEN_LIMIT,
    { whole: ACTIVITY_THEN_LIMIT, first: ACTIVITY_PART, rest: [{ re: new RegExp(String.raw`[^.;:\n]{0,25}?${LIMIT_AFTER_SRC}`, 'iy') }] },
  ],
  [
    ABLE_TO,
    {
      whole: ABLE_TO,
      first: new RegExp(ABLE_TO_HEAD, 'gi'),
      rest: [{ re: ACTIVITY_PART }, { re: new RegExp(String.raw`[^.;\n]{0,30}?${ABLE_TO_QUANTITY}`, 'iy') }],
    },
  ],
  [TIME_OF_ACTIVITY, { whole: TIME_OF_ACTIVITY, first: new RegExp(TIME_OF_HEAD, 'gi'), rest: [{ re: ACTIVITY_PART }] }],
  [LIST_MORE, { whole: LIST_MORE, first: new RegExp(LIST_HEAD, 'gi'), rest: [{ re: ACTIVITY_PART }] }],
]);
/** The furthest end of the taken spans that overlap [a, b). */
function takenEnd(used: readonly (readonly [number, number])[], a: number, b: number): number {
  let e = -1;
  for (let i = 0; i < used.length; i++) {
    const t = used[i]!;
    if (a < t[1] && t[0] < b && t[1] > e) e = t[1];
  }
  return e;
}

/** matchAll, or the parts' matches for a composed pattern. */
const phraseMatches = (re: RegExp, s: string): readonly PartsMatch[] => {
  const c = COMPOSED.get(re);
  return c ? composedMatches(c, s) : matchAll(re, s);
};
// Stairs taken one at a time or by the rail.
const STAIRS =
  /\b(?:(?:holds?|holding|needs? to hold|has to hold) (?:on ?to|onto) (?:a |the )?(?:hand)?rail(?:ing)?s?|stairs (?:are |were )?(?:negotiated|taken|climbed) (?:one|1) (?:step )?at a time|(?:one|1) (?:step )?at a time on (?:the )?stairs|step-to (?:pattern|gait)(?: on (?:the )?stairs)?|(?:uses?|using|requires?|needs?) (?:a |the )?(?:hand)?rails? (?:on|for|to climb) (?:the )?stairs)\b/gi;
const WORK_STATUS_RE = new RegExp(String.raw`\b(?:${WORK_STATUS})\b`, 'gi');
const SLEEP_RE = new RegExp(String.raw`\b(?:${SLEEP})\b`, 'gi');
const MOBILITY_RE = new RegExp(String.raw`\b(?:${MOBILITY_STATUS})`, 'gi');
const STOPPED_RE = new RegExp(String.raw`\b(?:${STOPPED_ACTIVITY})\b`, 'gi');
const BED_BOUND_RE = new RegExp(String.raw`\b(?:${BED_BOUND})\b`, 'gi');
const FUNCTION_FIELDS_RE = new RegExp(String.raw`\b(?:${FUNCTION_FIELDS})\b`, 'gi');
const TOLERANCE_SHORTHAND_RE = new RegExp(String.raw`\b(?:${TOLERANCE_SHORTHAND})\b`, 'gi');
const OTHER_INSTRUMENT_RE = new RegExp(String.raw`\b(?:${OTHER_INSTRUMENTS})`, 'gi');
// Consent boilerplate and risk lists name limitations that have not happened: "risks include ... difficulty walking".
const RISK_BEFORE = /\b(?:risks?|complications?|side effects?|adverse (?:effects?|events?))\b(?:(?!\b(?:but|however|although)\b)[^.;:])*$/i;
// A goal or an instruction is not the patient's function now: "will be able to sit for an hour", "wishes to walk
// short distances again", "STG: ambulate 100 feet", "instructed to avoid lifting over 10 pounds after the procedure".
const GOAL_OR_INSTRUCTION_BEFORE =
  /(?:\bwill\s+be\s*$|\b(?:will|shall)\s+(?:be\s+able\s+to|be\s+independent|demonstrate|tolerate|ambulate|improve|increase|achieve|return)\b|\b(?:desires?|wants?|wishes|would like|hop(?:es|ing)|goal is) to\b|\b(?:instructed|educated|advised|asked|told)\s+(?:\w+\s+){0,3}?(?:not\s+)?to\b|^\s*(?:\d+\.\s*)?(?:STG|LTG|short[- ]term goals?|long[- ]term goals?|goals?)\s*(?:#?\d+)?\s*:)(?:(?!\b(?:but|however|although|currently|now)\b)[^.;])*$/i;
// What makes the pain worse, told as a list of factors: "made worse by flexion, lifting, riding in a car and
// sitting", "Aggravating factors include stairs and prolonged driving". Each activity in the list is a limitation of
// its own; a movement that is not an activity ("flexion", "twisting", "lying supine") is not. A passing "worse with
// standing" beside a score stays a modifier of the pain, as the corpus reads it.
const AGGRAVATED_BY_GATE: readonly string[] = ['worse by', 'factors', 'aggravated by'];
const AGGRAVATED_BY =
  /\b(?:(?:is|are|was|were) (?:made worse|aggravated) by|(?:aggravating|exacerbating|provoking) factors (?:include|includes|are|consist of))\b[,:]?\s*/gi;
const ITEM_ACTIVITY =
  /^(?:(?:any|prolonged|extended|long|repetitive|heavy|excessive|general)\s+)*(?:sitting|sit|standing|stand|walking|walk|ambulation|ambulating|lifting|carrying|driving|riding in (?:a|the) car|car rides?|stairs|climbing(?: stairs)?|sleeping|working|work|household chores|chores|housework|limitations? with (?:home|household) tasks)\b/i;
const LIST_SPLIT = /\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s|\bas well as\b)\s*/g;
const HEADING_AFTER = /^(?: (?:AND|&|OR|\/) [A-Z][A-Z /&]*)?\s*:/;
const NO_RESTRICTION = new RegExp(String.raw`^no ${RESTRICTION_MODIFIER} `, 'i');
const HEEL_TOE_AFTER = /^\s*(?:on (?:his |her |their |the )?(?:(?:right|left) )?)?(?:heels?|toes?)\b/i;
const EXAM_TEST = /\b(?:test\w*|heels?|toes?(?<!\bmov(?:e|es|ing) (?:the |his |her |their )?toes?)|tandem)\b/i;
/** Exported for the gate measurement in test/bench/notes-gates.ts. */
export const LEXICON_PATTERNS: readonly RegExp[] = [
  WORK_STATUS_RE,
  SLEEP_RE,
  STOPPED_RE,
  MOBILITY_RE,
  BED_BOUND_RE,
  TOLERANCE_SHORTHAND_RE,
  FUNCTION_FIELDS_RE,
  ABLE_TO,
  TIME_OF_ACTIVITY,
  STAIRS,
  LIMIT_THEN_ACTIVITY,
  ACTIVITY_THEN_LIMIT,
];

/**
 * Every rule the sentence loop below runs (a rule gated by a word list counts as its list). Exported for the test
 * that keeps it whole: a rule added to the loop and not here would never run on a sentence that lacks these words.
 */
export const FUNCTION_RULES: readonly (RegExp | readonly string[])[] = [
  INSTRUMENT_GATE,
  GATE,
  OTHER_INSTRUMENT_RE,
  NAMED_GATE,
  AGGRAVATED_BY_GATE,
  ...LEXICON_PATTERNS,
];
const RULE_WORDS = anyRuleWords(FUNCTION_RULES);

/** Each lexicon pattern's parts when it is composed, looked up once at load rather than per sentence. */
const LEXICON_COMPOSED: readonly (Composed | undefined)[] = LEXICON_PATTERNS.map((re) => COMPOSED.get(re));

const LIMITATION_PATTERNS: [RegExp, string[]][] = [
  [
    LIMITATION,
    ['unable', 'can', 'difficult', 'trouble', 'inabilit', 'limit', 'not able', 'struggl', 'problem', 'pain with', 'impair', 'interfer'],
  ],
  [WORK, ['work', 'duty', 'disabilit', 'job', 'hours']],
  [TOLERANCE_ONLY, ['toleran']],
  [WAKES, ['wake', 'awaken']],
];

export function extractFunction(note: NoteDoc, sentences: readonly Sentence[]): FunctionalFact[] {
  const out: FunctionalFact[] = [];
  const date = noteDay(note);
  // Made once per note, reading the current sentence from these.
  let sen: Sentence = sentences[0]!;
  let s = '';
  let used: [number, number][] = [];
  const ok = (a: number, b: number): boolean => {
    if (overlapsAny(used, a, b)) return false;
    // Heel and toe walking are exam manoeuvres.
    if (HEEL_TOE_AFTER.test(s.slice(b, b + 24))) return false;
    // A heading is not a fact ("WORK RESTRICTIONS AND DISABILITY:").
    if (HEADING_AFTER.test(s.slice(b, b + 40)) && !/[a-z]/.test(s.slice(a, b))) return false;
    // A restriction that says its own "no" ("no heavy lifting, no prolonged standing") is not negated by its
    // sibling's "no" before it.
    if (isAboutFamily(s, a, sen.section) || (!NO_RESTRICTION.test(s.slice(a, b)) && isNegated(s, a))) return false;
    const before = s.slice(Math.max(0, a - 120), a);
    if (RISK_BEFORE.test(before) || GOAL_OR_INSTRUCTION_BEFORE.test(before)) return false;
    used.push([a, b]);
    return true;
  };
  // The list items after a limitation (LIST_MORE): an item of another kind than those before it is a fact of its own
  // ("difficulty with prolonged standing or sitting"); items of one kind, or after an unnamed kind, stay one
  // limitation ("pushing, pulling", "bending, lifting").
  const listItems = (first: string, from: number): void => {
    const kinds = new Set([limitationKind(first)]);
    // After an umbrella ("functional activities and work tasks") the list is one limitation.
    if (kinds.has('other')) return;
    let at = from;
    for (let k = 0; k < 8; k++) {
      const m = phraseMatches(LIST_MORE, s.slice(at, at + 80))[0];
      if (!m) return;
      const b = at + m[0].length;
      const a = b - m[0].replace(LIST_JOIN, '').length;
      at = b;
      const kind = limitationKind(s.slice(a, b));
      if (kind === 'other' || kinds.has(kind)) continue;
      kinds.add(kind);
      if (!ok(a, b)) return;
      out.push({ source: 'note', evidence: [spanEvidence(note, sen, a, b)], limitation: s.slice(a, b), date });
    }
  };
  // The items of an aggravating-factors list, from `from` to the clause's end.
  const aggravatingList = (from: number): void => {
    const end = Math.min(s.length, from + 240);
    const stop = /[.;:]/.exec(s.slice(from, end));
    const list = s.slice(from, stop ? from + stop.index : end);
    let at = 0;
    LIST_SPLIT.lastIndex = 0;
    const cuts: [number, number][] = [];
    for (let m = LIST_SPLIT.exec(list); m !== null; m = LIST_SPLIT.exec(list)) {
      cuts.push([at, m.index]);
      at = m.index + m[0].length;
    }
    cuts.push([at, list.length]);
    for (const [x, y] of cuts) {
      const item = list.slice(x, y);
      if (item.length === 0 || item.length > 60 || !ITEM_ACTIVITY.test(item)) continue;
      const a = from + x;
      const b = from + y;
      if (!ok(a, b)) continue;
      out.push({ source: 'note', evidence: [spanEvidence(note, sen, a, b)], limitation: item, date });
    }
  };
  for (const current of sentences) {
    // A sentence without a word of any rule below holds no function fact (most sentences).
    if (!mayHoldAny(current.lower, RULE_WORDS)) continue;
    sen = current;
    s = sen.text;
    used = [];
    for (const m of gatedMatches(INSTRUMENT, INSTRUMENT_GATE, s, sen.lower)) {
      const instrument = instrumentOf(m[1]!);
      let score = Number(m[2]);
      const unit = (m[3] ?? '').toLowerCase();
      // NDI and ODI are often written as raw points out of 50; the fact stores percent.
      if (unit === '/50') score *= 2;
      if ((instrument === 'ODI' || instrument === 'NDI') && score > 100) continue;
      if (instrument === 'PEG' && score > 10) continue;
      if (!ok(m.index, m.index + m[0].length)) continue;
      out.push({ source: 'note', evidence: [spanEvidence(note, sen, m.index, m.index + m[0].length)], instrument, score, date });
    }
    for (const m of gatedMatches(SCORE_THEN_INSTRUMENT, INSTRUMENT_GATE, s, sen.lower)) {
      let score = Number(m[1]);
      if ((m[2] ?? '').toLowerCase() === '/50') score *= 2;
      if (score > 100 || !ok(m.index, m.index + m[0].length)) continue;
      out.push({
        source: 'note',
        evidence: [spanEvidence(note, sen, m.index, m.index + m[0].length)],
        instrument: instrumentOf(m[3]!),
        score,
        date,
      });
    }
    if (hasAny(sen.lower, GATE)) {
      // Indexed, not destructured: no iterator protocol per pattern per sentence (see overlapsAny).
      for (let p = 0; p < LIMITATION_PATTERNS.length; p++) {
        const re = LIMITATION_PATTERNS[p]![0];
        for (const m of gatedMatches(re, LIMITATION_PATTERNS[p]![1], s, sen.lower)) {
          const end = m.index + m[0].length;
          if (!ok(m.index, end)) continue;
          out.push({ source: 'note', evidence: [spanEvidence(note, sen, m.index, end)], limitation: m[0], date });
          if (re === LIMITATION) listItems(m[0], end);
        }
      }
    }
    for (const m of matchAll(OTHER_INSTRUMENT_RE, s)) {
      const end = m.index + m[0].length;
      if (!ok(m.index, end)) continue;
      // The digits of a name (SF-36, SF-12) are not its score.
      const total = /\btotal score (?:of |was |is |= ?|: ?)?(\d+(?:\.\d+)?)/i.exec(m[0]);
      const score = total ?? /(\d+(?:\.\d+)?)/.exec(m[0].replace(/^SF-?(?:36|12)/i, '').replace(/^\D*?(?=\d)/, ''));
      const fact: FunctionalFact = {
        source: 'note',
        evidence: [spanEvidence(note, sen, m.index, end)],
        instrument: 'other',
        date,
        limitation: m[0],
      };
      if (score && !/oswestry/i.test(m[0])) fact.score = Number(score[1]);
      out.push(fact);
    }
    for (const m of gatedMatches(INSTRUMENT_NAMED, NAMED_GATE, s, sen.lower)) {
      const end = m.index + m[0].length;
      if (!ok(m.index, end)) continue;
      const fact: FunctionalFact = {
        source: 'note',
        evidence: [spanEvidence(note, sen, m.index, end)],
        instrument: instrumentOf(m[1]!),
        date,
      };
      if (m[2] !== undefined && Number(m[2]) <= 100) fact.score = Number(m[2]);
      out.push(fact);
    }
    if (hasAny(sen.lower, AGGRAVATED_BY_GATE)) {
      for (const m of matchAll(AGGRAVATED_BY, s)) aggravatingList(m.index + m[0].length);
    }
    for (let p = 0; p < LEXICON_PATTERNS.length; p++) {
      const re = LEXICON_PATTERNS[p]!;
      const c = LEXICON_COMPOSED[p];
      for (const found of c ? composedMatches(c, s) : matchAll(re, s)) {
        let m: PartsMatch = found;
        let end = m.index + m[0].length;
        // An exam manoeuvre ("unable to test gait", "heel walking") is not the patient's function.
        if (EXAM_TEST.test(m[0])) continue;
        // A match that starts inside a fact already taken may hold another after it: "Lifting limitations of 5
        // pounds and limited stooping" is a lifting limit (taken above) and then a limit on stooping, which the match
        // from "limitations" to "stooping" had swallowed. Look once more, after the taken fact, within this match.
        const taken = overlapsAny(used, m.index, end) ? takenEnd(used, m.index, end) : -1;
        if (taken > m.index && taken < end) {
          const tail = s.slice(taken, end);
          const again = (c ? composedMatches(c, tail) : matchAll(re, tail))[0];
          if (!again) continue;
          m = { index: taken + again.index, 0: again[0] };
          end = m.index + m[0].length;
        }
        if (!ok(m.index, end)) continue;
        out.push({ source: 'note', evidence: [spanEvidence(note, sen, m.index, end)], limitation: m[0], date });
        if (re === LIMIT_THEN_ACTIVITY) listItems(m[0], end);
      }
    }
  }
  return out;
}
