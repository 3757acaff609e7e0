// Reads the patient's record in one parallel wave. The picture is built at most twice: a provisional one when the
// core resources (patient, orders, diagnoses, coverage) are in but the rest is slow to follow, and the final one
// when every page is read. For a typical chart the rest lands within a few hundred ms, and building a provisional
// picture then would only delay the real one (both compete for the main thread). The first read is usually already
// under way (early-read.ts, started by main.tsx when the token arrived): the query takes it over.
import { startTransition, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DEFAULT_TYPES, prefetchNoteFacts, type RawRecord } from '../../fhir/index';
import type { FhirReader } from '../../fhir/index';
import { startRecordRead, type EarlyRead } from './early-read';

export const CORE_TYPES: readonly string[] = ['Patient', 'ServiceRequest', 'Condition', 'Coverage'];
/** How long the rest of the record may take after the core before a provisional picture is shown. */
export const PROVISIONAL_AFTER_MS = 300;

export interface RecordState {
  record: RawRecord | undefined;
  complete: boolean;
  error: unknown;
  /**
   * What is still being read while `complete` is false: the resource types whose searches have not finished, then
   * "attachments" (note texts stored as Binary) once they all have. Empty when complete.
   */
  pending: readonly string[];
}

/** The note texts fetched after every search is in (Binary attachments), as a pending item. */
export const ATTACHMENTS = 'attachments';
const NOTHING: readonly string[] = [];
/** Every read is in and the picture of the whole record is being built (note extraction): still no verdict. */
export const PICTURE = 'picture';

export function usePatientRecord(
  reader: FhirReader,
  patientId: string,
  access: { canRead(type: string): boolean },
  early?: EarlyRead,
): RecordState {
  const arrived = useRef<Record<string, unknown[]>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [partial, setPartial] = useState<Record<string, unknown[]> | undefined>(undefined);
  const [arrivedTypes, setArrivedTypes] = useState<readonly string[]>([]);
  const query = useQuery({
    queryKey: ['patient-record', patientId],
    queryFn: async ({ signal }) => {
      arrived.current = {};
      setArrivedTypes([]);
      const taken = early?.take(patientId);
      const read = taken ?? startRecordRead(reader, patientId, access);
      // A launch's read has had its notes sent to the worker since boot (boot.tsx); a read started here does now.
      const prefetch = taken ? undefined : read.onType(prefetchNoteFacts);
      signal.addEventListener('abort', () => read.abort(), { once: true });
      // Types that arrived before React mounted are replayed here at once.
      const off = read.onType((type, resources) => {
        arrived.current = { ...arrived.current, [type]: resources };
        setArrivedTypes(Object.keys(arrived.current));
        const core = CORE_TYPES.filter((t) => access.canRead(t));
        if (timer.current === undefined && core.every((t) => t in arrived.current)) {
          timer.current = setTimeout(() => {
            const snapshot = arrived.current;
            startTransition(() => setPartial((p) => p ?? snapshot));
          }, PROVISIONAL_AFTER_MS);
        }
      });
      try {
        return await read.record;
      } finally {
        off();
        prefetch?.();
        clearTimeout(timer.current);
      }
    },
  });
  const done = query.data !== undefined;
  const pending = useMemo(() => {
    if (done) return NOTHING;
    const waiting = DEFAULT_TYPES.filter((t) => access.canRead(t) && !arrivedTypes.includes(t));
    return waiting.length > 0 ? waiting : [ATTACHMENTS];
  }, [done, access, arrivedTypes]);
  if (query.data) return { record: query.data, complete: true, error: null, pending };
  const record: RawRecord | undefined = partial
    ? { resources: partial, attachments: new Map(), issues: [], requests: 0, waves: 0, longestChain: 0 }
    : undefined;
  return { record, complete: false, error: query.error, pending };
}
