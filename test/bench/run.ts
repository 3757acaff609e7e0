// npm run bench: every speed budget, printed, and a non-zero exit when one is missed.
import type { BenchResult } from './types';

const suites: [string, () => Promise<{ run(): Promise<BenchResult[]> }>][] = [
  ['bundle', () => import('./bundle')],
  ['policy', () => import('./policy')],
  ['notes', () => import('./notes')],
  ['launch', () => import('./launch')],
  ['lifecycle', () => import('./lifecycle')],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: BenchResult[] = [];
  let crashed = false;
  for (const [name, load] of suites) {
    if (only.length && !only.includes(name)) continue;
    process.stdout.write(`\n# ${name}\n`);
    try {
      const rs = await (await load()).run();
      for (const r of rs) {
        results.push(r);
        process.stdout.write(
          `${r.ok ? 'ok  ' : 'MISS'}  ${r.name}: ${r.value} ${r.unit} (budget ${r.budget})${r.detail ? `\n      ${r.detail}` : ''}\n`,
        );
      }
    } catch (e) {
      crashed = true;
      process.stdout.write(`FAIL  ${name} bench crashed: ${e instanceof Error ? e.stack : String(e)}\n`);
    }
  }
  const missed = results.filter((r) => !r.ok);
  process.stdout.write(`\n${results.length - missed.length} budgets met, ${missed.length} missed${crashed ? ', a bench crashed' : ''}\n`);
  // 2: a bench could not run (a bug); 1: it ran and a budget was missed.
  if (crashed) process.exit(2);
  if (missed.length) process.exit(1);
}

void main();
