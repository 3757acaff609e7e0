// The developer tools' options (src/tools/tool-args.ts): --help is the usage, a bad option its message and the usage.
import { describe, expect, it } from 'vitest';
import { toolArgs } from '../../src/tools/tool-args';

const options = { dir: { type: 'string' }, json: { type: 'boolean', default: false } } as const;
const usage = 'usage: tool [--dir PATH] [--json]';

describe('tool options', () => {
  it('parses known options', () => {
    expect(toolArgs(options, usage, ['--dir', 'x', '--json'])).toEqual({ values: { dir: 'x', json: true } });
    expect(toolArgs(options, usage, [])).toEqual({ values: { json: false } });
  });

  it('answers --help with the usage and exit 0', () => {
    expect(toolArgs(options, usage, ['--help'])).toEqual({ code: 0, out: `${usage}\n` });
    expect(toolArgs(options, usage, ['--dir', 'x', '-h'])).toEqual({ code: 0, out: `${usage}\n` });
  });

  it('answers an unknown or malformed option with its message, the usage and exit 2', () => {
    const r = toolArgs(options, usage, ['--nope']);
    expect(r).toMatchObject({ code: 2 });
    expect('out' in r && r.out).toMatch(/Unknown option '--nope'[\s\S]*usage: tool/);
    expect(toolArgs(options, usage, ['--dir'])).toMatchObject({ code: 2 });
  });
});
