// The CLI pipeline for one patient: the same read -> picture -> assess -> coding path the app runs.
import type { ClinicalPicture, PlannedService } from '../policy/index';
import type { Assessment, CodingSuggestion } from '../policy/index';
import { checkService } from '../workflow/index';
import { serviceKind } from '../policy/index';
import { readPatientRecord } from '../fhir/index';
import type { FhirReader } from '../fhir/index';
import { buildPicture } from '../fhir/index';

export interface CheckOptions {
  today: string;
  service?: string;
  payer?: string;
}

export interface CheckResult {
  patient: string;
  picture: ClinicalPicture;
  assessment: Assessment;
  coding: CodingSuggestion;
}

function servicesFor(picture: ClinicalPicture, code: string | undefined): PlannedService[] {
  const planned = picture.plannedServices;
  if (!code) return planned;
  const matching = planned.filter((s) => s.code === code);
  if (matching.length > 0) return matching;
  return [{ code, kind: serviceKind(code), levels: [], reasonIcd10: [], source: 'coded', evidence: [{ ref: 'ClaimReady/cli', display: '--service given on the command line' }] }];
}

export async function checkPatient(reader: FhirReader, patientId: string, opts: CheckOptions): Promise<CheckResult[]> {
  const record = await readPatientRecord(reader, patientId);
  const picture = buildPicture(record, { patientId, serviceRequestIds: [], today: opts.today });
  return servicesFor(picture, opts.service).map((service) => {
    const { assessment, coding } = checkService(picture, service, { today: opts.today, ...(opts.payer ? { payerId: opts.payer } : {}) });
    return { patient: patientId, picture, assessment, coding };
  });
}

/** The documented --json shape (issue 3 and 4). */
export function toJson(results: CheckResult[]) {
  return {
    results: results.map((r) => ({
      patient: r.patient,
      service: r.assessment.service.code,
      serviceRequest: r.assessment.service.requestRef,
      payer: r.assessment.payer.id,
      verdict: r.assessment.verdict,
      findings: r.assessment.findings.map((f) => ({
        requirement: f.requirementId,
        category: f.category,
        status: f.status,
        severity: f.severity,
        message: f.message,
        fix: f.fix,
        evidence: f.evidence,
        citation: f.citation,
      })),
      coding: {
        lines: r.coding.lines.map((l) => ({
          code: l.code,
          modifiers: l.modifiers,
          units: l.units,
          diagnoses: l.diagnosisPointers.map((p) => r.coding.diagnoses[p - 1]?.code).filter((c): c is string => !!c),
        })),
        edits: r.coding.edits.map((e) => ({ kind: e.kind, severity: e.severity, message: e.message })),
      },
      dataIssues: r.picture.dataIssues.length,
    })),
  };
}

export function toTable(results: CheckResult[]): string {
  const rows = results.map((r) => {
    const blocking = r.assessment.findings.filter((f) => f.severity === 'blocker' && (f.status === 'missing' || f.status === 'not-met'));
    const lines = r.coding.lines.map((l) => `${l.code}${l.modifiers.length ? '-' + l.modifiers.join('-') : ''}x${l.units}`).join(' ');
    return [r.patient, r.assessment.service.code, r.assessment.payer.id, r.assessment.verdict, lines, blocking.map((f) => f.requirementId).join(', ') || '-'];
  });
  const head = ['patient', 'service', 'payer', 'verdict', 'coding', 'blocking'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}
