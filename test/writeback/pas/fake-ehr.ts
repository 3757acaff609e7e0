// An in-memory EHR for write tests: conditional create on If-None-Exist (identifier or _tag), optional failures.
import type { CapabilityStatement, OperationOutcome, Resource } from 'fhir/r4';
import type { FhirResponse, FhirWriter } from '../../../src/writeback/writer';

export interface FakeEhr extends FhirWriter {
  stored: Resource[];
  /** Status to answer for the next create of this type (then cleared). */
  failNext: Map<string, { status: number; outcome?: OperationOutcome }>;
}

function matches(r: Resource, cond: string): boolean {
  const m = /^(identifier|_tag)=([^|]*)\|(.*)$/.exec(cond);
  if (!m) return false;
  const [, kind, system, value] = m;
  if (kind === 'identifier') {
    const ids = (r as { identifier?: { system?: string; value?: string }[] }).identifier ?? [];
    return ids.some((i) => i.system === system && i.value === value);
  }
  return (r.meta?.tag ?? []).some((t) => t.system === system && t.code === value);
}

export function fakeEhr(): FakeEhr {
  const stored: Resource[] = [];
  const failNext = new Map<string, { status: number; outcome?: OperationOutcome }>();
  let n = 0;
  return {
    stored,
    failNext,
    capabilities: async (): Promise<CapabilityStatement> => ({
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: '2026-01-01',
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['json'],
    }),
    create: async <R extends Resource>(resource: R, ifNoneExist?: string): Promise<FhirResponse<R>> => {
      const fail = failNext.get(resource.resourceType);
      if (fail) {
        failNext.delete(resource.resourceType);
        return { status: fail.status, body: fail.outcome as unknown as R };
      }
      const found = ifNoneExist ? stored.find((r) => r.resourceType === resource.resourceType && matches(r, ifNoneExist)) : undefined;
      if (found) return { status: 200, body: found as R };
      const created = { ...resource, id: `id-${++n}` };
      stored.push(created);
      return { status: 201, body: created };
    },
    search: async (type: string, query: string): Promise<FhirResponse> => ({
      status: 200,
      body: {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: stored.filter((r) => r.resourceType === type && matches(r, query)).map((resource) => ({ resource })),
      },
    }),
  };
}
