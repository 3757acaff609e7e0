// Reads the patient's record in one parallel wave. The picture is built at most twice: a provisional one when the
// core resources (patient, orders, diagnoses, coverage) are in but the rest is slow to follow, and the final one
// when every page is read. For a typical chart the rest lands within a few hundred ms, and building a provisional
// picture then would only delay the real one (both compete for the main thread). The first read is usually already
// under way (early-read.ts, started by main.tsx when the token arrived): the query takes it over.
import { startTransition, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RawRecord } from '../../fhir/index';
import type { FhirReader } from '../../fhir/index';
import { startRecordRead, type EarlyRead } from './early-read';

export const CORE_TYPES: readonly string[] = ['Patient', 'ServiceRequest', 'Condition', 'Coverage'];
/** How long the rest of the record may take after the core before a provisional picture is shown. */
export const PROVISIONAL_AFTER_MS = 300;

export interface RecordState {
  record: RawRecord | undefined;
  complete: boolean;
  error: unknown;
}

export function usePatientRecord(
  reader: FhirReader,
  patientId: string,
  access: { canRead(type: string): boolean },
  early?: EarlyRead,
): RecordState {
  const arrived = useRef<Record<string, unknown[]>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [partial, setPartial] = useState<Record<string, unknown[]> | undefined>(undefined);
  const query = useQuery({
    queryKey: ['patient-record', patientId],
    queryFn: async ({ signal }) => {
      arrived.current = {};
      const read = early?.take(patientId) ?? startRecordRead(reader, patientId, access);
      signal.addEventListener('abort', () => read.abort(), { once: true });
      const off = read.onType((type, resources) => {
        arrived.current = { ...arrived.current, [type]: resources };
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
        clearTimeout(timer.current);
      }
    },
  });
  if (query.data) return { record: query.data, complete: true, error: null };
  const record: RawRecord | undefined = partial
    ? { resources: partial, attachments: new Map(), issues: [], requests: 0, waves: 0, longestChain: 0 }
    : undefined;
  return { record, complete: false, error: query.error };
}
