// Which facts of the picture support a prior-auth request, grouped the way a payer reads them, each with the X12
// report type that labels it. Evidence from note text is grouped per note into an excerpt document (only the quoted
// spans: a payer gets the minimum necessary, not the whole note).
import type { ClinicalPicture, Evidence, NoteDoc } from '../../policy/picture';
import type { Assessment } from '../../policy/verdicts';
import { REPORT_TYPE, type ReportType } from './systems';
import { refKey } from './assemble';

export interface SupportRef {
  key: string;
  display: string;
  reportType: ReportType;
  /** What this item shows, for the documentInformation description. */
  about: string;
}

export interface NoteExcerpts {
  noteRef: string;
  note?: NoteDoc;
  quotes: { text: string; start: number; end: number; about: string }[];
}

export interface SupportPlan {
  refs: SupportRef[];
  excerpts: NoteExcerpts[];
}

interface Group {
  about: string;
  reportType: ReportType;
  evidence: Evidence[];
}

function groups(picture: ClinicalPicture, assessment: Assessment): Group[] {
  const conservativeIsTherapy = (k: string): boolean => k === 'physical-therapy' || k === 'home-exercise' || k === 'chiropractic';
  return [
    { about: 'Diagnosis', reportType: REPORT_TYPE.medicalRecord, evidence: picture.diagnoses.flatMap((d) => d.evidence) },
    { about: 'Pain score', reportType: REPORT_TYPE.medicalRecord, evidence: picture.painScores.flatMap((p) => p.evidence) },
    { about: 'Pain duration', reportType: REPORT_TYPE.physicianReport, evidence: picture.painDuration.flatMap((p) => p.evidence) },
    { about: 'Functional status', reportType: REPORT_TYPE.medicalRecord, evidence: picture.functionalStatus.flatMap((f) => f.evidence) },
    {
      about: 'Conservative care (therapy)',
      reportType: REPORT_TYPE.physicalTherapy,
      evidence: picture.conservativeCare.filter((c) => conservativeIsTherapy(c.kind)).flatMap((c) => c.evidence),
    },
    {
      about: 'Conservative care (medication and other)',
      reportType: REPORT_TYPE.medicalRecord,
      evidence: picture.conservativeCare.filter((c) => !conservativeIsTherapy(c.kind)).flatMap((c) => c.evidence),
    },
    {
      about: 'Prior procedure and response',
      reportType: REPORT_TYPE.operativeNote,
      evidence: picture.procedureHistory.flatMap((p) => [...p.evidence, ...p.relief.flatMap((r) => r.evidence)]),
    },
    { about: 'Imaging', reportType: REPORT_TYPE.radiology, evidence: picture.imaging.flatMap((i) => i.evidence) },
    { about: 'Symptoms and examination', reportType: REPORT_TYPE.physicianReport, evidence: picture.symptoms.flatMap((s) => s.evidence) },
    { about: 'Levels and laterality', reportType: REPORT_TYPE.physicianReport, evidence: picture.siteMentions.flatMap((s) => s.evidence) },
    { about: 'Policy criterion evidence', reportType: REPORT_TYPE.physicianReport, evidence: assessment.findings.flatMap((f) => f.evidence) },
  ];
}

/** Resource types the Claim already points at through other elements: not repeated as supporting information. */
const NOT_SUPPORT = new Set(['Patient', 'Coverage', 'Organization', 'Practitioner', 'PractitionerRole', 'Encounter']);

export function planSupport(picture: ClinicalPicture, assessment: Assessment, serviceRequestRef?: string): SupportPlan {
  const refs = new Map<string, SupportRef>();
  const excerpts = new Map<string, NoteExcerpts>();
  const notes = new Map(picture.notes.map((n) => [refKey(n.ref) ?? n.ref, n]));
  const requestKey = serviceRequestRef ? refKey(serviceRequestRef) : undefined;

  for (const g of groups(picture, assessment)) {
    for (const e of g.evidence) {
      const key = refKey(e.ref);
      if (!key || key === requestKey) continue;
      const type = key.split('/')[0] ?? '';
      if (NOT_SUPPORT.has(type)) continue;
      const note = notes.get(key);
      if (type === 'DocumentReference' && (e.quote || note)) {
        const x = excerpts.get(key) ?? { noteRef: key, ...(note ? { note } : {}), quotes: [] };
        if (e.quote && !x.quotes.some((q) => q.start === e.quote?.start && q.end === e.quote?.end)) {
          x.quotes.push({ ...e.quote, about: g.about });
        }
        excerpts.set(key, x);
        continue;
      }
      if (!refs.has(key)) refs.set(key, { key, display: e.display, reportType: g.reportType, about: g.about });
    }
  }
  for (const x of excerpts.values()) x.quotes.sort((a, b) => a.start - b.start);
  return { refs: [...refs.values()], excerpts: [...excerpts.values()] };
}
