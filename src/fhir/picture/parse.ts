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

type Schema = (typeof SCHEMAS)[SchemaType];

function schemaFor(type: string): Schema | undefined {
  return (SCHEMAS as Record<string, Schema | undefined>)[type];
}

/** One resource through its type's schema: the parsed resource (undefined when it is skipped) and what was said. */
function parseOne(type: string, schema: Schema, raw: unknown, patientId: string | undefined): { data?: unknown; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push({ resourceType: type, severity: 'error', message: `${type} skipped: not a JSON object.` });
    return { issues };
  }
  const subject = subjectProblem(raw as Record<string, unknown>, type, patientId);
  if (subject === 'foreign') {
    issues.push(
      withId({ resourceType: type, severity: 'error', path: 'subject', message: `${type} skipped: it belongs to another patient.` }, raw),
    );
    return { issues };
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
  if (r.success) return { data: r.data, issues };
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
  return { issues };
}

/**
 * Resources validated ahead, while the rest of the chart is still on its way (preparseResources), by the raw object:
 * the same schema, the same patient, so the same answer parseResources would compute. Each answer is used once (a
 * second picture of the same record parses afresh, so no two pictures share a parsed object), and a raw object
 * parseResources has already seen is not parsed ahead again.
 */
const ahead = new WeakMap<object, { type: string; patientId: string | undefined; result: ReturnType<typeof parseOne> }>();
const seen = new WeakSet<object>();

/**
 * Validates one search's resources now, so the picture built once the whole record is in finds them done: the
 * zod work of a search that arrived early overlaps the searches and pages still on their way instead of following
 * the last of them. Only an optimisation: parseResources gives the same result without it.
 */
export function preparseResources(type: string, resources: readonly unknown[], opts: ParseOptions = {}): void {
  const schema = schemaFor(type);
  if (!schema) return;
  for (const raw of resources) {
    if (typeof raw !== 'object' || raw === null || seen.has(raw) || ahead.has(raw)) continue;
    ahead.set(raw, { type, patientId: opts.patientId, result: parseOne(type, schema, raw, opts.patientId) });
  }
}

function parsedOnce(type: string, schema: Schema, raw: unknown, patientId: string | undefined): ReturnType<typeof parseOne> {
  if (typeof raw !== 'object' || raw === null) return parseOne(type, schema, raw, patientId);
  seen.add(raw);
  const done = ahead.get(raw);
  ahead.delete(raw);
  return done && done.type === type && done.patientId === patientId ? done.result : parseOne(type, schema, raw, patientId);
}

/** Validates every resource; failures become DataIssues (first problem's path and message). */
export function parseResources(resources: Record<string, unknown[]>, opts: ParseOptions = {}): { parsed: Parsed; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const parsed = {} as Record<SchemaType, unknown[]>;
  for (const type of Object.keys(SCHEMAS) as SchemaType[]) parsed[type] = [];
  for (const type of Object.keys(resources)) {
    const list = resources[type] ?? [];
    const schema = schemaFor(type);
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
      const r = parsedOnce(type, schema, raw, opts.patientId);
      issues.push(...r.issues);
      if (r.data !== undefined) out.push(r.data);
    }
  }
  return { parsed: parsed as Parsed, issues };
}
