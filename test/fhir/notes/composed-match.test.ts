// The function phrases run as parts (composed-match.ts) match what their whole regexes match: every composed pattern
// against its whole regex on every corpus sentence, the synthetic visits' lines, and phrases written for the
// boundaries (the gap's length and stop characters, adjacency, a failed first try that must move the start on).
import { describe, expect, it } from 'vitest';
import { composedMatches } from '../../../src/fhir/notes/composed-match';
import { COMPOSED } from '../../../src/fhir/notes/extract-function';
import corpus from '../../fixtures/notes/corpus.json';
import visits from '../../fixtures/notes/visits.json';

const spans = (ms: readonly { index: number; 0: string }[]): [number, number][] => ms.map((m) => [m.index, m.index + m[0].length]);
function wholeMatches(re: RegExp, s: string): [number, number][] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return spans([...s.matchAll(g)]);
}

const WRITTEN = [
  'She has difficulty with prolonged sitting and cannot walk more than one block.',
  'Unable to lift. He walks daily.',
  // 40 characters between the limitation word and the activity (the most allowed), then 41.
  `difficulty ${'1'.repeat(38)} walking`,
  `difficulty ${'1'.repeat(39)} walking`,
  `Walking ${'2'.repeat(23)} is limited`,
  `Walking ${'2'.repeat(24)} is limited`,
  'Walking is difficult; sitting is painful for long periods.',
  'He is able to walk about 20 minutes and can only stand 10 minutes.',
  'She tolerates 15 minutes of standing and is able to do 20 minutes of continuous walking.',
  'Limited in sitting, or standing, and walking tolerance is 2 blocks.',
  'walking, standing, sitting, lifting; all painful',
  'Cannot. Walk. Decreased. Sleep.',
];
const SUBJECTS = [...(corpus as { text: string }[]).map((c) => c.text), ...visits.notes.flatMap((n) => n.split('\n')), ...WRITTEN];

describe('composed patterns', () => {
  it('cover the five patterns that hold the activity list', () => {
    expect(COMPOSED.size).toBe(5);
  });

  for (const [whole, c] of COMPOSED) {
    it(`match what ${whole.source.slice(0, 40)}... matches`, () => {
      let found = 0;
      for (const s of SUBJECTS) {
        const lines = whole.flags.includes('g') ? [s] : [...s.matchAll(/[,\s]/g)].map((m) => s.slice(m.index, m.index + 80));
        for (const t of lines) {
          const want = whole.flags.includes('g') ? wholeMatches(whole, t) : wholeMatches(whole, t).slice(0, 1);
          expect(spans(composedMatches(c, t)), t).toEqual(want);
          found += want.length;
        }
      }
      // The subjects hold matches of every pattern, so the comparison is not of empty lists.
      expect(found).toBeGreaterThan(0);
    });
  }
});
