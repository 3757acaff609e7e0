// One chronological list of what was tried and how the pain went: conservative care, pain scores, prior procedures.
import type { ClinicalPicture, Evidence } from '../../../policy/index';
import { serviceDef } from '../../../policy/index';
import { formatHours } from '../../../writeback/index';

export interface TimelineRow {
  key: string;
  date: string;
  end?: string;
  kind: 'Conservative care' | 'Pain score' | 'Procedure';
  what: string;
  detail: string;
  evidence: Evidence[];
}

export function timelineRows(p: ClinicalPicture): TimelineRow[] {
  const rows: TimelineRow[] = [];
  p.conservativeCare.forEach((c, i) => {
    rows.push({
      key: `care-${i}`,
      date: (c.start ?? c.recorded ?? c.end ?? '').slice(0, 10),
      ...(c.end ? { end: c.end.slice(0, 10) } : {}),
      kind: 'Conservative care',
      what: c.description,
      detail: [c.weeks !== undefined ? `${Math.round(c.weeks)} weeks` : undefined, `outcome: ${c.outcome.replace('-', ' ')}`]
        .filter(Boolean)
        .join(', '),
      evidence: c.evidence,
    });
  });
  p.painScores.forEach((s, i) => {
    rows.push({
      key: `pain-${i}`,
      date: s.date.slice(0, 10),
      kind: 'Pain score',
      what: `${s.instrument} ${s.value}/10`,
      detail: s.context ?? '',
      evidence: s.evidence,
    });
  });
  p.procedureHistory.forEach((x, i) => {
    const relief = x.relief
      .map((r) => `${r.percent}% ${r.measure} relief${r.durationHours !== undefined ? ` for ${formatHours(r.durationHours)}` : ''}`)
      .join('; ');
    rows.push({
      key: `proc-${i}`,
      date: x.date.slice(0, 10),
      kind: 'Procedure',
      what: `${x.code} ${serviceDef(x.code)?.label ?? x.display}`,
      detail: [[x.region, x.levels.join(', '), x.laterality].filter(Boolean).join(' '), relief || 'response not documented']
        .filter(Boolean)
        .join('; '),
      evidence: [...x.evidence, ...x.relief.flatMap((r) => r.evidence)],
    });
  });
  // Undated entries sort last so the dated history reads top to bottom.
  return rows.sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999') || a.key.localeCompare(b.key));
}
