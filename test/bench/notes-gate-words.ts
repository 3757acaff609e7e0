// Bench tooling for issue 11 (note extraction speed): a "may this regex match here?" test derived from the regex
// itself, the literal words every match must contain (src/fhir/notes/required-words.ts). Tried first as one
// per-sentence regex gate per rule (measured by notes-gates.ts): V8 scans a case-sensitive alternation of many words
// about as slowly as the \b-anchored rule itself, so such gates did not pay. The extractor now uses the same words
// through one automaton pass per run of sentences (src/fhir/notes/trigger-scan.ts); this file keeps the per-rule form
// so the first measurement can be rerun.
import { CARE_TERMS } from '../../src/fhir/notes/care-lexicon';
import { LEXICON_PATTERNS } from '../../src/fhir/notes/extract-function';
import { matchAll } from '../../src/fhir/notes/lexicon';
import { plainWord, requiredWords, WORD_START } from '../../src/fhir/notes/required-words';
import { careTriggerWords } from '../../src/fhir/notes/trigger-words';

export { requiredWords };

/** A regex with the words one of which each of its matches contains (lower case), or null when none could be read. */
export interface GatedRegex {
  re: RegExp;
  gate: RegExp | null;
  words: readonly string[] | null;
}

/** `re` with its gate, built once at module load: from `words` when the caller read them off its own data. */
export function gated(re: RegExp, words: readonly string[] | null = requiredWords(re)): GatedRegex {
  // A word's begins-a-word mark (WORD_START) becomes \b: on the lower-cased text, as the fixtures are plain ASCII.
  const gate =
    words &&
    new RegExp(words.map((w) => (w.startsWith(WORD_START) ? '\\b' : '') + plainWord(w).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));
  return { re, gate, words };
}

const NONE: readonly RegExpExecArray[] = [];

/** Matches of a gated regex in a sentence (`lower` its lower-case text); none, without running it, when gated out. */
export function gatedAll(g: GatedRegex, s: string, lower: string): readonly RegExpExecArray[] {
  return g.gate === null || g.gate.test(lower) ? matchAll(g.re, s) : NONE;
}

/** The note rules that run on every sentence without a hand-written gate, each with its derived gate. */
export function ungatedRules(): [string, GatedRegex][] {
  return [
    ['care terms', gated(CARE_TERMS, careTriggerWords())],
    ...LEXICON_PATTERNS.map((re, i): [string, GatedRegex] => [`function lexicon #${i}`, gated(re)]),
  ];
}
