// One realistic pain-clinic chart for the fuzz suite: every family the picture reads, with references written as an
// EHR writes them. `LEAVES` are the resources nothing else points at: breaking one may change only its own facts.
export type Res = Record<string, unknown> & { resourceType: string; id: string };

const CPT = 'http://www.ama-assn.org/go/cpt';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SCT = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const subject = { reference: 'Patient/p1' };
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const cc = (system: string, code: string, display?: string) => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
  ...(display ? { text: display } : {}),
});

const pain = (id: string, date: string, value: number): Res => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject,
  category: [cc('http://terminology.hl7.org/CodeSystem/observation-category', 'survey')],
  code: cc(LOINC, '72514-3', 'Pain severity 0-10'),
  effectiveDateTime: date,
  valueQuantity: { value, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
});
const relief = (id: string, proc: string, date: string, value: number): Res => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject,
  code: { coding: [{ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.2.707679', code: 'REL', display: 'Pain relief after procedure (%)' }] },
  partOf: [{ reference: `Procedure/${proc}` }],
  effectiveDateTime: date,
  valueQuantity: { value, unit: '%' },
});
const proc = (id: string, code: string, date: string, site: string): Res => ({
  resourceType: 'Procedure',
  id,
  status: 'completed',
  subject,
  code: cc(CPT, code),
  performedDateTime: date,
  bodySite: [{ text: site }],
});
const med = (id: string, rx: string, name: string, authoredOn: string, reason?: string): Res => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'stopped',
  intent: 'order',
  subject,
  medicationCodeableConcept: { coding: [{ system: RX, code: rx, display: name }], text: name },
  authoredOn,
  ...(reason ? { statusReason: { text: reason } } : {}),
});

const NOTE = [
  'Chief complaint: axial low back pain for 2 years, worse with extension and standing.',
  'Denies radicular symptoms. No leg pain.',
  'Exam: tenderness over the L4-L5 and L5-S1 facets bilaterally.',
  'Function: unable to stand more than 15 minutes; ODI 46%.',
  'Plan: bilateral L4-L5 and L5-S1 medial branch radiofrequency ablation.',
].join('\n');

export function baseRecord(): Res[] {
  return [
    { resourceType: 'Patient', id: 'p1', birthDate: '1957-02-11', gender: 'female', name: [{ given: ['Rosa'], family: 'Ibarra' }] },
    { resourceType: 'Organization', id: 'org1', name: 'Medicare Part B', identifier: [{ system: 'urn:payer', value: 'medicare' }] },
    {
      resourceType: 'Coverage',
      id: 'cov1',
      status: 'active',
      beneficiary: subject,
      payor: [{ reference: 'Organization/org1' }],
      type: cc('urn:oid:2.16.840.1.113883.3.221.5', '1', 'Medicare'),
      period: { start: '2022-01-01' },
    },
    {
      resourceType: 'Condition',
      id: 'dx1',
      subject,
      clinicalStatus: cc('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
      code: cc(ICD, 'M47.816', 'Spondylosis without myelopathy or radiculopathy, lumbar region'),
      onsetDateTime: '2024-03-01',
      recordedDate: '2024-04-01',
    },
    {
      resourceType: 'Condition',
      id: 'dx2',
      subject,
      clinicalStatus: cc('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
      code: cc(SCT, '82423001', 'Chronic pain'),
      onsetDateTime: '2023-06-01',
    },
    {
      resourceType: 'Condition',
      id: 'dx3',
      subject,
      clinicalStatus: cc('http://terminology.hl7.org/CodeSystem/condition-clinical', 'resolved'),
      code: cc(ICD, 'M54.16', 'Radiculopathy, lumbar region'),
      recordedDate: '2021-02-01',
    },
    proc('mbb1', '64493', '2026-06-01', 'bilateral L4-L5, L5-S1 medial branches'),
    relief('rel1', 'mbb1', '2026-06-01', 85),
    proc('mbb2', '64493', '2026-07-15', 'bilateral L4-L5, L5-S1 medial branches'),
    relief('rel2', 'mbb2', '2026-07-15', 90),
    proc('pt1', '97110', '2026-01-05', 'lumbar'),
    proc('pt2', '97110', '2026-02-02', 'lumbar'),
    proc('pt3', '97110', '2026-03-02', 'lumbar'),
    pain('ps1', '2026-05-01', 7),
    pain('ps2', '2026-08-20', 6.5),
    pain('ps3', '2026-10-01', 7),
    {
      resourceType: 'Observation',
      id: 'odi1',
      status: 'final',
      subject,
      code: { text: 'Oswestry Disability Index' },
      effectiveDateTime: '2026-10-01',
      valueQuantity: { value: 44, unit: '%' },
    },
    med('m1', '7258', 'naproxen 500 mg tablet', '2025-11-01', 'ineffective'),
    med('m2', '21949', 'cyclobenzaprine 10 mg', '2025-12-01', 'drowsiness'),
    med('m3', '856980', 'Norco 5-325 tablet', '2026-02-01', 'no relief'),
    {
      resourceType: 'Encounter',
      id: 'e1',
      status: 'finished',
      subject,
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [cc(CPT, '99214', 'Office visit')],
      period: { start: '2026-10-01T09:00:00-05:00' },
    },
    {
      resourceType: 'ServiceRequest',
      id: 'sr1',
      status: 'active',
      intent: 'order',
      subject,
      code: cc(CPT, '64635'),
      bodySite: [{ text: 'bilateral L4-L5' }],
      reasonReference: [{ reference: 'Condition/dx1' }],
      occurrenceDateTime: '2026-12-01',
      authoredOn: '2026-10-01',
    },
    {
      resourceType: 'DiagnosticReport',
      id: 'mri1',
      status: 'final',
      subject,
      category: [cc('http://terminology.hl7.org/CodeSystem/v2-0074', 'RAD')],
      code: cc(LOINC, '24531-6', 'MR Lumbar spine'),
      effectiveDateTime: '2026-02-10',
      conclusion: 'L4-5 and L5-S1 facet arthropathy.',
    },
    {
      resourceType: 'DocumentReference',
      id: 'note1',
      status: 'current',
      subject,
      date: '2026-10-01',
      type: cc(LOINC, '11506-3', 'Progress note'),
      content: [{ attachment: { contentType: 'text/plain', data: b64(NOTE) } }],
    },
  ];
}

/** Resources no other resource references and no fact groups with others (PT sessions form one course), so a broken one may change nothing but its own facts. */
export const LEAVES = ['dx2', 'dx3', 'rel1', 'rel2', 'ps1', 'ps2', 'ps3', 'odi1', 'm1', 'm2', 'm3', 'e1', 'mri1', 'note1', 'cov1'];
