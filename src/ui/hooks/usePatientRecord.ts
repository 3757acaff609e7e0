// Reads the patient's record in one parallel wave. The picture is built at most twice: once as soon as the core
// resources (patient, orders, diagnoses, coverage) are in, as a provisional view, and once when every page is
// read. Re-building it as each of the eleven types lands would spend the main thread on pictures nobody reads.
import { startTransition, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { readPatientRecord, type RawRecord } from '../../fhir/read';
import type { FhirReader } from '../../fhir/reader';
import type { DataIssue } from '../../policy/picture';

export const CORE_TYPES: readonly string[] = ['Patient', 'ServiceRequest', 'Condition', 'Coverage'];

export interface RecordState {
  record: RawRecord | undefined;
  complete: boolean;
  error: unknown;
  loadedTypes: string[];
}

export function usePatientRecord(reader: FhirReader, patientId: string, types: readonly string[], skipped: DataIssue[]): RecordState {
  const arrived = useRef<Record<string, unknown[]>>({});
  const [partial, setPartial] = useState<Record<string, unknown[]> | undefined>(undefined);
  const query = useQuery({
    queryKey: ['patient-record', patientId],
    queryFn: ({ signal }) => {
      arrived.current = {};
      return readPatientRecord(reader, patientId, {
        signal,
        types,
        onType: (type, resources) => {
          arrived.current = { ...arrived.current, [type]: resources };
          const core = CORE_TYPES.filter((t) => types.includes(t));
          if (core.every((t) => t in arrived.current)) {
            const snapshot = arrived.current;
            // The first snapshot with the core in wins; later calls return the same state, so React skips them.
            startTransition(() => setPartial((p) => p ?? snapshot));
          }
        },
      });
    },
  });
  const loadedTypes = Object.keys(query.data?.resources ?? partial ?? {});
  if (query.data) return { record: { ...query.data, issues: [...skipped, ...query.data.issues] }, complete: true, error: null, loadedTypes };
  const record: RawRecord | undefined = partial
    ? { resources: partial, attachments: new Map(), issues: skipped, requests: 0, waves: 0, longestChain: 0 }
    : undefined;
  return { record, complete: false, error: query.error, loadedTypes };
}
