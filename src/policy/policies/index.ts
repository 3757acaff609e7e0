// The policy registry: which policy judges a service kind, and which of its versions is in force on a date.
import type { ServiceKind } from '../picture';
import type { PolicyDef } from './def';
import type { PolicyId, PolicyVersion } from './types';
import { LCD_EPIDURAL } from './lcd-epidural';
import { LCD_FACET_BLOCK, LCD_FACET_RFA } from './lcd-facet';
import { LCD_SACROILIAC, SACROILIAC_RFA } from './sacroiliac';
import { TRIGGER_POINT } from './trigger-point';
import { SCS_TRIAL } from './scs-trial';

export const POLICIES: readonly PolicyDef[] = [
  LCD_EPIDURAL,
  LCD_FACET_BLOCK,
  LCD_FACET_RFA,
  LCD_SACROILIAC,
  SACROILIAC_RFA,
  TRIGGER_POINT,
  SCS_TRIAL,
];

export function policyFor(kind: ServiceKind): PolicyDef | undefined {
  return POLICIES.find((p) => p.kinds.includes(kind));
}

export function policyById(id: PolicyId): PolicyDef | undefined {
  return POLICIES.find((p) => p.id === id);
}

/** The version in force on a date of service (YYYY-MM-DD), or undefined before the first or after the last. */
export function versionFor(policy: PolicyDef, dateOfService: string): PolicyVersion | undefined {
  const dos = dateOfService.slice(0, 10);
  return policy.versions.find((v) => dos >= v.from && (v.to === undefined || dos <= v.to));
}

export type { PolicyDef } from './def';
export type { PolicyId, PolicyParams, PolicyVersion, Cited } from './types';
