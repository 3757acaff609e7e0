// A finding's evidence as one line of facts ("17 PT visits, 2026-08-03 to 09-28, 8 weeks; naproxen 2026-07-28 to
// 09-25; 3 notes") for when the list itself (every PT visit, every exercise line) would bury the finding. Pure: the
// picture's own facts give the counts and dates; what no fact covers is grouped by what it is.
import type { ClinicalPicture, ConservativeCareFact, Evidence } from '../../../policy/index';
import { daysBetween } from '../../../policy/index';

/** Up to this many links are shown as they are; beyond it the summary line leads and the list is one click away. */
export const INLINE_EVIDENCE_MAX = 4;

const DRUGS = new Set<ConservativeCareFact['kind']>(['nsaid', 'analgesic', 'muscle-relaxant', 'neuropathic-agent', 'opioid']);

const day = (iso: string | undefined): string | undefined => iso?.slice(0, 10);

/** "2026-08-03 to 09-28" within a year, full dates across years, "since 2026-10-14" without an end. */
export function dateRange(start: string | undefined, end: string | undefined): string | undefined {
  const a = day(start);
  const b = day(end);
  if (a && b) return a === b ? a : `${a} to ${a.slice(0, 4) === b.slice(0, 4) ? b.slice(5) : b}`;
  if (a) return `since ${a}`;
  if (b) return `until ${b}`;
  return undefined;
}

function weeksText(f: ConservativeCareFact): string | undefined {
  const w = f.weeks ?? (f.start && f.end ? daysBetween(f.start, f.end) / 7 : undefined);
  if (w === undefined || !Number.isFinite(w)) return undefined;
  const r = Math.round(w);
  return `${r} ${r === 1 ? 'week' : 'weeks'}`;
}

/** The drug's name: the description up to its strength or first comma ("naproxen 500 mg tablet, ..." -> "naproxen"). */
function drugName(description: string): string {
  const name = description.split(/[\d,(]/)[0]!.trim();
  return name || description;
}

function careText(f: ConservativeCareFact): string {
  const when = dateRange(f.start, f.end);
  if (f.kind === 'physical-therapy') {
    const visits = new Set(f.evidence.filter((e) => e.ref.startsWith('Encounter/')).map((e) => e.ref)).size;
    const what = visits > 0 ? `${visits} PT ${visits === 1 ? 'visit' : 'visits'}` : f.description;
    return [what, when, weeksText(f)].filter(Boolean).join(', ');
  }
  const what = DRUGS.has(f.kind) ? drugName(f.description) : f.description;
  return when ? `${what} ${when}` : what;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One line of facts for a long evidence list, or undefined when the list is short enough to show as it is.
 * Coded conservative-care courses that the evidence belongs to are told as courses; notes are counted; anything
 * else is grouped by its label with a count and a date range.
 */
export function summariseEvidence(evidence: readonly Evidence[], picture: ClinicalPicture): string | undefined {
  if (evidence.length <= INLINE_EVIDENCE_MAX) return undefined;
  const refs = new Set(evidence.map((e) => e.ref));
  const covered = new Set<string>();
  const parts: string[] = [];
  const courses = picture.conservativeCare
    .filter((f) => f.source === 'coded' && (f.start || f.end) && f.evidence.some((e) => refs.has(e.ref)))
    .sort((a, b) => ((a.start ?? a.end ?? '') < (b.start ?? b.end ?? '') ? -1 : 1));
  // Physical therapy first: it is the long list the summary exists for.
  for (const f of [...courses.filter((c) => c.kind === 'physical-therapy'), ...courses.filter((c) => c.kind !== 'physical-therapy')]) {
    parts.push(careText(f));
    for (const e of f.evidence) covered.add(e.ref);
  }
  const rest = evidence.filter((e) => !covered.has(e.ref));
  const notes = new Set(rest.filter((e) => e.ref.startsWith('DocumentReference/') || e.quote).map((e) => e.ref));
  const groups = new Map<string, { count: number; first?: string; last?: string }>();
  const seen = new Set<string>();
  for (const e of rest) {
    if (notes.has(e.ref) || seen.has(e.ref)) continue;
    seen.add(e.ref);
    const g = groups.get(e.display) ?? { count: 0 };
    g.count += 1;
    const d = day(e.date);
    if (d) {
      if (!g.first || d < g.first) g.first = d;
      if (!g.last || d > g.last) g.last = d;
    }
    groups.set(e.display, g);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].count - a[1].count);
  const shown = sorted.slice(0, 3);
  for (const [label, g] of shown) {
    const when = g.first && g.last ? (g.first === g.last ? g.first : dateRange(g.first, g.last)) : undefined;
    parts.push(`${g.count > 1 ? `${g.count} × ` : ''}${label}${when ? ` (${when})` : ''}`);
  }
  const more = sorted.slice(3).reduce((n, [, g]) => n + g.count, 0);
  if (more > 0) parts.push(`${plural(more, 'other record')}`);
  if (notes.size > 0) parts.push(`${plural(notes.size, 'note')}`);
  return parts.join('; ');
}
