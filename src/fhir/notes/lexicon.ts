// Shared vocabulary of the note extractors: numbers as words, time units, and the evidence record for a span.
import type { Evidence, NoteDoc } from '../../policy/picture';
import { dayOf } from '../../policy/dates';
import type { Sentence } from './sentence';
import { containsAny, mayMatch, triggerScanOn } from './trigger-scan';
import { plainWord } from './required-words';

const WORD_NUMBERS: Record<string, number> = {
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  several: Number.NaN,
  few: Number.NaN,
};

/** A number as digits or a word (regex source; use with parseNumber). */
export const NUM = String.raw`(?:\d{1,3}(?:\.\d{1,2})?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty)`;
/** A number or a range "6-8" / "6 to 8" (the lower bound is taken). */
export const NUM_RANGE = String.raw`${NUM}(?:\s*(?:-|–|to)\s*${NUM})?`;

export function parseNumber(raw: string): number {
  const t = raw.trim().toLowerCase();
  const first = /^(\S+?)(?:\s*(?:-|–|to)\s*\S+)?$/.exec(t)?.[1] ?? t;
  if (/^\d/.test(first)) return Number(first);
  return WORD_NUMBERS[first] ?? Number.NaN;
}

export const UNIT = String.raw`(?:hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|mo|years?|yrs?|y)`;

export type TimeUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

export function parseUnit(raw: string): TimeUnit | undefined {
  const t = raw.toLowerCase();
  if (/^h/.test(t)) return 'hour';
  if (/^d/.test(t)) return 'day';
  if (/^w/.test(t)) return 'week';
  if (/^mo/.test(t)) return 'month';
  if (/^y/.test(t)) return 'year';
  return undefined;
}

const WEEKS_PER: Record<TimeUnit, number> = { hour: 1 / 168, day: 1 / 7, week: 1, month: 52 / 12, year: 52 };
const HOURS_PER: Record<TimeUnit, number> = { hour: 1, day: 24, week: 168, month: 730, year: 8760 };

export function toWeeks(n: number, unit: TimeUnit): number {
  return Math.round(n * WEEKS_PER[unit] * 10) / 10;
}

export function toHours(n: number, unit: TimeUnit): number {
  return Math.round(n * HOURS_PER[unit] * 10) / 10;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

/** A date as notes write it: 2025-03-02, 3/2/2025, 03/02/25, 03/2025, March 2025, March 2, 2025. */
export const DATE = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})|\d{1,2}\/\d{4}|${MONTH_NAME}\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4})`;

/** Parse a DATE match into ISO ('YYYY-MM-DD' or 'YYYY-MM'). */
export function parseDate(raw: string): string | undefined {
  const t = raw.trim().toLowerCase();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const y = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
    return `${y}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${m[1]!.padStart(2, '0')}` : undefined;
  m = /^([a-z]{3})[a-z]*\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$/.exec(t);
  if (m) {
    const mi = MONTHS.indexOf(m[1]!);
    if (mi < 0) return undefined;
    const mm = String(mi + 1).padStart(2, '0');
    return m[2] ? `${m[3]}-${mm}-${m[2].padStart(2, '0')}` : `${m[3]}-${mm}`;
  }
  return undefined;
}

/** The day of the note, or '' when the note is undated (merge reports that as a data issue). */
export function noteDay(note: NoteDoc): string {
  return note.date ? dayOf(note.date) : '';
}

// Evidence is made by constructors, not object literals. A literal carries an allocation site, and V8 decides part
// way through the first megabyte that the site's objects live long (they do: every fact keeps its evidence) and moves
// their allocation to the old generation; that decision throws out the optimized code of every extractor that
// inlined the literal, which then runs slowly again and is compiled a second time. A constructor has no such site.
class Quote {
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}
}
class NoteEvidence implements Evidence {
  readonly ref: string;
  readonly display: string;
  readonly quote: Quote;
  // Declared only: an own `date` exists when the note has one, as with the literal before.
  declare date?: string;
  constructor(note: NoteDoc, a: number, b: number) {
    this.ref = note.ref;
    this.display = note.title;
    this.quote = new Quote(note.text.slice(a, b), a, b);
    if (note.date) this.date = note.date;
  }
}

/** Evidence for `len` characters at `start` (sentence-relative) of a sentence. */
export function spanEvidence(note: NoteDoc, sentence: Sentence, start: number, end: number): Evidence {
  return new NoteEvidence(note, sentence.start + start, sentence.start + end);
}

/** Every match of a global regex (resets lastIndex so module-level regexes are reusable); an array, not a
 * generator, because this runs for every regex on every sentence. */
export function matchAll(re: RegExp, s: string): readonly RegExpExecArray[] {
  // A sentence the trigger scan saw without any of the rule's words: no match, without running it.
  if (!mayMatch(re, s)) return NO_MATCHES;
  tierUpOnce(re);
  re.lastIndex = 0;
  let m = re.exec(s);
  // Most sentences hold no match of most regexes: one shared empty answer instead of a new array each time (this
  // runs about a million times per megabyte, and the garbage is what a cold start pays for most).
  if (m === null) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  for (; m !== null; m = re.exec(s)) {
    if (m[0].length === 0) re.lastIndex++;
    out.push(m);
  }
  return out;
}

/**
 * V8 runs a regex's first calls in its bytecode interpreter and compiles it to machine code only after some use,
 * unless the subject is at least 1,000 characters long; then it compiles at once. The lexicon's big alternations
 * cost tens of milliseconds each in the interpreter on a cold start (the launch's note worker pays it), so each is
 * run once on a blank subject of that length first. It reads nothing: the answer is discarded and lastIndex reset.
 */
const TIER_UP_SUBJECT = ' '.repeat(1100);
const tieredUp = new WeakSet<RegExp>();
/** The same for a regex run by other means than matchAll (the parts of composed-match.ts). */
export function tierUpOnce(re: RegExp): void {
  if (!tieredUp.has(re)) tierUp(re);
}
function tierUp(re: RegExp): void {
  tieredUp.add(re);
  re.lastIndex = 0;
  re.exec(TIER_UP_SUBJECT);
  re.lastIndex = 0;
}

// Typed readonly instead of frozen: a frozen array leaves the engine's fast path for `for...of`, which then
// allocates an iterator per loop, more garbage than the empty arrays it saves.
const NO_MATCHES: readonly RegExpExecArray[] = [];

// Each gate list compiles once to a case-sensitive alternation over the lower-cased text: one pass per sentence,
// much cheaper than a case-insensitive regex or one includes() per word. Gate lists must be module constants, so a
// plain Map (an identity look-up, cheaper than a WeakMap's) holds them for good.
const gateCache = new Map<readonly string[], RegExp>();

/** Does `lower` (already lower case) contain any of `words`? Used to skip sentences before the real regexes run. */
export function hasAny(lower: string, words: readonly string[]): boolean {
  const known = containsAny(words, lower);
  if (known !== undefined) return known;
  let re = gateCache.get(words);
  if (!re) {
    // A word marked to begin a word (required-words.ts) is looked for plainly here: a looser gate, still exact.
    re = new RegExp(words.map((w) => plainWord(w).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));
    gateCache.set(words, re);
  }
  return re.test(lower);
}

/**
 * May a sentence hold a match of any of an extractor's rules (`words`: anyRuleWords of them)? With the trigger scan
 * switched off, always: its equivalence test then runs every rule on every sentence, so a rule left out of the
 * extractor's list shows as a difference.
 */
export function mayHoldAny(lower: string, words: readonly string[] | null): boolean {
  return words === null || !triggerScanOn() || hasAny(lower, words);
}

/** Matches of `re` in a sentence, or none without running it when the lower-case text lacks every gate word. */
export function gatedMatches(re: RegExp, gate: readonly string[], s: string, lower: string): readonly RegExpExecArray[] {
  return hasAny(lower, gate) ? matchAll(re, s) : NO_MATCHES;
}

/**
 * Does [a, b) overlap one of `spans`? An indexed loop, not `spans.some(([x, y]) => ...)`: destructuring a pair walks
 * the iterator protocol, which the first megabyte (run mostly before the optimizing compiler steps in) pays for at
 * every candidate match, and which makes each extractor's optimized code larger to compile.
 */
export function overlapsAny(spans: readonly (readonly [number, number])[], a: number, b: number): boolean {
  for (let i = 0; i < spans.length; i++) {
    const t = spans[i]!;
    if (a < t[1] && t[0] < b) return true;
  }
  return false;
}

/** Drop trailing whitespace and punctuation with a plain loop (a regex anchored at $ can go quadratic). */
export function trimTrailing(s: string): string {
  let e = s.length;
  while (e > 0 && /[\s.;,:]/.test(s[e - 1]!)) e--;
  return s.slice(0, e);
}
