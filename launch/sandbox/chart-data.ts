// What the simulated chart lists: per patient the name, birth date, payer, planned procedure and recent encounters,
// read straight from the store (the chart is the EHR itself, so it needs no token).
import { z } from 'zod';
import type { LaunchOptions } from './auth';
import { RESTRICTION_KEYS } from './restrictions';
import type { StoredResource } from './resource';
import type { ResourceStore } from './store';

export interface ChartPatient {
  id: string;
  name: string;
  birthDate?: string;
  gender?: string;
  payer?: string;
  planned?: { id: string; code?: string; label: string; date?: string };
  encounters: { id: string; date?: string; label: string }[];
}

const MAX_ENCOUNTERS = 25;

export function chartPatients(store: ResourceStore): ChartPatient[] {
  const bySubject = <T>(type: string, field: string, map: (r: StoredResource) => T): Map<string, T[]> => {
    const out = new Map<string, T[]>();
    for (const r of store.all(type)) {
      const ref = (r[field] as { reference?: unknown } | undefined)?.reference;
      if (typeof ref !== 'string') continue;
      const id = ref.replace(/^.*Patient\//, '');
      const list = out.get(id);
      if (list) list.push(map(r));
      else out.set(id, [map(r)]);
    }
    return out;
  };
  const coverages = bySubject('Coverage', 'beneficiary', (r) => r);
  const requests = bySubject('ServiceRequest', 'subject', (r) => r);
  const encounters = bySubject('Encounter', 'subject', (r) => ({
    id: r.id ?? '',
    date: str((r.period as { start?: unknown } | undefined)?.start),
    label: conceptText(first(r.type)) ?? str((r.class as { code?: unknown } | undefined)?.code) ?? 'Encounter',
  }));
  return store
    .all('Patient')
    .map((p): ChartPatient => {
      const id = p.id ?? '';
      const coverage = (coverages.get(id) ?? []).find((c) => c.status === 'active') ?? coverages.get(id)?.[0];
      const planned = plannedRequest(requests.get(id) ?? []);
      const code = first((planned?.code as { coding?: unknown } | undefined)?.coding) as { code?: unknown } | undefined;
      return {
        id,
        name: patientName(p),
        birthDate: str(p.birthDate),
        gender: str(p.gender),
        payer: str((first(coverage?.payor) as { display?: unknown } | undefined)?.display),
        planned: planned
          ? {
              id: planned.id ?? '',
              code: str(code?.code),
              label: conceptText(planned.code) ?? 'Planned service',
              date: str(planned.occurrenceDateTime),
            }
          : undefined,
        encounters: (encounters.get(id) ?? []).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).slice(0, MAX_ENCOUNTERS),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The order the launch is about: the active ServiceRequest scheduled soonest (undated ones last). */
function plannedRequest(requests: StoredResource[]): StoredResource | undefined {
  const when = (r: StoredResource): string =>
    str(r.occurrenceDateTime) ?? str((r.occurrencePeriod as { start?: unknown } | undefined)?.start) ?? '9999';
  return requests.filter((r) => r.status === 'active').sort((a, b) => when(a).localeCompare(when(b)))[0];
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function conceptText(c: unknown): string | undefined {
  if (!c || typeof c !== 'object') return undefined;
  const o = c as { text?: unknown; coding?: unknown };
  if (typeof o.text === 'string') return o.text;
  const coding = first(o.coding) as { display?: unknown; code?: unknown } | undefined;
  return str(coding?.display) ?? str(coding?.code);
}

function patientName(p: StoredResource): string {
  const names = Array.isArray(p.name) ? (p.name as { use?: unknown; given?: unknown; family?: unknown; text?: unknown }[]) : [];
  const n = names.find((x) => x.use === 'official') ?? names[0];
  if (!n) return `Patient ${p.id ?? ''}`;
  if (typeof n.text === 'string') return n.text;
  const given = Array.isArray(n.given) ? n.given.filter((g): g is string => typeof g === 'string').join(' ') : '';
  return [given, str(n.family)].filter((s) => s && s.length > 0).join(' ') || `Patient ${p.id ?? ''}`;
}

// Query strings carry "1"/"true"/"0"/"false"; z.coerce.boolean would read "false" as true.
const flag = z
  .union([z.boolean(), z.enum(['1', 'true', '0', 'false', 'on', ''])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'on')
  .optional();

/** The chart's launch request, from its own page (still outside data: validated). */
export const launchRequestSchema = z.object({
  patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
  encounter: z
    .string()
    .regex(/^[A-Za-z0-9\-.]{1,64}$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Another order of the same patient than the one the chart would pick. */
  serviceRequest: z
    .string()
    .regex(/^[A-Za-z0-9\-.]{1,64}$/)
    .optional(),
  withholdWrite: flag,
  withholdObservation: flag,
  tokenLifetime: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(1).max(86_400)]).optional(),
  standalone: flag,
  noClaimCreate: flag,
  noProvenanceCreate: flag,
  ignoreIfNoneExist: flag,
  requireLoincType: flag,
});

export type LaunchRequest = z.infer<typeof launchRequestSchema>;

/** Resolves a chart launch request to launch options, or says which patient is unknown. */
export function toLaunchOptions(store: ResourceStore, req: LaunchRequest): LaunchOptions | string {
  if (!store.get('Patient', req.patient)) return `Unknown patient ${req.patient}`;
  if (req.encounter && !store.get('Encounter', req.encounter)) return `Unknown encounter ${req.encounter}`;
  let serviceRequest: string | undefined;
  if (req.serviceRequest) {
    const sr = store.get('ServiceRequest', req.serviceRequest);
    const subject = (sr?.subject as { reference?: unknown } | undefined)?.reference;
    if (typeof subject !== 'string' || !subject.endsWith(`Patient/${req.patient}`))
      return `ServiceRequest ${req.serviceRequest} is not an order of this patient`;
    serviceRequest = req.serviceRequest;
  } else {
    // Only this patient's orders: building the whole chart list here made every launch click wait on it.
    const mine = store.all('ServiceRequest').filter((r) => {
      const ref = (r.subject as { reference?: unknown } | undefined)?.reference;
      return typeof ref === 'string' && ref.endsWith(`Patient/${req.patient}`);
    });
    serviceRequest = plannedRequest(mine)?.id;
  }
  return {
    patient: req.patient,
    encounter: req.encounter,
    serviceRequest,
    framed: !req.standalone,
    withholdWrite: req.withholdWrite,
    withholdObservation: req.withholdObservation,
    tokenLifetime: req.tokenLifetime,
    ...Object.fromEntries(RESTRICTION_KEYS.filter((k) => req[k]).map((k) => [k, true])),
  };
}
