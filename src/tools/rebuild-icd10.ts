// Rebuild src/policy/icd10-codes.ts from the CDC/NCHS ICD-10-CM extracts in src/tools/icd10cm:
//   tsx src/tools/rebuild-icd10.ts [--check]
// Each release is one extract file (RELEASES below: its fiscal year, effective date and layout). A new release is
// added by copying its lines for the categories in categories.txt into a new file and listing it here. --check
// exits 1 when the committed module differs from what the extracts give.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  buildCodeSet,
  parseCategories,
  parseCodeList,
  parseCodesFile,
  provenanceOf,
  renderCodeSetModule,
  type ReleaseCodes,
} from './icd10-parse';

const DIR = resolve(import.meta.dirname, 'icd10cm');
const OUT = resolve(import.meta.dirname, '../policy/icd10-codes.ts');

/** The releases read, oldest first. */
const RELEASES: readonly { id: string; effective: string; file: string; layout: 'codes' | 'list' }[] = [
  { id: 'FY2025', effective: '2024-10-01', file: 'icd10cm-code-list-2025-04.pain.txt', layout: 'list' },
  { id: 'FY2026', effective: '2025-10-01', file: 'icd10cm-codes-2026.pain.txt', layout: 'codes' },
  { id: 'FY2026 April update', effective: '2026-04-01', file: 'icd10cm-code-list-2026-04.pain.txt', layout: 'list' },
];

/** The module text the extracts give, formatted as the repository formats its sources. */
export async function renderFromExtracts(dir = DIR): Promise<string> {
  const categories = parseCategories(readFileSync(resolve(dir, 'categories.txt'), 'utf8'));
  const releases: ReleaseCodes[] = RELEASES.map((r) => {
    const text = readFileSync(resolve(dir, r.file), 'utf8');
    const billable = r.layout === 'codes' ? parseCodesFile(text) : parseCodeList(text);
    return { id: r.id, effective: r.effective, source: `${r.file}: ${provenanceOf(text)}`, billable };
  });
  const text = renderCodeSetModule(releases, categories, buildCodeSet(releases, categories));
  return format(text, { ...(await resolveConfig(OUT)), filepath: OUT });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const text = await renderFromExtracts();
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === text;
    console.log(same ? 'icd10-codes.ts matches the extracts' : 'icd10-codes.ts differs from the extracts: run rebuild-icd10');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
