// The note cut into sentences, each tagged with the section its heading put it in: dictation headings on lines of
// their own, inline in a flattened report (".,PLAN: , We discussed"), or over a numbered list ("CURRENT
// MEDICATIONS,1."); sentence ends that know abbreviations and a flattened line break (".,"). The context tests
// (context.ts) then ask where in a sentence a phrase sits.
import { CAPS_HEADING, capsHeadingSection, type Section } from './sections';
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

// Sentence ends: . ! ? followed by whitespace and then not a lowercase letter (after all of the whitespace: two
// spaces before a lower-case word are no end) nor a dispense count ("p.r.n.  #50 with 1 refill"); and every line
// break. In a flattened report a line break became a comma (".,Aggravating factors include"), so a . ! or ? with a
// comma and a capital after it ends a sentence too (the comma, matched with it, starts none): else a cue of the
// sentence before ("sleeps less than one hour", read as a goal) reached into the next line's.
// Not after an abbreviation that takes a number or a name: "Tylenol No. 3", "Dr. Smith", "vs. 4". The look-behind
// comes after the punctuation it guards, so it runs only at a . ! or ? (first, it ran at every character).
export const SENTENCE_END = /[.!?](?<!\b(?:No|no|Dr|Mr|Mrs|Ms|vs|approx|St|Jr|Fig|ca)[.!?])(?:(?=\s+(?![a-z#\s]))|,(?=\s*[A-Z]))|\n/g;

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
