// Sacroiliac provocative tests and their results. The LCD counts positive findings only, and an exam line names
// negative tests as often as positive ones ("Positive FABER and thigh thrust on the right; Gaenslen, compression and
// distraction negative"), so each test takes the result written next to it: after it ("FABER positive"), after the
// list it closes ("Gaenslen, compression and distraction negative"), or before the list it opens ("Positive FABER,
// Gaenslen and thigh thrust", "positive on the right (thigh thrust, distraction)"). A test with no result near it
// is unstated, which never counts as positive.
import type { NoteDoc, ProvocativeTestFact } from '../../policy/picture';
import type { Sentence } from './context';
import { gatedMatches, noteDay, spanEvidence } from './lexicon';

const TESTS =
  /\b(?:FABER|Patrick(?:'s)?|Gaenslen(?:'s)?|thigh[- ]thrust|posterior shear|sacral thrust|Yeoman(?:'s)?|Fortin(?: finger)?|(?:(?:SI|SIJ|sacroiliac|pelvic) )?(?:compression|distraction))(?: (?:test|sign|maneuver|manoeuvre))?\b/gi;
const GATE = ['faber', 'patrick', 'gaenslen', 'thigh', 'shear', 'sacral thrust', 'yeoman', 'fortin', 'compression', 'distraction'];
// Compression and distraction name other things too (nerve root compression, a compression fracture): bare, they
// count only beside another provocative test or with an SI word.
const NAMED_SI = /^(?:SI|SIJ|sacroiliac|pelvic) /i;
const AMBIGUOUS = /^(?:compression|distraction)/i;

const POSITIVE = /^(?:positive|pos\b|\(\+\)|\+(?!\w)|reproduc\w*|provok\w*|elicit\w*|concordant)/i;
const NEGATIVE = /^(?:negative|neg\b|\(-\)|-(?!\w)|normal|unremarkable|non-?provocative|(?:does|did) not reproduce|without pain|no pain)/i;
// What may stand between two tests of one list, or between a test and its result.
const JOINER =
  /^[\s,/]*(?:(?:and|or|&)\b[\s,]*)?(?:(?:were|was|is|are|all|both|each|tests?|signs?|maneuvers?|bilaterally|on the (?:right|left)|(?:right|left)(?:-sided)?)\b[\s,:]*)*$/i;
// Before a list: "Positive", "positive on the right (", "+ ", "negative:".
const PREFIX =
  /(positive|negative|\(\+\)|\(-\))(?:\s+(?:on the (?:right|left)|bilaterally|(?:right|left)(?:-sided)?|for))?[\s:(]*(?:SI |sacroiliac )?(?:provocati\w+ )?(?:tests? )?[\s:(]*$/i;

function normalise(name: string): string {
  const n = name
    .toLowerCase()
    .replace(/'s\b/, '')
    .replace(/ (?:test|sign|maneuver|manoeuvre)$/, '')
    .replace(/^(?:si|sij|sacroiliac|pelvic) /, '');
  if (n === 'patrick') return 'faber';
  return n.replace(/[- ]/g, '-');
}

function polarity(text: string): ProvocativeTestFact['result'] | undefined {
  const t = text.replace(
    /^[\s,:]*(?:(?:is|was|were|are|all|both|each|tests?|signs?|maneuvers?)\b\s*)*(?:(?:on the )?(?:right|left|bilaterally)\b[\s,:]*)?/i,
    '',
  );
  if (POSITIVE.test(t)) return 'positive';
  if (NEGATIVE.test(t)) return 'negative';
  return undefined;
}

/** Each provocative test a note names, with the result written for it. */
export function extractProvocativeTests(note: NoteDoc, sentences: readonly Sentence[]): ProvocativeTestFact[] {
  const out: ProvocativeTestFact[] = [];
  const date = noteDay(note);
  for (const sen of sentences) {
    const found = gatedMatches(TESTS, GATE, sen.text, sen.lower);
    if (found.length === 0) continue;
    const tests = found.filter((m) => !AMBIGUOUS.test(m[0]) || NAMED_SI.test(m[0]) || found.length > 1);
    // A clause ends at a semicolon or a full stop: results never cross it.
    const clauseOf = (i: number) => {
      let a = i;
      while (a > 0 && !/[;.]/.test(sen.text[a - 1]!)) a--;
      return a;
    };
    const results: (ProvocativeTestFact['result'] | undefined)[] = tests.map((m, i) => {
      const end = m.index + m[0].length;
      const next = tests[i + 1]?.index ?? sen.text.length;
      const after = sen.text.slice(end, Math.min(next, end + 40)).split(/[;.]/)[0]!;
      return polarity(after);
    });
    // A list shares one result: runs of tests joined by commas and "and" only.
    let i = 0;
    while (i < tests.length) {
      let j = i;
      while (
        j + 1 < tests.length &&
        results[j] === undefined &&
        JOINER.test(sen.text.slice(tests[j]!.index + tests[j]![0].length, tests[j + 1]!.index))
      )
        j++;
      // The run i..j: its closing result, else the result that opens it.
      let shared = results[j];
      if (shared === undefined) {
        const from = clauseOf(tests[i]!.index);
        const before = sen.text.slice(Math.max(from, tests[i]!.index - 60), tests[i]!.index);
        const p = PREFIX.exec(before);
        if (p) shared = /^(?:positive|\(\+\))$/i.test(p[1]!) ? 'positive' : 'negative';
      }
      for (let k = i; k <= j; k++) {
        const m = tests[k]!;
        const fact: ProvocativeTestFact = {
          source: 'note',
          evidence: [spanEvidence(note, sen, m.index, m.index + m[0].length)],
          test: normalise(m[0]),
          result: results[k] ?? shared ?? 'unstated',
          noteRef: note.ref,
        };
        if (date) fact.date = date;
        out.push(fact);
      }
      i = j + 1;
    }
  }
  return out;
}
