// What a prior-auth request sends as supporting information: the evidence for this request, not the chart. The
// order's diagnoses and the ones the coder chose as supporting; the region's prior interventional procedures and
// their measured response; the concordant imaging; the conservative care tried; the current pain and function
// scores; the latest note with criterion evidence. At most MAX_ATTACHMENTS - 1 items (one slot is the summary PDF),
// in that order of weight; anything the selection leaves out is listed with why, never dropped silently. Only
// resource types the PAS Claim's AdditionalInformation slice admits are sent as themselves.
import type { ClinicalPicture, Evidence, NoteDoc, PlannedService } from '../../policy/picture';
import type { Assessment } from '../../policy/verdicts';
import { regionGroupOf, serviceDef } from '../../policy/services';
import { refKey } from './assemble';
import { MAX_ATTACHMENTS, REPORT_TYPE, type ReportType } from './systems';

export type SupportItem =
  | { kind: 'resource'; key: string; display: string; reportType: ReportType; about: string }
  | { kind: 'note'; key: string; note: NoteDoc; reportType: ReportType; about: string }
  | { kind: 'imaging'; key: string; display: string; reportType: ReportType; about: string };

export interface SupportPlan {
  items: SupportItem[];
  /** Evidence considered and not sent, with the reason (the PDF still states the facts). */
  left: { key: string; why: string }[];
}

/** Types PASClaim.supportingInfo:AdditionalInformation.value[x] may reference (besides DocumentReference). */
const SENDABLE = new Set([
  'Condition',
  'Procedure',
  'Observation',
  'MedicationRequest',
  'AllergyIntolerance',
  'Immunization',
  'QuestionnaireResponse',
  'ServiceRequest',
]);

const byDateDesc =
  <T>(date: (t: T) => string | undefined) =>
  (a: T, b: T): number =>
    (date(b) ?? '').localeCompare(date(a) ?? '');

function keysOf(evidence: readonly Evidence[]): string[] {
  return [...new Set(evidence.map((e) => refKey(e.ref)).filter((k): k is string => !!k))];
}

export function planSupport(
  picture: ClinicalPicture,
  assessment: Assessment,
  dxCodes: ReadonlySet<string>,
  service: PlannedService,
): SupportPlan {
  const items: SupportItem[] = [];
  const left: SupportPlan['left'] = [];
  const taken = new Set<string>();
  const requestKey = service.requestRef ? refKey(service.requestRef) : undefined;
  const notes = new Map(picture.notes.map((n) => [refKey(n.ref) ?? n.ref, n]));
  const group = regionGroupOf(service.region);
  const sameRegion = (region: string | undefined): boolean => !service.region || !region || regionGroupOf(region as never) === group;

  const offer = (key: string | undefined, display: string, reportType: ReportType, about: string): boolean => {
    if (!key || taken.has(key) || key === requestKey) return false;
    const type = key.split('/')[0] ?? '';
    const note = notes.get(key);
    let item: SupportItem | undefined;
    if (type === 'DocumentReference' && note) item = { kind: 'note', key, note, reportType, about };
    else if (type === 'DiagnosticReport') item = { kind: 'imaging', key, display, reportType, about };
    else if (SENDABLE.has(type)) item = { kind: 'resource', key, display, reportType, about };
    if (!item) {
      left.push({ key, why: `${type} is not a type PAS accepts as supporting information; stated in the summary` });
      taken.add(key);
      return false;
    }
    taken.add(key);
    items.push(item);
    return true;
  };

  // 1. The request's diagnoses (request-dx.ts).
  const dx = picture.diagnoses.filter(
    (d) => d.icd10 && dxCodes.has(d.icd10) && d.clinicalStatus !== 'resolved' && d.clinicalStatus !== 'inactive',
  );
  for (const d of dx.slice(0, 2))
    for (const k of keysOf(d.evidence).slice(0, 1)) offer(k, d.display, REPORT_TYPE.medicalRecord, `Diagnosis ${d.icd10 ?? ''}`);

  // 2. Concordant imaging: same region as the request, most recent first.
  const imaging = picture.imaging.filter((i) => sameRegion(i.region)).sort(byDateDesc((i) => i.date));
  for (const i of imaging.slice(0, 1))
    for (const k of keysOf(i.evidence).slice(0, 1))
      offer(k, `${i.modality} ${i.date?.slice(0, 10) ?? ''}`, REPORT_TYPE.radiology, `Imaging: ${i.modality}`);

  // 3. Prior interventional procedures in the region, with their measured response.
  const prior = picture.procedureHistory
    .filter((p) => serviceDef(p.code) !== undefined && p.status === 'completed' && sameRegion(p.region))
    .sort(byDateDesc((p) => p.date));
  for (const p of prior.slice(0, 2)) {
    const label = serviceDef(p.code)?.label ?? p.display;
    for (const k of keysOf(p.evidence).slice(0, 1))
      offer(k, `${label} ${p.date.slice(0, 10)}`, REPORT_TYPE.operativeNote, 'Prior procedure');
    for (const r of p.relief.slice(0, 1))
      for (const k of keysOf(r.evidence).slice(0, 1))
        offer(k, `${r.percent}% relief`, REPORT_TYPE.medicalRecord, 'Response to prior procedure');
  }

  // 4. Conservative care: the latest therapy course and the latest failed medication.
  const care = [...picture.conservativeCare].sort(byDateDesc((c) => c.end ?? c.start ?? c.recorded));
  const therapy = care.find((c) => c.kind === 'physical-therapy' || c.kind === 'home-exercise' || c.kind === 'chiropractic');
  const medication = care.find(
    (c) =>
      ['nsaid', 'analgesic', 'muscle-relaxant', 'neuropathic-agent', 'opioid'].includes(c.kind) &&
      keysOf(c.evidence).some((k) => k.startsWith('MedicationRequest/')),
  );
  if (therapy)
    for (const k of keysOf(therapy.evidence).slice(0, 1))
      offer(k, therapy.description, REPORT_TYPE.physicalTherapy, 'Conservative care: therapy');
  if (medication)
    for (const k of keysOf(medication.evidence)
      .filter((x) => x.startsWith('MedicationRequest/'))
      .slice(0, 1))
      offer(k, medication.description, REPORT_TYPE.medicalRecord, 'Conservative care: medication');

  // 5. The latest note carrying evidence for the payer's criteria.
  const latestOf = (keys: string[]): NoteDoc | undefined =>
    [...new Set(keys.filter((k) => notes.has(k)))].map((k) => notes.get(k) as NoteDoc).sort(byDateDesc((n) => n.date))[0];
  const factEvidence = [
    ...picture.painDuration,
    ...picture.symptoms,
    ...picture.functionalStatus,
    ...picture.conservativeCare,
    ...picture.siteMentions,
  ].flatMap((f) => f.evidence);
  // The criteria's own note first; else the latest note any fact of the request cites.
  const latestNote = latestOf(assessment.findings.flatMap((f) => keysOf(f.evidence))) ?? latestOf(keysOf(factEvidence));
  if (latestNote) offer(refKey(latestNote.ref) ?? latestNote.ref, latestNote.title, REPORT_TYPE.physicianReport, 'Visit note');

  // 6. The current pain and function scores (the trend is in the summary).
  const pain = [...picture.painScores].sort(byDateDesc((p) => p.date))[0];
  if (pain)
    for (const k of keysOf(pain.evidence)
      .filter((x) => x.startsWith('Observation/'))
      .slice(0, 1))
      offer(k, `Pain ${pain.value}/10`, REPORT_TYPE.medicalRecord, 'Current pain score');
  const fn = [...picture.functionalStatus].filter((f) => f.score !== undefined).sort(byDateDesc((f) => f.date))[0];
  if (fn)
    for (const k of keysOf(fn.evidence)
      .filter((x) => x.startsWith('Observation/'))
      .slice(0, 1))
      offer(k, `${fn.instrument ?? 'Function'} ${fn.score ?? ''}`, REPORT_TYPE.medicalRecord, 'Current function score');

  const limit = MAX_ATTACHMENTS - 1;
  for (const x of items.slice(limit))
    left.push({ key: x.key, why: `over the X12 278 limit of ${MAX_ATTACHMENTS} attachments; stated in the summary` });
  return { items: items.slice(0, limit), left };
}
