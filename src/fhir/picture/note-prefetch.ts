// Note extraction started while the chart is still being read. The notes a search brought (inline attachments,
// report and composition narratives) go to the note worker as soon as that search is in, so the worker's time
// overlaps the searches still on their way instead of following the last of them. The picture then takes a note's
// facts from here only when the note it built is the same (ref, title, date, type and text: the facts are a function
// of these alone), else extracts it then: a prefetch can only save time, never change a fact.
import type { NoteDoc } from '../../policy/picture';
import { collectAttachments, decodeInlineAttachment, type AttachmentText } from '../read/attachments';
import { extractNotesAsync, toNoteDoc, type NoteFacts } from '../notes';
import { noteSources } from './to-picture';

const NOTE_TYPES: ReadonlySet<string> = new Set(['DocumentReference', 'DiagnosticReport', 'Composition']);
/** Facts kept for this many notes at most (oldest dropped): a relaunch or a retry finds them, memory stays bounded. */
const MAX_KEPT = 500;
const kept = new Map<string, Promise<NoteFacts>>();

const keyOf = (n: NoteDoc): string => [n.ref, n.title, n.date ?? '', n.contentType, n.text].join('\u0000');

function keep(key: string, facts: Promise<NoteFacts>): void {
  kept.set(key, facts);
  // A failed prefetch is forgotten, so the picture extracts that note itself.
  facts.catch(() => kept.delete(key));
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
}

const idOf = (r: unknown): unknown => (r as { id?: unknown } | null)?.id;

/** The notes one search's resources give on their own, as the picture will build them once the record is in. */
export function notesOfType(type: string, resources: readonly unknown[]): NoteDoc[] {
  if (!NOTE_TYPES.has(type)) return [];
  const partial = { [type]: [...resources] };
  const attachments = new Map<string, AttachmentText>();
  for (const a of collectAttachments(partial, undefined).inline) {
    const text = decodeInlineAttachment(a);
    if (text) attachments.set(a.key, text);
  }
  // A report with an attached form is read from the form (maybe a Binary fetched later), not from its narrative.
  const withForm = new Set(
    type === 'DiagnosticReport'
      ? resources.flatMap((r) => {
          const form = (r as { presentedForm?: unknown } | null)?.presentedForm;
          return Array.isArray(form) && form.length > 0 ? [`DiagnosticReport/${String(idOf(r))}`] : [];
        })
      : [],
  );
  const inlineRefs = new Set([...attachments.keys()].map((k) => k.split('#')[0]!));
  return noteSources({ resources: partial, attachments, issues: [], requests: 0 })
    .filter((s) => !withForm.has(s.ref) || inlineRefs.has(s.ref))
    .map(toNoteDoc);
}

/** Starts extracting the notes of a search that has just arrived; only where a worker does the work off this thread. */
export function prefetchNoteFacts(type: string, resources: readonly unknown[]): void {
  if (typeof Worker === 'undefined' || !NOTE_TYPES.has(type)) return;
  const docs = notesOfType(type, resources).filter((d) => !kept.has(keyOf(d)));
  if (docs.length === 0) return;
  const all = extractNotesAsync(docs);
  docs.forEach((d, i) =>
    keep(
      keyOf(d),
      all.then((facts) => facts[i]!),
    ),
  );
}

/** Facts of each note, in order: prefetched where the same note was, the rest extracted now (off this thread). */
export async function noteFactsFor(notes: readonly NoteDoc[]): Promise<NoteFacts[]> {
  const keys = notes.map(keyOf);
  const missing = keys.flatMap((k, i) => (kept.has(k) ? [] : [i]));
  if (missing.length === notes.length) return extractNotesAsync(notes);
  const fresh = missing.length > 0 ? extractNotesAsync(missing.map((i) => notes[i]!)) : Promise.resolve([]);
  try {
    const out = await Promise.all(keys.map((k) => kept.get(k)));
    const got = await fresh;
    missing.forEach((i, j) => (out[i] = got[j]));
    return out.map((f) => {
      if (!f) throw new Error('a note has no facts');
      return f;
    });
  } catch {
    return extractNotesAsync(notes);
  }
}
