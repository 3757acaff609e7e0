// A cohort of N patients for the CLI at scale: the fuzz suite's realistic chart with every id made unique, written as
// one transaction Bundle per patient with urn:uuid references (as exports send them). Every 10th patient is broken in
// a way the CLI must report rather than die on: a "yesterday" order date, no order at all, a null entry, a BOM.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseRecord } from '../fuzz/base-record';

export interface Cohort {
  dir: string;
  patients: string[];
  /** Patients with no order: the CLI must list them as not assessed. */
  withoutOrder: string[];
}

const uuid = (n: number, k: number): string => `00000000-0000-4000-8000-${String(n).padStart(6, '0')}${String(k).padStart(6, '0')}`;

export function writeCohort(dir: string, n: number): Cohort {
  mkdirSync(dir, { recursive: true });
  const patients: string[] = [];
  const withoutOrder: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = baseRecord();
    const ids = new Map(base.map((r, k) => [`${r.resourceType}/${r.id}`, uuid(i, k)]));
    let text = JSON.stringify(base);
    // Every literal reference becomes the urn:uuid of its entry; then every id becomes that uuid.
    for (const [ref, id] of ids) text = text.split(`"reference":"${ref}"`).join(`"reference":"urn:uuid:${id}"`);
    const resources = (JSON.parse(text) as { resourceType: string; id: string }[]).map((r) => ({
      ...r,
      id: ids.get(`${r.resourceType}/${r.id}`)!,
    }));
    const pid = resources[0]!.id;
    patients.push(pid);
    const kind = i % 10;
    let list: unknown[] = resources;
    if (kind === 3)
      list = resources.map((r) => (r.resourceType === 'ServiceRequest' ? { ...r, occurrenceDateTime: 'yesterday', authoredOn: 'NaN' } : r));
    if (kind === 5) {
      list = resources.filter((r) => r.resourceType !== 'ServiceRequest');
      withoutOrder.push(pid);
    }
    const entry = list.map((r) => ({
      fullUrl: `urn:uuid:${(r as { id: string }).id}`,
      resource: r,
      request: { method: 'POST', url: (r as { resourceType: string }).resourceType },
    }));
    if (kind === 7) entry.push({ fullUrl: 'urn:uuid:broken', resource: null as never, request: { method: 'POST', url: 'Observation' } });
    const json = JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry });
    writeFileSync(join(dir, `patient-${String(i).padStart(5, '0')}.json`), kind === 9 ? `\ufeff${json}` : json);
  }
  return { dir, patients, withoutOrder };
}
