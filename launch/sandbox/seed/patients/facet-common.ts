// What the axial facet patients share: a diagnostic medial branch block with its pre/post scores and function, the
// history that leads to it, and the exam a facet note records.
import type { Chart } from '../gen/chart';
import { ICD, SCT, ptCourse, PT_FAILED } from '../gen/clinical';
import type { Side } from '../gen/systems';

export interface Block {
  date: string;
  levels: string[];
  side: Side;
  anaesthetic: string;
  pre: number;
  post: number;
  relief: number;
  hours: number;
  fn: string;
}

/** A diagnostic medial branch block with the pre/post scores and function the Facet LCD asks for (FJ-SCALES). */
export function mbb(c: Chart, b: Block): string {
  const enc = c.encounter({ date: b.date, type: 'procedure', reason: 'Diagnostic medial branch block' });
  // One Procedure per session; its bodySite lists every joint level blocked.
  const p = c.procedure({
    code: '64493',
    display: `${b.side === 'bilateral' ? 'Bilateral' : b.side === 'left' ? 'Left' : 'Right'} ${b.levels.join(' and ')} medial branch block`,
    date: b.date,
    levels: b.levels,
    side: b.side,
    encounter: enc.id,
    reasons: [ICD.M47_816],
    note: `Fluoroscopic guidance. ${b.anaesthetic}, 0.5 mL per medial branch. No sedation.`,
  });
  c.pain(b.date, b.pre, { encounter: enc.id });
  c.pain(b.date, b.post, { encounter: enc.id, time: '11:30:00' });
  c.relief(p.id ?? '', b.date, b.relief, [b.hours, 'h']);
  c.limitation(b.date, b.fn, enc.id);
  return p.id ?? '';
}

export function facetHistory(c: Chart, onset: string, ptStart: string): void {
  c.condition({ icd: ICD.I10, snomed: SCT.hypertension, onset: '2010-01-01', recorded: '2016-01-01' });
  c.condition({ icd: ICD.M54_16, onset: '2021-08-01', recorded: '2021-08-20', status: 'resolved', abatement: '2022-01-15' });
  c.medRequest({
    rx: 'meloxicam',
    text: 'meloxicam 15 mg daily',
    start: onset,
    end: ptStart,
    status: 'stopped',
    reason: 'inadequate relief',
  });
  ptCourse(c, ptStart, 8, 2, 'Chronic axial low back pain', PT_FAILED);
  c.medStatement({
    rx: 'acetaminophen',
    text: 'acetaminophen 1000 mg up to three times daily',
    start: onset,
    status: 'active',
    note: 'Takes most days, modest benefit.',
  });
}

export const FACET_EXAM =
  'Exam: paraspinal tenderness over the lower lumbar facets, pain with extension and extension-rotation bilaterally. Straight leg raise negative bilaterally. Strength 5/5, sensation intact, reflexes symmetric. No radicular signs.';
