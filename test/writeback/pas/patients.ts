// Six realistic interventional-pain patients as the picture + assessment + coding the builder receives, plus the
// raw EHR resources their evidence points at. Built here (not read from the sandbox) so the goldens cover the cases
// that matter: radicular ESI, cervical ESI, bilateral facet blocks, RFA after two blocks, repeat ESI, SI joint.
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

interface Spec {
  id: string;
  name: string;
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

function build(s: Spec): PatientCase {
  const p: ClinicalPicture = emptyPicture(s.id);
  p.patient = { ...p.patient, name: s.name, birthDate: s.birthDate, sex: s.sex, mrn: `MRN-${s.id}` };
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

const MET = 'met' as const;
export const PATIENTS: PatientCase[] = [
  build({
    id: 'p1',
    name: 'Alma Reyes',
    birthDate: '1954-03-02',
    sex: 'female',
    payer: { id: 'medicare', name: 'Medicare Part B', typeCode: 'MB' },
    service: {
      code: '64483',
      kind: 'esi-transforaminal',
      region: 'lumbar',
      levels: ['L4-L5'],
      laterality: 'left',
      date: '2026-12-03',
      imageGuidance: true,
    },
    dx: [
      { code: 'M54.16', label: 'Radiculopathy, lumbar region' },
      { code: 'M51.16', label: 'Lumbar disc disorder with radiculopathy' },
    ],
    lines: [{ code: '64483', label: 'Transforaminal epidural, low back, first level', modifiers: ['LT'] }],
    pain: [
      { value: 7, date: '2026-11-10' },
      { value: 8, date: '2026-09-15' },
    ],
    odi: { score: 44, date: '2026-11-10' },
    care: [
      { kind: 'physical-therapy', description: 'Physical therapy 2x weekly', start: '2026-08-01', end: '2026-09-26', weeks: 8 },
      { kind: 'nsaid', description: 'Naproxen 500 mg twice daily', start: '2026-07-15', end: '2026-10-01', weeks: 11 },
    ],
    imaging: {
      modality: 'MRI',
      date: '2026-09-30',
      finding: 'Left paracentral L4-L5 disc protrusion contacting the L5 root',
      levels: ['L4-L5'],
    },
    note: {
      title: 'Pain clinic consult',
      date: '2026-11-10',
      text: 'Low back pain radiating down the left leg for 4 months. Failed 8 weeks of PT and naproxen.',
      quotes: ['radiating down the left leg for 4 months', 'Failed 8 weeks of PT and naproxen'],
    },
    findings: [
      ['esi-dx', 'diagnosis', MET, 'Lumbar radiculopathy documented'],
      ['esi-conservative', 'conservative-care', MET, '8 weeks of PT failed'],
    ],
    verdict: 'ready',
  }),
  build({
    id: 'p2',
    name: 'Ben Okafor',
    birthDate: '1961-07-19',
    sex: 'male',
    payer: { id: 'humana-ma', name: 'Humana Medicare Advantage', typeCode: 'MA' },
    service: { code: '62321', kind: 'esi-interlaminar', region: 'cervical', levels: ['C6-C7'], date: '2026-12-10', imageGuidance: true },
    dx: [{ code: 'M50.123', label: 'Cervical disc disorder at C6-C7 with radiculopathy' }],
    lines: [{ code: '62321', label: 'Epidural injection, neck, with imaging' }],
    pain: [{ value: 6, date: '2026-11-02' }],
    care: [
      { kind: 'home-exercise', description: 'Home exercise program', start: '2026-07-01', end: '2026-09-01', weeks: 9 },
      { kind: 'neuropathic-agent', description: 'Gabapentin 300 mg three times daily', start: '2026-07-01', end: '2026-10-15', weeks: 15 },
    ],
    imaging: { modality: 'MRI', date: '2026-08-20', finding: 'C6-C7 foraminal narrowing, right', levels: ['C6-C7'] },
    findings: [['esi-scales', 'functional-impairment', 'missing', 'No validated function score documented']],
    verdict: 'incomplete',
  }),
  build({
    id: 'p3',
    name: 'Carol Jensen',
    birthDate: '1949-11-30',
    sex: 'female',
    payer: { id: 'bcbs-ma', name: 'Blue Cross Blue Shield of Massachusetts', typeCode: 'PPO' },
    service: {
      code: '64493',
      kind: 'facet-mbb',
      region: 'lumbar',
      levels: ['L4-L5', 'L5-S1'],
      laterality: 'bilateral',
      date: '2026-12-01',
      imageGuidance: true,
    },
    dx: [{ code: 'M47.816', label: 'Spondylosis of lumbar region without myelopathy or radiculopathy' }],
    lines: [
      { code: '64493', label: 'Facet/medial branch injection, low back, first level', modifiers: ['50'] },
      { code: '64494', label: 'Facet/medial branch injection, low back, second level', modifiers: ['50'] },
    ],
    pain: [{ value: 6, date: '2026-11-05' }],
    odi: { score: 38, date: '2026-11-05' },
    care: [
      { kind: 'physical-therapy', description: 'Physical therapy', start: '2026-05-01', end: '2026-08-15', weeks: 15 },
      { kind: 'nsaid', description: 'Meloxicam 15 mg daily', start: '2026-04-01', end: '2026-10-01', weeks: 26 },
    ],
    imaging: { modality: 'XR', date: '2026-04-10', finding: 'Facet arthropathy L4-S1', levels: ['L4-L5', 'L5-S1'] },
    findings: [
      ['fj-pain', 'pain-scale', MET, 'Axial pain over 3 months'],
      ['fj-levels', 'levels-laterality', MET, 'Two levels, bilateral'],
    ],
    verdict: 'ready',
  }),
  build({
    id: 'p4',
    name: 'Dev Patel',
    birthDate: '1957-01-08',
    sex: 'male',
    payer: { id: 'medicare', name: 'Medicare Part B', typeCode: 'MB' },
    service: {
      code: '64635',
      kind: 'facet-rfa',
      region: 'lumbar',
      levels: ['L4-L5', 'L5-S1'],
      laterality: 'right',
      date: '2026-12-15',
      imageGuidance: true,
    },
    dx: [
      { code: 'M47.816', label: 'Spondylosis of lumbar region without myelopathy or radiculopathy' },
      { code: 'G89.29', label: 'Other chronic pain' },
    ],
    lines: [
      { code: '64635', label: 'Facet nerve RFA, low back, first joint', modifiers: ['RT'] },
      { code: '64636', label: 'Facet nerve RFA, low back, each added joint', modifiers: ['RT'] },
    ],
    pain: [
      { value: 7, date: '2026-10-01' },
      { value: 1, date: '2026-10-20' },
      { value: 2, date: '2026-11-03' },
    ],
    odi: { score: 40, date: '2026-10-01' },
    care: [{ kind: 'physical-therapy', description: 'Physical therapy', start: '2026-03-01', end: '2026-06-01', weeks: 13 }],
    prior: [
      { code: '64493', kind: 'facet-mbb', date: '2026-10-20', levels: ['L4-L5', 'L5-S1'], relief: 85, hours: 6 },
      { code: '64493', kind: 'facet-mbb', date: '2026-11-03', levels: ['L4-L5', 'L5-S1'], relief: 90, hours: 8 },
    ],
    findings: [['fj-diagnostic', 'prior-response', MET, 'Two diagnostic blocks with at least 80% relief']],
    verdict: 'ready',
  }),
  build({
    id: 'p5',
    name: 'Elena Morozova',
    birthDate: '1966-05-25',
    sex: 'female',
    payer: { id: 'aetna', name: 'Aetna Choice POS II', typeCode: 'POS' },
    service: {
      code: '64483',
      kind: 'esi-transforaminal',
      region: 'lumbar',
      levels: ['L5-S1'],
      laterality: 'right',
      date: '2026-12-08',
      imageGuidance: true,
    },
    dx: [
      { code: 'M54.17', label: 'Radiculopathy, lumbosacral region' },
      { code: 'M48.062', label: 'Spinal stenosis, lumbar region with neurogenic claudication' },
    ],
    lines: [{ code: '64483', label: 'Transforaminal epidural, low back, first level', modifiers: ['RT'] }],
    pain: [{ value: 8, date: '2026-11-12' }],
    care: [{ kind: 'physical-therapy', description: 'Physical therapy', start: '2026-01-05', end: '2026-03-01', weeks: 8 }],
    prior: [{ code: '64483', kind: 'esi-transforaminal', date: '2026-06-01', levels: ['L5-S1'], relief: 60, hours: 2920 }],
    note: {
      title: 'Follow-up visit',
      date: '2026-11-12',
      text: 'Last TFESI in June gave about 60% relief for four months. Pain back to 8/10.',
      quotes: ['60% relief for four months'],
    },
    findings: [
      ['esi-repeat', 'prior-response', MET, '60% relief for 4 months'],
      ['esi-scales', 'functional-impairment', 'missing', 'No function score since the last injection'],
    ],
    verdict: 'incomplete',
  }),
  build({
    id: 'p6',
    name: 'Frank Novak',
    birthDate: '1952-09-14',
    sex: 'male',
    payer: { id: 'acme-health', name: 'Acme Health Plan', typeCode: 'HM', fellBack: true },
    service: { code: '27096', kind: 'si-joint', levels: [], laterality: 'right', date: '2026-12-02', imageGuidance: true },
    dx: [
      { code: 'M53.3', label: 'Sacrococcygeal disorders, not elsewhere classified' },
      { code: 'M46.1', label: 'Sacroiliitis, not elsewhere classified' },
    ],
    lines: [{ code: '27096', label: 'Sacroiliac joint injection with imaging', modifiers: ['RT'] }],
    pain: [{ value: 6, date: '2026-11-01' }],
    odi: { score: 30, date: '2026-11-01' },
    care: [{ kind: 'physical-therapy', description: 'Physical therapy', start: '2026-06-01', end: '2026-08-01', weeks: 9 }],
    findings: [['si-dx', 'diagnosis', MET, 'Sacroiliac pain documented']],
    verdict: 'ready',
  }),
];
