// One table of code systems (src/policy/code-systems.ts): its canonical URLs are the ones the Da Vinci PAS IG's own
// examples use, the reader accepts the aliases EHRs send, and no other src file spells a system URL of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYS, SYSTEM_ALIASES, isSystem, procedureSystemOf } from '../../src/policy/index';
import { codeOf } from '../../src/fhir/picture/codes';
import { ROOT } from './import-graph';
import { loadPackages } from '../../launch/sandbox/conformance/index';

function systemsIn(node: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => systemsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'system' && typeof v === 'string') out.add(v);
      else systemsIn(v, out);
    }
  }
  return out;
}

function srcFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? srcFiles(f) : /\.tsx?$/.test(n) ? [f] : [];
  });
}

describe('code systems table', () => {
  it('uses the canonical URLs of the PAS IG examples (HCPCS over http, NPI)', () => {
    const systems = new Set<string>();
    // Read from the official package itself, not a retyped copy.
    const pas = loadPackages().find((p) => p.name === 'hl7.fhir.us.davinci-pas');
    for (const f of ['Bundle-MedicalServicesAuthorizationBundleExample.json', 'Bundle-HomecareAuthorizationBundleExample.json']) {
      const example = pas?.examples.get(f);
      expect(example, f).toBeDefined();
      systemsIn(example, systems);
    }
    const hcpcs = [...systems].filter((s) => /HCPCSReleaseCodeSets/.test(s));
    expect(hcpcs).toEqual([SYS.hcpcs]);
    expect(systems.has(SYS.npi)).toBe(true);
  });

  it('reads a coding in any known spelling, and no unknown one', () => {
    for (const [canonical, aliases] of Object.entries(SYSTEM_ALIASES)) {
      for (const a of aliases) expect(isSystem(a, canonical)).toBe(true);
    }
    expect(codeOf({ coding: [{ system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'J1040' }] }, SYS.hcpcs)).toBe(
      'J1040',
    );
    expect(codeOf({ coding: [{ system: 'urn:oid:2.16.840.1.113883.6.90', code: 'M54.16' }] }, SYS.icd10)).toBe('M54.16');
    expect(isSystem('http://example.org/cpt', SYS.cpt)).toBe(false);
  });

  it('writes CPT for digits and HCPCS for letters', () => {
    expect(procedureSystemOf('64483')).toBe(SYS.cpt);
    expect(procedureSystemOf('J1040')).toBe(SYS.hcpcs);
    expect(procedureSystemOf('RT')).toBe(SYS.hcpcs);
  });

  it('no other src file spells one of these system URLs', () => {
    const urls = [...Object.values(SYS), ...Object.values(SYSTEM_ALIASES).flat()].filter(
      (u) => u.includes('://') || u.startsWith('urn:oid:2.16.840.1.113883.6'),
    );
    const offenders = srcFiles(join(ROOT, 'src'))
      .filter((f) => !f.endsWith(join('policy', 'code-systems.ts')))
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        return urls
          .filter((u) => text.includes(`'${u}'`) || text.includes(`"${u}"`) || text.includes(`\`${u}`))
          .map((u) => `${relative(ROOT, f)}: ${u}`);
      });
    expect(offenders).toEqual([]);
  });
});
