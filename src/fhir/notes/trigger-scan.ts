// The one-pass trigger scan (issue 11): before the extractors read a run of sentences, one Aho-Corasick automaton over
// the trigger words of every rule walks each sentence's lower-case text once and notes, per sentence, which rules'
// words occur in it. A rule whose words a sentence lacks cannot match there, so matchAll/hasAny (lexicon.ts) and the
// context cues answer "nothing" without running it. Most sentences hold no match of most rules, and in V8 it is the
// fixed cost of each regex call (and the garbage it makes) that a megabyte of notes pays for, not the scanning.
//
// The trigger words are never written by hand: a rule's are read off its regex source (required-words.ts) the first
// time it runs, a gate list's are its words, and a lexicon may declare its own (trigger-words.ts). Every answer is
// exact or "may match": a rule with no readable words, a gate first met after this run of sentences was scanned, or
// a string that is not one of its sentences is simply run, as before.
import { plainWord, requiredWords } from './required-words';
import type { Sentence } from './sentence';

let enabled = true;
/** Rule calls answered "no match" without running the rule, since load (for tests and measurements). */
let skipped = 0;

/** Is the scan on? Off, the gates built on it (lexicon.ts, mayHoldAny) answer "may match" too. */
export function triggerScanOn(): boolean {
  return enabled;
}

/** Switch the scan off (every rule runs on every sentence, the old path): for the equivalence test only. */
export function setTriggerScan(on: boolean): void {
  enabled = on;
  if (!on) rows = null;
}

// ---------------------------------------------------------------- gates: a word set each

const gateWords: (readonly string[])[] = [];
const gateOfRegex = new Map<RegExp, number>();
const gateOfList = new Map<readonly string[], number>();
/** No gate: the rule always runs. */
const NONE = -1;

function addGate(words: readonly string[] | null): number {
  if (words === null || words.length === 0 || words.some((w) => w.length === 0)) return NONE;
  gateWords.push(words);
  return gateWords.length - 1;
}

/** Declare the trigger words of a regex whose source the reader cannot follow (read off its lexicon's data). */
export function declareTriggerWords(re: RegExp, words: readonly string[] | null): void {
  if (!gateOfRegex.has(re)) gateOfRegex.set(re, addGate(words?.map((w) => w.toLowerCase()) ?? null));
}

function gateOf(re: RegExp): number {
  let g = gateOfRegex.get(re);
  if (g === undefined) {
    g = addGate(requiredWords(re));
    gateOfRegex.set(re, g);
  }
  return g;
}

// ---------------------------------------------------------------- the automaton

interface Automaton {
  gates: number;
  /** Character code (< 128) to its class; 0 for a character no trigger word holds. */
  ascii: Int32Array;
  /** Non-ASCII characters that trigger words hold, to their class. */
  other: Map<number, number>;
  classes: number;
  /** delta[state * classes + class]: the next state (a full DFA, fail links folded in). */
  delta: Int32Array;
  /**
   * What ends at a state (through its fail chain), or null: triples of gate, the word's length, and 1 when the word
   * must begin a word (required-words.ts, WORD_START), else 0.
   */
  out: (Int32Array | null)[];
}

let automaton: Automaton | undefined;

function build(): Automaton {
  const gates = gateWords.length;
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  let classes = 1;
  // Character classes first, so that the trie can be laid out straight into the transition table: no Map or Set per
  // state (the care terms bring some 400 words, and this build runs while the first note is read, before the
  // optimizing compiler has seen it).
  let chars = 0;
  for (let g = 0; g < gates; g++) {
    for (const word of gateWords[g]!) {
      const w = plainWord(word);
      chars += w.length;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (c < 128) {
          if (ascii[c] === 0) ascii[c] = classes++;
        } else if (!other.has(c)) other.set(c, classes++);
      }
    }
  }
  const classOf = (c: number): number => (c < 128 ? ascii[c]! : other.get(c)!);
  // The trie: delta holds its goto edges (0 is no edge: no edge leads back to the root), ends the gates whose words
  // end at each state.
  const delta = new Int32Array((chars + 1) * classes);
  const ends: (number[] | undefined)[] = [undefined];
  let states = 1;
  for (let g = 0; g < gates; g++) {
    for (const word of gateWords[g]!) {
      const w = plainWord(word);
      const atStart = w !== word;
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const at = s * classes + classOf(w.charCodeAt(i));
        let t = delta[at]!;
        if (t === 0) {
          t = states++;
          ends.push(undefined);
          delta[at] = t;
        }
        s = t;
      }
      (ends[s] ??= []).push(g, w.length, atStart ? 1 : 0);
    }
  }
  const fail = new Int32Array(states);
  const out: (Int32Array | null)[] = new Array<Int32Array | null>(states).fill(null);
  // Breadth first: a state's fail target is shallower, so its row and outputs are final when the state is reached.
  // A state's row holds its own edges until it is reached; then its missing ones are the fail state's.
  const queue: number[] = [];
  for (let k = 0; k < classes; k++) if (delta[k] !== 0) queue.push(delta[k]!);
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    const f = fail[s]!;
    const own = ends[s];
    const inherited = out[f];
    if (own !== undefined || inherited) out[s] = uniqueTriples(own ?? [], inherited ?? []);
    const row = s * classes;
    const frow = f * classes;
    for (let k = 0; k < classes; k++) {
      const t = delta[row + k]!;
      if (t === 0) delta[row + k] = delta[frow + k]!;
      else {
        fail[t] = delta[frow + k]!;
        queue.push(t);
      }
    }
  }
  return { gates, ascii, other, classes, delta: delta.slice(0, states * classes), out };
}

/** The triples of `a` and `b`, each once. */
function uniqueTriples(a: ArrayLike<number>, b: ArrayLike<number>): Int32Array {
  const seen = new Set<string>();
  const out: number[] = [];
  for (const xs of [a, b]) {
    for (let i = 0; i < xs.length; i += 3) {
      const key = `${xs[i]},${xs[i + 1]},${xs[i + 2]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(xs[i]!, xs[i + 1]!, xs[i + 2]!);
    }
  }
  return Int32Array.from(out);
}

/** Does the character code count as a word character for `\b` (ASCII letters, digits, underscore)? Codes, not a regex: this runs in the scan's inner loop. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

// ---------------------------------------------------------------- the scan of a run of sentences

/** Sentence text to its row in `bits` (equal texts give equal answers, so one row serves them all). */
let rows: Map<string, number> | null = null;
/** The same for the sentences' lower-case texts. */
let lowerRows = new Map<string, number>();
let bits = new Uint32Array(0);
/** The sentences of the current scan, in order. */
let scanned: readonly Sentence[] = [];
let words32 = 1;
/** Gates the current scan covers (those known when it ran). */
let covered = 0;
// The last text looked up and its row (undefined: not a scanned sentence). An extractor asks about one sentence many
// times in a row (rule after rule), and comparing the very same string is a pointer check, where a Map look-up hashes
// it and, for a text that occurs twice in the note, compares it character by character: in a warm extraction of the
// bench megabyte those look-ups took about an eighth of the time.
// Forgotten as '' with no row, not null: a string-or-null comparison threw the optimized code out. An empty sentence
// looked up then gets no answer from the scan, which only means its rules run.
let lastText = '';
let lastRow: number | undefined;
let lastLower = '';
let lastLowerRow: number | undefined;

function forget(): void {
  lastText = '';
  lastRow = undefined;
  lastLower = '';
  lastLowerRow = undefined;
}

/**
 * Rebuild the automaton part way through a note only when the gates met since its build are this share of those it
 * covers. The first chunk of a note meets most rules, so the second rebuilds; a few rare rules first met later (5
 * after 125 on the bench megabyte) then run ungated for the rest of that note instead of costing a third build (up
 * to 40 ms before the optimizing compiler has seen it). The next note's first chunk covers them.
 */
const REBUILD_SHARE = 1 / 8;
/**
 * At a note's start a few new gates are worth a rebuild only for a long run of text: the rules they stand for run
 * ungated meanwhile, which over a few kilobytes costs microseconds, where a rebuild in a worker that has not yet
 * optimised it costs 30-60 ms (the launch's first real notes, just after the warm-up note, paid that on the way to
 * the verdict).
 */
export const REBUILD_TEXT = 16_384;
let rebuildText = REBUILD_TEXT;

/** The text length from which a note's start rebuilds for any new gate (tests of the rebuild itself set it to 0). */
export function setRebuildText(chars: number): void {
  rebuildText = chars;
}

function worthRebuild(sens: readonly Sentence[]): boolean {
  let n = 0;
  for (let k = 0; k < sens.length && n < rebuildText; k++) n += sens[k]!.text.length;
  return n >= rebuildText;
}

/**
 * Scan `sens` once for every known gate; until endScan, the answers below come from it. `noteStart`: the first run of
 * sentences of a note, where any newly met gate is worth a rebuild.
 */
export function scanSentences(sens: readonly Sentence[], noteStart = true): void {
  rows = null;
  forget();
  if (!enabled || gateWords.length === 0) return;
  const fresh = automaton === undefined ? gateWords.length : gateWords.length - automaton.gates;
  if (automaton === undefined || (fresh > 0 && ((noteStart && worthRebuild(sens)) || fresh > automaton.gates * REBUILD_SHARE)))
    automaton = build();
  const { ascii, other, classes, delta, out, gates } = automaton;
  words32 = (gates + 31) >> 5;
  bits = new Uint32Array(sens.length * words32);
  const map = new Map<string, number>();
  const lowers = new Map<string, number>();
  for (let k = 0; k < sens.length; k++) {
    const sen = sens[k]!;
    map.set(sen.text, k);
    lowers.set(sen.lower, k);
    const s = sen.lower;
    // A word that must begin a word is checked against the sentence's own text, where the regex's \b looks (lower
    // case keeps every position only when it keeps the length; otherwise the check is left out: may match).
    const text = sen.text.length === s.length ? sen.text : null;
    const row = k * words32;
    let state = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const cls = c < 128 ? ascii[c]! : (other.get(c) ?? 0);
      state = delta[state * classes + cls]!;
      const o = out[state];
      if (o === null || o === undefined) continue;
      for (let j = 0; j < o.length; j += 3) {
        if (o[j + 2] === 1 && text !== null) {
          const at = i + 1 - o[j + 1]!;
          if (at > 0 && isWordCode(text.charCodeAt(at - 1))) continue;
        }
        bits[row + (o[j]! >> 5)]! |= 1 << (o[j]! & 31);
      }
    }
  }
  covered = gates;
  scanned = sens;
  rows = map;
  lowerRows = lowers;
}

/**
 * Build the automaton now for every gate met so far, if any is new: the note worker calls it after its warm-up note
 * (warm-up.ts), whose rules register gates as they first run, so that the first real note does not pay the rebuild
 * (60 ms in a fresh worker, more than the extraction of a few notes once warm).
 */
export function prebuildTriggerScan(): void {
  if (enabled && gateWords.length > 0 && (automaton === undefined || automaton.gates < gateWords.length)) automaton = build();
}

/** The scan's answers end with its run of sentences. */
export function endScan(): void {
  rows = null;
  scanned = [];
  lowerRows = new Map();
  forget();
}

// A new text is most often the next sentence's: the extractors walk the sentences in order. Comparing it with that
// sentence's text is a pointer check when it is that text, where the Map look-up hashes a fresh string and, for a
// text the note holds twice, compares it character by character.
function rowOf(map: Map<string, number>, s: string): number | undefined {
  if (s !== lastText) {
    lastText = s;
    const next = lastRow === undefined ? 0 : lastRow + 1;
    lastRow = next < scanned.length && scanned[next]!.text === s ? next : map.get(s);
  }
  return lastRow;
}

function lowerRowOf(lower: string): number | undefined {
  if (lower !== lastLower) {
    lastLower = lower;
    const next = lastLowerRow === undefined ? 0 : lastLowerRow + 1;
    lastLowerRow = next < scanned.length && scanned[next]!.lower === lower ? next : lowerRows.get(lower);
  }
  return lastLowerRow;
}

function bit(k: number, g: number): boolean {
  return (bits[k * words32 + (g >> 5)]! & (1 << (g & 31))) !== 0;
}

/** May `re` match in `s`? False only when `s` is the text of a scanned sentence that lacks all its words. */
export function mayMatch(re: RegExp, s: string): boolean {
  // Met outside a scan too, so that the next scan covers it.
  const g = gateOf(re);
  if (rows === null || g === NONE || g >= covered) return true;
  const k = rowOf(rows, s);
  if (k === undefined || bit(k, g)) return true;
  skipped++;
  return false;
}

/**
 * Does `lower` (a sentence's lower-case text) contain one of `words`? The scan's exact answer, or undefined when it
 * has none (the caller tests itself).
 */
export function containsAny(words: readonly string[], lower: string): boolean | undefined {
  let g = gateOfList.get(words);
  if (g === undefined) {
    g = addGate(words);
    gateOfList.set(words, g);
  }
  if (rows === null || g === NONE || g >= covered) return undefined;
  const k = lowerRowOf(lower);
  if (k === undefined) return undefined;
  const yes = bit(k, g);
  if (!yes) skipped++;
  return yes;
}

/** How many gates are known and how many rule calls the scan has answered "no match" (for tests and benches). */
export function triggerScanStats(): { gates: number; skipped: number } {
  return { gates: gateWords.length, skipped };
}
