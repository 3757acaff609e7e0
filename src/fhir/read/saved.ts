// ClaimReady's own earlier output found in the chart (own-output.ts marks it). It is never clinical evidence; the
// views get it as saved state instead: what was saved, when and by whom, so they can say "saved on <date> by <user>"
// and resume from it rather than start over.
import { z } from 'zod';
import { CLAIMREADY_ID_BASE, isClaimReadyOutput } from './own-output';

export interface SavedItem {
  /** "DocumentReference/abc". */
  ref: string;
  /** When it was saved (the resource's own date, else meta.lastUpdated). */
  date?: string;
  /** Who saved it, as the resource names them (display, else the reference). */
  author?: string;
  status?: string;
  /** Its title or type, for the view. */
  label?: string;
  /** The ClaimReady identifier values it carries (the writer's idempotency keys). */
  identifiers: string[];
  /** meta.versionId: a view that continues from this item updates it against this version (If-Match). */
  versionId?: string;
  /** Claim and Task only: the resource as read, for a view that resumes from it (draft lines, task status). Never evidence. */
  resource?: unknown;
}

export interface SavedState {
  claims: SavedItem[];
  documents: SavedItem[];
  tasks: SavedItem[];
  /** Other ClaimReady-marked resources (Provenance, Bundles ...). */
  other: SavedItem[];
}

export const emptySaved = (): SavedState => ({ claims: [], documents: [], tasks: [], other: [] });

const Ref = z.looseObject({ reference: z.string().optional(), display: z.string().optional() }).optional();
const Marked = z.looseObject({
  resourceType: z.string(),
  id: z.string().optional(),
  status: z.string().optional(),
  meta: z.looseObject({ lastUpdated: z.string().optional(), versionId: z.string().optional() }).optional(),
  identifier: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
  // DocumentReference
  date: z.string().optional(),
  description: z.string().optional(),
  author: z.array(z.looseObject({ reference: z.string().optional(), display: z.string().optional() })).optional(),
  // Task
  authoredOn: z.string().optional(),
  lastModified: z.string().optional(),
  requester: Ref,
  // Claim
  created: z.string().optional(),
  enterer: Ref,
  provider: Ref,
});

const who = (r: { reference?: string | undefined; display?: string | undefined } | undefined): string | undefined =>
  r?.display ?? r?.reference;

export function savedItem(raw: unknown): SavedItem | undefined {
  const p = Marked.safeParse(raw);
  if (!p.success) return undefined;
  const r = p.data;
  const date = r.date ?? r.lastModified ?? r.authoredOn ?? r.created ?? r.meta?.lastUpdated;
  const author = who(r.author?.[0]) ?? who(r.requester) ?? who(r.enterer) ?? who(r.provider);
  const item: SavedItem = {
    ref: `${r.resourceType}/${r.id ?? ''}`,
    identifiers: (r.identifier ?? []).filter((i) => i.system?.startsWith(CLAIMREADY_ID_BASE)).map((i) => i.value ?? ''),
  };
  if (date) item.date = date;
  if (author) item.author = author;
  if (r.status) item.status = r.status;
  if (r.meta?.versionId) item.versionId = r.meta.versionId;
  // Only what a view resumes from: the draft Claim's lines, the Task's status. Documents (PDFs) stay out.
  if (r.resourceType === 'Claim' || r.resourceType === 'Task') item.resource = raw;
  const label = r.description;
  if (label) item.label = label;
  return item;
}

export { isClaimReadyOutput };

/** Saved state from ClaimReady's marked resources (the read wave sets them aside as they arrive), newest first. */
export function savedState(marked: readonly { type: string; resource: unknown }[]): SavedState {
  const saved = emptySaved();
  for (const { type, resource } of marked) {
    const item = savedItem(resource) ?? { ref: `${type}/?`, identifiers: [] };
    const bucket =
      type === 'Claim' ? saved.claims : type === 'DocumentReference' ? saved.documents : type === 'Task' ? saved.tasks : saved.other;
    bucket.push(item);
  }
  const byDate = (a: SavedItem, b: SavedItem): number => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : 0);
  for (const list of Object.values(saved)) list.sort(byDate);
  return saved;
}
