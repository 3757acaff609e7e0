// The clinical picture of a record, built with note extraction off the main thread (buildPictureAsync), so a huge
// or fact-dense note never freezes the tab. While a newer record's picture is being built the previous one stays on
// screen; if the async path fails, the picture is built on this thread rather than not at all.
import { startTransition, useEffect, useState } from 'react';
import type { ClinicalPicture } from '../../policy/index';
import { buildPictureAsync, buildPictureHere, type PictureContext, type RawRecord } from '../../fhir/index';

export interface BuiltPicture {
  picture: ClinicalPicture | undefined;
  /** false while the picture on screen was built from an earlier record (or context) than the current one. */
  current: boolean;
  /** Both the off-thread build and this thread's fallback failed for the current record (its chunk did not load). */
  failed: boolean;
}

export function usePicture(record: RawRecord | undefined, ctx: PictureContext): BuiltPicture {
  const [built, setBuilt] = useState<{ picture: ClinicalPicture; from: RawRecord; key: string } | undefined>(undefined);
  const [failedFor, setFailedFor] = useState<{ from: RawRecord; key: string } | undefined>(undefined);
  const { patientId, encounterId, today } = ctx;
  const requests = ctx.serviceRequestIds.join('\u0000');
  const key = [patientId, encounterId ?? '', today, requests].join('\u0001');
  useEffect(() => {
    if (!record) return;
    let live = true;
    const c: PictureContext = { ...ctx };
    buildPictureAsync(record, c)
      .catch(() => buildPictureHere(record, c))
      .then(
        (p) => live && startTransition(() => setBuilt({ picture: p, from: record, key })),
        // Both paths failed (the fallback's chunk did not load): said, not left as "reading the chart" for ever.
        () => live && setFailedFor({ from: record, key }),
      );
    return () => {
      live = false;
    };
    // ctx is rebuilt on every render by the caller; its values are the dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record, patientId, encounterId, today, requests]);
  if (!record) return { picture: undefined, current: false, failed: false };
  return {
    picture: built?.picture,
    current: built !== undefined && built.from === record && built.key === key,
    failed: failedFor !== undefined && failedFor.from === record && failedFor.key === key,
  };
}
