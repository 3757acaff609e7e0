// Reads the patient's record in one parallel wave; exposes what has arrived so far so the picture can render
// as soon as the core resources are in, and the complete record when every page is read.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { readPatientRecord, type FhirReader, type RawRecord } from '../../fhir/read';

export interface RecordState {
  record: RawRecord | undefined;
  complete: boolean;
  error: unknown;
  loadedTypes: string[];
}

export function usePatientRecord(reader: FhirReader, patientId: string): RecordState {
  const [partial, setPartial] = useState<{ resources: Record<string, unknown[]>; types: string[] }>({ resources: {}, types: [] });
  const query = useQuery({
    queryKey: ['patient-record', patientId],
    queryFn: ({ signal }) =>
      readPatientRecord(reader, patientId, {
        signal,
        onType: (type, resources) =>
          setPartial((p) => ({ resources: { ...p.resources, [type]: resources }, types: [...p.types, type] })),
      }),
  });
  if (query.data) return { record: query.data, complete: true, error: null, loadedTypes: partial.types };
  const record: RawRecord | undefined =
    partial.types.length > 0 ? { resources: partial.resources, attachments: new Map(), issues: [], requests: 0 } : undefined;
  return { record, complete: false, error: query.error, loadedTypes: partial.types };
}
