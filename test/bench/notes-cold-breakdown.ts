// Issue 11 measurement: where the cold 1 MB extraction's CPU goes. Runs the cold child (notes-cold.ts, a fresh
// process per run, as the notes bench does) with V8 as shipped and with one part of V8 switched off, interleaved, and
// prints the median CPU of each: without the optimizing compiler (--no-opt) the difference is what compiling the
// extractors costs in the first megabyte; with a large young generation, what the small starting heap costs in
// scavenges. The flags are for measuring only; the app cannot set them.
// Run: npx tsx test/bench/notes-cold-breakdown.ts [runs]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 3);
const child = fileURLToPath(new URL('./notes-cold.ts', import.meta.url));
const variants: [string, string[]][] = [
  ['as shipped', []],
  ['no optimizing compiler (--no-opt)', ['--no-opt']],
  ['large young generation (--min-semi-space-size=16 --max-semi-space-size=64)', ['--min-semi-space-size=16', '--max-semi-space-size=64']],
];
const cpu = new Map<string, number[]>(variants.map(([name]) => [name, []]));
for (let r = 0; r < runs; r++) {
  for (const [name, flags] of variants) {
    const out = execFileSync(process.execPath, [...flags, '--import', 'tsx', child], { encoding: 'utf8' });
    cpu.get(name)!.push((JSON.parse(out.trim().split('\n').pop()!) as { cpu: number }).cpu);
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, xs] of cpu) {
  process.stdout.write(`${name}: median ${median(xs).toFixed(0)} ms CPU (${xs.map((x) => x.toFixed(0)).join(', ')})\n`);
}
