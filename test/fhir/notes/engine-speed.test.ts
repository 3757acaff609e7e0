// The engine's speed rewrites must not change a single answer: each faster form is checked against the form it
// replaced, on every sentence of the written corpus and the synthetic visits (cut into many windows) and on the
// edge cases each rewrite is about.
import { describe, expect, it } from 'vitest';
import { CARE_TERMS, careKind } from '../../../src/fhir/notes/care-lexicon';
import {
  ACTIVITIES,
  BED_BOUND,
  LIMIT_AFTER,
  LIMIT_BEFORE,
  MOBILITY_STATUS,
  SLEEP,
  STOPPED_ACTIVITY,
  WORK_STATUS,
} from '../../../src/fhir/notes/function-lexicon';
import { moreWordsThan } from '../../../src/fhir/notes/context';
import { mayBeLineHeading, SENTENCE_END, sentences } from '../../../src/fhir/notes/segment';
import { CUES } from '../../../src/fhir/notes/cues';
import { matchAll } from '../../../src/fhir/notes/lexicon';
import corpus from '../../fixtures/notes/corpus.json';
import visits from '../../fixtures/notes/visits.json';

const texts: string[] = [...(corpus as { text: string }[]).map((c) => c.text), ...visits.notes];
const lines = texts.flatMap((t) => t.split('\n'));
const sentenceTexts = texts.flatMap((t) => sentences(t).map((s) => s.text));
/** Every sentence cut into 80-character windows ending every few characters, as the context layer slices them. */
const windows = sentenceTexts.flatMap((s) => {
  const out: string[] = [];
  for (let end = 1; end <= s.length; end += 3) out.push(s.slice(Math.max(0, end - 80), end));
  return out;
});

function allMatches(re: RegExp, s: string): [number, string][] {
  return matchAll(re, s).map((m) => [m.index, m[0]]);
}

describe('look-behinds moved after the word they guard', () => {
  it('the sentence splitter finds the same ends as with its look-behind in front', () => {
    const before = /(?<!\b(?:No|no|Dr|Mr|Mrs|Ms|vs|approx|St|Jr|Fig|ca))[.!?](?:(?=\s+(?![a-z]))|,(?=\s*[A-Z]))|\n/g;
    const cases = ['Tylenol No. 3 daily. Dr. Smith saw her.', 'vs. 4 Pain! Next? Yes. ca. 5 St. Luke', 'Mrs. A. B. C.', 'approx. 3!'];
    let ends = 0;
    for (const s of [...cases, ...texts]) {
      expect(allMatches(SENTENCE_END, s), s).toEqual(allMatches(before, s));
      ends += matchAll(SENTENCE_END, s).length;
    }
    expect(ends).toBeGreaterThan(50);
    // What the look-behind is for: no end after "No." or "Dr.", an end after "pain."
    expect(allMatches(SENTENCE_END, 'Tylenol No. 3 for pain. Dr. Smith').map(([i]) => i)).toEqual([22]);
  });

  it('the plan cue fragments match where their look-behind-first forms did', () => {
    const pairs: [string, string][] = [
      [
        String.raw`(?<!\b(?:continu\w*|found|noted|known|seem\w*|appear\w*|happen\w*|said|reported|thought|felt|shown|believed|used|likely|going) )to (?:start|begin|initiate|try|undergo|attend|receive|have|get)`,
        String.raw`to(?<!\b(?:continu\w*|found|noted|known|seem\w*|appear\w*|happen\w*|said|reported|thought|felt|shown|believed|used|likely|going) to) (?:start|begin|initiate|try|undergo|attend|receive|have|get)`,
      ],
      [
        String.raw`(?<=\b(?:scripts?|prescriptions?)\b[^.;]{0,12})(?:given|written|provided|sent) for`,
        String.raw`(?:given|written|provided|sent)(?<=\b(?:scripts?|prescriptions?)\b[^.;]{0,12}(?:given|written|provided|sent)) for`,
      ],
    ];
    const cases = [
      'She continued to start PT. He was going to try it. Plan to start gabapentin. noted to have',
      'A prescription was given for PT. Scripts were written for Norco. Script sent for MRI. gifts given for',
      'PRESCRIPTION GIVEN FOR Norco; prescription; given for',
      'Found to have stenosis and to get an MRI',
    ];
    for (const [old, now] of pairs) {
      const a = new RegExp(old, 'gi');
      const b = new RegExp(now, 'gi');
      let hits = 0;
      for (const s of [...cases, ...windows]) {
        expect(allMatches(b, s), s).toEqual(allMatches(a, s));
        hits += matchAll(b, s).length;
      }
      expect(hits).toBeGreaterThan(0);
      // The cue in use carries the rewritten form, not the slow one.
      const plan = CUES.find((c) => c.context === 'plan' && c.before)!.before!.source;
      expect(plan.includes(old)).toBe(false);
    }
  });
});

describe('cheap tests in front of regexes', () => {
  it('mayBeLineHeading is false only where the line-heading regex cannot match', () => {
    const heading = /^[ \t]*([A-Za-z][A-Za-z &/]{0,40}?)[ \t]*(?::|-(?=\s)|$)/;
    const cases = ['Plan:', '  Assessment and Plan - x', 'Physical Exam', 'A/P: 1.', 'Pain 7/10.', 'HPI-', 'Dr. X: y', '', '\tMeds:'];
    let skipped = 0;
    for (const line of [...cases, ...lines]) {
      if (!mayBeLineHeading(line)) {
        expect(heading.test(line), line).toBe(false);
        skipped++;
      }
    }
    expect(skipped).toBeGreaterThan(100);
    expect(mayBeLineHeading('Plan:')).toBe(true);
    expect(mayBeLineHeading('She rates her pain 7/10.')).toBe(false);
  });

  it('moreWordsThan counts words as split(/\\s+/).filter(Boolean) does, any whitespace', () => {
    const cases = ['', ' ', 'a', ' a  b\tc\nd ', 'one\u00a0two\u2003three\u3000four\ufeff five', 'x,y z'];
    for (const s of [...cases, ...windows]) {
      const words = s.split(/\s+/).filter(Boolean).length;
      for (const n of [0, 1, 3, 8]) expect(moreWordsThan(s, n), `${n} ${s}`).toBe(words > n);
    }
  });

  it('matchAll gives the same matches, and one shared empty answer when there are none', () => {
    const re = /\bpain\b/gi;
    expect(allMatches(re, 'Pain, pain and no pain.')).toEqual([
      [0, 'Pain'],
      [6, 'pain'],
      [18, 'pain'],
    ]);
    expect(matchAll(re, 'nothing here')).toBe(matchAll(/\bmissing\b/g, 'none'));
    expect(matchAll(re, 'nothing here')).toHaveLength(0);
  });

  it('careKind answers a repeated term from its cache exactly as the first time', () => {
    for (const term of ['Norco', 'physical therapy', 'PT', 'NSAIDs', 'Tylenol #3', 'ice', 'muscle relaxers']) {
      const first = careKind(term);
      expect(careKind(term)).toEqual(first);
    }
    expect(careKind('Norco').drug?.ingredient).toBe('hydrocodone');
  });
});

describe('no look-behind of unbounded length opens an alternative of a lexicon pattern', () => {
  // One at the start of an alternative runs at every character of every sentence, scanning back over the sentence:
  // "(?<=\bpain\b[^.;]*)insomnia" cost the sleep pattern 150 ms per megabyte before it became
  // "insomnia(?<=\bpain\b[^.;]*insomnia)", which runs only where "insomnia" is.
  const OPENING_UNBOUNDED = /(?:^|\||\((?:\?:)?)\(\?<[=!](?:[^()]|\([^()]*\))*?[*+}]/;
  it.each([
    ['ACTIVITIES', ACTIVITIES.join('|')],
    ['LIMIT_BEFORE', LIMIT_BEFORE.join('|')],
    ['LIMIT_AFTER', LIMIT_AFTER.join('|')],
    ['WORK_STATUS', WORK_STATUS],
    ['STOPPED_ACTIVITY', STOPPED_ACTIVITY],
    ['MOBILITY_STATUS', MOBILITY_STATUS],
    ['SLEEP', SLEEP],
    ['BED_BOUND', BED_BOUND],
    ['CARE_TERMS', CARE_TERMS.source],
    ['CUES', CUES.map((c) => `${c.before?.source ?? ''}|${c.after?.source ?? ''}`).join('|')],
  ])('%s', (_name, source) => {
    expect(OPENING_UNBOUNDED.exec(source)?.[0]).toBeUndefined();
  });
  it('the check sees the shape it is for', () => {
    expect(OPENING_UNBOUNDED.test(String.raw`sleep|(?<=\bpain\b[^.;]*)insomnia`)).toBe(true);
    expect(OPENING_UNBOUNDED.test(String.raw`sleep|insomnia(?<=\bpain\b[^.;]*insomnia)`)).toBe(false);
  });
});
