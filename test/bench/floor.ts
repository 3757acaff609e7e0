// The launch bench's floor: a bare page (test/bench/floor/) served by a second sandbox in place of the app, doing the
// same SMART launch (PKCE, same client, same scopes) and the same requests as the app's read wave (the same plan,
// written here from the app's own code), with raw fetch and nothing else. App time over floor time is what the app's
// code costs; the floor's waves are the fewest the plan allows.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { grantedAccess, requestedScopes } from '../../src/fhir/index';
import { DEFAULT_TYPES, OWN_OUTPUT_TYPES, searchUrl } from '../../src/fhir/read/search';
import { planWave } from '../../src/fhir/read/wave-plan';

export interface FloorConfig {
  scope: string;
  /** Search URLs relative to the FHIR base with `{patient}` for the patient id. */
  alone: string[];
  batched: string[];
}

/** The app's plan for a token granted what the app asks for (the sandbox grants all of it by default). */
export function floorConfig(count = 1000): FloorConfig {
  const scope = requestedScopes();
  const access = grantedAccess(scope);
  const types = [...DEFAULT_TYPES.filter((t) => access.canRead(t)), ...OWN_OUTPUT_TYPES.filter((t) => access.canRead(t))];
  const plan = planWave(types, true);
  const url = (t: string) => searchUrl(t, '{patient}', count).replaceAll(encodeURIComponent('{patient}'), '{patient}');
  return { scope, alone: plan.alone.map(url), batched: plan.batched.map(url) };
}

/** A dist-like folder holding the floor pages and their config; `dispose` removes it. */
export function floorDist(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'claimready-floor-'));
  cpSync(join(import.meta.dirname, 'floor'), dir, { recursive: true });
  writeFileSync(join(dir, 'floor-config.json'), JSON.stringify(floorConfig()));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
