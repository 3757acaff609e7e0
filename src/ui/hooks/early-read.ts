// The record read as a stream that can start before React exists: main.tsx starts it the moment the token arrives
// (while the React app is still loading), and usePatientRecord's query takes it over instead of starting its own.
// A later read (retry, another patient) starts fresh here too. No React in this file: it is on the entry chunk.
import type Client from 'fhirclient/lib/Client';
import {
  fhirclientReader,
  grantedAccess,
  parseLaunchContext,
  prewarmNoteWorker,
  preparseResources,
  readPatientRecord,
  type FhirReader,
  type RawRecord,
} from '../../fhir/index';
import { essentialReadsMissing } from '../read-plan';

/** Starts (or joins, by the launch's SMART state) the note worker: main.tsx calls it as soon as this module is in. */
export function startNoteWorker(launch?: string): void {
  prewarmNoteWorker(launch);
}

type TypeListener = (type: string, resources: unknown[]) => void;

export interface RecordRead {
  readonly patientId: string;
  readonly record: Promise<RawRecord>;
  /** Calls `listener` for each type already read, then for each as it arrives; returns the unsubscribe. */
  onType(listener: TypeListener): () => void;
  abort(): void;
}

export function startRecordRead(reader: FhirReader, patientId: string, access: { canRead(type: string): boolean }): RecordRead {
  const controller = new AbortController();
  const arrived: [string, unknown[]][] = [];
  const listeners = new Set<TypeListener>();
  const record = readPatientRecord(reader, patientId, {
    signal: controller.signal,
    access,
    batch: true,
    onType: (type, resources) => {
      arrived.push([type, resources]);
      for (const l of listeners) l(type, resources);
    },
    // Each search page is validated for the picture as it arrives, in a task of its own after the requests still to
    // be sent (its next page, the second wave) have gone out.
    onPage: (page) => {
      setTimeout(() => {
        const byType = new Map<string, unknown[]>();
        for (const { type, resource } of page) {
          const list = byType.get(type);
          if (list) list.push(resource);
          else byType.set(type, [resource]);
        }
        for (const [type, resources] of byType) preparseResources(type, resources, { patientId });
      }, 0);
    },
  });
  // Nobody may be listening yet; the query that takes the read over sees the rejection.
  record.catch(() => undefined);
  // A performance mark for the bench tools (test/bench/launch-cpu.ts): when the whole record is in.
  record.then(
    () => performance.mark('cr:record'),
    () => undefined,
  );
  return {
    patientId,
    record,
    onType(listener) {
      for (const [t, r] of arrived) listener(t, r);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    abort: () => controller.abort(),
  };
}

/** The launch's read, taken over once by the workspace's query for the same patient. */
export interface EarlyRead {
  take(patientId: string): RecordRead | undefined;
  /** Listens to the launch's read before React takes it over (see RecordRead.onType); a no-op once it has. */
  onType(listener: TypeListener): void;
}

/** Starts the read right after the token exchange; undefined when the launch cannot be read (the workspace says why). */
export function startEarlyRead(client: Client): EarlyRead | undefined {
  const parsed = parseLaunchContext(client.state.tokenResponse);
  if (!parsed.ok) return undefined;
  const access = grantedAccess(parsed.context.grantedScopes.join(' '));
  if (essentialReadsMissing(access.canRead).length > 0) return undefined;
  let read: RecordRead | undefined = startRecordRead(fhirclientReader(client), parsed.context.patientId, access);
  return {
    take(patientId) {
      const r = read?.patientId === patientId ? read : undefined;
      read = undefined;
      return r;
    },
    onType(listener) {
      read?.onType(listener);
    },
  };
}
