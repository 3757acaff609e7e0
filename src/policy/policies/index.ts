// The policy registry: which policy judges a service kind.
import type { ServiceKind } from '../picture';
import type { PolicyDef, PolicyId } from './types';
import { LCD_EPIDURAL } from './lcd-epidural';
import { LCD_FACET_BLOCK, LCD_FACET_RFA } from './lcd-facet';
import { SACROILIAC } from './sacroiliac';
import { TRIGGER_POINT } from './trigger-point';
import { SCS_TRIAL } from './scs-trial';

export const POLICIES: readonly PolicyDef[] = [LCD_EPIDURAL, LCD_FACET_BLOCK, LCD_FACET_RFA, SACROILIAC, TRIGGER_POINT, SCS_TRIAL];

const BY_KIND = new Map<ServiceKind, PolicyDef>();
for (const p of POLICIES) for (const k of p.kinds) BY_KIND.set(k, p);

export function policyFor(kind: ServiceKind): PolicyDef | undefined {
  return BY_KIND.get(kind);
}

export function policyById(id: PolicyId): PolicyDef | undefined {
  return POLICIES.find((p) => p.id === id);
}

export type { PolicyDef, PolicyId, PolicyParams, Cited } from './types';
