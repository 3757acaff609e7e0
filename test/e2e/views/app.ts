// Shared moves for the view tests: launch the app for a patient straight from the sandbox's launch URL, open a
// view by its tab, and read back what the app wrote into the sandbox store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { z } from 'zod';
import type { Sandbox } from '../../../launch/sandbox/server';

/** The app computes "today" from the browser's local clock; the sandbox seeds must be shifted to the same day. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const Manifest = z.array(
  z.object({
    patient: z.string().min(1),
    services: z
      .array(
        z.object({
          serviceRequest: z.string().min(1),
          code: z.string().regex(/^[0-9A-Z]{5}$/),
          expect: z.object({ verdict: z.enum(['ready', 'incomplete', 'not-eligible']) }),
        }),
      )
      .min(1),
  }),
);
export type ManifestEntry = z.infer<typeof Manifest>[number];

export function readManifest(): ManifestEntry[] {
  const file = join(import.meta.dirname, '..', '..', '..', 'launch', 'sandbox', 'seed', 'manifest.json');
  return Manifest.parse(JSON.parse(readFileSync(file, 'utf8')));
}

type LaunchOptions = Parameters<Sandbox['launchUrl']>[0];

/** Launches ClaimReady for a patient (the launch page clears the previous session) and waits for the whole record. */
export async function launchApp(page: Page, sandbox: Sandbox, options: LaunchOptions): Promise<void> {
  await page.goto(sandbox.launchUrl(options));
  await waitForWorkspace(page);
}

export async function waitForWorkspace(ui: Page | Frame): Promise<void> {
  await ui.waitForSelector('[data-testid="workspace"][data-complete="true"]', { timeout: 30_000 });
}

export async function openView(ui: Page | Frame, name: 'Visit checklist' | 'Coding review' | 'Prior auth'): Promise<void> {
  await ui.getByRole('tab', { name }).click();
  const heading = name === 'Prior auth' ? 'Prior authorization' : name;
  await ui.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor({ timeout: 15_000 });
}

export interface StoredResource {
  resourceType: string;
  id?: string;
  [k: string]: unknown;
}

/** Ids already in the store per type, so a test can tell what the app created from what was seeded. */
export function snapshot(sandbox: Sandbox, types: readonly string[]): Map<string, Set<string>> {
  return new Map(types.map((t) => [t, new Set(sandbox.store.resources.all(t).map((r) => r.id ?? ''))]));
}

/** Resources of a type created since the snapshot. */
export function createdSince(sandbox: Sandbox, before: Map<string, Set<string>>, type: string): StoredResource[] {
  const seen = before.get(type) ?? new Set<string>();
  return sandbox.store.resources.all(type).filter((r) => !seen.has(r.id ?? '')) as StoredResource[];
}

/** Counts of every written type since the snapshot, e.g. { DocumentReference: 1, Provenance: 2 }. */
export function createdCounts(sandbox: Sandbox, before: Map<string, Set<string>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of before.keys()) {
    const n = createdSince(sandbox, before, t).length;
    if (n > 0) out[t] = n;
  }
  return out;
}

export const WRITTEN_TYPES = ['Claim', 'DocumentReference', 'Task', 'Provenance', 'Binary', 'Bundle'] as const;

/**
 * Makes the EHR refuse every POST with a 500 and an OperationOutcome carrying `diagnostics`, until `recover()`.
 * `refused()` counts the refused writes.
 */
export async function refuseWrites(page: Page, diagnostics: string): Promise<{ recover(): void; refused(): number }> {
  let failing = true;
  let refused = 0;
  await page.route(/\/fhir(\/[A-Za-z]+)?\/?(\?.*)?$/, async (route) => {
    if (route.request().method() !== 'POST' || !failing) return route.continue();
    refused += 1;
    await route.fulfill({
      status: 500,
      contentType: 'application/fhir+json',
      json: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics }] },
    });
  });
  return { recover: () => (failing = false), refused: () => refused };
}
