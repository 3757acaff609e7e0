// The committed seed bundles and manifest are the generator's output, byte for byte: an expectation edited by hand
// in manifest.json (or a bundle patched after generation) drifts from its one home in the patient files and is lost
// at the next `build.ts` run.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSeeds } from '../../launch/sandbox/seed/build';

const dir = join(__dirname, '../../launch/sandbox/seed');

describe('sandbox seed files', () => {
  const { files, problems } = generateSeeds();

  it('pass the generator’s own checks', () => {
    expect(problems).toEqual([]);
  });

  it('are exactly what the generator writes, and no other patient file is committed', () => {
    const committed = readdirSync(dir).filter((f) => f === 'manifest.json' || (f.startsWith('pt-') && f.endsWith('.json')));
    expect(committed.sort()).toEqual([...files.keys()].sort());
    const drifted = [...files].filter(([name, text]) => readFileSync(join(dir, name), 'utf8') !== text).map(([name]) => name);
    expect(drifted).toEqual([]);
  });
});
