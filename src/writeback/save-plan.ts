// Rolling a save forward on the next launch. A sequential save (no transaction on this EHR) writes its plan into the
// first resource; if the page was reloaded, closed or lost its session before the rest was written, the next launch
// finds that resource (marked as ClaimReady's own), reads the plan and writes what is missing, each item found by
// its identifier first, so nothing is doubled and no half set is left.
import { z } from 'zod';
import type { Bundle, Resource } from 'fhir/r4';
import { CLAIMREADY_ID_BASE, CLAIMREADY_TAG } from '../fhir/read/own-output';
import type { FhirWriter } from './writer';
import { SAVE_PLAN_URL } from './write-marks';
import { writeAll, withRetry, type Agent, type WriteItem, type WriteOptions, type WriteOutcome } from './write';

const PlanSchema = z.array(
  z.object({
    resource: z.looseObject({ resourceType: z.string().regex(/^[A-Z][A-Za-z]+$/) }),
    ifNoneExist: z.string().min(1),
    mode: z.enum(['create', 'update']).optional(),
  }),
);

/** Types a save starts with (the plan's carrier) and how each is searched by patient. */
const CARRIERS: { type: string; patientParam: string }[] = [
  { type: 'DocumentReference', patientParam: 'patient' },
  { type: 'Claim', patientParam: 'patient' },
];

export interface PendingSave {
  carrier: Resource;
  items: WriteItem[];
}

function identityOf(r: Resource): string | undefined {
  const ids = (r as { identifier?: { system?: string; value?: string }[] }).identifier ?? [];
  const own = ids.find((i) => i.system?.startsWith(CLAIMREADY_ID_BASE) && i.value);
  return own ? `identifier=${own.system}|${own.value}` : undefined;
}

/** The save a resource carries, when it carries one: the resource itself first, then the rest of its plan. */
export function planOf(r: Resource): PendingSave | undefined {
  const ext = r.meta?.extension?.find((e) => e.url === SAVE_PLAN_URL);
  const identity = identityOf(r);
  if (!ext?.valueString || !identity) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(ext.valueString);
  } catch {
    return undefined;
  }
  const parsed = PlanSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const rest: WriteItem[] = parsed.data.map((p) => ({
    resource: p.resource as Resource,
    ifNoneExist: p.ifNoneExist,
    ...(p.mode ? { mode: p.mode } : {}),
  }));
  return { carrier: r, items: [{ resource: r, ifNoneExist: identity }, ...rest] };
}

/** Every saved set of this patient whose plan is still open somewhere. */
export async function findPendingSaves(writer: FhirWriter, patientId: string, opts: WriteOptions = {}): Promise<PendingSave[]> {
  const out: PendingSave[] = [];
  for (const { type, patientParam } of CARRIERS) {
    const query = `_tag=${encodeURIComponent(`${CLAIMREADY_TAG.system}|${CLAIMREADY_TAG.code}`)}&${patientParam}=${encodeURIComponent(patientId)}&_count=200`;
    const res = await withRetry(() => writer.search(type, query), opts);
    // No permission to search a type (Claim is often create-only): nothing of it can be resumed, and that is fine.
    if (res.status !== 200) continue;
    for (const e of (res.body as Bundle | undefined)?.entry ?? []) {
      if (e.resource?.resourceType !== type) continue;
      const plan = planOf(e.resource);
      if (plan) out.push(plan);
    }
  }
  return out;
}

export interface ResumeReport {
  /** Sets found with something missing, and what finishing them did. */
  completed: WriteOutcome[];
  /** Sets that were already whole. */
  whole: number;
}

/** Finishes every save of the patient that was cut short. Whole sets cost their look-ups only. */
export async function resumePendingSaves(
  writer: FhirWriter,
  patientId: string,
  agent: Agent,
  opts: WriteOptions = {},
): Promise<ResumeReport> {
  const report: ResumeReport = { completed: [], whole: 0 };
  for (const pending of await findPendingSaves(writer, patientId, opts)) {
    const out = await writeAll(writer, pending.items, agent, opts);
    if (out.ok && out.results.every((r) => !r.created && !r.updated)) report.whole += 1;
    else report.completed.push(out);
  }
  return report;
}
