// Authorizations on file for a planned service, from both places they live: the chart (the prior-auth Task that a
// decision was written back to: its number, period and service outputs) and the ClaimReady service's requests. One
// list, one row per authorization number, each flagged when its window does not cover the date of service.
import { z } from 'zod';
import type { SavedState } from '../../fhir/index';
import { familyOf, serviceDef } from '../../policy/index';
import type { PaRequestView } from './api';
import { AUTH_NUMBER, AUTH_PERIOD, AUTHORIZED_SERVICE } from './chart-writeback';

export interface AuthOnFile {
  number: string;
  serviceCode?: string;
  start?: string;
  end?: string;
  /** Where it was found: the chart's Task, the service, or both. */
  source: 'chart' | 'service' | 'chart and service';
  /** The date of service it is checked against (the request's own, else the planned one). */
  dateOfService: string;
  /** Why it does not cover that date, when it does not. */
  problem?: string;
}

const Output = z.looseObject({
  type: z.looseObject({ text: z.string().optional() }),
  valueString: z.string().optional(),
  valuePeriod: z.looseObject({ start: z.string().optional(), end: z.string().optional() }).optional(),
});
const DecidedTask = z.looseObject({
  resourceType: z.literal('Task'),
  status: z.string(),
  output: z.array(Output).optional(),
});

function problemOf(start: string | undefined, end: string | undefined, dos: string): string | undefined {
  if (end && end.slice(0, 10) < dos) return `ends ${end.slice(0, 10)}, before the date of service ${dos}`;
  if (start && start.slice(0, 10) > dos) return `starts ${start.slice(0, 10)}, after the date of service ${dos}`;
  return undefined;
}

/** The chart's authorizations: completed prior-auth Tasks that carry an authorization number. */
export function authsFromChart(saved: SavedState | undefined, dateOfService: string): AuthOnFile[] {
  const out: AuthOnFile[] = [];
  for (const item of saved?.tasks ?? []) {
    const t = DecidedTask.safeParse(item.resource);
    if (!t.success || t.data.status !== 'completed') continue;
    const outputs = t.data.output ?? [];
    const number = outputs.find((o) => o.type.text === AUTH_NUMBER)?.valueString;
    if (!number) continue;
    const period = outputs.find((o) => o.type.text === AUTH_PERIOD)?.valuePeriod;
    const serviceCode = outputs.find((o) => o.type.text === AUTHORIZED_SERVICE)?.valueString;
    const start = period?.start?.slice(0, 10);
    const end = period?.end?.slice(0, 10);
    const problem = problemOf(start, end, dateOfService);
    out.push({
      number,
      source: 'chart',
      dateOfService,
      ...(serviceCode ? { serviceCode } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(problem ? { problem } : {}),
    });
  }
  return out;
}

/** The service's approved (or partly approved) requests with an authorization number. */
export function authsFromService(requests: readonly PaRequestView[], dateOfService: string): AuthOnFile[] {
  return requests
    .filter((r) => r.authNumber && (r.status === 'approved' || r.status === 'partial'))
    .map((r) => {
      const dos = r.dateOfService ?? dateOfService;
      const problem = problemOf(r.authStart, r.authEnd, dos);
      return {
        number: r.authNumber!,
        serviceCode: r.serviceCode,
        source: 'service' as const,
        dateOfService: dos,
        ...(r.authStart ? { start: r.authStart } : {}),
        ...(r.authEnd ? { end: r.authEnd } : {}),
        ...(problem ? { problem } : {}),
      };
    });
}

/** One row per authorization number; the service's copy wins (it is the newer), the source says both. */
export function mergeAuths(chart: readonly AuthOnFile[], service: readonly AuthOnFile[]): AuthOnFile[] {
  const byNumber = new Map<string, AuthOnFile>();
  for (const a of chart) byNumber.set(a.number, a);
  for (const a of service) byNumber.set(a.number, byNumber.has(a.number) ? { ...a, source: 'chart and service' } : a);
  return [...byNumber.values()].sort((a, b) => ((a.end ?? '') < (b.end ?? '') ? 1 : -1));
}

/** Authorizations for the planned service's procedure family (a code the catalogue does not know is kept: it may be). */
export function authsForService(auths: readonly AuthOnFile[], serviceCode: string): AuthOnFile[] {
  const kind = serviceDef(serviceCode)?.kind;
  const family = kind ? familyOf(kind)?.id : undefined;
  return auths.filter((a) => {
    if (!a.serviceCode || a.serviceCode === serviceCode) return true;
    const k = serviceDef(a.serviceCode)?.kind;
    return k === undefined || family === undefined || familyOf(k)?.id === family;
  });
}
