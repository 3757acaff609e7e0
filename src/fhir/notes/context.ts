// Where a phrase sits and what the writer meant by it: section of the note, sentence and clause, and whether the
// phrase is negated, hypothetical, about a family member, or about the past. Extractors ask these questions so that
// "denies radicular pain", "will consider PT" and "mother has back pain" never become evidence.

import { CAPS_HEADING, capsHeadingSection, type Section } from './sections';

export type { Section } from './sections';

export type { Sentence } from './sentence';
import { NoteSentence, type Sentence } from './sentence';

// Heading labels, normalised (lower case, single spaces, "&" as "and", no spaces around "/"), to their section.
const HEADING_LABELS: [Section, string[]][] = [
  [
    'hpi',
    [
      'hpi',
      'history of present illness',
      'history of the present illness',
      'history of presenting illness',
      'subjective',
      'chief complaint',
      'cc',
      'interval history',
      'reason for visit',
      'reason for consultation',
    ],
  ],
  [
    'exam',
    [
      'exam',
      'physical exam',
      'physical examination',
      'pe',
      'objective',
      'neuro exam',
      'neurologic exam',
      'neurological exam',
      'musculoskeletal exam',
      'msk exam',
    ],
  ],
  ['assessment', ['assessment', 'impression', 'diagnosis', 'diagnoses', 'clinical impression']],
  [
    'plan',
    [
      'plan',
      'assessment and plan',
      'a/p',
      'a and p',
      'assessment/plan',
      'impression and plan',
      'impression/plan',
      'recommendation',
      'recommendations',
      'treatment plan',
      'disposition',
    ],
  ],
  ['imaging', ['imaging', 'radiology', 'studies', 'diagnostic studies', 'results']],
  [
    'medications',
    ['medication', 'medications', 'current medication', 'current medications', 'meds', 'home medication', 'home medications'],
  ],
  ['allergies', ['allergy', 'allergies']],
  [
    'goals',
    ['goal', 'goals', 'short-term goals', 'long-term goals', 'short term goals', 'long term goals', 'patient goals', 'treatment goals'],
  ],
  ['family', ['family history', 'fh', 'fhx']],
  [
    'past-history',
    ['past medical history', 'pmh', 'past surgical history', 'psh', 'surgical history', 'social history', 'sh', 'past history'],
  ],
  ['procedure', ['procedure', 'procedure note', 'procedure performed', 'procedures performed', 'operative note']],
  ['other', ['vital', 'vitals', 'vital signs', 'ros', 'review of systems']],
];
const HEADINGS = new Map<string, Section>(
  HEADING_LABELS.flatMap(([section, labels]) => labels.map((l): [string, Section] => [l, section])),
);

// A heading at the start of a line: "PLAN:", "Assessment and Plan -", or a line that is just "Physical Exam".
const LINE_HEADING = /^[ \t]*([A-Za-z][A-Za-z &/]{0,40}?)[ \t]*(?::|-(?=\s)|$)/;

/**
 * Can LINE_HEADING match `line`? Everything it reads before its ":", "-" or the line's end is a letter, space, tab,
 * "&" or "/", so the first other character must be one of those ends. A prose line fails here at its first digit or
 * comma instead of the regex trying forty label lengths.
 */
export function mayBeLineHeading(line: string): boolean {
  let k = 0;
  while (k < line.length) {
    const c = line.charCodeAt(k);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!(letter || c === 32 || c === 9 || c === 38 /* & */ || c === 47) /* / */) break;
    k++;
  }
  if (k === line.length) return true;
  const end = line.charCodeAt(k);
  return end === 58 /* : */ || end === 45; /* - */
}

const LINE_ONLY = new Set<Section>(['family', 'allergies']);

const headingCache = new Map<string, Section | undefined>();

function headingSection(label: string): Section | undefined {
  if (headingCache.has(label)) return headingCache.get(label);
  if (headingCache.size > 5_000) headingCache.clear();
  const section = HEADINGS.get(normalLabel(label));
  headingCache.set(label, section);
  return section;
}

function normalLabel(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?& ?/g, ' and ')
    .replace(/ ?\/ ?/g, '/');
}

// Sentence ends: . ! ? followed by whitespace and then not a lowercase letter; and every line break. In a flattened
// report a line break became a comma (".,Aggravating factors include"), so a . ! or ? with a comma and a capital
// after it ends a sentence too (the comma, matched with it, starts none): else a cue of the sentence before ("sleeps
// less than one hour", read as a goal) reached into the next line's.
// Not after an abbreviation that takes a number or a name: "Tylenol No. 3", "Dr. Smith", "vs. 4". The look-behind
// comes after the punctuation it guards, so it runs only at a . ! or ? (first, it ran at every character).
export const SENTENCE_END = /[.!?](?<!\b(?:No|no|Dr|Mr|Mrs|Ms|vs|approx|St|Jr|Fig|ca)[.!?])(?:(?=\s+(?![a-z]))|,(?=\s*[A-Z]))|\n/g;

/** Split the note into sentences, each tagged with the section its heading put it in. */
export function sentences(text: string): Sentence[] {
  // One lower-case copy of the note, sliced per sentence; only when lower-casing keeps every offset (it can grow
  // a few characters, e.g. "İ"), else per sentence.
  const whole = text.toLowerCase();
  const lower = whole.length === text.length ? whole : undefined;
  const out: Sentence[] = [];
  let section: Section = 'other';
  let lineStart = 0;
  let nextLine = 0;
  const inlineHeadings = inlineHeadingStarts(text);
  let nextInline = 0;
  let headed = false;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    nextLine = lineEnd + 1;
    // A flattened report runs its headings inline (".,PLAN: , We discussed", "sedation,NAME OF OPERATION:,1."): each
    // inline capitals heading starts a segment that is read like a line of its own, so a PLAN or FAMILY HISTORY
    // heading decides its own part of the note instead of the first heading deciding all of it.
    while (nextInline < inlineHeadings.length && inlineHeadings[nextInline]! <= lineStart) nextInline++;
    // A title in capitals before the first heading ("CERVICAL NERVE ROOT BLOCK,PREPROCEDURE PREPARATION:") is read
    // with that heading, as one capitals line. Only before the first: after one, text in capitals is that section's
    // (an allergy list "PENICILLIN.,2.  SULFA.,3.  ACE INHIBITOR.") and the next heading starts its own section.
    while (
      !headed &&
      nextInline < inlineHeadings.length &&
      inlineHeadings[nextInline]! < lineEnd &&
      isCapsTitle(text, lineStart, inlineHeadings[nextInline]!) &&
      !LIST_HEADING.test(text.slice(lineStart, inlineHeadings[nextInline]!))
    )
      nextInline++;
    const inline = nextInline < inlineHeadings.length && inlineHeadings[nextInline]! < lineEnd ? inlineHeadings[nextInline]! : -1;
    if (inline !== -1) lineEnd = inline;
    const line = text.slice(lineStart, lineEnd);
    const caps = CAPS_HEADING.exec(line) ?? LIST_HEADING.exec(line);
    const h = caps ?? (mayBeLineHeading(line) ? LINE_HEADING.exec(line) : null);
    let bodyStart = lineStart;
    let lineSection = section;
    if (h) {
      const s = caps ? (headingSection(h[1]!) ?? capsHeadingSection(h[1]!)) : headingSection(h[1]!);
      if (s) {
        headed = true;
        // A capitals heading stays in its sentence: "WOMAC SCORE: 8", "WORK STATUS: Working." are facts.
        if (!caps) bodyStart = lineStart + h[0].length;
        lineSection = s;
        // "Family History: mother with back pain" on one line closes with its line; a heading on a line of its own
        // (or any clinical section) runs until the next heading.
        const inline = line.slice(h[0].length).trim() !== '';
        if (!(inline && LINE_ONLY.has(s))) section = s;
      }
    }
    splitLine(text, lower, bodyStart, lineEnd, lineSection, out);
    lineStart = inline !== -1 ? inline : nextLine;
  }
  return out;
}

// An inline heading: after a comma, period or semicolon (and spaces), capitals ending in a colon, the same label
// shape as CAPS_HEADING without its commas and periods.
const INLINE_HEADING = /[,.;] *(?=[A-Z][A-Z0-9 /&()'#-]{1,60}? ?:|[A-Z][A-Z /&-]{3,60},\d{1,2}\.\s)/g;
// A flattened heading without its colon, over a numbered list: "CURRENT MEDICATIONS,1.  Heparin.,2.  Colace."
const LIST_HEADING = /^[ \t]*([A-Z][A-Z /&-]{3,60}),(?=\d{1,2}\.\s)/;

/** Is text[a, b) a title in capitals: no lower-case letter and no colon? */
function isCapsTitle(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c === 58) return false;
  }
  return true;
}

/** Offsets of every inline heading's first letter, in one pass over the note (so a flattened note stays linear). */
function inlineHeadingStarts(text: string): number[] {
  const out: number[] = [];
  INLINE_HEADING.lastIndex = 0;
  for (let m = INLINE_HEADING.exec(text); m !== null; m = INLINE_HEADING.exec(text)) out.push(m.index + m[0].length);
  return out;
}

// Real sentences are short; a longer run (a pasted table, a note without punctuation) is cut at whitespace so that
// every per-sentence scan stays bounded and the whole extraction stays linear in the note length.
export const MAX_SENTENCE = 600;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160;
}

/** Emit the sentence text[a, b) trimmed, cut into MAX_SENTENCE pieces when longer. */
function pushSentence(text: string, lower: string | undefined, a: number, b: number, section: Section, out: Sentence[]): void {
  let s = a;
  let e = b;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  while (e - s > MAX_SENTENCE) {
    let cut = text.lastIndexOf(' ', s + MAX_SENTENCE);
    if (cut <= s + MAX_SENTENCE / 2) cut = s + MAX_SENTENCE;
    pushSentence(text, lower, s, cut, section, out);
    s = cut;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
  }
  if (e > s) {
    const t = text.slice(s, e);
    out.push(new NoteSentence(s, e, t, lower === undefined ? t.toLowerCase() : lower.slice(s, e), section));
  }
}

function splitLine(text: string, lower: string | undefined, from: number, to: number, section: Section, out: Sentence[]): void {
  const line = text.slice(from, to);
  SENTENCE_END.lastIndex = 0;
  let start = 0;
  for (let m = SENTENCE_END.exec(line); m !== null; m = SENTENCE_END.exec(line)) {
    pushSentence(text, lower, from + start, from + m.index + 1, section, out);
    start = m.index + m[0].length;
  }
  pushSentence(text, lower, from + start, to, section, out);
}

// ---------------------------------------------------------------- clause and cue tests

// NegEx-style terminators: a cue before one of these does not reach past it.
// "because" and "since" open a clause of their own ("has not worked since the fall and has trouble sleeping"), as does
// "and" with a new subject ("no numbness, and she has trouble walking").
const TERMINATOR =
  /\b(?:and (?:started|began|switched|added|now)|but|however|although|though|except|aside from|apart from|whereas|yet|now|then|since then|since|because|which|and (?=(?:he|she|they|the patient)\b))\b|[;()]/gi;

// Clauses are looked up many times per sentence; the terminators of the last sentence seen are kept, and a clause
// never reaches further than CLAUSE_REACH characters from the phrase, so every lookup is bounded.
const CLAUSE_REACH = 200;
// Every extractor walks the same sentences, so terminators are kept per sentence text (bounded, then reset). Each
// sentence's are one flat list of numbers, start and end of each in turn: an array of pairs changed its elements kind
// as the first pair went in, and that change threw the optimized code of every extractor that had inlined this out
// (a deopt and a second compile in the first megabyte).
const termCache = new Map<string, number[]>();

function terminators(s: string): number[] {
  let terms = termCache.get(s);
  if (!terms) {
    if (termCache.size > 20_000) termCache.clear();
    terms = [];
    TERMINATOR.lastIndex = 0;
    for (let m = TERMINATOR.exec(s); m !== null; m = TERMINATOR.exec(s)) terms.push(m.index, m.index + m[0].length);
    termCache.set(s, terms);
  }
  return terms;
}

// The clause lookups below and the word count run for every mention: indexed loops, no destructuring or split, so
// they stay cheap before the JIT has optimised them (a launch pays that cold start).

/** Start offset (within the sentence) of the clause that contains position `pos`. */
export function clauseStart(s: string, pos: number): number {
  const terms = terminators(s);
  let start = 0;
  for (let i = 0; i < terms.length; i += 2) {
    if (terms[i]! >= pos) break;
    start = terms[i + 1]!;
  }
  return Math.max(start, pos - CLAUSE_REACH);
}

/** End offset (within the sentence) of the clause that contains position `pos`. */
export function clauseEnd(s: string, pos: number): number {
  const terms = terminators(s);
  for (let i = 0; i < terms.length; i += 2) {
    const a = terms[i]!;
    if (a >= pos) return Math.min(a, pos + CLAUSE_REACH);
  }
  return Math.min(s.length, pos + CLAUSE_REACH);
}

/** JavaScript's \s (the characters String.prototype.split(/\s+/) breaks on). */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Does `s` hold more than `n` words (runs of non-space), as `s.split(/\s+/).filter(Boolean).length > n`? */
export function moreWordsThan(s: string, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    if (isJsSpace(s.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++words > n) return true;
    }
  }
  return false;
}

const NEG_CUE =
  /\b(?:no(?!\.\s*\d)|not|never|denies|denied|deny|negative for|without|none|declined|declines|refused|refuses|hasn't|has not|have not|haven't|did not|didn't|does not|doesn't|is not|isn't|was not|wasn't|free of|absence of|ruled out)\b/gi;
// Words that turn a preceding "no"/"without" into an outcome of the thing rather than its absence:
// "no relief from PT" is a failed PT, not a missing one.
const OUTCOME_WORD = /\b(?:relie\w*|improv\w*|benefit\w*|help\w*|change|respon\w*|success\w*|better|tolerat\w*|heal\w*)\b/i;
// A verb of doing between the cue and the term means the term was done: "denies fever, completed PT".
const DOING_WORD =
  /\b(?:completed|tried|trialed|attended|failed|underwent|participated|taking|takes|using|uses|shows?|showed|showing|demonstrates?|demonstrated|reveals?|revealed|reports?|reported|endorses)\b/i;

const NOT_ABLE =
  /\b(?:not (?:be )?able to|(?:should|must|could|can) not|(?:was|is|were|are) not (?:able|allowed)|does not tolerate|did not tolerate|could not tolerate)\b/i;

// The cue is about something else: "does not know how long PT will last", "has not healed despite PT", "denies side
// effects from Norco", "no longer takes Norco" (history, not absence).
const NOT_ABOUT =
  /^\s*(?:\w+\s+)?(?:know|sure|certain|recall|remember|clear|aware|think|feel|believe)\b|\b(?:despite|in spite of|regardless of)\b|^\s*(?:(?:have|has|had|experience[ds]?|report(?:s|ed)?|notice[ds]?)\s+)?(?:any\s+)?(?:\w+\s+)?(?:side effects?|adverse (?:effects?|reactions?)|problems?|complications?|issues?)\s+(?:from|with|of|on|to)\b|^\s*longer\b/i;

const PSEUDO_NEGATION = /^\s*(?:only|just|necessarily|limited to|exclusively|to mention)\b/i;

/** Is the phrase at `pos` (within sentence `s`) negated by a cue earlier in its clause (within ~8 words)? */
export function isNegated(s: string, pos: number): boolean {
  // Eight words back is the reach of a negation cue; 120 characters is more than that.
  const from = Math.max(clauseStart(s, pos), pos - 120);
  const before = s.slice(from, pos);
  NEG_CUE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = NEG_CUE.exec(before); m !== null; m = NEG_CUE.exec(before)) last = m;
  if (!last) return false;
  const between = before.slice(last.index + last[0].length);
  // Pseudo-negations: "not only PT but also", "including but not limited to", "not necessarily".
  if (PSEUDO_NEGATION.test(between)) return false;
  // "not able to walk and needs help to stand", "should not bend, he should not lift": the cue is a limitation or a
  // restriction of its own, not the absence of what follows it.
  if (NOT_ABLE.test(before.slice(Math.max(0, last.index - 12), last.index + last[0].length + 12))) return false;
  // "does not know how long the treatment will last", "has not healed despite PT": the cue is about something else.
  if (NOT_ABOUT.test(between)) return false;
  if (moreWordsThan(between, 8)) return false;
  if (OUTCOME_WORD.test(between)) return false;
  // Only after a comma: "has not tried PT" stays negated, "denies fever, completed PT" does not.
  const comma = between.indexOf(',');
  if (comma !== -1 && DOING_WORD.test(between.slice(comma))) return false;
  return true;
}

// A heading ("SOCIAL AND FAMILY HISTORY:") stays in its sentence; the section decides for it, not these words.
const FAMILY =
  /\b(?:mother|father|mom|dad|sister|brother|sibling|son|daughter|aunt|uncle|grandmother|grandfather|grandparent|cousin|family history(?!\s*:)|fhx(?!\s*:)|family hx(?!\s*:))\b|\bFH\b(?!\s*:)/i;

// Extractors interleave their questions about the same sentences, so the first relative of each sentence is kept
// per sentence text (bounded, then reset), like the terminators.
const familyCache = new Map<string, number>();

const FAMILY_G = new RegExp(FAMILY.source, 'gi');
// A relative who helps, or whom the patient is with, is not the one the sentence is about: "lives with his son",
// "her daughter helps her with dressing" (ConText's experiencer is the subject of the finding).
const RELATIVE_AS_OBJECT = /\b(?:with|by|from|to|for|and)\s+(?:his|her|their|the patient's)\s+$/i;
// "takes" and "brings" only with the patient as object ("her son takes her to appointments"): "her mother takes
// Celebrex" is the mother's own treatment.
const RELATIVE_HELPS =
  /^\s+(?:\w+\s+)?(?:helps?|helped|assists?|assisted|drives?|drove|does|did|has to|needs to|must|(?:takes?|took|brings?|brought) (?:him|her|them|the patient)\b)/i;

/** Offset of the first relative the sentence is about, or Infinity. */
function experiencerRelative(s: string): number {
  FAMILY_G.lastIndex = 0;
  for (let m = FAMILY_G.exec(s); m !== null; m = FAMILY_G.exec(s)) {
    const before = s.slice(Math.max(0, m.index - 24), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 24);
    if (!RELATIVE_AS_OBJECT.test(before) && !RELATIVE_HELPS.test(after)) return m.index;
  }
  return Number.POSITIVE_INFINITY;
}

/** Is the sentence about someone else (family history)? True when a relative is named before the phrase. */
export function isAboutFamily(s: string, pos: number, section: Section): boolean {
  if (section === 'family') return true;
  let at = familyCache.get(s);
  if (at === undefined) {
    if (familyCache.size > 20_000) familyCache.clear();
    at = experiencerRelative(s);
    familyCache.set(s, at);
  }
  return at < pos;
}
