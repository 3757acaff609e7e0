// Command-line options of the developer tools (eval:notes, annotate-notes): node's parseArgs, with --help printing
// the usage and an unknown or malformed option answered by its message and the usage (exit 2) instead of a stack.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Exit {
  code: number;
  out: string;
}

/** The parsed values, or how the tool should exit (help asked for, or bad options). */
export function toolArgs<O extends Options>(
  options: O,
  usage: string,
  args: readonly string[],
): { values: ReturnType<typeof parseArgs<{ options: O }>>['values'] } | Exit {
  if (args.includes('--help') || args.includes('-h')) return { code: 0, out: `${usage}\n` };
  try {
    return { values: parseArgs({ options, args: [...args] }).values };
  } catch (e) {
    return { code: 2, out: `${e instanceof Error ? e.message : String(e)}\n${usage}\n` };
  }
}

/** Parse the process's arguments; print and exit when it should. */
export function toolArgsOrExit<O extends Options>(options: O, usage: string): ReturnType<typeof parseArgs<{ options: O }>>['values'] {
  const r = toolArgs(options, usage, process.argv.slice(2));
  if ('values' in r) return r.values;
  (r.code === 0 ? process.stdout : process.stderr).write(r.out);
  process.exit(r.code);
}
