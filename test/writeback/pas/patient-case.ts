// How a test patient's spec (patients.ts) becomes the picture + assessment + coding the PAS builder receives, plus
// the raw EHR resources the picture's evidence points at (just enough of each for the bundle to carry the real thing).
import type { Coverage, DiagnosticReport, FhirResource, Resource } from 'fhir/r4';
import { emptyPicture, type ClinicalPicture, type Evidence, type PlannedService } from '../../../src/policy/picture';
import type { Assessment, CodingSuggestion, Finding } from '../../../src/policy/verdicts';
import type { PasBundleInput } from '../../../src/writeback/pas/bundle';

export const NOW = '2026-11-20T15:30:00-05:00';
export const TODAY = '2026-11-20';

const ev = (ref: string, display: string, date?: string): Evidence => ({ ref, display, ...(date ? { date } : {}) });

/** A raw resource for each coded evidence ref: just enough for the bundle to carry the real thing. */
function rawFor(ref: string, patientId: string, display: string, date?: string): FhirResource | undefined {
  const [type, id] = ref.split('/');
  const subject = { reference: `Patient/${patientId}` };
  // An EHR resource often points at its encounter; the packet does not carry encounters (they are omitted).
  const encounter = { reference: `Encounter/enc-${patientId}` };
  switch (type) {
    case 'Observation':
      return {
        resourceType: 'Observation',
        id,
        status: 'final',
        code: { text: display },
        subject,
        encounter,
        ...(date ? { effectiveDateTime: date } : {}),
      };
    case 'Condition':
      return { resourceType: 'Condition', id, code: { text: display }, subject, ...(date ? { recordedDate: date } : {}) };
    case 'MedicationStatement':
      return {
        resourceType: 'MedicationStatement',
        id,
        status: 'completed',
        medicationCodeableConcept: { text: display },
        subject,
        ...(date ? { effectiveDateTime: date } : {}),
      };
    case 'Procedure':
      return {
        resourceType: 'Procedure',
        id,
        status: 'completed',
        code: { text: display },
        subject,
        ...(date ? { performedDateTime: date } : {}),
      };
    case 'DiagnosticReport':
      return {
        resourceType: 'DiagnosticReport',
        id,
        status: 'final',
        code: { text: display },
        subject,
        ...(date ? { effectiveDateTime: date } : {}),
      };
    case 'ServiceRequest':
      return { resourceType: 'ServiceRequest', id, status: 'active', intent: 'order', code: { text: display }, subject };
    default:
      return undefined;
  }
}

export interface PatientCase {
  name: string;
  input: PasBundleInput;
}

export interface Spec {
  id: string;
  /** The name as the EHR records it: display text and its parts (the packet's Patient carries the parts). */
  name: string;
  family: string;
  given: string[];
  birthDate: string;
  sex: 'male' | 'female';
  payer: { id: string; name: string; typeCode: string; fellBack?: boolean };
  service: Omit<PlannedService, 'source' | 'evidence' | 'reasonIcd10'> & { reasonIcd10?: string[] };
  dx: { code: string; label: string }[];
  lines: { code: string; label: string; modifiers?: string[]; units?: number }[];
  pain: { value: number; date: string }[];
  odi?: { score: number; date: string };
  care: {
    kind: 'physical-therapy' | 'nsaid' | 'home-exercise' | 'neuropathic-agent';
    description: string;
    start: string;
    end: string;
    weeks: number;
  }[];
  prior?: { code: string; kind: 'esi-transforaminal' | 'facet-mbb'; date: string; levels: string[]; relief: number; hours: number }[];
  imaging?: { modality: 'MRI' | 'XR'; date: string; finding: string; levels: string[] };
  note?: { title: string; date: string; text: string; quotes: string[] };
  findings: [string, Finding['category'], Finding['status'], string][];
  verdict: Assessment['verdict'];
}

export function build(s: Spec): PatientCase {
  const p: ClinicalPicture = emptyPicture(s.id);
  p.patient = { ...p.patient, name: s.name, family: s.family, given: s.given, birthDate: s.birthDate, sex: s.sex, mrn: `MRN-${s.id}` };
  p.coverages.push({
    id: `cov-${s.id}`,
    status: 'active',
    payerId: s.payer.id,
    payerName: s.payer.name,
    typeCode: s.payer.typeCode,
    subscriberId: `SUB-${s.id}`,
    order: 1,
    source: 'coded',
    evidence: [ev(`Coverage/cov-${s.id}`, 'Coverage')],
  });
  s.dx.forEach((d, i) =>
    p.diagnoses.push({
      icd10: d.code,
      display: d.label,
      clinicalStatus: 'active',
      id: `cond-${s.id}-${i}`,
      source: 'coded',
      evidence: [ev(`Condition/cond-${s.id}-${i}`, d.label, '2026-08-01')],
    }),
  );
  s.pain.forEach((x, i) =>
    p.painScores.push({
      instrument: 'NRS',
      value: x.value,
      raw: `${x.value}/10`,
      date: x.date,
      context: 'current',
      source: 'coded',
      evidence: [ev(`Observation/pain-${s.id}-${i}`, `Pain ${x.value}/10`, x.date)],
    }),
  );
  if (s.odi)
    p.functionalStatus.push({
      instrument: 'ODI',
      score: s.odi.score,
      date: s.odi.date,
      source: 'coded',
      evidence: [ev(`Observation/odi-${s.id}`, `ODI ${s.odi.score}%`, s.odi.date)],
    });
  s.care.forEach((c, i) => {
    const ref =
      c.kind === 'physical-therapy' || c.kind === 'home-exercise' ? `Procedure/care-${s.id}-${i}` : `MedicationStatement/care-${s.id}-${i}`;
    p.conservativeCare.push({
      kind: c.kind,
      description: c.description,
      start: c.start,
      end: c.end,
      weeks: c.weeks,
      outcome: 'failed',
      recorded: c.end,
      source: 'coded',
      evidence: [ev(ref, c.description, c.end)],
    });
  });
  (s.prior ?? []).forEach((x, i) => {
    const ref = `Procedure/prior-${s.id}-${i}`;
    p.procedureHistory.push({
      id: `prior-${s.id}-${i}`,
      code: x.code,
      system: 'cpt',
      display: `Prior ${x.code}`,
      kind: x.kind,
      date: x.date,
      status: 'completed',
      region: 'lumbar',
      levels: x.levels,
      relief: [
        {
          percent: x.relief,
          durationHours: x.hours,
          measure: 'pain',
          date: x.date,
          procedureRef: ref,
          source: 'coded',
          evidence: [ev(`Observation/relief-${s.id}-${i}`, `${x.relief}% relief`, x.date)],
        },
      ],
      source: 'coded',
      evidence: [ev(ref, `Prior ${x.code}`, x.date)],
    });
  });
  if (s.imaging)
    p.imaging.push({
      modality: s.imaging.modality,
      date: s.imaging.date,
      finding: s.imaging.finding,
      region: 'lumbar',
      levels: s.imaging.levels,
      source: 'coded',
      evidence: [ev(`DiagnosticReport/img-${s.id}`, `${s.imaging.modality} ${s.imaging.date}`, s.imaging.date)],
    });
  if (s.note) {
    const ref = `DocumentReference/note-${s.id}`;
    p.notes.push({ ref, title: s.note.title, date: s.note.date, contentType: 'text/plain', text: s.note.text });
    for (const q of s.note.quotes) {
      const start = s.note.text.indexOf(q);
      p.painDuration.push({
        weeks: 16,
        asOf: s.note.date,
        source: 'note',
        evidence: [{ ref, display: s.note.title, date: s.note.date, quote: { text: q, start, end: start + q.length } }],
      });
    }
  }
  const requestRef = `ServiceRequest/sr-${s.id}`;
  const service: PlannedService = {
    ...s.service,
    reasonIcd10: s.service.reasonIcd10 ?? s.dx.map((d) => d.code),
    requestRef,
    source: 'coded',
    evidence: [ev(requestRef, 'Order')],
  };
  p.plannedServices.push(service);

  const citation = { ruleId: 'ESI-DX', document: 'LCD L39242', section: 'Covered Indications', grade: 'S1' as const, verified: true };
  const findings: Finding[] = s.findings.map(([id, category, status, message]) => ({
    requirementId: id,
    category,
    status,
    severity: 'blocker',
    message,
    evidence: status === 'met' ? (p.painScores[0]?.evidence ?? []) : [],
    citation,
  }));
  const assessment: Assessment = {
    service,
    payer: { id: s.payer.id, name: s.payer.name, fellBackToBaseline: s.payer.fellBack ?? false },
    policy: { id: 'lcd-test', title: 'Test policy', citation },
    verdict: s.verdict,
    priorAuth: { required: true, program: 'Test payer', reason: 'test' },
    findings,
  };
  const coding: CodingSuggestion = {
    dateOfService: s.service.date ?? TODAY,
    diagnoses: s.dx.map((d) => ({ code: d.code, label: d.label, billable: true, evidence: [] })),
    lines: s.lines.map((l) => ({
      code: l.code,
      label: l.label,
      modifiers: l.modifiers ?? [],
      units: l.units ?? 1,
      diagnosisPointers: s.dx.map((_, i) => i + 1),
      evidence: [],
      rationale: [],
    })),
    edits: [],
  };
  const resources = new Map<string, Resource>();
  const allEvidence = [
    ...p.diagnoses,
    ...p.painScores,
    ...p.functionalStatus,
    ...p.conservativeCare,
    ...p.procedureHistory,
    ...p.procedureHistory.flatMap((x) => x.relief),
    ...p.imaging,
    service,
  ].flatMap((f) => f.evidence);
  for (const e of allEvidence) {
    const r = rawFor(e.ref, s.id, e.display, e.date);
    if (r) resources.set(e.ref, r);
  }
  // The coverage as the EHR records it: the patient is the subscriber.
  const coverage: Coverage = {
    resourceType: 'Coverage',
    id: `cov-${s.id}`,
    status: 'active',
    subscriberId: `SUB-${s.id}`,
    beneficiary: { reference: `Patient/${s.id}` },
    relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }] },
    payor: [{ display: s.payer.name }],
    type: { coding: [{ code: s.payer.typeCode }] },
  };
  resources.set(`Coverage/cov-${s.id}`, coverage);
  // The imaging report's own words, as a radiology DiagnosticReport carries them.
  const img = resources.get(`DiagnosticReport/img-${s.id}`);
  if (img?.resourceType === 'DiagnosticReport' && s.imaging) {
    const withConclusion: DiagnosticReport = { ...(img as DiagnosticReport), conclusion: s.imaging.finding };
    resources.set(`DiagnosticReport/img-${s.id}`, withConclusion);
  }
  return {
    name: s.name,
    input: {
      picture: p,
      service,
      assessment,
      coding,
      today: TODAY,
      now: NOW,
      resources,
      clinic: {
        organization: { id: 'clinic-1', name: 'Riverside Spine & Pain', npi: '1234567893', phone: '508-555-0100' },
        practitioner: { id: 'dr-lee', name: 'Dana Lee, MD', npi: '1098765435', family: 'Lee', given: ['Dana'] },
      },
      pdf: { base64: 'JVBERi0xLjcKJcfsj6IK', title: `Prior-auth packet ${s.service.code}` },
    },
  };
}
