// Pain intensity from prose: "7/10", "NRS 8", "VAS 60 mm", "pain is an 8", "rates pain 6 out of 10".
// Traps handled here: dates ("3/10/2025"), compliance ("10/10 compliance"), blood pressure ("120/80") and doses.
import type { NoteDoc, PainInstrument, PainScoreFact } from '../../policy/picture';
import { isAboutFamily, type Sentence } from './context';
import { matchAll, noteDay, overlapsAny, parseNumber, spanEvidence } from './lexicon';
import { mayMatch } from './trigger-scan';

const SCORE_NUM = String.raw`(?:10|\d(?:\.\d)?|zero|one|two|three|four|five|six|seven|eight|nine|ten)`;

// "7/10", "7 / 10", "7-8/10"; not part of a date or a fraction chain. A range takes its upper value, as the
// annotation guidelines do (test/fixtures/notes-dev/GUIDELINES.md: "6 to 10" is a 10), here and below.
const SLASH_TEN = /(?<![\d/.])(10|\d(?:\.\d)?)(?:\s*-\s*(10|\d(?:\.\d)?))?\s*\/\s*10(?![\d/])/g;
// "6 out of 10", "6 of 10", "5 out of a possible 10"
const OUT_OF_TEN = new RegExp(
  String.raw`\b(${SCORE_NUM})(?:\s*-\s*(${SCORE_NUM}))?\s+(?:out\s+)?of\s+(?:a\s+(?:possible|maximum(?:\s+of)?)\s+)?(?:10|ten)\b(?!\s*(?:patients|people|times|days|years|%))`,
  'gi',
);
// "She rates it as a 7", "rates the discomfort at 6": the rating verb names the pain scale without the word pain.
const RATES_IT = new RegExp(
  String.raw`\b(?:rates?|rated|rating|grades?|graded)\s+(?:it|this|them|the (?:discomfort|symptoms?|ache|headaches?)|(?:his|her|their) (?:discomfort|symptoms?|headaches?))\s+(?:as\s+|at\s+)?(?:an?\s+)?(${SCORE_NUM})\b(?!\s*(?:\/|out\b|of\b|%|mm|mg|cm|days?|weeks?|months?|years?|hours?|minutes?|times|x\b|\.\d))`,
  'gi',
);
// "NRS 8", "VAS: 60 mm", "VAS score of 6.5 cm", "numeric rating scale 7"
const INSTRUMENT =
  /\b(NRS|VAS|VRS|numeric (?:pain )?rating scale|visual analog(?:ue)? scale)(?:\s+(?:pain\s+)?score)?(?:\s*(?:of|is|was|=|:|at))*\s*(\d{1,3}(?:\.\d)?)(?!\d|\.\d)(\s*(?:mm|cm|\/100))?(?!\s*\/)/gi;
// "pain is an 8", "pain level 6", "rates her pain a 7", "pain score 5", "pain today 4", "pain at worst 9"
const PAIN_IS = new RegExp(
  String.raw`\bpain(?:\s+(?:level|score|intensity|severity|rating|today|currently|now|at (?:its )?(?:worst|best)|on average|rated|rates))*\s*(?:is|was|as|at|of|=|:)?\s*(?:an?\s+)?(${SCORE_NUM})\b(?!\s*(?:\/|out\b|%|mm|mg|mcg|cm|days?|weeks?|months?|years?|hours?|minutes?|times|x\b|\.\d))`,
  'gi',
);
// "a 4 on a scale of 1 to 10", "9 on a 0 to 10 scale", "5 to 6 on a scale of 1 to 10" (upper value, as above).
const TEN_SCALE = String.raw`(?:scale\s+(?:of|from)\s+(?:0|1|zero|one)\s*(?:-|to)\s*(?:10|ten)|(?:0|1)\s*(?:-|to)\s*10\s+(?:pain\s+)?scale)`;
const ON_SCALE = new RegExp(String.raw`(?<![\d/.])\b(${SCORE_NUM})(?:\s*(?:-|to)\s*(${SCORE_NUM}))?\s+on\s+(?:a|the)\s+${TEN_SCALE}`, 'gi');
// "On a 1-10 pain scale, she rates it as a 10", "On a scale from 1 to 10, it is 8 to 10": the scale first, the score
// after.
const SCALE_THEN_RATE = new RegExp(
  String.raw`\bon\s+(?:a|the)\s+${TEN_SCALE},?\s+(?:(?:\w+\s+){0,3}?rates?\s+(?:it|(?:her|his|their|the)\s+pain)|(?:it|the pain|(?:her|his|their) pain|this)\s+(?:is|was))\s+(?:as\s+|at\s+)?(?:an?\s+)?(${SCORE_NUM})(?:\s*(?:-|to)\s*(${SCORE_NUM}))?\b`,
  'gi',
);
// "pain is between a 6 and a 10", "rates it between 4 and 7": a range in words takes its upper value (GUIDELINES.md).
const BETWEEN = new RegExp(
  String.raw`\bbetween\s+(?:an?\s+)?(${SCORE_NUM})\s+and\s+(?:an?\s+)?(${SCORE_NUM})\b(?!\s*(?:%|percent|mm|mg|mcg|cm|days?|weeks?|months?|years?|hours?|minutes?|times|am|pm|o'clock|feet|pounds?|lbs?))`,
  'gi',
);
const PAIN_OR_RATING = /\b(?:pain|rates?|rated|rating|scale)\b/i;
// Phrases that make an X/10 something other than pain.
const NOT_PAIN_AFTER =
  /^\s*(?:compliance|adherence|strength|motor|effort|satisfaction|confidence|sleep quality|mood|anxiety|stress|function)\b/i;
const PAIN_CUE = /\b(?:pain|nrs|vas|ache|aching|hurts?|discomfort|score|rates?|rated|severity|intensity|analog(?:ue)? scale)\b/i;
const DIGIT = /\d/;
const PAIN_WORD = /pain/i;
const OUT_OF = /\bof\s+(?:a\s+\w+\s+(?:of\s+)?)?(?:10|ten)\b/i;
const RATE_WORD = /\b(?:rat|grad)/i;
const INSTRUMENT_GATE = /NRS|VAS|VRS|rating scale|analog/i;
const WORDY = /pain|\bten\b/i;
const SCALE_WORD = /scale/i;
const BETWEEN_WORD = /between/i;
const GOAL_CUE = /\b(?:goal|target|aim|hope|hoping|expect)\b/i;

const CONTEXT_CUES: [RegExp, NonNullable<PainScoreFact['context']>][] = [
  [/\bworst\b|\bmax(?:imum)?\b/i, 'worst'],
  [/\bleast\b|\bbest\b|\bminimum\b/i, 'least'],
  [/\baverage\b|\bavg\b|\busual(?:ly)?\b|\btypical(?:ly)?\b|\bmost days\b/i, 'average'],
  [/\btoday\b|\bcurrent(?:ly)?\b|\bnow\b|\bat rest\b|\bpresently\b|\bat present\b/i, 'current'],
];

function cueIn(text: string): PainScoreFact['context'] {
  for (let i = 0; i < CONTEXT_CUES.length; i++) if (CONTEXT_CUES[i]![0].test(text)) return CONTEXT_CUES[i]![1];
  return undefined;
}

/** Which pain a score is: the words right after it ("9/10 at worst") win over the words before it. */
function contextOf(s: string, pos: number, end: number): PainScoreFact['context'] {
  const after = /^[^,;]{0,20}/.exec(s.slice(end, end + 20))?.[0] ?? '';
  const before = s.slice(Math.max(0, pos - 30), pos);
  const lastBreak = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' and '));
  return cueIn(after) ?? cueIn(lastBreak === -1 ? before : before.slice(lastBreak + 1));
}

function instrumentIn(s: string): PainInstrument {
  if (/\bVAS\b|visual analog|analog(?:ue)? scale/i.test(s)) return 'VAS';
  return 'NRS';
}

export function extractPainScores(note: NoteDoc, sentences: readonly Sentence[]): PainScoreFact[] {
  const out: PainScoreFact[] = [];
  const date = noteDay(note);
  // The helpers below are made once per note (not per sentence) and read the current sentence from these.
  let sen: Sentence = sentences[0]!;
  let s = '';
  let taken: [number, number][] = [];
  const add = (start: number, end: number, value: number, instrument: PainInstrument): void => {
    if (!Number.isFinite(value) || value < 0 || value > 10 || overlapsAny(taken, start, end)) return;
    if (isAboutFamily(s, start, sen.section)) return;
    if (mayMatch(GOAL_CUE, s) && GOAL_CUE.test(s.slice(Math.max(0, start - 40), start))) return;
    taken.push([start, end]);
    const fact: PainScoreFact = {
      source: 'note',
      evidence: [spanEvidence(note, sen, start, end)],
      instrument,
      value,
      raw: s.slice(start, end),
      date,
    };
    const ctx = contextOf(s, start, end);
    if (ctx) fact.context = ctx;
    out.push(fact);
  };
  for (const current of sentences) {
    sen = current;
    s = sen.text;
    // Cheap gate: a score needs a digit, or a number word next to "pain"/"out of ten". Each word gate here first asks
    // the trigger scan (mayMatch), which knows without running it when the sentence, or so any piece of it, lacks the
    // gate's words: a regex call costs more than the look-up, and these ran on every sentence.
    if (!DIGIT.test(s) && !(mayMatch(WORDY, s) && WORDY.test(s))) continue;
    taken = [];
    for (const m of mayMatch(INSTRUMENT_GATE, s) && INSTRUMENT_GATE.test(s) ? matchAll(INSTRUMENT, s) : []) {
      const name = m[1]!.toUpperCase();
      const instrument: PainInstrument = name.startsWith('V') && name !== 'VRS' ? 'VAS' : name === 'VRS' ? 'VRS' : 'NRS';
      let value = Number(m[2]);
      const unit = (m[3] ?? '').trim().toLowerCase();
      // VAS is a 100 mm line; "VAS 60" without a unit on a 0-100 reading is millimetres too.
      if (unit === 'mm' || unit === '/100' || (instrument === 'VAS' && value > 10)) value = value / 10;
      else if (unit === 'cm') value = value * 1;
      add(m.index, m.index + m[0].length, Math.round(value * 10) / 10, instrument);
    }
    for (const re of [SLASH_TEN, OUT_OF_TEN]) {
      // Gate each pattern on a plain substring it cannot match without.
      if (re === SLASH_TEN ? !s.includes('/') : !(mayMatch(OUT_OF, s) && OUT_OF.test(s))) continue;
      for (const m of matchAll(re, s)) {
        const end = m.index + m[0].length;
        if (mayMatch(NOT_PAIN_AFTER, s) && NOT_PAIN_AFTER.test(s.slice(end))) continue;
        if (!(mayMatch(PAIN_CUE, s) && PAIN_CUE.test(s)) && sen.section !== 'hpi' && sen.section !== 'exam') continue;
        add(m.index, end, parseNumber(m[2] ?? m[1]!), instrumentIn(s));
      }
    }
    if (mayMatch(SCALE_WORD, s) && SCALE_WORD.test(s)) {
      for (const re of [SCALE_THEN_RATE, ON_SCALE]) {
        for (const m of matchAll(re, s)) add(m.index, m.index + m[0].length, parseNumber(m[2] ?? m[1]!), instrumentIn(s));
      }
    }
    if (mayMatch(BETWEEN_WORD, s) && BETWEEN_WORD.test(s) && PAIN_OR_RATING.test(s)) {
      for (const m of matchAll(BETWEEN, s)) add(m.index, m.index + m[0].length, parseNumber(m[2]!), instrumentIn(s));
    }
    for (const m of mayMatch(RATE_WORD, s) && RATE_WORD.test(s) ? matchAll(RATES_IT, s) : []) {
      add(m.index, m.index + m[0].length, parseNumber(m[1]!), instrumentIn(s));
    }
    for (const m of mayMatch(PAIN_WORD, s) && PAIN_WORD.test(s) ? matchAll(PAIN_IS, s) : []) {
      add(m.index, m.index + m[0].length, parseNumber(m[1]!), instrumentIn(s));
    }
  }
  return out;
}
