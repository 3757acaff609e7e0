// The ICD-10-CM codes a note's own assessment names ("A/P: lumbar spondylosis (M47.816)"): a fix should suggest the
// code the physician already chose, not a generic successor. Only codes the versioned table knows and that are valid
// on the date of service are offered; the note span is the evidence.
import type { ClinicalPicture, Evidence } from '../picture';
import { codeProblem, icd10Info, normalizeIcd10 } from '../icd10';
import { dayOf } from '../dates';

export interface NoteCode {
  code: string;
  label: string;
  evidence: Evidence;
}

// Dotted codes only: undotted letter+digits ("L5", "C7", "S1") are spinal levels in these notes, not diagnoses.
const CODE = /\b([A-TV-Z][0-9][0-9AB]\.[0-9A-TV-Z]{1,4})\b/g;
const ASSESSMENT = /\b(?:A\/P|assessment|impression|diagnos[ie]s)\b/i;

/** Codes the notes (dated on or before the date of service) name, the latest note first, assessment lines first. */
export function noteNamedCodes(picture: ClinicalPicture, dos: string): NoteCode[] {
  const notes = picture.notes
    .filter((n) => !(n.date && dayOf(n.date) > dos))
    .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : 0));
  const inAssessment: NoteCode[] = [];
  const elsewhere: NoteCode[] = [];
  const seen = new Set<string>();
  for (const n of notes) {
    for (const m of n.text.matchAll(CODE)) {
      const code = normalizeIcd10(m[1]!);
      const info = icd10Info(code);
      if (!info || seen.has(code) || codeProblem(code, dos)) continue;
      seen.add(code);
      const at = m.index;
      const lineStart = n.text.lastIndexOf('\n', at) + 1;
      const start = Math.max(lineStart, at - 100);
      const end = Math.min(n.text.length, at + m[1]!.length + 1);
      const line = n.text.slice(lineStart, at);
      const evidence: Evidence = {
        ref: n.ref,
        display: n.title,
        ...(n.date ? { date: n.date } : {}),
        quote: { text: n.text.slice(start, end), start, end },
      };
      (ASSESSMENT.test(line) ? inAssessment : elsewhere).push({ code, label: info.label, evidence });
    }
  }
  return [...inAssessment, ...elsewhere];
}
