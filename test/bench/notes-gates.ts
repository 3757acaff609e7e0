// Issue 11 measurement: does a derived per-sentence gate (notes-gate-words.ts) make the ungated note rules cheaper?
// For each rule, over the sentences of the 1 MB bench text: CPU of the rule alone, gate then rule, and gate alone,
// interleaved in one process (median of 7), with how many sentences pass the gate.
// Run: npx tsx test/bench/notes-gates.ts
import { sentences } from '../../src/fhir/notes/segment';
import { matchAll } from '../../src/fhir/notes/lexicon';
import visits from '../fixtures/notes/visits.json';
import { gatedAll, ungatedRules } from './notes-gate-words';

const ONE_MB = 1_048_576;
let text = '';
while (text.length < ONE_MB) text += `${visits.notes.join('\n')}\n`;
const sens = sentences(text.slice(0, ONE_MB));
const cpu = (f: () => void): number => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const median = (xs: number[]): string => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
for (const [name, g] of ungatedRules()) {
  if (g.gate === null) {
    process.stdout.write(`${name}: no gate could be read off its source\n`);
    continue;
  }
  const gate = g.gate;
  const pass = sens.filter((s) => gate.test(s.lower)).length;
  const plain: number[] = [];
  const both: number[] = [];
  const alone: number[] = [];
  for (let r = 0; r < 7; r++) {
    plain.push(cpu(() => sens.forEach((s) => matchAll(g.re, s.text))));
    both.push(cpu(() => sens.forEach((s) => gatedAll(g, s.text, s.lower))));
    alone.push(cpu(() => sens.forEach((s) => gate.test(s.lower))));
  }
  process.stdout.write(
    `${name}: ${g.words!.length} words, ${pass} of ${sens.length} sentences pass; rule ${median(plain)} ms, gate + rule ${median(both)} ms, gate alone ${median(alone)} ms\n`,
  );
}
