// Chart options that make the sandbox behave like the common restrictions of real EHRs, per launch (carried in the
// token's grant): no Claim or Provenance create, If-None-Exist ignored (and no transactions, as on such servers),
// a LOINC document type required on DocumentReference. "Storage blocked in the frame" is the chart's iframe itself
// (chart-client.js), not a server rule.
import type { StoredResource } from './resource';

export interface EhrRestrictions {
  noClaimCreate?: boolean;
  noProvenanceCreate?: boolean;
  ignoreIfNoneExist?: boolean;
  requireLoincType?: boolean;
}

export const RESTRICTION_KEYS = ['noClaimCreate', 'noProvenanceCreate', 'ignoreIfNoneExist', 'requireLoincType'] as const;

/** Types whose create the server does not offer under these restrictions. */
export function uncreatable(r: EhrRestrictions): string[] {
  return [...(r.noClaimCreate ? ['Claim'] : []), ...(r.noProvenanceCreate ? ['Provenance'] : [])];
}

/** Why the server refuses this new resource, or undefined. */
export function refusal(r: EhrRestrictions, resource: StoredResource): { status: number; code: string; message: string } | undefined {
  if (uncreatable(r).includes(resource.resourceType)) {
    return { status: 405, code: 'not-supported', message: `This EHR does not support creating ${resource.resourceType} resources` };
  }
  if (r.requireLoincType && resource.resourceType === 'DocumentReference') {
    const codings = (resource.type as { coding?: { system?: unknown }[] } | undefined)?.coding ?? [];
    if (!codings.some((c) => c.system === 'http://loinc.org')) {
      return {
        status: 422,
        code: 'required',
        message: 'DocumentReference.type must carry a LOINC document type code (system http://loinc.org)',
      };
    }
  }
  return undefined;
}

/** The CapabilityStatement as this restricted server would publish it. */
export function restrictCapabilities(cs: Record<string, unknown>, r: EhrRestrictions): Record<string, unknown> {
  const no = uncreatable(r);
  const rest = (cs.rest as Record<string, unknown>[]).map((entry) => ({
    ...entry,
    interaction: r.ignoreIfNoneExist ? [] : entry.interaction,
    resource: (entry.resource as Record<string, unknown>[]).map((res) => ({
      ...res,
      ...(no.includes(res.type as string)
        ? { interaction: (res.interaction as { code: string }[]).filter((i) => i.code !== 'create' && i.code !== 'update') }
        : {}),
      ...(r.ignoreIfNoneExist ? { conditionalCreate: false } : {}),
    })),
  }));
  return { ...cs, rest };
}
