// The derived gates of test/bench/notes-gate-words.ts (issue 11) must never drop a match: every rule run with and
// without its gate over every sentence of the fixture notes gives the same matches, and the reader declines shapes
// it cannot follow rather than guessing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sentences } from '../../../src/fhir/notes/segment';
import { matchAll } from '../../../src/fhir/notes/lexicon';
import corpus from '../../fixtures/notes/corpus.json';
import visits from '../../fixtures/notes/visits.json';
import { gated, gatedAll, requiredWords, ungatedRules } from '../../bench/notes-gate-words';
import { anyRuleWords, WORD_START } from '../../../src/fhir/notes/required-words';
import { FUNCTION_RULES } from '../../../src/fhir/notes/extract-function';
import { MODALITY } from '../../../src/fhir/notes/extract-imaging';

// The real notes beside the repository too, when present (read in place, never copied).
const devDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/notes-dev/notes');
const devNotes = existsSync(devDir) ? readdirSync(devDir).map((f) => readFileSync(join(devDir, f), 'utf8')) : [];
const texts = [...(corpus as { text: string }[]).map((c) => c.text), ...visits.notes, ...devNotes];
const fixtureSentences = texts.flatMap((t) => sentences(t));
/** A word with its begins-a-word mark shown as ^. */
const marked = (w: string): string => w.replace(WORD_START, '^');
const spans = (ms: readonly RegExpExecArray[]): string[] => ms.map((m) => `${m.index}:${m[0]}`);

describe('derived note-rule gates', () => {
  it('reads gates off most of the ungated rules', () => {
    const rules = ungatedRules();
    expect(rules.length).toBeGreaterThan(5);
    expect(rules.filter(([, g]) => g.gate !== null).length).toBeGreaterThanOrEqual(rules.length - 1);
  });

  it.each(ungatedRules())('%s: same matches with and without its gate on every fixture sentence', (_name, g) => {
    expect(fixtureSentences.length).toBeGreaterThan(300);
    for (const s of fixtureSentences) {
      expect(spans(gatedAll(g, s.text, s.lower)), s.text).toEqual(spans(matchAll(g.re, s.text)));
    }
  });

  it('compares where the rules do match: the fixtures hold matches of most gated rules', () => {
    const hit = ungatedRules().filter(([, g]) => fixtureSentences.some((s) => matchAll(g.re, s.text).length > 0));
    expect(hit.length).toBeGreaterThanOrEqual(6);
  });

  it('takes only mandatory literal runs', () => {
    expect(requiredWords(/\bfoo(?:bar)?bazz\b/gi)).toEqual(['bazz']);
    expect(requiredWords(/(?:alpha|beta)x|gamma/i)!.sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect(requiredWords(/walks?ing/i)).toEqual(['walk']);
    expect(requiredWords(/ab+cde/i)).toEqual(['cde']);
    // An escaped dot is a literal dot ("P.T.", which kept the whole care-term matcher from being gated); a bare one is
    // any character.
    expect(requiredWords(/P\.T\./)).toEqual(['p.t.']);
    expect(requiredWords(/P.T.abc/)).toEqual(['abc']);
    // A branch without a word of three letters, a lookahead only, a backreference, a Unicode regex: no gate.
    expect(requiredWords(/foobar|qu+x/i)).toBeNull();
    expect(requiredWords(/(?=abc)\w+/)).toBeNull();
    expect(requiredWords(/(abc)\1/)).toBeNull();
    expect(requiredWords(/abc/u)).toBeNull();
  });

  it('prefers a branch’s rarer required words to one that nearly every sentence of a pain note holds', () => {
    // "pain " would pass most sentences; "medication", "medicine", "pills" pass few.
    expect(requiredWords(/pain (?:medications?|medicines?|pills)/i)!.sort()).toEqual(['medication', 'medicine', 'pills']);
    expect(requiredWords(/(?:the|his|her) therapist/i)).toEqual([' therapist']);
    // Two characters are enough when one is a digit (the Berg scale's "of 56"), never two letters.
    expect(
      requiredWords(/\bBerg\b|\d+\s*\/\s*56\b/i)!
        .map(marked)
        .sort(),
    ).toEqual(['56', '^berg']);
    expect(requiredWords(/CT|MRI/i)).toBeNull();
    // Fewer such words wins, not none-or-some: a body part beside "pain" beats "the" and "his".
    expect(requiredWords(/(?:the|his) (?:pain|sciatica|numbness)/i)!.sort()).toEqual(['numbness', 'pain', 'sciatica']);
    // A body part is such a word too: "icing the knee" is gated on the "ic" that begins a word, not on "knee".
    expect(requiredWords(/\bic(?:es|ed|ing) (?:the|his) (?:knee|back|hip)/i)!.map(marked)).toEqual(['^ic']);
    // "to" in a work-status phrase let two thirds of the real notes' sentences through.
    expect(requiredWords(/(?:has|had) to (?:stop|quit)\b/i)!.sort()).toEqual(['quit', 'stop']);
    // Still a gate when the branch has nothing else.
    expect(requiredWords(/\bthe\b/i)!.map(marked)).toEqual(['^the']);
    // Otherwise the longest shortest word, as before.
    expect(requiredWords(/walking (?:aid|cane)/i)).toEqual(['walking ']);
  });

  it('marks a word that must begin a word (it follows \\b or ^, and begins with a word character)', () => {
    expect(requiredWords(/\bTENS\b/i)!.map(marked)).toEqual(['^tens']);
    expect(
      requiredWords(/\b(?:TLSO|LSO)\b/i)!
        .map(marked)
        .sort(),
    ).toEqual(['^lso', '^tlso']);
    // Two letters are enough when they begin a word.
    expect(
      requiredWords(/\b(?:CT|MRI)\b/i)!
        .map(marked)
        .sort(),
    ).toEqual(['^ct', '^mri']);
    // Not after something consumed, optional or not, nor before a non-word character.
    expect(requiredWords(/\b(?:a )?tlso/i)).toEqual(['tlso']);
    expect(requiredWords(/\b#abc/)).toEqual(['#abc']);
    // A lookahead consumes nothing.
    expect(requiredWords(/\b(?=t)tens/i)!.map(marked)).toEqual(['^tens']);
  });

  it('reads one word set for a whole extractor, or none when one of its rules cannot be read', () => {
    expect(
      anyRuleWords([/\bsciatica\b/i, ['Numb', 'tingl']])!
        .map(marked)
        .sort(),
    ).toEqual(['^sciatica', 'numb', 'tingl']);
    expect(anyRuleWords([/\bsciatica\b/i, /\b[A-Z]\d\b/])).toBeNull();
    expect(anyRuleWords([/\bsciatica\b/i, []])).toBeNull();
    // The function extractor's sentence gate exists: all its rules are read.
    expect(anyRuleWords(FUNCTION_RULES)!.length).toBeGreaterThan(100);
  });

  it('gates the imaging and PT matchers, whose short names begin words', () => {
    expect(requiredWords(MODALITY)!.map(marked)).toEqual(expect.arrayContaining(['^ct', '^xr', '^mri', '^emg']));
    // Never "ct" inside a word: "function", "direct".
    expect(requiredWords(MODALITY)).not.toContain('ct');
  });

  it('gates on the lower-cased text, whatever the case of the sentence', () => {
    const g = gated(/\bWork Status\b/gi);
    expect(g.words!.map(marked)).toEqual(['^work status']);
    expect(spans(gatedAll(g, 'WORK STATUS: full duty', 'work status: full duty'))).toEqual(['0:WORK STATUS']);
    expect(gatedAll(g, 'No change.', 'no change.')).toHaveLength(0);
  });
});
