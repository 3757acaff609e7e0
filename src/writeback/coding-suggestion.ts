// The coder's result as FHIR: a draft Claim (use claim) where the EHR accepts Claim creates, and always a plain-text
// DocumentReference summary. Pure. Ids name the slot (patient, visit, date of service), not the content: saving the
// same work twice matches, and saving edited work after a relaunch updates that same draft (version-aware, in
// write.ts) instead of adding a second one that would contradict the first.
import type { CapabilityStatement, Claim, DocumentReference } from 'fhir/r4';
import type { CodingSuggestion } from '../policy/verdicts';
import { ID_BASE, deterministicId, supportsCreate, type WriteItem } from './write';
import { SYS, procedureSystemOf } from '../policy/code-systems';
import { ADMINISTRATIVE_NOTE } from './write-marks';

export interface CodingWriteContext {
  patientId: string;
  encounterId?: string;
  coverageId?: string;
  /** "Organization/123" */
  insurerRef?: string;
  /** "Practitioner/123" */
  providerRef?: string;
  today: string;
  capabilities: CapabilityStatement;
  /** Per line: the coder marked it reviewed (accepted). Carried on the draft so a relaunch continues from it. */
  reviewed?: readonly boolean[];
  /** Who saves the draft ("Practitioner/123" and a name when known): the Claim's enterer, read back as "saved by". */
  entererRef?: string;
  entererName?: string;
  /** The draft Claim's versionId the coder's work started from: the update is If-Match on it (412 if it moved). */
  claimBaseVersion?: string;
}

const ICD10CM = SYS.icd10;
export const CLAIM_ID_SYSTEM = `${ID_BASE}/coding-claim`;
export const SUMMARY_ID_SYSTEM = `${ID_BASE}/coding-summary`;
/** Claim.item extension: the coder reviewed (accepted) this line. */
export const LINE_REVIEWED_URL = 'https://claimready.app/fhir/StructureDefinition/line-reviewed';

/** The draft's slot (patient, visit, date of service): one draft Claim per slot, found again by this value. */
export function codingSlotIds(
  patientId: string,
  encounterId: string | undefined,
  dateOfService: string,
): { claim: string; summary: string } {
  const key = [patientId, encounterId ?? '', dateOfService];
  return { claim: deterministicId(['claim', ...key]), summary: deterministicId(['summary', ...key]) };
}

/** Codes and modifiers: digits CPT, letters HCPCS. */
const systemOf = procedureSystemOf;

function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The summary a coder reads in the chart: codes and reasons only, no names. */
export function codingSummaryText(s: CodingSuggestion): string {
  const out = [`ClaimReady coding suggestion for date of service ${s.dateOfService}`, '', 'Lines:'];
  s.lines.forEach((l, i) => {
    const mods = l.modifiers.length ? `-${l.modifiers.join('-')}` : '';
    out.push(`${i + 1}. ${l.code}${mods} x${l.units}  ${l.label}  (diagnoses ${l.diagnosisPointers.join(', ') || 'none'})`);
    for (const r of l.rationale) out.push(`     - ${r}`);
  });
  out.push('', 'Diagnoses (ICD-10-CM):');
  s.diagnoses.forEach((d, i) =>
    out.push(
      `${i + 1}. ${d.code}  ${d.label}${d.billable ? '' : `  NOT BILLABLE${d.successors?.length ? `: use ${d.successors.join(', ')}` : ''}`}`,
    ),
  );
  out.push('', s.edits.length ? 'Edits:' : 'Edits: none');
  for (const e of s.edits)
    out.push(
      `- [${e.severity}] ${e.kind}: ${e.message}${e.citation ? ` (${e.citation.document}, ${e.citation.section}${e.citation.verified ? '' : ', unverified'})` : ''}`,
    );
  return out.join('\n');
}

function buildClaim(s: CodingSuggestion, ctx: CodingWriteContext, id: string): Claim {
  return {
    resourceType: 'Claim',
    identifier: [{ system: CLAIM_ID_SYSTEM, value: id }],
    status: 'draft',
    use: 'claim',
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
    patient: { reference: `Patient/${ctx.patientId}` },
    created: ctx.today,
    ...(ctx.entererRef && /^(Practitioner|PractitionerRole)\//.test(ctx.entererRef)
      ? { enterer: { reference: ctx.entererRef, ...(ctx.entererName ? { display: ctx.entererName } : {}) } }
      : {}),
    ...(ctx.insurerRef ? { insurer: { reference: ctx.insurerRef } } : {}),
    provider: ctx.providerRef ? { reference: ctx.providerRef } : { display: 'Rendering provider to be set by the coder' },
    priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
    insurance: [
      {
        sequence: 1,
        focal: true,
        coverage: ctx.coverageId ? { reference: `Coverage/${ctx.coverageId}` } : { display: 'Coverage not identified' },
      },
    ],
    diagnosis: s.diagnoses.map((d, i) => ({
      sequence: i + 1,
      diagnosisCodeableConcept: { coding: [{ system: ICD10CM, code: d.code, display: d.label }] },
    })),
    item: s.lines.map((l, i) => ({
      ...(ctx.reviewed?.[i] !== undefined ? { extension: [{ url: LINE_REVIEWED_URL, valueBoolean: ctx.reviewed[i] }] } : {}),
      sequence: i + 1,
      productOrService: { coding: [{ system: systemOf(l.code), code: l.code }], text: l.label },
      ...(l.modifiers.length ? { modifier: l.modifiers.map((m) => ({ coding: [{ system: systemOf(m), code: m }] })) } : {}),
      quantity: { value: l.units },
      diagnosisSequence: l.diagnosisPointers,
      servicedDate: s.dateOfService,
      ...(ctx.encounterId ? { encounter: [{ reference: `Encounter/${ctx.encounterId}` }] } : {}),
    })),
  };
}

function buildSummary(s: CodingSuggestion, ctx: CodingWriteContext, id: string): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    identifier: [{ system: SUMMARY_ID_SYSTEM, value: id }],
    status: 'current',
    docStatus: 'preliminary',
    type: { coding: [{ ...ADMINISTRATIVE_NOTE }], text: 'Coding suggestion summary (ClaimReady)' },
    subject: { reference: `Patient/${ctx.patientId}` },
    description: `Coding suggestion for ${s.dateOfService}`,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          data: utf8ToBase64(codingSummaryText(s)),
          title: `ClaimReady coding ${s.dateOfService}`,
        },
      },
    ],
    ...(ctx.encounterId
      ? { context: { encounter: [{ reference: `Encounter/${ctx.encounterId}` }], period: { start: s.dateOfService } } }
      : { context: { period: { start: s.dateOfService } } }),
  };
}

export function buildCodingWrites(s: CodingSuggestion, ctx: CodingWriteContext): WriteItem[] {
  const slot = codingSlotIds(ctx.patientId, ctx.encounterId, s.dateOfService);
  const items: WriteItem[] = [];
  if (supportsCreate(ctx.capabilities, 'Claim')) {
    const id = slot.claim;
    items.push({
      resource: buildClaim(s, ctx, id),
      ifNoneExist: `identifier=${CLAIM_ID_SYSTEM}|${id}`,
      mode: 'update',
      ...(ctx.claimBaseVersion ? { ifMatch: ctx.claimBaseVersion } : {}),
    });
  }
  const docId = slot.summary;
  items.push({ resource: buildSummary(s, ctx, docId), ifNoneExist: `identifier=${SUMMARY_ID_SYSTEM}|${docId}`, mode: 'update' });
  return items;
}
