// What ClaimReady wrote is not clinical evidence. Every resource the app writes carries this tag and an identifier
// under ID_BASE (writeback stamps both); the reader keeps such resources out of the clinical picture and hands them to
// the views as saved state, so a relaunch resumes the work instead of citing it.
export const CLAIMREADY_TAG = { system: 'https://claimready.app/fhir/CodeSystem/origin', code: 'claimready' } as const;
export const CLAIMREADY_ID_BASE = 'https://claimready.app/id/';

interface Marked {
  meta?: { tag?: readonly { system?: string; code?: string }[] };
  identifier?: readonly { system?: string }[];
}

export function isClaimReadyOutput(resource: unknown): boolean {
  if (typeof resource !== 'object' || resource === null) return false;
  const r = resource as Marked;
  const tags = Array.isArray(r.meta?.tag) ? r.meta.tag : [];
  if (tags.some((t) => t?.system === CLAIMREADY_TAG.system && t.code === CLAIMREADY_TAG.code)) return true;
  const ids = Array.isArray(r.identifier) ? r.identifier : [];
  return ids.some((i) => typeof i?.system === 'string' && i.system.startsWith(CLAIMREADY_ID_BASE));
}
