// The picture's input boundary: every resource of every type is either parsed (and may become a fact) or named in a
// DataIssue. Nothing is dropped without a word: unknown types, non-objects, another patient's resources, bad dates.
import type { DataIssue } from '../../policy/picture';
import { parseRef, patientRefOf } from '../read/references';
import { NOT_A_DATE, SCHEMAS, type Parsed, type SchemaType } from './schemas';

/** Types the record may hold that other parts of the app read (writeback authors, note bodies). */
// Read by other steps: a Location by the planned service that names it (location.ts), the rest by writeback.
const USED_ELSEWHERE = new Set(['Practitioner', 'PractitionerRole', 'Binary', 'Location']);

function idOf(raw: unknown): string | undefined {
  const v = (raw as { id?: unknown } | null)?.id;
  return typeof v === 'string' ? v : undefined;
}

function withId(issue: DataIssue, raw: unknown): DataIssue {
  const rid = idOf(raw);
  if (rid !== undefined) issue.id = rid;
  return issue;
}

function deletePath(root: unknown, path: readonly PropertyKey[]): void {
  let node = root as Record<PropertyKey, unknown> | undefined;
  for (let i = 0; i < path.length - 1 && node; i++) node = node[path[i]!] as Record<PropertyKey, unknown> | undefined;
  if (node && typeof node === 'object') delete node[path[path.length - 1]!];
}

export interface ParseOptions {
  /** The launched patient: a resource whose subject names another patient is not theirs. */
  patientId?: string;
}

function subjectProblem(raw: Record<string, unknown>, type: string, patientId: string | undefined): DataIssue | 'foreign' | undefined {
  if (!patientId || type === 'Patient' || type === 'Organization' || type === 'Practitioner') return undefined;
  const ref = patientRefOf(raw);
  if (!ref) return undefined;
  const target = parseRef(ref);
  if (target?.type === 'Patient') return target.id === patientId ? undefined : 'foreign';
  if (target) return undefined; // a Group or another subject type: not this reader's call
  return withId(
    {
      resourceType: type,
      severity: 'warning',
      path: 'subject',
      message: `${type}: its patient reference could not be resolved (${ref.slice(0, 60)}); read as this patient's because the EHR returned it for them.`,
    },
    raw,
  );
}

/** Validates every resource; failures become DataIssues (first problem's path and message). */
export function parseResources(resources: Record<string, unknown[]>, opts: ParseOptions = {}): { parsed: Parsed; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const parsed = {} as Record<SchemaType, unknown[]>;
  for (const type of Object.keys(SCHEMAS) as SchemaType[]) parsed[type] = [];
  for (const type of Object.keys(resources)) {
    const list = resources[type] ?? [];
    const schema = (SCHEMAS as Record<string, (typeof SCHEMAS)[SchemaType] | undefined>)[type];
    if (!schema) {
      if (USED_ELSEWHERE.has(type)) continue;
      for (const raw of list)
        issues.push(
          withId({ resourceType: type, severity: 'warning', message: `${type} is not used by ClaimReady's checks; it was not read.` }, raw),
        );
      continue;
    }
    const out = parsed[type as SchemaType];
    for (const raw of list) {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        issues.push({ resourceType: type, severity: 'error', message: `${type} skipped: not a JSON object.` });
        continue;
      }
      const subject = subjectProblem(raw as Record<string, unknown>, type, opts.patientId);
      if (subject === 'foreign') {
        issues.push(
          withId(
            { resourceType: type, severity: 'error', path: 'subject', message: `${type} skipped: it belongs to another patient.` },
            raw,
          ),
        );
        continue;
      }
      if (subject) issues.push(subject);
      let r = schema.safeParse(raw);
      // A bad date costs that element, not the resource: drop it, say so, and read the rest.
      if (!r.success && r.error.issues.every((i) => i.message === NOT_A_DATE)) {
        const copy: unknown = structuredClone(raw);
        for (const i of r.error.issues) {
          deletePath(copy, i.path);
          issues.push(
            withId(
              {
                resourceType: type,
                severity: 'warning',
                path: i.path.map(String).join('.'),
                message: `${type}: ${i.path.map(String).join('.')} is not a FHIR date; it was ignored.`,
              },
              raw,
            ),
          );
        }
        r = schema.safeParse(copy);
      }
      if (r.success) {
        out.push(r.data);
        continue;
      }
      const first = r.error.issues[0];
      issues.push(
        withId(
          {
            resourceType: type,
            severity: 'error',
            message: `${type} skipped: ${first?.message ?? 'invalid'}`,
            path: first ? first.path.map(String).join('.') : '',
          },
          raw,
        ),
      );
    }
  }
  return { parsed: parsed as Parsed, issues };
}
