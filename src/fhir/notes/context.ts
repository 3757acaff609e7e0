// Where a phrase sits in its sentence and what the writer meant by it: its clause, and whether the phrase is negated
// or about a family member. Extractors ask these questions so that "denies radicular pain" and "mother has back pain"
// never become evidence. (The note is cut into sentences and sections in segment.ts.)
import type { Section } from './sections';

export type { Section } from './sections';
export type { Sentence } from './sentence';

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
