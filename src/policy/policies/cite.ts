// One way to write a citation: the grade says what was read, and only a read text (P, S1) may decide a verdict.
import type { Citation, SourceGrade } from '../verdicts';

export interface CiteInput {
  ruleId: string;
  document: string;
  version?: string;
  section: string;
  grade: SourceGrade;
  note?: string;
}

export function decides(grade: SourceGrade): boolean {
  return grade === 'P' || grade === 'S1';
}

export function cite(c: CiteInput): Citation {
  const out: Citation = { ruleId: c.ruleId, document: c.document, section: c.section, grade: c.grade, verified: decides(c.grade) };
  if (c.version !== undefined) out.version = c.version;
  if (c.note !== undefined) out.note = c.note;
  return out;
}

/** A citation builder for one document and version. */
export function citer(document: string, version?: string) {
  return (ruleId: string, section: string, grade: SourceGrade, note?: string): Citation =>
    cite({ ruleId, document, section, grade, ...(version !== undefined ? { version } : {}), ...(note !== undefined ? { note } : {}) });
}
