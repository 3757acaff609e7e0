// npx tsx src/tools/annotate-notes.ts --drafts DIR --notes DIR --split NAME --out DIR
// Turns an annotator's drafts into gold annotations that hold no note text. A draft (kept outside the repository,
// beside the notes, since it quotes them) is one fact per line, in the note's order:
//   function current "cannot sit for more than 20 minutes" limitation=sitting
//   site plan "L4-5" levels=L4-L5 laterality=left
// type, context, the exact words of the span in double quotes, then the type's values (`levels` comma-separated;
// numbers as numbers). Each quote is looked for after the previous fact's start, so a phrase that recurs resolves
// to its next occurrence; a line starting with `^` searches from the note's start. The output gives offsets (UTF-16
// code units) and a hint of at most five words of the span, in the format eval:notes reads. A quote that is not in
// the note stops the run with its line number: an annotation never silently drifts.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolArgsOrExit } from './tool-args';
import { Annotation, type GoldFact } from './eval-notes-score';

const LINE = /^(\^)?\s*([a-z-]+)\s+([a-z-]+)\s+"((?:[^"\\]|\\.)*)"\s*(.*)$/;

export function parseDraft(file: string, split: Annotation['split'], draft: string, text: string): Annotation {
  const facts: GoldFact[] = [];
  let from = 0;
  draft.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = LINE.exec(line);
    if (!m) throw new Error(`${file} line ${i + 1}: not "type context \\"quote\\" key=value ..."`);
    const [, fromStart, type, context, quoted, rest] = m;
    const quote = quoted!.replace(/\\(.)/g, '$1');
    const start = text.indexOf(quote, fromStart ? 0 : from);
    if (start < 0) throw new Error(`${file} line ${i + 1}: the quote is not in the note after the previous fact`);
    from = start + 1;
    const fact: GoldFact = {
      type: type!,
      start,
      end: start + quote.length,
      hint: quote.split(/\s+/).slice(0, 5).join(' '),
      context: context!,
    };
    for (const kv of rest!.split(/\s+/).filter(Boolean)) {
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new Error(`${file} line ${i + 1}: "${kv}" is not key=value`);
      const k = kv.slice(0, eq);
      const v = kv.slice(eq + 1);
      (fact as Record<string, unknown>)[k] = k === 'levels' ? v.split(',') : /^\d+(?:\.\d+)?$/.test(v) ? Number(v) : v;
    }
    facts.push(fact);
  });
  return Annotation.parse({ file, split, facts });
}

if (process.argv[1]?.endsWith('annotate-notes.ts')) {
  const usage = 'usage: annotate-notes --drafts DIR --notes DIR --split NAME --out DIR';
  const values = toolArgsOrExit(
    { drafts: { type: 'string' }, notes: { type: 'string' }, split: { type: 'string' }, out: { type: 'string' } },
    usage,
  );
  if (!values.drafts || !values.notes || !values.split || !values.out) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  const split = Annotation.shape.split.parse(values.split);
  mkdirSync(values.out, { recursive: true });
  for (const d of readdirSync(values.drafts).filter((f) => f.endsWith('.draft'))) {
    const file = d.replace(/\.draft$/, '.txt');
    const ann = parseDraft(file, split, readFileSync(join(values.drafts, d), 'utf8'), readFileSync(join(values.notes, file), 'utf8'));
    writeFileSync(join(values.out, d.replace(/\.draft$/, '.json')), `${JSON.stringify(ann, null, 1)}\n`);
    process.stdout.write(`${file}: ${ann.facts.length} facts\n`);
  }
}
