// The coder's saved draft Claim, read back: which lines it holds (codes, modifiers, units, pointers, reviewed),
// which version it is at, when and by whom it was saved. The Claim is ClaimReady's own output (record.saved),
// never evidence; it is outside data all the same, so it is checked with zod and what cannot be read is said.
import { z } from 'zod';
import type { SavedState } from '../../../fhir/index';
import type { FhirWriter } from '../../../writeback/index';
import { CLAIM_ID_SYSTEM, LINE_REVIEWED_URL } from '../../../writeback/index';
import type { StoredLine } from './storage';

export interface SavedDraft {
  /** "Claim/abc" */
  ref: string;
  versionId?: string;
  /** meta.lastUpdated, else Claim.created. */
  savedAt?: string;
  /** The enterer's name, else its reference. */
  savedBy?: string;
  lines: StoredLine[];
  /** Pointers that named a diagnosis no longer on the record (dropped, and said). */
  notes: string[];
}

const Coding = z.looseObject({ code: z.string().optional(), system: z.string().optional() });
const Concept = z.looseObject({ coding: z.array(Coding).optional() }).optional();
const ClaimShape = z.looseObject({
  resourceType: z.literal('Claim'),
  id: z.string(),
  meta: z.looseObject({ versionId: z.string().optional(), lastUpdated: z.string().optional() }).optional(),
  identifier: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
  created: z.string().optional(),
  enterer: z.looseObject({ reference: z.string().optional(), display: z.string().optional() }).optional(),
  diagnosis: z.array(z.looseObject({ sequence: z.number().int(), diagnosisCodeableConcept: Concept })).optional(),
  item: z
    .array(
      z.looseObject({
        sequence: z.number().int(),
        extension: z.array(z.looseObject({ url: z.string(), valueBoolean: z.boolean().optional() })).optional(),
        productOrService: z.looseObject({ coding: z.array(Coding).optional() }),
        modifier: z.array(z.looseObject({ coding: z.array(Coding).optional() })).optional(),
        quantity: z.looseObject({ value: z.number().optional() }).optional(),
        diagnosisSequence: z.array(z.number().int()).optional(),
      }),
    )
    .optional(),
});

/** The draft in the Claim, its diagnosis pointers re-aimed at today's diagnosis list (by code, not position). */
export function draftFromClaim(raw: unknown, diagnosisCodes: readonly string[]): SavedDraft | undefined {
  const p = ClaimShape.safeParse(raw);
  if (!p.success) return undefined;
  const c = p.data;
  const dxBySeq = new Map((c.diagnosis ?? []).map((d) => [d.sequence, d.diagnosisCodeableConcept?.coding?.[0]?.code]));
  const notes: string[] = [];
  const lines = [...(c.item ?? [])]
    .sort((a, b) => a.sequence - b.sequence)
    .map((it, i): StoredLine => {
      const pointers: number[] = [];
      for (const seq of it.diagnosisSequence ?? []) {
        const code = dxBySeq.get(seq);
        const now = code ? diagnosisCodes.indexOf(code) : -1;
        if (now >= 0) pointers.push(now + 1);
        else
          notes.push(
            `Line ${i + 1}: the draft pointed at ${code ?? `diagnosis ${seq}`}, which is no longer on the record; that pointer was dropped.`,
          );
      }
      return {
        code: it.productOrService.coding?.[0]?.code ?? '',
        modifiers: (it.modifier ?? []).map((m) => m.coding?.[0]?.code ?? '').filter(Boolean),
        units: it.quantity?.value ?? 1,
        diagnosisPointers: pointers,
        accepted: it.extension?.some((e) => e.url === LINE_REVIEWED_URL && e.valueBoolean === true) ?? false,
      };
    });
  const savedAt = c.meta?.lastUpdated ?? c.created;
  const savedBy = c.enterer?.display ?? c.enterer?.reference;
  return {
    ref: `Claim/${c.id}`,
    ...(c.meta?.versionId ? { versionId: c.meta.versionId } : {}),
    ...(savedAt ? { savedAt } : {}),
    ...(savedBy ? { savedBy } : {}),
    lines,
    notes,
  };
}

const isSlot = (raw: unknown, slot: string): boolean =>
  ClaimShape.safeParse(raw).data?.identifier?.some((i) => i.system === CLAIM_ID_SYSTEM && i.value === slot) ?? false;

/** The saved draft for this slot (patient, visit, date of service), when the chart holds one. */
export function draftFor(saved: SavedState | undefined, slot: string, diagnosisCodes: readonly string[]): SavedDraft | undefined {
  const hit = saved?.claims.find((c) => c.identifiers.includes(slot) && isSlot(c.resource, slot));
  return hit ? draftFromClaim(hit.resource, diagnosisCodes) : undefined;
}

/** The draft as the EHR holds it now (after a 412: someone changed it since it was read). */
export async function rereadDraft(writer: FhirWriter, slot: string, diagnosisCodes: readonly string[]): Promise<SavedDraft | undefined> {
  const res = await writer.search('Claim', `identifier=${CLAIM_ID_SYSTEM}|${slot}`);
  if (res.status !== 200) return undefined;
  const Page = z.looseObject({ entry: z.array(z.looseObject({ resource: z.unknown() })).optional() });
  const hits = (Page.safeParse(res.body).data?.entry ?? []).map((e) => e.resource).filter((r) => isSlot(r, slot));
  return hits.length === 1 ? draftFromClaim(hits[0], diagnosisCodes) : undefined;
}

/** "2026-11-23 14:05" in the user's local time (a bare date stays a date). */
export function whenText(iso: string | undefined): string {
  if (!iso) return 'at an unknown time';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const PractitionerShape = z.looseObject({
  resourceType: z.literal('Practitioner'),
  name: z
    .array(z.looseObject({ text: z.string().optional(), given: z.array(z.string()).optional(), family: z.string().optional() }))
    .optional(),
});

/** The signed-in user's name from their Practitioner in the chart, when it was read. */
export function userNameOf(resources: ReadonlyMap<string, unknown> | undefined, user: string | undefined): string | undefined {
  const p = user ? PractitionerShape.safeParse(resources?.get(user)).data : undefined;
  const n = p?.name?.[0];
  const name = n?.text ?? [...(n?.given ?? []), n?.family ?? ''].join(' ').trim();
  return name || undefined;
}
