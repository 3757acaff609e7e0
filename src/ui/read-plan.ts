// Which record types to read, given what the EHR granted, and whether the app may judge at all.
import { DEFAULT_TYPES } from '../fhir/read';
import type { DataIssue } from '../policy/picture';

// Without these the picture would be misleading rather than incomplete, so the app refuses to judge.
const ESSENTIAL_READS = ['Patient', 'Condition', 'Procedure'];

export function readPlan(canRead: (type: string) => boolean) {
  const types = DEFAULT_TYPES.filter((t) => canRead(t));
  const skipped: DataIssue[] = DEFAULT_TYPES.filter((t) => !canRead(t)).map((t) => ({
    resourceType: t,
    severity: 'warning',
    message: `Not read: the EHR did not grant access to ${t}. Requirements that depend on it may show as missing.`,
  }));
  return { types, skipped, essentialMissing: ESSENTIAL_READS.filter((t) => !canRead(t)) };
}

