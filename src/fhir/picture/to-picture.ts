// FHIR resources -> ClinicalPicture (coded facts only). Note narrative is turned into facts by ./notes; this file
// only lists the note texts (noteSources) for it. Never throws on bad data: bad resources become DataIssues.
import { emptyPicture, type ClinicalPicture, type DataIssue } from '../../policy/picture';
import type { RawRecord } from '../read/read';
import { CompositionSchema, DocumentReferenceSchema, DiagnosticReportSchema, NarrativeHolderSchema } from './schemas';
import { parseResources } from './parse';
import { textOf } from './codes';
import { patientFact } from './patient';
import { encounterFacts } from './encounters';
import { billingPayer, coverageFacts, payerIssue } from './coverages';
import { conditionPainDurations, diagnosisFacts } from './diagnoses';
import { procedureFacts } from './procedures';
import { isReliefObservation, reliefFact, type ObservedRelief } from './relief';
import { plannedServices } from './planned';
import { applyServiceLocations } from './location';
import { functionalFacts, painScoreFacts } from './observations';
import { medicationFacts, ptCourses } from './conservative';
import { imagingFacts } from './imaging';

export interface PictureContext {
  patientId: string;
  encounterId?: string;
  serviceRequestIds: string[];
  /** YYYY-MM-DD; decides whether a PT course is still ongoing. */
  today: string;
}

export function toPicture(record: RawRecord, ctx: PictureContext): ClinicalPicture {
  const picture = emptyPicture(ctx.patientId);
  const { parsed, issues } = parseResources(record.resources, { patientId: ctx.patientId });
  const dataIssues: DataIssue[] = [...record.issues, ...issues];

  const patient = parsed.Patient.find((p) => p.id === ctx.patientId) ?? parsed.Patient[0];
  picture.patient = patientFact(ctx.patientId, patient);

  picture.encounters = encounterFacts(parsed.Encounter, ctx.encounterId ? { id: ctx.encounterId, today: ctx.today } : undefined);
  if (ctx.encounterId) {
    const enc = picture.encounters.find((e) => e.id === ctx.encounterId);
    if (enc) picture.encounter = enc;
    else
      dataIssues.push({
        resourceType: 'Encounter',
        id: ctx.encounterId,
        severity: 'warning',
        message: 'The encounter in the launch context was not found in the record.',
      });
  }

  picture.coverages = coverageFacts(parsed.Coverage, parsed.Organization);
  if (picture.coverages.length === 0) {
    const billed = billingPayer(parsed.Claim, parsed.ExplanationOfBenefit, parsed.Organization);
    if (billed) picture.coverages = [billed];
  }
  const payer = payerIssue(picture.coverages, parsed.Claim.length, parsed.ExplanationOfBenefit.length);
  if (payer && (picture.coverages.length > 0 || parsed.Claim.length + parsed.ExplanationOfBenefit.length > 0)) dataIssues.push(payer);
  picture.diagnoses = diagnosisFacts(parsed.Condition, dataIssues);
  picture.painDuration = conditionPainDurations(picture.diagnoses, parsed.Condition, ctx.today);

  const relief = parsed.Observation.filter(isReliefObservation)
    .map(reliefFact)
    .filter((r): r is ObservedRelief => r !== undefined);
  picture.procedureHistory = procedureFacts(parsed.Procedure, relief);

  picture.plannedServices = plannedServices(parsed.ServiceRequest, parsed.Condition, ctx.serviceRequestIds, dataIssues);
  const locationsRead = applyServiceLocations(picture.plannedServices, record.resources, ctx.encounterId);
  for (const raw of record.resources.Location ?? []) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && locationsRead.has(id)) continue;
    dataIssues.push({
      resourceType: 'Location',
      ...(typeof id === 'string' ? { id } : {}),
      severity: 'warning',
      message:
        "Location not read: no planned service's order or encounter names it (the rendering state and setting come from the Location they name).",
    });
  }
  for (const id of ctx.serviceRequestIds) {
    if (!picture.plannedServices.some((p) => p.requestRef === `ServiceRequest/${id}`)) {
      dataIssues.push({
        resourceType: 'ServiceRequest',
        id,
        severity: 'warning',
        message: 'The order in the launch context could not be used (missing, closed or without a CPT/HCPCS code).',
      });
    }
  }

  picture.painScores = painScoreFacts(parsed.Observation, dataIssues);
  picture.functionalStatus = functionalFacts(parsed.Observation);
  picture.conservativeCare = [
    ...ptCourses(parsed.Procedure, parsed.Encounter, ctx.today, parsed.CarePlan),
    ...medicationFacts([...parsed.MedicationRequest, ...parsed.MedicationStatement]),
  ];
  picture.imaging = imagingFacts(parsed.DiagnosticReport, parsed.Procedure);
  picture.dataIssues = dataIssues;
  return picture;
}

/** The attachment text as stored (plain text or HTML); the notes engine extracts plain text from it. */
export type { NoteSource } from '../notes/text';
import type { NoteSource } from '../notes/text';

/** Every note attachment with its resource ref ("DocumentReference/abc"), title and date; by date then ref. */
/** Composition narratives (the sections' XHTML, each under its title) as note text. */
function narrativeSources(record: RawRecord): NoteSource[] {
  const out: NoteSource[] = [];
  for (const raw of record.resources.Composition ?? []) {
    const c = CompositionSchema.safeParse(raw);
    if (!c.success || c.data.status === 'entered-in-error') continue;
    const parts = (c.data.section ?? [])
      .filter((s) => s.text)
      .map((s) => `${s.title ? `<h2>${escapeXml(s.title)}</h2>` : ''}<div>${s.text!.div}</div>`);
    const xhtml = parts.length > 0 ? parts.join('\n') : c.data.text?.div;
    if (!xhtml) continue;
    out.push({
      ref: `Composition/${c.data.id}`,
      title: c.data.title ?? (textOf(c.data.type) || 'Clinical document'),
      contentType: 'application/xhtml+xml',
      raw: xhtml,
      ...(c.data.date ? { date: c.data.date } : {}),
    });
  }
  return out;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function noteSources(record: RawRecord): NoteSource[] {
  const meta = new Map<string, { title: string; date?: string }>();
  for (const raw of record.resources.DocumentReference ?? []) {
    const d = DocumentReferenceSchema.safeParse(raw);
    if (!d.success) continue;
    const date = d.data.date ?? d.data.context?.period?.start ?? d.data.content?.[0]?.attachment.creation;
    meta.set(`DocumentReference/${d.data.id}`, {
      title: d.data.description ?? d.data.content?.[0]?.attachment.title ?? (textOf(d.data.type) || 'Note'),
      ...(date ? { date } : {}),
    });
  }
  for (const raw of record.resources.DiagnosticReport ?? []) {
    const r = DiagnosticReportSchema.safeParse(raw);
    if (!r.success) continue;
    const date = r.data.effectiveDateTime ?? r.data.effectivePeriod?.start ?? r.data.issued;
    meta.set(`DiagnosticReport/${r.data.id}`, { title: textOf(r.data.code) || 'Report', ...(date ? { date } : {}) });
  }
  const out: NoteSource[] = narrativeSources(record);
  const withAttachments = new Set([...record.attachments.keys()].map((k) => k.split('#')[0]!));
  for (const raw of record.resources.DiagnosticReport ?? []) {
    // A report's narrative stands in for its text only when it has no attached form.
    const r = NarrativeHolderSchema.safeParse(raw);
    const ref = r.success ? `DiagnosticReport/${r.data.id}` : '';
    const m = meta.get(ref);
    if (r.success && m && r.data.text && !withAttachments.has(ref)) {
      out.push({ ref, title: m.title, contentType: 'application/xhtml+xml', raw: r.data.text.div, ...(m.date ? { date: m.date } : {}) });
    }
  }
  for (const [key, att] of record.attachments) {
    const ref = key.split('#')[0]!;
    const m = meta.get(ref);
    if (!m) continue; // the resource itself failed validation: its issue is already reported
    const src: NoteSource = { ref, title: m.title, contentType: att.contentType, raw: att.text };
    if (m.date) src.date = m.date;
    out.push(src);
  }
  return out.sort((a, b) => {
    const da = a.date ?? '\uffff';
    const db = b.date ?? '\uffff';
    if (da !== db) return da < db ? -1 : 1;
    return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
  });
}
