// The literal words one of which every match of a regex must contain, read mechanically off the regex source (the
// trigger words of the one-pass scan, trigger-scan.ts). When the source has a shape this reader does not follow, the
// answer is null and the regex runs on every sentence, as it always did: a wrong answer would drop a fact, no
// answer only costs time. Matched against lower-cased text: only ASCII letters, digits and a few plain marks count
// as literal, so a match's lower-case form holds the word at the same place, with or without the i flag.

// Only ASCII letters, digits and a few plain marks count as literal: their lower-case form is what sen.lower holds at
// the same place, with or without the i flag (non-Unicode case folding never maps a non-ASCII character to ASCII).
// (Sets of characters, not one-character regexes: this reader walks every lexicon source character by character as
// the note worker starts, on the way to the launch's first verdict.)
const PLAIN: ReadonlySet<string> = new Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ,:'#&=%-");
/** Escaped punctuation: a plain one (PLAIN) is a literal, any other consumes one character. */
const ESCAPED_PUNCT: ReadonlySet<string> = new Set("./-#&%=:,'()[]{}?*+|^$\\");
/** Escaped classes and control characters: one character, not a literal. */
const CLASS_ESCAPES: ReadonlySet<string> = new Set('dDsSwWtnrfv');
const SHORTEST_USEFUL = 3;
/**
 * Long enough to gate on: three characters, or two when one is a digit. A two-letter run ("ct", "pt") is inside most
 * sentences' words, but a number is rarer, and a branch with nothing else ("\d+\s*\/\s*56", the Berg scale's
 * total) left its whole rule to run on every sentence.
 */
const useful = (word: string): boolean => {
  const w = plainWord(word);
  return w.length >= SHORTEST_USEFUL || (w.length === 2 && (/\d/.test(w) || w !== word) && !w.includes(' '));
};

/**
 * Marks a word that the regex requires to begin a word (it follows `\b`): "tens" of `\bTENS\b` must not be found
 * inside "intensity", nor "lso" of `\bLSO` inside "also". The trigger scan checks the character before such a word in
 * the sentence itself; any other reader may drop the mark (the plain word is then a looser, still exact, gate). A
 * two-letter word is enough when it begins a word ("ct" of `\bCT\b`, "pt" of `\bPT\b`, which left those rules
 * ungated).
 */
export const WORD_START = '\u0001';
/** A word without its mark. */
export const plainWord = (w: string): string => (w.startsWith(WORD_START) ? w.slice(1) : w);
/** `w` (lower case) marked as beginning a word, when it begins with a word character (else `\b` before it means the opposite). */
export const wordStart = (w: string): string => (/^[a-z0-9_]/.test(w) ? WORD_START + w : w);
/**
 * Words that pass most sentences of a pain clinic's notes, so a gate of them skips almost nothing: the care matcher's
 * "pain (medications|medicines|meds|...)" branch was gated on "pain " and its "(the|his|her) therapist" on "the",
 * which let 58% of the bench megabyte's sentences through to a 9 kB regex that matches in 25%; the work-status
 * pattern's " to " let 65% of the real notes' sentences through to a rule that matches in 2%. Only the choice among
 * a branch's required sets reads this: a word here is still a gate when the branch has no other.
 */
const COMMON: ReadonlySet<string> = new Set([
  ...['the', 'his', 'her', 'their', 'she', 'and', 'or', 'not', 'than', 'that', 'this', 'due to'],
  ...['to', 'from', 'of', 'in', 'on', 'at', 'by', 'as', 'for', 'with', 'after'],
  ...['is', 'are', 'was', 'be', 'been', 'has', 'have', 'had'],
  ...['pain', 'patient'],
  // The body parts a pain note names in most sentences: "ic(es|ed|ing) the (knee|back|...)" gated the care matcher on
  // the body part rather than on the "ic" that begins "icing".
  ...['back', 'neck', 'knee', 'shoulder', 'hip', 'joint', 'area', 'region', 'leg', 'arm', 'left', 'right', 'lower'],
]);
const isCommon = (w: string): boolean => COMMON.has(plainWord(w).trim());

/** Words (lower case) one of which every match of the alternation `src[i..]` up to `)` or end contains, or null. */
function alternation(src: string, at: { i: number }, atWordStart: boolean): string[] | null {
  const sets: (string[] | null)[] = [sequence(src, at, atWordStart)];
  while (src[at.i] === '|') {
    at.i++;
    sets.push(sequence(src, at, atWordStart));
  }
  if (sets.some((s) => s === null)) return null;
  return [...new Set(sets.flat() as string[])];
}

/**
 * One branch of an alternation: the best required word set among its mandatory items. `atWordStart`: the branch
 * begins right after a `\b` (nothing consumed since).
 */
function sequence(src: string, at: { i: number }, atWordStart: boolean): string[] | null {
  const found: string[][] = [];
  let run = '';
  // Did the run begin right after a \b?
  let runAtWordStart = false;
  // Right after a \b, with nothing consumed since: a run of word characters that begins here begins a word.
  let boundary = atWordStart;
  const endRun = (): void => {
    const w = runAtWordStart ? wordStart(run) : run;
    if (useful(w)) found.push([w]);
    run = '';
    runAtWordStart = false;
  };
  while (at.i < src.length && src[at.i] !== '|' && src[at.i] !== ')') {
    const c = src[at.i]!;
    let literal: string | null = null;
    let inner: string[] | null = null;
    let consumes = true;
    if (c === '(') {
      at.i++;
      let look = false;
      if (src[at.i] === '?') {
        const head = src.slice(at.i, at.i + 3);
        if (head.startsWith('?:')) at.i += 2;
        else if (head.startsWith('?=') || head.startsWith('?!')) {
          look = true;
          at.i += 2;
        } else if (head === '?<=' || head === '?<!') {
          look = true;
          at.i += 3;
        } else throw new Error('named group');
      }
      const set = alternation(src, at, !look && boundary);
      if (src[at.i] !== ')') throw new Error('unbalanced');
      at.i++;
      if (look) consumes = false;
      else inner = set;
    } else if (c === '[') {
      at.i++;
      if (src[at.i] === '^') at.i++;
      if (src[at.i] === ']') at.i++;
      while (at.i < src.length && src[at.i] !== ']') at.i += src[at.i] === '\\' ? 2 : 1;
      at.i++;
    } else if (c === '\\') {
      const e = src[at.i + 1]!;
      at.i += 2;
      if (e === 'b' || e === 'B') {
        consumes = false;
        if (e === 'b') boundary = true;
      }
      // An escaped dot is a literal dot (the therapy lexicon's "P\.T\.", whose lack of a word left the whole care-term
      // matcher ungated, run on every sentence); a bare one is any character.
      else if (ESCAPED_PUNCT.has(e)) literal = PLAIN.has(e) || e === '.' ? e : null;
      else if (CLASS_ESCAPES.has(e)) literal = null;
      else throw new Error(`escape \\${e}`);
    } else if (c === '^' || c === '$') {
      at.i++;
      consumes = false;
      if (c === '^') boundary = true;
    } else {
      at.i++;
      if (PLAIN.has(c)) literal = c.toLowerCase();
    }
    // A quantifier after the atom: optional ones make it not required; any one ends a literal run.
    let optional = false;
    let quantified = false;
    const q = src[at.i];
    if (q === '?' || q === '*' || q === '+') {
      quantified = true;
      optional = q !== '+';
      at.i++;
    } else if (q === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(at.i));
      if (!m) throw new Error('brace');
      quantified = true;
      optional = Number(m[1]) === 0;
      at.i += m[0].length;
    }
    if (quantified && src[at.i] === '?') at.i++;
    if (!consumes) {
      endRun();
      continue;
    }
    const wasBoundary = boundary;
    boundary = false;
    if (literal !== null && !optional) {
      if (run === '') runAtWordStart = wasBoundary;
      run += literal;
      if (quantified) endRun();
      continue;
    }
    endRun();
    if (inner !== null && !optional && inner.every(useful)) found.push(inner);
  }
  endRun();
  if (found.length === 0) return null;
  // The most selective set: the fewest words that nearly every sentence of a pain note holds, then its shortest word
  // longest, then fewest words.
  const score = (s: string[]): number =>
    -s.filter(isCommon).length * 1_000_000 + Math.min(...s.map((w) => plainWord(w).length)) * 1000 - s.length;
  return found.reduce((a, b) => (score(b) > score(a) ? b : a));
}

/** The words one of which every match of `re` contains, or null when the source is not read. */
export function requiredWords(re: RegExp): string[] | null {
  if (re.flags.includes('u') || re.flags.includes('v') || re.flags.includes('m')) return null;
  try {
    const at = { i: 0 };
    const words = alternation(re.source, at, false);
    return at.i === re.source.length ? words : null;
  } catch {
    return null;
  }
}

/**
 * The words one of which every match of any of `rules` contains (a regex's read off its source, a gate list's its
 * own), or null when one rule's cannot be read: an extractor whose every rule is gated skips a sentence lacking them
 * all with one question to the trigger scan instead of one per rule.
 */
export function anyRuleWords(rules: readonly (RegExp | readonly string[])[]): string[] | null {
  const words = new Set<string>();
  for (const r of rules) {
    const w = r instanceof RegExp ? requiredWords(r) : r;
    if (w === null || w.length === 0) return null;
    for (const x of w) words.add(x.toLowerCase());
  }
  return [...words];
}
