// Reads the patient's record in one parallel wave; exposes what has arrived so far so the picture can render
// as soon as the core resources are in, and the complete record when every page is read.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { readPatientRecord, type RawRecord } from '../../fhir/read';
import type { FhirReader } from '../../fhir/reader';
import type { DataIssue } from '../../policy/picture';

export interface RecordState {
  record: RawRecord | undefined;
  complete: boolean;
  error: unknown;
  loadedTypes: string[];
}

export function usePatientRecord(reader: FhirReader, patientId: string, types: readonly string[], skipped: DataIssue[]): RecordState {
  const [partial, setPartial] = useState<{ resources: Record<string, unknown[]>; types: string[] }>({ resources: {}, types: [] });
  const query = useQuery({
    queryKey: ['patient-record', patientId],
    queryFn: ({ signal }) =>
      readPatientRecord(reader, patientId, {
        signal,
        types,
        onType: (type, resources) =>
          setPartial((p) => ({ resources: { ...p.resources, [type]: resources }, types: [...p.types, type] })),
      }),
  });
  if (query.data) return { record: { ...query.data, issues: [...skipped, ...query.data.issues] }, complete: true, error: null, loadedTypes: partial.types };
  const record: RawRecord | undefined =
    partial.types.length > 0
      ? { resources: partial.resources, attachments: new Map(), issues: skipped, requests: 0, waves: 0, longestChain: 0 }
      : undefined;
  return { record, complete: false, error: query.error, loadedTypes: partial.types };
}
