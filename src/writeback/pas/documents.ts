// The DocumentReferences the packet itself produces: note excerpts, the completeness assessment and the packet PDF.
// PAS DocumentReference requires the content inline (attachment.data, no url), so each carries its own base64 text.
import type { DocumentReference, Reference } from 'fhir/r4';
import type { Assessment } from '../../policy/verdicts';
import type { NoteExcerpts } from './supporting';
import { stableHash, utf8ToBase64 } from './ids';
import { evidenceDigest } from '../pdf/summary';
import { PAS, SYSTEMS } from './systems';

function docRef(
  id: string,
  typeCode: string,
  typeText: string,
  subject: Reference,
  now: string,
  description: string,
  attachment: { contentType: string; data: string; title: string },
): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id,
    meta: { profile: [PAS.documentReferenceProfile] },
    status: 'current',
    type: { coding: [{ system: SYSTEMS.localDocType, code: typeCode, display: typeText }], text: typeText },
    category: [{ coding: [{ system: SYSTEMS.usCoreDocCategory, code: 'clinical-note', display: 'Clinical Note' }] }],
    subject,
    date: now,
    description,
    content: [{ attachment: { ...attachment, creation: now } }],
  };
}

export function excerptText(x: NoteExcerpts): string {
  const head = x.note
    ? `Excerpts from "${x.note.title}"${x.note.date ? ` (${x.note.date.slice(0, 10)})` : ''}, source ${x.noteRef}`
    : `Excerpts from ${x.noteRef}`;
  const body = x.quotes.length
    ? x.quotes.map((q) => `[${q.about}; characters ${q.start}-${q.end}] "${q.text}"`)
    : ['(The note is cited as a whole; no span was marked.)'];
  return [head, '', ...body].join('\n');
}

export function excerptDocument(x: NoteExcerpts, subject: Reference, now: string): DocumentReference {
  return docRef(
    `excerpts-${stableHash([x.noteRef]).slice(0, 24)}`,
    'note-excerpts',
    'Clinical note excerpts',
    subject,
    now,
    x.note ? `Excerpts from ${x.note.title}` : `Excerpts from ${x.noteRef}`,
    { contentType: 'text/plain; charset=utf-8', data: utf8ToBase64(excerptText(x)), title: 'Note excerpts' },
  );
}

export function assessmentText(a: Assessment): string {
  const lines = [
    `Documentation completeness for ${a.service.code} under ${a.policy.title} (${a.policy.citation.document}, ${a.policy.citation.section})`,
    `Payer: ${a.payer.name}${a.payer.fellBackToBaseline ? ' (not recognised; Medicare baseline applied)' : ''}`,
    `Verdict: ${a.verdict}`,
    '',
  ];
  for (const f of a.findings) {
    const unverified = f.citation.verified ? '' : ' [threshold not confirmed against the source; advisory]';
    lines.push(`- [${f.status}] ${f.message} (${f.citation.document}, ${f.citation.section})${unverified}`);
    const { shown, more } = evidenceDigest(f.evidence, 12);
    for (const e of shown) lines.push(`    evidence: ${e.display}${e.date ? `, ${e.date.slice(0, 10)}` : ''}`);
    if (more) lines.push(`    evidence: and ${more} more (each is attached to this request as supporting information)`);
  }
  return lines.join('\n');
}

export function assessmentDocument(a: Assessment, claimKey: string, subject: Reference, now: string): DocumentReference {
  return docRef(
    `assessment-${stableHash([claimKey, 'assessment']).slice(0, 24)}`,
    'pa-completeness',
    'Prior-auth documentation completeness assessment',
    subject,
    now,
    `Completeness against ${a.policy.title}: ${a.verdict}`,
    { contentType: 'text/plain; charset=utf-8', data: utf8ToBase64(assessmentText(a)), title: 'Completeness assessment' },
  );
}

export function pdfDocument(pdf: { base64: string; title: string }, claimKey: string, subject: Reference, now: string): DocumentReference {
  return docRef(
    `packet-pdf-${stableHash([claimKey, 'pdf']).slice(0, 24)}`,
    'pa-packet',
    'Prior-auth packet (readable summary)',
    subject,
    now,
    pdf.title,
    { contentType: 'application/pdf', data: pdf.base64, title: pdf.title },
  );
}
