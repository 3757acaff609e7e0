// The Provenance that accompanies every write: who (the app as author, the signed-in user) and when.
// It has no identifier element in R4, so its conditional create matches on a per-item tag instead.
import type { Provenance, Reference } from 'fhir/r4';
import type { WriteItem } from './writer';

export const PROVENANCE_TAG_SYSTEM = 'https://claimready.app/provenance-for';
export const APP_ID_SYSTEM = 'https://claimready.app/id/app';

const PARTICIPANT = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

/** `tag`: deterministic per written item (write.ts derives it from the item's If-None-Exist), so retries match. */
export function provenanceItem(
  tag: string,
  target: Reference,
  agent: { app: string; user?: string },
  recorded: string,
  activity: 'CREATE' | 'UPDATE' = 'CREATE',
): WriteItem {
  const resource: Provenance = {
    resourceType: 'Provenance',
    meta: { tag: [{ system: PROVENANCE_TAG_SYSTEM, code: tag }] },
    target: [target],
    recorded,
    activity: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: activity }] },
    agent: [
      {
        type: { coding: [{ system: PARTICIPANT, code: 'author' }] },
        who: { identifier: { system: APP_ID_SYSTEM, value: agent.app }, display: agent.app },
      },
      ...(agent.user ? [{ type: { coding: [{ system: PARTICIPANT, code: 'enterer' }] }, who: { reference: agent.user } }] : []),
    ],
  };
  return { resource, ifNoneExist: `_tag=${PROVENANCE_TAG_SYSTEM}|${tag}` };
}
