// Rebuild the NCCI PTP and MUE tables in src/policy/coding/data from the CMS public files, when you have them:
//   tsx src/tools/rebuild-code-data.ts --quarter 2026Q4 --as-of 20261001 \
//     --ptp ccipra-v321r0-f1.txt [--ptp ...f2.txt ...] --mue MCR_MUE_PractitionerServices_Eff_10-01-2026.csv [--out DIR]
// Only the pain-management subset (the codes in src/policy/services.ts) is kept. Without a file for a table, that
// table is left as it is (hand-entered, unverified).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { SERVICES } from '../policy/services';
import { parseMue, parsePtp, renderMueModule, renderPtpModule } from './code-data-parse';

interface Args {
  ptp: string[];
  mue?: string;
  quarter: string;
  asOf: string;
  out: string;
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { ptp: [], quarter: '', asOf: '', out: 'src/policy/coding/data' };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--ptp':
        args.ptp.push(v ?? '');
        i++;
        break;
      case '--mue':
        args.mue = v;
        i++;
        break;
      case '--quarter':
        args.quarter = v ?? '';
        i++;
        break;
      case '--as-of':
        args.asOf = (v ?? '').replace(/-/g, '');
        i++;
        break;
      case '--out':
        args.out = v ?? args.out;
        i++;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!/^\d{4}Q[1-4]$/.test(args.quarter)) throw new Error('--quarter YYYYQn is required');
  if (!/^\d{8}$/.test(args.asOf)) throw new Error('--as-of YYYYMMDD (or YYYY-MM-DD) is required');
  return args;
}

export function rebuild(args: Args): { ptp?: number; mue?: number } {
  const codes = new Set(SERVICES.map((s) => s.code));
  const done: { ptp?: number; mue?: number } = {};
  if (args.ptp.length > 0) {
    const pairs = args.ptp.flatMap((f) => parsePtp(readFileSync(f, 'utf8'), codes, args.asOf));
    writeFileSync(
      resolve(args.out, 'ncci-ptp.ts'),
      renderPtpModule(pairs, `CMS NCCI Practitioner PTP Edits: ${args.ptp.map((f) => basename(f)).join(', ')}`, args.quarter),
    );
    done.ptp = pairs.length;
  }
  if (args.mue) {
    const values = parseMue(readFileSync(args.mue, 'utf8'), codes);
    writeFileSync(
      resolve(args.out, 'mue.ts'),
      renderMueModule(values, `CMS Practitioner Services MUE Table: ${basename(args.mue)}`, args.quarter),
    );
    done.mue = values.length;
  }
  return done;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const done = rebuild(parseArgs(process.argv.slice(2)));
    console.log(`rebuilt: ${done.ptp ?? 'no'} PTP pairs, ${done.mue ?? 'no'} MUE values`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
