// Generates the sandbox's synthetic patients: one FHIR R4 collection Bundle per patient plus manifest.json.
// Run: npx tsx launch/sandbox/seed/build.ts   (deterministic: fixed dates anchored at 2026-11-23, no clock, no
// random ids). Imports nothing from src/: the sandbox and the app meet only through the FHIR data.
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bundle, FhirResource } from 'fhir/r4';
import type { ManifestEntry, SeedPatient } from './gen/manifest';
import { clinic, PAYERS, payerOrganization, practitioner } from './gen/systems';
import { validateBundle } from './gen/validate';
import { radicNoConservative, radicReady } from './patients/radiculopathy';
import { notesOnly, unknownPayer } from './patients/radiculopathy-edge';
import { esiFrequency, esiRepeatGood, esiRepeatPoor } from './patients/repeat-esi';
import { lateralityConflict } from './patients/laterality-conflict';
import { facetOneMbb, facetRfaReady } from './patients/facet';
import { dxDeleted, mbbBilateral, mbbRight } from './patients/facet-blocks';
import { cervicalSummit, stenosisBcbsma } from './patients/commercial';
import { tpiMod25, tpiNo25, siJoint, scsTrial } from './patients/other-services';
import { paging } from './patients/paging';

// Must equal SEED_ANCHOR in ../date-shift.ts: the sandbox shifts seed dates by (its today - this day).
export const SEED_ANCHOR = '2026-11-23';

const here = dirname(fileURLToPath(import.meta.url));

const PATIENTS: (() => SeedPatient)[] = [
  radicReady,
  radicNoConservative,
  facetOneMbb,
  facetRfaReady,
  esiFrequency,
  esiRepeatPoor,
  esiRepeatGood,
  cervicalSummit,
  stenosisBcbsma,
  tpiMod25,
  tpiNo25,
  notesOnly,
  dxDeleted,
  mbbBilateral,
  mbbRight,
  lateralityConflict,
  siJoint,
  scsTrial,
  unknownPayer,
  paging,
];

function toBundle(seed: SeedPatient): Bundle {
  const shared: FhirResource[] = [practitioner, clinic, ...seed.chart.payerKeys().map(payerOrganization)];
  const all = [...shared, ...seed.chart.resources];
  return {
    resourceType: 'Bundle',
    id: `seed-${seed.chart.pid}`,
    meta: {
      lastUpdated: `${SEED_ANCHOR}T00:00:00Z`,
      tag: [{ system: 'http://claimready.app/fhir/CodeSystem/seed', code: 'synthetic', display: 'Synthetic seed data, no PHI' }],
    },
    type: 'collection',
    timestamp: `${SEED_ANCHOR}T00:00:00Z`,
    entry: all.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id ?? ''}`, resource })),
  };
}

function manifestEntry(seed: SeedPatient): ManifestEntry {
  const counts: Record<string, number> = {};
  for (const r of seed.chart.resources) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
  const payerKey = seed.entry.payerKey;
  return {
    patient: seed.chart.pid,
    ...seed.entry,
    payer: PAYERS[payerKey].display,
    encounters: seed.chart.resources.filter((r) => r.resourceType === 'Encounter').map((r) => r.id ?? ''),
    counts,
  };
}

/** Every seed file's name and text, and what the generator's own checks found; writes nothing. */
export function generateSeeds(): { files: Map<string, string>; problems: string[] } {
  const seenIds = new Map<string, string>();
  const problems: string[] = [];
  const manifest: ManifestEntry[] = [];
  const files = new Map<string, string>();
  for (const make of PATIENTS) {
    const seed = make();
    const bundle = toBundle(seed);
    const entry = manifestEntry(seed);
    problems.push(...validateBundle(bundle, entry, seenIds));
    if (files.has(`${entry.patient}.json`)) problems.push(`${entry.patient}: patient id used twice`);
    files.set(`${entry.patient}.json`, `${JSON.stringify(bundle, null, 1)}\n`);
    manifest.push(entry);
  }
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { files, problems };
}

function main(): void {
  const { files, problems } = generateSeeds();
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  // Remove bundles of patients that no longer exist so the folder always equals the manifest.
  for (const f of readdirSync(here)) {
    if (f.startsWith('pt-') && f.endsWith('.json') && !files.has(f)) unlinkSync(join(here, f));
  }
  let bytes = 0;
  for (const [name, text] of files) {
    writeFileSync(join(here, name), text);
    if (name !== 'manifest.json') bytes += Buffer.byteLength(text);
  }
  console.log(`${files.size - 1} patients, ${(bytes / 1e6).toFixed(2)} MB of bundles written to ${here}`);
}

// Only when run as a script, so importing SEED_ANCHOR never rewrites the seed files.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
