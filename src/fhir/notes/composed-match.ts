// A long pattern run as its parts. The function phrases put the activity list (4 kB of alternatives) inside five
// patterns: a limitation word then an activity, an activity then a limitation word, "able to <activity> <quantity>",
// "<time> of <activity>", and the next item of a list. Each copy costs V8 its own compile, 10-20 ms apiece in a
// fresh worker (measured in headless Chromium), on the launch's path to the verdict; run as parts, the activity list
// is compiled once and shared.
//
// What is matched is what the whole pattern matches, read the way a backtracking regex reads it: the leftmost start
// where the first part matches, each next part matched where the previous one ended (its gap is its own: a lazy
// `[^...]{0,n}?` at its start), and a failure moving the start on by one. One difference is left, by design: where the first part could also match
// at the same start in a later, longer way (an alternative listed after a shorter one), the whole regex would try
// that way too and this does not. The notes snapshot (test/bench/notes-snapshot.ts) showed no output changed.
import { tierUpOnce } from './lexicon';
import { mayMatch } from './trigger-scan';

/**
 * A part after the first: a sticky ('y') regex that holds its own gap (`[^.;:\n]{0,40}?\b(?:...)`), or a global one
 * that must match right where the previous part ended.
 */
export interface Part {
  re: RegExp;
}

export interface Composed {
  /** The whole pattern: never run; the trigger scan reads its words, and a reader sees what is matched. */
  whole: RegExp;
  first: RegExp;
  rest: readonly Part[];
}

export type PartsMatch = { index: number; 0: string };

const NONE: readonly PartsMatch[] = [];

/** The end of `part` matched at `from`, or -1. */
function partEnd(s: string, from: number, part: Part): number {
  tierUpOnce(part.re);
  part.re.lastIndex = from;
  const m = part.re.exec(s);
  return m === null || m.index !== from ? -1 : from + m[0].length;
}

/** Every match of the composed pattern in `s` (a sentence), as matchAll gives them. */
export function composedMatches(c: Composed, s: string): readonly PartsMatch[] {
  if (!mayMatch(c.whole, s)) return NONE;
  let out: PartsMatch[] | undefined;
  tierUpOnce(c.first);
  let p = 0;
  while (p <= s.length) {
    c.first.lastIndex = p;
    const m = c.first.exec(s);
    if (m === null) break;
    let end = m.index + m[0].length;
    for (let i = 0; i < c.rest.length && end >= 0; i++) end = partEnd(s, end, c.rest[i]!);
    if (end < 0) {
      p = m.index + 1;
      continue;
    }
    (out ??= []).push({ index: m.index, 0: s.slice(m.index, end) });
    p = end > m.index ? end : end + 1;
  }
  return out ?? NONE;
}
