// The import rules of src/README.md hold by themselves: ESLint's claimready/layers rule refuses each forbidden edge
// (checked here on small sources placed at real paths), and the src graph has no import cycle.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { cycles, importGraph, ROOT } from './import-graph';

const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'claimready/layers').map((m) => m.message);
}

describe('import rules (claimready/layers)', () => {
  const cases: [string, string, RegExp | null][] = [
    ['src/policy/x.ts', "import { readPatientRecord } from '../fhir/index';", /policy may not import fhir/],
    ['src/policy/requirements/x.ts', "import type { Resource } from '../../writeback/index';", /policy may not import writeback/],
    ['src/policy/coding/x.ts', "import { serviceDef } from '../services';", null],
    ['src/fhir/picture/x.ts', "import { serviceKind } from '../../policy/services';", null],
    ['src/fhir/picture/x.ts', "import { writeAll } from '../../writeback/write';", /fhir may not import writeback/],
    ['src/writeback/x.ts', "import type { RawRecord } from '../fhir/read/read';", null],
    ['src/writeback/x.ts', "import { readPatientRecord } from '../fhir/read/read';", /only types from fhir/],
    ['src/writeback/pas/x.ts', "import { CLAIMREADY_TAG } from '../../fhir/read/own-output';", null],
    ['src/writeback/x.ts', "import { useAppData } from '../ui/context';", /writeback may not import ui/],
    ['src/ui/views/x.ts', "import { checkServices } from '../../workflow/index';", null],
    ['src/ui/views/x.ts', "import { buildPacketWrites } from '../../writeback/packet';", /through writeback\/index.ts only/],
    ['src/ui/views/x.ts', "import type { CodingLine } from '../../policy/verdicts';", /through policy\/index.ts only/],
    ['src/ui/views/x.ts', "import { resolvePayer } from '../../policy/index';", /payer is resolved in src\/workflow only/],
    ['src/ui/x.tsx', "const V = () => import('../writeback/pas/bundle');", /through writeback\/index.ts only/],
    ['src/cli/x.ts', "import { localReader } from '../fhir/read/local-reader';", /through fhir\/index.ts only/],
    ['src/cli.ts', "import { localReader } from './fhir/index';", null],
    ['launch/sandbox/x.ts', "import { serviceKind } from '../../src/policy/index';", /imports nothing from src/],
    ['src/ui/x.ts', "import { startSandbox } from '../../launch/sandbox/server';", /Nothing but the launcher/],
  ];
  it.each(cases)('%s: %s', async (file, code, expected) => {
    const errors = await layerErrors(file, code);
    if (expected) expect(errors.join('\n')).toMatch(expected);
    else expect(errors).toEqual([]);
  });
});

describe('import graph', () => {
  it('src has no import cycle (static, dynamic or type-only)', () => {
    const graph = importGraph(['src']);
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('the cycle finder finds a cycle when there is one', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });
});
