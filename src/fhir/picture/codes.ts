// Code systems and small readers shared by every fact family: find a coding, name a concept, build evidence.
import type { Evidence } from '../../policy/picture';
import type { CodeableConceptT, CodingT } from './schemas';
import { isSystem } from '../../policy/code-systems';

// The systems table and its aliases live in the policy core (src/policy/code-systems.ts): one home for reader and writers.
export { SYS, isSystem } from '../../policy/code-systems';

export function codingOf(cc: CodeableConceptT | undefined, system: string): CodingT | undefined {
  return cc?.coding?.find((c) => isSystem(c.system, system) && c.code);
}

export function codeOf(cc: CodeableConceptT | undefined, system: string): string | undefined {
  return codingOf(cc, system)?.code?.trim();
}

export function hasCode(cc: CodeableConceptT | undefined, system: string, codes: readonly string[]): boolean {
  return cc?.coding?.some((c) => isSystem(c.system, system) && c.code !== undefined && codes.includes(c.code)) ?? false;
}

/** Human text of a concept: its text, else the first display, else the first code. */
export function textOf(cc: CodeableConceptT | undefined): string {
  if (!cc) return '';
  return cc.text ?? cc.coding?.find((c) => c.display)?.display ?? cc.coding?.find((c) => c.code)?.code ?? '';
}

/** Every text and display of a concept, joined, for keyword matching. */
export function allText(cc: CodeableConceptT | undefined): string {
  if (!cc) return '';
  // A plain loop: this runs for every observation several times, and the array version was a hot spot.
  let text = cc.text ?? '';
  for (const c of cc.coding ?? []) if (c.display) text = text ? `${text} ${c.display}` : c.display;
  return text;
}

export function evidence(type: string, id: string, display: string, date?: string): Evidence {
  const e: Evidence = { ref: `${type}/${id}`, display: display || type };
  if (date) e.date = date;
  return e;
}

/** Deterministic order: date ascending (undated last), then the evidence ref. */
export function byDateThenRef<T extends { evidence: Evidence[] }>(dateOf: (t: T) => string | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const da = dateOf(a) ?? '\uffff';
    const db = dateOf(b) ?? '\uffff';
    if (da !== db) return da < db ? -1 : 1;
    const ra = a.evidence[0]?.ref ?? '';
    const rb = b.evidence[0]?.ref ?? '';
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  };
}

/** The id part of "Type/id" when the reference is to `type` (relative or absolute). */
export function refId(ref: string | undefined, type: string): string | undefined {
  if (!ref) return undefined;
  const m = new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$`).exec(ref);
  return m?.[1];
}
