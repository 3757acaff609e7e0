// How long the pain has lasted: "for the past 6 months", "since March 2025", "x 3 months", "6-month history of".
// A duration that belongs to a therapy ("PT x 6 weeks") or to relief ("relief for 6 hours") is not pain duration:
// the caller passes those spans in `taken`.
import type { NoteDoc, PainDurationFact } from '../../policy/picture';
import { weeksBetween } from '../../policy/dates';
import { clauseEnd, clauseStart, isAboutFamily, isNegated, type Sentence } from './context';
import { DATE, gatedMatches, noteDay, NUM_RANGE, overlapsAny, parseDate, parseNumber, parseUnit, spanEvidence, toWeeks } from './lexicon';
import { mayMatch } from './trigger-scan';

const LONG_UNIT = String.raw`(?:days?|weeks?|wks?|months?|mos?|years?|yrs?)`;
const FOR_PAST = new RegExp(
  String.raw`\b(?:for|over|x|×|during)\s*(?:about\s+|approximately\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more than\s+|the\s+)*(?:past\s+|last\s+|previous\s+|preceding\s+)?(?:(${NUM_RANGE})\+?\s*-?\s*(${LONG_UNIT})|(?:a\s+|an\s+|one\s+)?(year|month)\b)`,
  'gi',
);
const HISTORY_OF = new RegExp(String.raw`\b(${NUM_RANGE})\+?\s*-?\s*(${LONG_UNIT})\s+(?:history|hx|duration)\b`, 'gi');
const AGO = new RegExp(
  String.raw`\b(?:began|started|starting|onset|began about|started about|beginning)\s+(?:about\s+|approximately\s+|roughly\s+)?(${NUM_RANGE})\s*(${LONG_UNIT})\s+ago\b`,
  'gi',
);
const SINCE = new RegExp(
  String.raw`\b(?:since|onset(?:\s+(?:in|on|of))?|began(?:\s+in)?|started(?:\s+in)?|beginning(?:\s+in)?)\s+(${DATE}|(?:19|20)\d\d)\b`,
  'gi',
);
const ONSET_OF = new RegExp(
  String.raw`\bonset of (?:\w+\s+){0,3}?(?:pain|symptoms|sciatica)\s+(?:in|on|since|around)\s+(${DATE}|(?:19|20)\d\d)\b`,
  'gi',
);
const PAIN_CUE =
  /\b(?:pain|LBP|ache|aching|symptoms|sciatica|radicul\w+|discomfort|numbness|tingling|hurt\w*|stiffness|lumbago|cervicalgia)\b/i;
const NOT_DURATION_CONTEXT = /\b(?:pain[- ]free|free of pain|resolved|relief)\b/i;

const DURATION_PATTERNS: [RegExp, string[]][] = [
  [FOR_PAST, ['for', 'over', 'x', '×', 'during']],
  [HISTORY_OF, ['history', 'hx', 'duration']],
  [AGO, [' ago']],
];
const ONSET_GATE = ['onset'];
const SINCE_GATE = ['since', 'onset', 'began', 'started', 'beginning'];

export function extractPainDuration(note: NoteDoc, sentences: readonly Sentence[], taken: readonly [number, number][]): PainDurationFact[] {
  const out: PainDurationFact[] = [];
  const asOf = noteDay(note);
  // Spans and sentences both run in text order, so one pointer walks the taken spans once.
  const sorted = [...taken].sort((x, y) => x[0] - y[0]);
  let k = 0;
  // The helpers below are made once per note (not per sentence) and read the current sentence from these.
  let sen: Sentence = sentences[0]!;
  let s = '';
  let local: [number, number][] = [];
  let used: [number, number][] = [];
  const accept = (start: number, end: number): boolean => {
    const a = sen.start + start;
    const b = sen.start + end;
    if (overlapsAny(local, a, b) || overlapsAny(used, start, end)) return false;
    const clause = s.slice(clauseStart(s, start), clauseEnd(s, end));
    if (!PAIN_CUE.test(clause) || NOT_DURATION_CONTEXT.test(clause)) return false;
    if (isAboutFamily(s, start, sen.section) || isNegated(s, start)) return false;
    used.push([start, end]);
    return true;
  };
  const push = (start: number, end: number, weeks?: number, onset?: string): void => {
    const fact: PainDurationFact = { source: 'note', evidence: [spanEvidence(note, sen, start, end)], asOf };
    if (onset) fact.onset = onset;
    if (weeks !== undefined) fact.weeks = weeks;
    else if (onset && asOf) fact.weeks = Math.round(weeksBetween(onset, asOf) * 10) / 10;
    out.push(fact);
  };
  for (const current of sentences) {
    sen = current;
    while (k < sorted.length && sorted[k]![1] <= sen.start) k++;
    s = sen.text;
    // The trigger scan answers for most sentences without the regex call.
    if (!mayMatch(PAIN_CUE, s) || !PAIN_CUE.test(s)) continue;
    local = [];
    for (let j = k; j < sorted.length && sorted[j]![0] < sen.end; j++) local.push(sorted[j]!);
    used = [];
    // Indexed, not `for (const [re, gate] of ...)`: no iterator protocol per pattern per sentence (see overlapsAny).
    for (let p = 0; p < DURATION_PATTERNS.length; p++) {
      const re = DURATION_PATTERNS[p]![0];
      for (const m of gatedMatches(re, DURATION_PATTERNS[p]![1], s, sen.lower)) {
        const n = m[1] ? parseNumber(m[1]) : 1;
        const unit = parseUnit(m[2] ?? m[3] ?? '');
        if (!Number.isFinite(n) || !unit) continue;
        if (accept(m.index, m.index + m[0].length)) push(m.index, m.index + m[0].length, toWeeks(n, unit));
      }
    }
    for (const m of [...gatedMatches(ONSET_OF, ONSET_GATE, s, sen.lower), ...gatedMatches(SINCE, SINCE_GATE, s, sen.lower)]) {
      const raw = m[1]!;
      const onset = /^\d{4}$/.test(raw) ? raw : parseDate(raw);
      if (!onset) continue;
      if (accept(m.index, m.index + m[0].length)) push(m.index, m.index + m[0].length, undefined, onset);
    }
  }
  return out;
}
