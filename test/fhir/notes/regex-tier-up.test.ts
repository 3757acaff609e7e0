// matchAll runs each regex once on a blank 1,100-character subject the first time (so V8 compiles it to machine
// code at once); that run must not change what the first real call finds, even for a regex that matches blanks.
import { describe, expect, it } from 'vitest';
import { matchAll } from '../../../src/fhir/notes/lexicon';

const found = (re: RegExp, s: string): [string, number][] => matchAll(re, s).map((m) => [m[0], m.index]);
const reference = (source: string, flags: string, s: string): [string, number][] =>
  [...s.matchAll(new RegExp(source, flags))].map((m) => [m[0], m.index]);

describe('matchAll on a regex it has not seen before', () => {
  it.each([
    [String.raw`\s+`, 'g', 'two  blanks   here'],
    [String.raw`\bL\d-S?\d\b`, 'gi', 'L4-5 and l5-s1, then L3-4'],
    [String.raw`(?:failed|did not help)`, 'gi', 'PT failed; naproxen did not help'],
    [String.raw`x*`, 'g', 'axxb'],
  ])('/%s/%s finds what a fresh regex finds', (source, flags, s) => {
    const re = new RegExp(source, flags);
    re.lastIndex = 5;
    expect(found(re, s)).toEqual(reference(source, flags, s));
    expect(found(re, s)).toEqual(reference(source, flags, s));
  });
});
