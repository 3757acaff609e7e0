// Independent structural checks on a built bundle, written without the validator's code so the two can disagree.
import type { Bundle } from 'fhir/r4';

export function structuralProblems(b: Bundle): string[] {
  const problems: string[] = [];
  const entries = b.entry ?? [];
  if (entries[0]?.resource?.resourceType !== 'Claim') problems.push('first entry is not a Claim');
  const urls = entries.map((e) => e.fullUrl ?? '');
  if (new Set(urls).size !== urls.length) problems.push('duplicate fullUrl');
  if (urls.some((u) => !u)) problems.push('entry without fullUrl');
  if (entries.some((e) => 'request' in e || 'response' in e)) problems.push('entry.request/response present');
  const json = JSON.stringify(b);
  for (const m of json.matchAll(/"reference":"([^"]+)"/g)) {
    if (!urls.includes(m[1] ?? '')) problems.push(`reference ${m[1] ?? ''} not in bundle`);
  }
  for (const m of json.matchAll(/"(servicedDate|timingDate)":"([^"]+)"/g)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(m[2] ?? '')) problems.push(`${m[1] ?? ''} not a full date`);
  }
  const claim = entries[0]?.resource;
  if (claim?.resourceType === 'Claim') {
    for (const [name, list] of [
      ['item', claim.item],
      ['supportingInfo', claim.supportingInfo],
      ['diagnosis', claim.diagnosis],
      ['careTeam', claim.careTeam],
    ] as const) {
      const seq = (list ?? []).map((x: { sequence: number }) => x.sequence);
      if (new Set(seq).size !== seq.length) problems.push(`${name} sequences not unique`);
    }
  }
  return problems;
}
