// The CLI pipeline for one patient: the same read -> picture -> assess -> coding path the app runs. A patient that
// cannot be assessed (nothing planned, a broken record, an exception anywhere) is reported with the reason; it never
// stops the batch.
import { serviceKind, type Assessment, type ClinicalPicture, type CodingSuggestion, type PlannedService } from '../policy/index';
import { buildPicture, readPatientRecord, type FhirReader, type SavedState } from '../fhir/index';
import { checkService, payerSourceRef } from '../workflow/index';

export interface CheckOptions {
  today: string;
  service?: string | undefined;
  payer?: string | undefined;
}

export interface CheckResult {
  patient: string;
  picture: ClinicalPicture;
  assessment: Assessment;
  coding: CodingSuggestion;
  /** The Coverage the payer was resolved from (none under --payer). */
  payerSource?: string;
  saved?: SavedState;
}

/** A patient the run could not assess, and why. */
export interface Skipped {
  patient: string;
  reason: string;
  dataIssues?: ClinicalPicture['dataIssues'];
}

export interface PatientOutcome {
  results: CheckResult[];
  skipped?: Skipped;
}

function servicesFor(picture: ClinicalPicture, code: string | undefined): PlannedService[] {
  const planned = picture.plannedServices;
  if (!code) return planned;
  const matching = planned.filter((s) => s.code === code);
  if (matching.length > 0) return matching;
  return [
    {
      code,
      kind: serviceKind(code),
      levels: [],
      reasonIcd10: [],
      source: 'coded',
      evidence: [{ ref: 'ClaimReady/cli', display: '--service given on the command line' }],
    },
  ];
}

const messageOf = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export async function assessPatient(reader: FhirReader, patientId: string, opts: CheckOptions): Promise<PatientOutcome> {
  let picture: ClinicalPicture;
  let saved: SavedState | undefined;
  try {
    const record = await readPatientRecord(reader, patientId);
    saved = record.saved;
    if (!(record.resources.Patient ?? []).length)
      return { results: [], skipped: { patient: patientId, reason: 'the Patient resource could not be read', dataIssues: record.issues } };
    picture = buildPicture(record, { patientId, serviceRequestIds: [], today: opts.today });
  } catch (e) {
    return { results: [], skipped: { patient: patientId, reason: `the record could not be read (${messageOf(e)})` } };
  }
  const services = servicesFor(picture, opts.service);
  if (services.length === 0) {
    return {
      results: [],
      skipped: {
        patient: patientId,
        reason: 'nothing to assess: no active order (ServiceRequest) with a CPT/HCPCS code; name one with --service CODE',
        dataIssues: picture.dataIssues,
      },
    };
  }
  const results: CheckResult[] = [];
  const failures: string[] = [];
  const payerSource = payerSourceRef(picture, opts.payer);
  for (const service of services) {
    try {
      const { assessment, coding } = checkService(picture, service, { today: opts.today, ...(opts.payer ? { payerId: opts.payer } : {}) });
      results.push({
        patient: patientId,
        picture,
        assessment,
        coding,
        ...(payerSource ? { payerSource } : {}),
        ...(saved ? { saved } : {}),
      });
    } catch (e) {
      failures.push(`${service.code}: ${messageOf(e)}`);
    }
  }
  if (failures.length === 0) return { results };
  return {
    results,
    skipped: { patient: patientId, reason: `assessment failed for ${failures.join('; ')}`, dataIssues: picture.dataIssues },
  };
}

/** The assessed services only (tests and callers that need no reasons). */
export async function checkPatient(reader: FhirReader, patientId: string, opts: CheckOptions): Promise<CheckResult[]> {
  return (await assessPatient(reader, patientId, opts)).results;
}

export interface RunSummary {
  results: CheckResult[];
  skipped: Skipped[];
  /** Problems found while loading the files (not JSON, not FHIR, duplicates, unlinked resources). */
  loadIssues: string[];
  patients: number;
}

/** The documented --json shape (issues 3, 4, 10): every patient appears, assessed or skipped with its reason. */
export function toJson(run: RunSummary) {
  return {
    patients: run.patients,
    assessed: new Set(run.results.map((r) => r.patient)).size,
    results: run.results.map((r) => ({
      patient: r.patient,
      service: r.assessment.service.code,
      serviceRequest: r.assessment.service.requestRef,
      payer: r.assessment.payer.id,
      payerName: r.assessment.payer.name,
      // Present when the payer was not recognised: whose rules were used instead, said in words.
      ...(r.assessment.payer.fellBackToBaseline ? { payerNote: r.assessment.payer.note } : {}),
      payerSource: r.payerSource,
      verdict: r.assessment.verdict,
      priorAuth: r.assessment.priorAuth,
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
      saved: r.saved,
      dataIssues: r.picture.dataIssues,
    })),
    notAssessed: run.skipped,
    loadIssues: run.loadIssues,
  };
}

export function toTable(run: RunSummary): string {
  const rows = run.results.map((r) => {
    const blocking = r.assessment.findings.filter((f) => f.severity === 'blocker' && (f.status === 'missing' || f.status === 'not-met'));
    const lines = r.coding.lines.map((l) => `${l.code}${l.modifiers.length ? '-' + l.modifiers.join('-') : ''}x${l.units}`).join(' ');
    const pa = r.assessment.priorAuth.required === 'depends' ? 'depends' : r.assessment.priorAuth.required ? 'yes' : 'no';
    return [
      r.patient,
      r.assessment.service.code,
      r.assessment.payer.fellBackToBaseline ? 'baseline*' : r.assessment.payer.id,
      r.assessment.verdict,
      pa,
      lines,
      blocking.map((f) => f.requirementId).join(', ') || '-',
    ];
  });
  const out: string[] = [];
  if (rows.length > 0) {
    const head = ['patient', 'service', 'payer', 'verdict', 'prior-auth', 'coding', 'blocking'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const fmt = (row: string[]) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
    out.push(fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt));
  } else {
    out.push(`Nothing was assessed: none of the ${run.patients} patient${run.patients === 1 ? '' : 's'} could be checked (reasons below).`);
  }
  const unknown = [...new Map(run.results.filter((r) => r.assessment.payer.fellBackToBaseline).map((r) => [r.patient, r])).values()];
  if (unknown.length > 0) {
    out.push('', '* payer not recognised, Medicare LCD baseline used:');
    for (const r of unknown) out.push(`  ${r.patient}: ${r.assessment.payer.note ?? r.assessment.payer.name}`);
  }
  if (run.skipped.length > 0) {
    out.push('', `Not assessed (${run.skipped.length}):`);
    for (const s of run.skipped) out.push(`  ${s.patient}: ${s.reason}`);
  }
  const issues = run.results.reduce(
    (n, r, i) => (i > 0 && run.results[i - 1]!.picture === r.picture ? n : n + r.picture.dataIssues.length),
    0,
  );
  if (issues > 0 || run.loadIssues.length > 0)
    out.push('', `Data issues: ${issues} in the assessed records, ${run.loadIssues.length} while loading (--json lists them).`);
  return out.join('\n');
}
