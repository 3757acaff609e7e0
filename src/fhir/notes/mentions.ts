// Every fact the extractor reads in a note, in one flat, typed list with its span and context, for the CLI
// (`npm run check -- --notes`) and the evaluation on real notes. The picture keeps only the facts that can be
// evidence (context current or history); this list also keeps plans, goals, negations and hypotheticals so a
// reader can see what was recognised and set aside.
import type { NoteDoc } from '../../policy/picture';
import { extractNoteFacts } from './extract';

export * from './mention-types';
import type { NoteMention } from './mention-types';

// Mentions with the same span, in the order the families are read (extract.ts), so the list does not depend on how
// the note was cut into chunks.
const FAMILY_ORDER: Record<NoteMention['type'], number> = { 'conservative-care': 0, relief: 1, site: 2, 'pain-score': 3, function: 4 };

/** Every mention in a note, in text order (with `withLimits`, also why less than the whole note was read). */
export function noteMentions(note: NoteDoc): NoteMention[];
export function noteMentions(note: NoteDoc, opts: { withLimits: true }): { mentions: NoteMention[]; limits: string[] };
export function noteMentions(note: NoteDoc, opts?: { withLimits: true }): NoteMention[] | { mentions: NoteMention[]; limits: string[] } {
  const f = extractNoteFacts(note);
  const out = [...f.mentions].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end || FAMILY_ORDER[a.type] - FAMILY_ORDER[b.type],
  );
  return opts?.withLimits ? { mentions: out, limits: f.limits } : out;
}
