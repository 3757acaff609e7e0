// The DocumentReferences a packet carries: the medical-necessity summary (the PDF the ordering clinician attests),
// the chart's own notes, and imaging reports. PAS allows a DiagnosticReport only as a lab report, so an imaging
// report travels as a PAS DocumentReference holding the report's own words. PAS DocumentReference requires the
// content inline (attachment.data, no url) and a LOINC document type from the US Core value set.
import type { Attachment, DiagnosticReport, DocumentReference, Reference } from 'fhir/r4';
import type { NoteDoc } from '../../policy/picture';
import { stableHash, utf8ToBase64 } from './ids';
import { DOC_TYPE, PAS, SYSTEMS, type DocType } from './systems';

const LOINC_DOC = /^\d{4,6}-\d$/;

function docRef(
  id: string,
  type: DocType,
  subject: Reference,
  date: string,
  description: string,
  attachment: Attachment,
  typeText?: string,
): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id,
    meta: { profile: [PAS.documentReferenceProfile] },
    status: 'current',
    type: { coding: [{ system: SYSTEMS.loinc, code: type.code, display: type.display }], text: typeText ?? type.display },
    category: [{ coding: [{ system: SYSTEMS.usCoreDocCategory, code: 'clinical-note', display: 'Clinical Note' }] }],
    subject,
    date,
    description,
    content: [{ attachment }],
  };
}

export function pdfDocument(pdf: { base64: string; title: string }, claimKey: string, subject: Reference, now: string): DocumentReference {
  return docRef(
    `packet-pdf-${stableHash([claimKey, 'pdf']).slice(0, 24)}`,
    DOC_TYPE.summary,
    subject,
    now,
    `${pdf.title}: medical-necessity summary for the ordering clinician's attestation`,
    { contentType: 'application/pdf', data: pdf.base64, title: pdf.title, creation: now },
    'Medical necessity summary',
  );
}

/** A LOINC document type for a chart note: its own LOINC coding when it has one, else by its title. */
export function noteDocType(title: string, codings: readonly { system?: string; code?: string }[] = []): DocType {
  const own = codings.find((c) => c.system === SYSTEMS.loinc && c.code && LOINC_DOC.test(c.code));
  const known = own ? Object.values(DOC_TYPE).find((d) => d.code === own.code) : undefined;
  if (known) return known;
  if (own?.code) return { code: own.code, display: title };
  const t = title.toLowerCase();
  if (/physical therap|\bpt\b/.test(t)) return DOC_TYPE.physicalTherapy;
  if (/procedure|operative|injection|block|ablation/.test(t)) return DOC_TYPE.procedureNote;
  if (/consult/.test(t)) return DOC_TYPE.consultNote;
  if (/mri|ct |x-ray|radiograph|imaging/.test(t)) return DOC_TYPE.imaging;
  return DOC_TYPE.progressNote;
}

/**
 * A chart note as a PAS DocumentReference: the EHR's own id, type and date, with the text ClaimReady read from it
 * inline (the EHR may serve it through a Binary url, which PAS does not allow).
 */
export function noteDocument(note: NoteDoc, raw: DocumentReference | undefined, subject: Reference): DocumentReference {
  const id = note.ref.split('/').pop() ?? stableHash([note.ref]).slice(0, 24);
  const type = noteDocType(note.title, raw?.type?.coding ?? []);
  const date = raw?.date ?? note.date ?? '';
  const doc = docRef(
    id,
    type,
    subject,
    date,
    note.title,
    {
      contentType: 'text/plain; charset=utf-8',
      data: utf8ToBase64(note.text),
      title: note.title,
      ...(note.date ? { creation: note.date } : {}),
    },
    raw?.type?.text ?? note.title,
  );
  if (!date) delete doc.date;
  return doc;
}

/** An imaging DiagnosticReport as a PAS DocumentReference: its presented form when inline, else its conclusion. */
export function imagingDocument(dr: DiagnosticReport, subject: Reference): DocumentReference | undefined {
  const inline = (dr.presentedForm ?? []).find((a) => typeof a.data === 'string' && a.data.length > 0);
  const title = dr.code.text ?? dr.code.coding?.[0]?.display ?? 'Imaging report';
  const when = dr.effectiveDateTime ?? dr.effectivePeriod?.start ?? dr.issued;
  const text = [title, when ? `Date: ${when.slice(0, 10)}` : '', dr.conclusion ? `Impression: ${dr.conclusion}` : '']
    .filter(Boolean)
    .join('\n');
  if (!inline && !dr.conclusion) return undefined;
  const attachment: Attachment = inline
    ? { contentType: inline.contentType ?? 'application/octet-stream', data: inline.data, title: inline.title ?? title }
    : { contentType: 'text/plain; charset=utf-8', data: utf8ToBase64(text), title };
  const doc = docRef(
    `imaging-${dr.id ?? stableHash([title, when ?? '']).slice(0, 24)}`,
    DOC_TYPE.imaging,
    subject,
    dr.issued ?? when ?? '',
    `${title} (report from DiagnosticReport/${dr.id ?? ''})`,
    attachment,
    title,
  );
  if (!doc.date) delete doc.date;
  return doc;
}
