// Held-out policy cases for ClaimReady, written from the coverage TEXTS (not from src/policy/requirements or
// src/policy/policies). Each case is plain data: a ClinicalPicture, one PlannedService, a payer id, `today`, and the
// verdict the text implies. The small fact builders below only fill in `source` / `evidence` boilerplate so that a
// case shows what matters; change them in one place if the picture types move.
//
// Conventions (see README.md):
// - Verdicts follow verdicts.ts: a documented fact that fails a threshold -> 'not-eligible'; a required fact that
//   cannot be found -> 'incomplete'; otherwise 'ready'.
// - `alsoAcceptable` lists a second verdict where the texts decide "not ready" but the incomplete / not-eligible
//   split is a product convention (header codes, no covered diagnosis on the chart, a prerequisite procedure that
//   the chart does not show).
// - `advice: true` marks cases resting only on S2 text or on a text that is unclear: the runner reports them but
//   does not fail on them.
// - Every threshold case puts the service date on `today` unless the case says otherwise.
import type {
  ClinicalPicture,
  ConservativeCareFact,
  ConservativeKind,
  CareOutcome,
  CoverageFact,
  DiagnosisFact,
  FunctionalFact,
  FunctionalInstrument,
  ImagingFact,
  ImagingModality,
  Laterality,
  PainDurationFact,
  PainScoreFact,
  PlannedService,
  ProcedureFact,
  ReliefFact,
  ServiceKind,
  SiteMention,
  SpinalRegion,
  SymptomFact,
  SymptomKind,
  NoteDoc,
  Verdict,
} from '../../../src/policy/index';

export type PayerId = 'medicare' | 'summit' | 'bcbsma';
export type Grade = 'P' | 'S1' | 'S2';
export type Topic =
  | 'esi-indication'
  | 'esi-duration'
  | 'esi-conservative'
  | 'esi-documentation'
  | 'esi-levels-imaging'
  | 'esi-frequency'
  | 'esi-repeat'
  | 'same-session'
  | 'facet-diagnosis'
  | 'facet-indication'
  | 'facet-levels'
  | 'facet-mbb-sequence'
  | 'facet-rfa'
  | 'commercial-summit'
  | 'commercial-bcbsma'
  | 'si-joint';

export interface PolicyCase {
  id: string;
  topic: Topic;
  /** What was read: document, section, grade. */
  source: string;
  /** Best grade of the text the expected answer rests on. */
  grade: Grade;
  /** true when the answer is stated in a primary text (CMS / MAC page, verbatim LCD quotation, payer's own page). */
  primaryText: boolean;
  /** Reported, not enforced (S2-only or unclear text). */
  advice?: boolean;
  description: string;
  picture: ClinicalPicture;
  service: PlannedService;
  payer: PayerId;
  today: string;
  expect: { verdict: Verdict; alsoAcceptable?: Verdict[]; decidingRequirement?: string };
}

// ---------------------------------------------------------------------------------------------------------------
// Fact builders (boilerplate only)

const HOURS_PER_MONTH = 730; // 3 months = 2190 h, as picture.ts documents
const H = { sixHours: 6, weeks: (w: number) => w * 168, months: (m: number) => m * HOURS_PER_MONTH };

const coded = (ref: string, display: string, date?: string) => ({
  source: 'coded' as const,
  evidence: [{ ref, display, ...(date ? { date } : {}) }],
});
const fromNote = (ref: string, display: string, date?: string) => ({
  source: 'note' as const,
  evidence: [{ ref, display, ...(date ? { date } : {}) }],
});

let seq = 0;
const nid = (p: string) => `${p}-${++seq}`;

function dx(icd10: string, display: string, onset?: string, clinicalStatus: DiagnosisFact['clinicalStatus'] = 'active'): DiagnosisFact {
  const id = nid('cond');
  return {
    icd10,
    display,
    clinicalStatus,
    ...(onset ? { onset, recorded: onset } : {}),
    id,
    ...coded(`Condition/${id}`, `${icd10} ${display}`, onset),
  };
}

function relief(
  percent: number,
  durationHours: number | undefined,
  date: string,
  procedureRef?: string,
  measure: 'pain' | 'function' = 'pain',
): ReliefFact {
  return {
    percent,
    ...(durationHours !== undefined ? { durationHours } : {}),
    measure,
    date,
    ...(procedureRef ? { procedureRef } : {}),
    ...fromNote('DocumentReference/followup-' + date, `${percent}% ${measure} relief reported`, date),
  };
}

interface ProcIn {
  code: string;
  kind: ServiceKind;
  date: string;
  region: SpinalRegion;
  levels: string[];
  laterality?: Laterality;
  /** percent, hours, reported date */
  relief?: [number, number | undefined, string, ('pain' | 'function')?][];
}
function proc(p: ProcIn): ProcedureFact {
  const id = nid('proc');
  const ref = `Procedure/${id}`;
  return {
    id,
    code: p.code,
    system: 'cpt',
    display: `${p.code} ${p.kind} ${p.levels.join(', ')}${p.laterality ? ' ' + p.laterality : ''}`,
    kind: p.kind,
    date: p.date,
    status: 'completed',
    region: p.region,
    levels: p.levels,
    ...(p.laterality ? { laterality: p.laterality } : {}),
    relief: (p.relief ?? []).map(([pct, h, d, m]) => relief(pct, h, d, ref, m ?? 'pain')),
    ...coded(ref, `${p.code} on ${p.date}`, p.date),
  };
}

function nrs(value: number, date: string, context: PainScoreFact['context'] = 'average'): PainScoreFact {
  return {
    instrument: 'NRS',
    value,
    raw: `${value}/10`,
    date,
    context,
    code: '72514-3',
    ...coded(`Observation/${nid('pain')}`, `Pain ${value}/10`, date),
  };
}

function fn(instrument: FunctionalInstrument, score: number, date: string, limitation?: string): FunctionalFact {
  return {
    instrument,
    score,
    date,
    ...(limitation ? { limitation } : {}),
    ...coded(`Observation/${nid('fn')}`, `${instrument} ${score}`, date),
  };
}

function care(
  kind: ConservativeKind,
  description: string,
  start: string,
  end: string,
  weeks: number,
  outcome: CareOutcome,
): ConservativeCareFact {
  return {
    kind,
    description,
    start,
    end,
    weeks,
    outcome,
    recorded: end,
    ...fromNote(`DocumentReference/${nid('care')}`, description, end),
  };
}

function img(modality: ImagingModality, date: string, region: SpinalRegion, levels: string[], finding: string): ImagingFact {
  return { modality, date, region, levels, finding, ...coded(`DiagnosticReport/${nid('img')}`, `${modality} ${region}: ${finding}`, date) };
}

function duration(onset: string, asOf: string, weeks: number): PainDurationFact {
  return { onset, asOf, weeks, ...fromNote(`DocumentReference/${nid('hpi')}`, `Pain since ${onset}`, asOf) };
}

function sym(kind: SymptomKind, present: boolean, region: SpinalRegion, date: string, laterality?: Laterality): SymptomFact {
  return {
    kind,
    present,
    region,
    date,
    ...(laterality ? { laterality } : {}),
    ...fromNote(`DocumentReference/${nid('sym')}`, `${present ? '' : 'denies '}${kind} ${region}`, date),
  };
}

function coverage(payer: PayerId): CoverageFact {
  const id = nid('cov');
  const base = { id, status: 'active', order: 1, periodStart: '2026-01-01', subscriberId: 'SUB' + seq, ...coded(`Coverage/${id}`, payer) };
  if (payer === 'medicare')
    return { ...base, payerId: 'MEDICARE', payerName: 'Medicare Part B', typeCode: 'MB', planName: 'Original Medicare' };
  if (payer === 'summit') return { ...base, payerId: 'SUMMIT', payerName: 'Summit Health Plan', typeCode: 'PPO', planName: 'Summit PPO' };
  return {
    ...base,
    payerId: 'BCBSMA',
    payerName: 'Blue Cross Blue Shield of Massachusetts',
    typeCode: 'PPO',
    planName: 'Blue Care Elect PPO',
  };
}

interface SvcIn {
  code: string;
  kind: ServiceKind;
  region: SpinalRegion;
  levels: string[];
  laterality?: Laterality;
  date: string;
  reasonIcd10: string[];
  imageGuidance?: boolean;
}
function svc(s: SvcIn): PlannedService {
  const id = nid('sr');
  return {
    code: s.code,
    kind: s.kind,
    region: s.region,
    levels: s.levels,
    ...(s.laterality ? { laterality: s.laterality } : {}),
    date: s.date,
    requestRef: `ServiceRequest/${id}`,
    reasonIcd10: s.reasonIcd10,
    imageGuidance: s.imageGuidance ?? true,
    ...coded(`ServiceRequest/${id}`, `${s.code} ${s.levels.join(', ')}`, s.date),
  };
}

function plan(s: PlannedService): SiteMention {
  return {
    context: 'plan',
    ...(s.region ? { region: s.region } : {}),
    levels: s.levels,
    ...(s.laterality ? { laterality: s.laterality } : {}),
    target: s.kind,
    ...(s.date ? { date: s.date } : {}),
    ...fromNote('DocumentReference/plan', `Plan: ${s.code} ${s.levels.join(', ')}`, s.date),
  };
}

function note(date: string, text: string): NoteDoc {
  return { ref: `DocumentReference/note-${date}`, title: 'Pain clinic progress note', date, contentType: 'text/plain', text };
}

interface PictureIn {
  patientId: string;
  birthDate: string;
  sex: 'male' | 'female';
  visit: string;
  payer: PayerId;
  diagnoses: DiagnosisFact[];
  procedureHistory?: ProcedureFact[];
  service: PlannedService;
  otherPlanned?: PlannedService[];
  painScores?: PainScoreFact[];
  functionalStatus?: FunctionalFact[];
  conservativeCare?: ConservativeCareFact[];
  imaging?: ImagingFact[];
  painDuration?: PainDurationFact[];
  symptoms?: SymptomFact[];
  noteText?: string;
}
function picture(p: PictureIn): ClinicalPicture {
  const enc = {
    id: `enc-${p.patientId}`,
    date: p.visit,
    kind: 'office' as const,
    status: 'finished',
    types: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99214', display: 'Office visit, established' }],
    minutes: 32,
    reasons: p.diagnoses.map((d) => d.icd10 ?? d.display),
    ...coded(`Encounter/enc-${p.patientId}`, 'Office visit', p.visit),
  };
  const planned = [p.service, ...(p.otherPlanned ?? [])];
  return {
    patient: { id: p.patientId, birthDate: p.birthDate, sex: p.sex, ...coded(`Patient/${p.patientId}`, 'Patient') },
    encounter: enc,
    encounters: [enc],
    coverages: [coverage(p.payer)],
    diagnoses: p.diagnoses,
    procedureHistory: p.procedureHistory ?? [],
    plannedServices: planned,
    painScores: p.painScores ?? [],
    functionalStatus: p.functionalStatus ?? [],
    conservativeCare: p.conservativeCare ?? [],
    imaging: p.imaging ?? [],
    painDuration: p.painDuration ?? [],
    symptoms: p.symptoms ?? [],
    siteMentions: planned.map(plan),
    visitWork: [],
    psychEvaluations: [],
    notes: [note(p.visit, p.noteText ?? 'Progress note. See structured findings.')],
    dataIssues: [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Baselines. Each is complete for its policy under the Medicare texts, so that a case changes one thing.

const TODAY = '2026-12-01';
const PLANNED = '2026-12-08';

/** Lumbar radiculopathy from a foraminal disc protrusion at L4-L5, left; TFESI L4-L5 left (64483). */
function esiBase(o: Partial<PictureIn> & { svcIn?: Partial<SvcIn> } = {}): { picture: ClinicalPicture; service: PlannedService } {
  const service =
    o.service ??
    svc({
      code: '64483',
      kind: 'esi-transforaminal',
      region: 'lumbar',
      levels: ['L4-L5'],
      laterality: 'left',
      date: PLANNED,
      reasonIcd10: ['M51.16'],
      ...o.svcIn,
    });
  const p: PictureIn = {
    patientId: 'pt-esi',
    birthDate: '1953-04-11',
    sex: 'female',
    visit: TODAY,
    payer: 'medicare',
    // The diagnosis onset follows the pain onset when a case overrides the pain duration.
    diagnoses: [
      dx('M51.16', 'Intervertebral disc disorders with radiculopathy, lumbar region', o.painDuration?.[0]?.onset ?? '2026-07-20'),
    ],
    painScores: [nrs(7, TODAY)],
    functionalStatus: [fn('ODI', 46, TODAY, 'cannot walk more than one block or stand more than 10 minutes')],
    conservativeCare: [
      care('physical-therapy', 'Physical therapy 2x/week, lumbar stabilisation and nerve glides', '2026-09-02', '2026-10-14', 6, 'failed'),
      care('nsaid', 'Meloxicam 15 mg daily (prescription)', '2026-08-01', '2026-11-15', 15, 'failed'),
    ],
    imaging: [
      img('MRI', '2026-09-20', 'lumbar', ['L4-L5'], 'Left foraminal L4-L5 disc protrusion compressing the exiting left L4 nerve root'),
    ],
    painDuration: [duration('2026-07-20', TODAY, 19)],
    symptoms: [sym('radicular', true, 'lumbar', TODAY, 'left')],
    noteText:
      'Left anterior thigh and medial shin pain since July 2026, 7/10. Positive femoral stretch left, decreased left patellar reflex. ODI 46%. Failed 6 weeks PT and meloxicam. MRI: left foraminal L4-L5 protrusion compressing exiting L4. Plan: left L4-L5 transforaminal ESI under fluoroscopy with contrast.',
    ...o,
    service,
  };
  return { picture: picture(p), service };
}

/** Lumbar facet-mediated axial pain, M47.816; first diagnostic MBB L4-L5, L5-S1 bilateral (64493 + 64494). */
function facetBase(o: Partial<PictureIn> & { svcIn?: Partial<SvcIn> } = {}): { picture: ClinicalPicture; service: PlannedService } {
  const service =
    o.service ??
    svc({
      code: '64493',
      kind: 'facet-mbb',
      region: 'lumbar',
      levels: ['L4-L5', 'L5-S1'],
      laterality: 'bilateral',
      date: PLANNED,
      reasonIcd10: ['M47.816'],
      ...o.svcIn,
    });
  const p: PictureIn = {
    patientId: 'pt-facet',
    birthDate: '1950-09-02',
    sex: 'male',
    visit: TODAY,
    payer: 'medicare',
    diagnoses: [
      dx('M47.816', 'Spondylosis without myelopathy or radiculopathy, lumbar region', o.painDuration?.[0]?.onset ?? '2025-11-15'),
    ],
    painScores: [nrs(6, TODAY)],
    functionalStatus: [fn('ODI', 38, TODAY, 'unable to stand at work bench more than 15 minutes')],
    conservativeCare: [
      care('physical-therapy', 'Physical therapy 8 weeks, core and extension programme', '2026-05-04', '2026-06-29', 8, 'failed'),
      care('nsaid', 'Naproxen 500 mg twice daily', '2026-02-01', '2026-06-30', 21, 'failed'),
      care('home-exercise', 'Daily home exercise programme', '2026-06-29', '2026-11-30', 22, 'failed'),
    ],
    imaging: [
      img(
        'MRI',
        '2026-06-10',
        'lumbar',
        ['L4-L5', 'L5-S1'],
        'Bilateral facet arthropathy with small effusions at L4-L5 and L5-S1; no disc herniation, no canal or foraminal stenosis',
      ),
    ],
    painDuration: [duration('2025-11-15', TODAY, 54)],
    symptoms: [sym('axial', true, 'lumbar', TODAY, 'bilateral'), sym('radicular', false, 'lumbar', TODAY)],
    noteText:
      'Axial low back pain since November 2025, worse with extension and rotation, no leg pain, denies radicular symptoms. NRS 6/10, ODI 38%. Failed PT, naproxen and home exercise. MRI: L4-L5 and L5-S1 facet arthropathy. Plan: bilateral L4-L5, L5-S1 medial branch blocks.',
    ...o,
    service,
  };
  return { picture: picture(p), service };
}

const MBB = (date: string, pct: number | undefined, levels = ['L4-L5', 'L5-S1'], laterality: Laterality = 'bilateral'): ProcedureFact =>
  proc({
    code: '64493',
    kind: 'facet-mbb',
    date,
    region: 'lumbar',
    levels,
    laterality,
    relief: pct === undefined ? [] : [[pct, H.sixHours, date]],
  });
const RFA = (date: string, laterality: Laterality, rel?: [number, number, string], levels = ['L4-L5', 'L5-S1']): ProcedureFact =>
  proc({ code: '64635', kind: 'facet-rfa', date, region: 'lumbar', levels, laterality, relief: rel ? [rel] : [] });
const ESI = (
  date: string,
  rel?: [number, number | undefined, string],
  code = '64483',
  levels = ['L4-L5'],
  region: SpinalRegion = 'lumbar',
  laterality: Laterality = 'left',
): ProcedureFact =>
  proc({
    code,
    kind: code.startsWith('6232') ? 'esi-interlaminar' : 'esi-transforaminal',
    date,
    region,
    levels,
    laterality,
    relief: rel ? [rel] : [],
  });
const rfaSvc = (o: Partial<SvcIn> = {}) =>
  svc({
    code: '64635',
    kind: 'facet-rfa',
    region: 'lumbar',
    levels: ['L4-L5', 'L5-S1'],
    laterality: 'bilateral',
    date: PLANNED,
    reasonIcd10: ['M47.816'],
    ...o,
  });

// Sources, as read (grades from /work/shared/policy/README.md and from what the search tool returned)
export const SRC = {
  esiS1:
    'ESI LCD L39242 family (Noridian twin L39240 / A58993) Covered Indications, via "ESI Medical-Necessity Rubric" 2025-04-04 (S1, as recorded in shared README); L33906 summary on verity.backworkai.com (S2)',
  esiUtil:
    'Billing articles A56651 and A58777 (S2 summaries: one region per session, TFESI <= 2 levels, ILESI 1 level, <= 4 sessions per region per rolling 12 months); ESI rubric (S1)',
  esiRepeat:
    'ESI LCD L39242 family, Limitations / repeat injections: >= 50 % sustained improvement in pain or function for >= 3 months (S1 rubric); L33906 summary ">= 50 % sustained improvement or 50 % functional gain" (S2)',
  esiSame:
    'ESI LCD L39242 family, Limitations: several different blocks in one session (ESI + facet ...) not covered, any region; facet cyst with ESI excepted (S1 rubric only)',
  facetP:
    'CGS "OPD Procedure: Facet Joint Interventions for Pain Management" (https://www.cgsmedicare.com/parta/pa/subs/facet.html), First and Second Diagnostic Criteria (P)',
  facetDx:
    'Article A58403 (Noridian, L38801) ICD-10-CM Group 1 list: M47.812-M47.817, M47.892-M47.897, M48.12-M48.17; M53.82-M53.87 facet cyst only, not ablation; no M54.x (S1, two consistent sources per shared README)',
  facetRfa:
    'Facet LCD L38803 family (L38801), RFA criteria via "Facet Joint Interventions Medical-Necessity Rubric" 2025-02-26 (S1): two diagnostic blocks >= 80 %; repeat RFA >= 50 % for >= 6 months; <= 2 RFA sessions per region per rolling 12 months; prior RFA > 2 years -> repeat diagnostic blocks; no diagnostic block at a level with successful prior RFA',
  facetLevels:
    'Facet LCD L38803 / DL38803 document note (CMS MCD, P): "non-coverage of 3rd level injection"; A58403 (S1): 64492/64495 not covered',
  icd: 'ICD-10-CM FY2025 (effective 2024-10-01): M51.36/M51.37 became headers with children M51.360-M51.369 / M51.370-M51.379 (shared README P-summary; code pages diseasedb.com M51.360, M51.370, S2); only billable codes are valid',
  evicore:
    'eviCore CMM-200 Epidural Steroid Injections (verity.backworkai.com summaries EVICORE-MSK_ADVANCED-304F809B and -29C62396, S2; shared README): >= 6 weeks failed conservative care for radiculopathy, >= 4 weeks for spinal stenosis; <= 4 per region per 12 months',
  bcbsma:
    'BCBSMA medical policy 690 reminder, provider news 2021-12-07 (provider.bluecrossma.com, P): >= 4 weeks conservative care incl. prescription-strength analgesics AND >= 4 weeks PT (or why not tolerated); at least moderate-severe pain; repeat only if prior ESIs relieved pain, >= 30 days since last, <= 6 injections in 12 months',
  si: 'SI joint LCDs L39402 / L39455 (verity.backworkai.com summaries, S2) and AAPM bulletin on L39383 (painmed.org, S2): pain below L5 >= 3 months, >= 3 provocative tests, >= 4 weeks conservative care, diagnostic >= 75 %, SIJ RFA not covered',
};

// ---------------------------------------------------------------------------------------------------------------
// Cases

const cases: PolicyCase[] = [];
const add = (c: PolicyCase) => cases.push(c);

// ===== ESI: indication / diagnosis ==============================================================================
{
  const { picture: pic, service } = esiBase();
  add({
    id: 'ESI-01',
    topic: 'esi-indication',
    source: SRC.esiS1,
    grade: 'S1',
    primaryText: false,
    description:
      'Baseline: lumbar radiculopathy M51.16, 19 weeks of pain, 6 weeks PT + 15 weeks NSAID failed, NRS 7, ODI 46, concordant MRI, TFESI L4-L5 left',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const s = svc({
    code: '62321',
    kind: 'esi-interlaminar',
    region: 'cervical',
    levels: ['C6-C7'],
    date: PLANNED,
    reasonIcd10: ['M50.123'],
  });
  const { picture: pic, service } = esiBase({
    service: s,
    diagnoses: [dx('M50.123', 'Cervical disc disorder at C6-C7 level with radiculopathy', '2026-06-15')],
    symptoms: [sym('radicular', true, 'cervical', TODAY, 'left')],
    imaging: [img('MRI', '2026-08-30', 'cervical', ['C6-C7'], 'Left paracentral C6-C7 disc herniation compressing the left C7 nerve root')],
    functionalStatus: [fn('NDI', 42, TODAY, 'cannot lift grandchild, drops objects with left hand')],
    painDuration: [duration('2026-06-15', TODAY, 24)],
    noteText:
      'Left arm pain into middle finger since June 2026, triceps 4/5, diminished triceps reflex. NDI 42%. Failed PT and meloxicam. MRI C6-C7 left herniation. Plan: C6-C7 interlaminar ESI.',
  });
  add({
    id: 'ESI-02',
    topic: 'esi-indication',
    source: SRC.esiS1,
    grade: 'S1',
    primaryText: false,
    description: 'Cervical radiculopathy, billable M50.123 (C6-C7 with radiculopathy), interlaminar C6-C7 (62321), otherwise complete',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { reasonIcd10: ['M51.362'] },
    diagnoses: [
      dx(
        'M51.362',
        'Other intervertebral disc degeneration, lumbar region with discogenic back pain and lower extremity pain',
        '2026-07-20',
      ),
    ],
    imaging: [
      img(
        'MRI',
        '2026-09-20',
        'lumbar',
        ['L4-L5'],
        'Degenerated L4-L5 disc with left foraminal narrowing contacting the exiting left L4 root',
      ),
    ],
  });
  add({
    id: 'ESI-03',
    topic: 'esi-indication',
    source: `${SRC.icd}; ${SRC.esiS1} (no closed ICD-10 list in the ESI article)`,
    grade: 'S1',
    primaryText: false,
    description:
      'FY2025 code M51.362 (disc degeneration with back AND lower-extremity pain), radicular leg pain documented, concordant MRI: covered as radicular pain',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'radicular pain with concordant imaging (FY2025 code accepted)' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { code: '62323', kind: 'esi-interlaminar', laterality: undefined, reasonIcd10: ['M51.360'] },
    diagnoses: [dx('M51.360', 'Other intervertebral disc degeneration, lumbar region with discogenic back pain only', '2026-07-20')],
    symptoms: [sym('axial', true, 'lumbar', TODAY, 'bilateral'), sym('radicular', false, 'lumbar', TODAY)],
    imaging: [img('MRI', '2026-09-20', 'lumbar', ['L4-L5'], 'Desiccated L4-L5 disc with loss of height; no neural compression')],
    noteText: 'Central low back pain, no leg pain, denies radicular symptoms. Plan: L4-L5 interlaminar ESI.',
  });
  add({
    id: 'ESI-04',
    topic: 'esi-indication',
    source: `${SRC.esiS1}: axial / non-radicular pain not covered; ${SRC.icd}`,
    grade: 'S1',
    primaryText: false,
    description: 'FY2025 code M51.360 (discogenic back pain ONLY), no radicular symptoms: axial pain, ESI not covered',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'axial (non-radicular) pain' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { reasonIcd10: ['M51.36'] },
    diagnoses: [dx('M51.36', 'Other intervertebral disc degeneration, lumbar region', '2026-07-20')],
  });
  add({
    id: 'ESI-05',
    topic: 'esi-indication',
    source: `${SRC.icd} (header since 2024-10-01, never billable for a 2026 date of service)`,
    grade: 'P',
    primaryText: true,
    description:
      'Header code M51.36 on the order (date of service 2026-12-08), radicular symptoms and MRI otherwise complete: the code is not valid and must be recoded to M51.36x',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'incomplete', alsoAcceptable: ['not-eligible'], decidingRequirement: 'invalid (header) ICD-10-CM code M51.36' },
  });
}
{
  // Acute zoster: duration and conservative-care minimums do not apply.
  const s = svc({ code: '62321', kind: 'esi-interlaminar', region: 'thoracic', levels: ['T6-T7'], date: TODAY, reasonIcd10: ['B02.9'] });
  const { picture: pic, service } = esiBase({
    service: s,
    diagnoses: [dx('B02.9', 'Zoster without complications', '2026-11-17')],
    symptoms: [sym('radicular', true, 'thoracic', TODAY, 'left')],
    painScores: [nrs(8, TODAY)],
    functionalStatus: [fn('PEG', 8, TODAY, 'unable to sleep or dress without severe pain')],
    conservativeCare: [
      care('other', 'Valacyclovir 1 g three times daily', '2026-11-17', '2026-11-24', 1, 'failed'),
      care('neuropathic-agent', 'Gabapentin titrated to 900 mg/day', '2026-11-18', '2026-12-01', 2, 'failed'),
    ],
    imaging: [
      img(
        'MRI',
        '2026-11-26',
        'thoracic',
        ['T6-T7'],
        'Enhancement of the left T6 nerve root consistent with zoster radiculitis; no disc herniation or mass',
      ),
    ],
    painDuration: [duration('2026-11-17', TODAY, 2)],
    noteText:
      'Acute herpes zoster left T6 dermatome, rash onset 2026-11-17, severe band-like pain 8/10 despite valacyclovir and gabapentin. Plan: T6-T7 interlaminar ESI.',
  });
  add({
    id: 'ESI-06',
    topic: 'esi-duration',
    source: `${SRC.esiS1}: >= 4 weeks pain and >= 4 weeks care, "except acute herpes zoster"`,
    grade: 'S1',
    primaryText: false,
    description: 'Acute herpes zoster (B02.9), pain 2 weeks, 2 weeks of treatment: duration and conservative-care minimums are waived',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'acute herpes zoster exemption' },
  });
}
{
  const s = svc({ code: '62321', kind: 'esi-interlaminar', region: 'thoracic', levels: ['T6-T7'], date: TODAY, reasonIcd10: ['B02.29'] });
  const { picture: pic, service } = esiBase({
    service: s,
    diagnoses: [dx('B02.29', 'Other postherpetic nervous system involvement', '2026-05-02')],
    symptoms: [sym('radicular', true, 'thoracic', TODAY, 'left')],
    painScores: [nrs(7, TODAY)],
    functionalStatus: [fn('PEG', 7, TODAY, 'sleep disrupted nightly')],
    conservativeCare: [
      care('neuropathic-agent', 'Gabapentin 1800 mg/day', '2026-06-01', '2026-11-20', 24, 'failed'),
      care('analgesic', 'Lidocaine 5 % patch', '2026-07-01', '2026-11-20', 20, 'failed'),
    ],
    imaging: [img('MRI', '2026-07-10', 'thoracic', ['T6-T7'], 'No disc herniation, stenosis or mass at T6-T7')],
    painDuration: [duration('2026-05-02', TODAY, 30)],
    noteText: 'Post-herpetic pain left T6 dermatome 7 months after shingles. Plan: T6-T7 interlaminar ESI.',
  });
  add({
    id: 'ESI-07',
    topic: 'esi-indication',
    source: `${SRC.esiS1} (covered: ACUTE herpes zoster); ICD-10-CM B02.2x = postherpetic nervous-system involvement (shared README; codelle.io / icd10.blog code pages, S2)`,
    grade: 'S1',
    primaryText: false,
    description:
      'Post-herpetic pain (B02.29) 7 months after zoster: B02.2x is not acute zoster, and post-herpetic pain is not an ESI indication',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'not an ESI indication (B02.2x is not acute zoster)' },
  });
}

// ===== ESI: pain duration / conservative care ===================================================================
{
  const { picture: pic, service } = esiBase({
    svcIn: { date: TODAY },
    painDuration: [duration('2026-11-10', TODAY, 3)],
    conservativeCare: [
      care('nsaid', 'Meloxicam 15 mg daily', '2026-11-10', '2026-12-01', 3, 'failed'),
      care('activity-modification', 'Activity modification, walking programme', '2026-11-10', '2026-12-01', 3, 'failed'),
    ],
    noteText: 'Left thigh pain for 3 weeks since lifting injury on 2026-11-10.',
  });
  add({
    id: 'ESI-08',
    topic: 'esi-duration',
    source: `${SRC.esiS1}: pain >= 4 weeks`,
    grade: 'S1',
    primaryText: false,
    description: 'Below: pain for 3 weeks (onset 2026-11-10), 3 weeks of care',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'pain duration >= 4 weeks' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { date: TODAY },
    painDuration: [duration('2026-11-03', TODAY, 4)],
    conservativeCare: [
      care('nsaid', 'Meloxicam 15 mg daily', '2026-11-03', '2026-12-01', 4, 'failed'),
      care('physical-therapy', 'Physical therapy 2x/week', '2026-11-03', '2026-12-01', 4, 'failed'),
    ],
    noteText: 'Left thigh pain for 4 weeks since 2026-11-03; failed 4 weeks of PT and meloxicam.',
  });
  add({
    id: 'ESI-09',
    topic: 'esi-duration',
    source: `${SRC.esiS1}: pain >= 4 weeks and >= 4 weeks of failed conservative care`,
    grade: 'S1',
    primaryText: false,
    description: 'At threshold: pain exactly 4 weeks (28 days) and 4 weeks of failed PT + NSAID, service today',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { date: TODAY },
    conservativeCare: [
      care('nsaid', 'Meloxicam 15 mg daily', '2026-11-10', '2026-12-01', 3, 'failed'),
      care('physical-therapy', 'Physical therapy 2x/week', '2026-11-10', '2026-12-01', 3, 'failed'),
    ],
  });
  add({
    id: 'ESI-10',
    topic: 'esi-conservative',
    source: `${SRC.esiS1}: >= 4 weeks of failed / not tolerated non-invasive conservative care (shared README: the 4 weeks applies to the care, S1)`,
    grade: 'S1',
    primaryText: false,
    description: 'Below: pain 19 weeks but only 3 weeks of conservative care (PT and NSAID concurrent)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'conservative care >= 4 weeks' },
  });
}

// ===== ESI: documentation (scales, imaging) ====================================================================
{
  const { picture: pic, service } = esiBase({
    imaging: [],
    noteText: 'Left thigh pain, positive femoral stretch. No imaging on file. Plan: left L4-L5 TFESI.',
  });
  add({
    id: 'ESI-11',
    topic: 'esi-documentation',
    source: `${SRC.esiS1}: history, exam AND concordant imaging support the diagnosis`,
    grade: 'S1',
    primaryText: false,
    description: 'No imaging report on file',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'incomplete', decidingRequirement: 'concordant imaging' },
  });
}

// ===== ESI: levels / imaging guidance ==========================================================================
{
  const { picture: pic, service } = esiBase({
    svcIn: { levels: ['L4-L5', 'L5-S1'], laterality: 'bilateral' },
    symptoms: [sym('radicular', true, 'lumbar', TODAY, 'bilateral')],
    imaging: [
      img(
        'MRI',
        '2026-09-20',
        'lumbar',
        ['L4-L5', 'L5-S1'],
        'Bilateral foraminal stenosis at L4-L5 and L5-S1 with contact of the exiting L4 and L5 roots',
      ),
    ],
  });
  add({
    id: 'ESI-12',
    topic: 'esi-levels-imaging',
    source: SRC.esiUtil,
    grade: 'S1',
    primaryText: false,
    description: 'At limit: transforaminal at 2 levels, bilateral (64483 + 64484, modifier 50)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { levels: ['L3-L4', 'L4-L5', 'L5-S1'] },
    imaging: [img('MRI', '2026-09-20', 'lumbar', ['L3-L4', 'L4-L5', 'L5-S1'], 'Left foraminal stenosis L3-L4, L4-L5 and L5-S1')],
  });
  add({
    id: 'ESI-13',
    topic: 'esi-levels-imaging',
    source: SRC.esiUtil,
    grade: 'S1',
    primaryText: false,
    description: 'Above limit: transforaminal at 3 levels in one session',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'TFESI at most 2 levels per session' },
  });
}
{
  const { picture: pic, service } = esiBase({
    svcIn: { code: '62322', kind: 'esi-interlaminar', laterality: undefined, imageGuidance: false },
  });
  add({
    id: 'ESI-14',
    topic: 'esi-levels-imaging',
    source: `${SRC.esiS1}: fluoroscopic or CT guidance with contrast; ESI without imaging guidance not covered (S1, S2 L33906)`,
    grade: 'S1',
    primaryText: false,
    description: 'Interlaminar lumbar ESI without imaging guidance (62322, order says no guidance)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'imaging guidance required' },
  });
}

// ===== ESI: frequency (sessions per region per rolling 12 months) =============================================
{
  // 3 prior sessions on 3 dates, but 5 procedure lines (primary + add-on on two dates): the planned one is the 4th.
  const hist = [
    ESI('2026-03-10', [60, H.months(3), '2026-06-10'], '64483', ['L4-L5']),
    ESI('2026-03-10', undefined, '64484', ['L5-S1']),
    ESI('2026-06-15', [60, H.months(3), '2026-09-14'], '64483', ['L4-L5']),
    ESI('2026-09-01', [65, H.months(3), '2026-12-01'], '64483', ['L4-L5']),
    ESI('2026-09-01', undefined, '64484', ['L5-S1']),
  ];
  const { picture: pic, service } = esiBase({
    svcIn: { date: '2026-12-10', levels: ['L4-L5', 'L5-S1'] },
    procedureHistory: hist,
    painDuration: [duration('2025-12-01', TODAY, 52)],
    imaging: [
      img(
        'MRI',
        '2026-02-20',
        'lumbar',
        ['L4-L5', 'L5-S1'],
        'Left foraminal disc protrusions at L4-L5 and L5-S1 compressing the exiting left L4 and L5 roots',
      ),
    ],
  });
  add({
    id: 'ESI-15',
    topic: 'esi-frequency',
    source: `${SRC.esiUtil}; a session = one date of service in one region`,
    grade: 'S1',
    primaryText: false,
    description:
      'Session counting: 3 prior lumbar sessions (2 of them billed 64483 + 64484 on the same day = 5 lines), each >= 50 % for 3 months; the planned one is session 4 of 4',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'sessions counted per date + region (4 <= 4)' },
  });
}
{
  const hist = [
    ESI('2025-12-20', [60, H.months(3), '2026-03-20']),
    ESI('2026-03-25', [60, H.months(3), '2026-06-25']),
    ESI('2026-06-28', [60, H.months(3), '2026-09-01']),
    ESI('2026-09-01', [60, H.months(3), '2026-12-01']),
  ];
  const { picture: pic, service } = esiBase({
    svcIn: { date: '2026-12-10' },
    procedureHistory: hist,
    painDuration: [duration('2025-10-01', TODAY, 61)],
  });
  add({
    id: 'ESI-16',
    topic: 'esi-frequency',
    source: SRC.esiUtil,
    grade: 'S1',
    primaryText: false,
    description:
      'Above cap: 4 prior lumbar sessions within the 12 months before 2026-12-10 (each with >= 50 % relief for 3 months); the planned one would be the 5th',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'at most 4 sessions per region per rolling 12 months' },
  });
}
{
  const hist = [
    ESI('2026-01-12', [60, H.months(3), '2026-04-12'], '62321', ['C6-C7'], 'cervical'),
    ESI('2026-04-20', [60, H.months(3), '2026-07-20'], '62321', ['C6-C7'], 'cervical'),
    ESI('2026-08-03', [60, H.months(3), '2026-11-03'], '62321', ['C6-C7'], 'cervical'),
    ESI('2026-02-02', [60, H.months(3), '2026-05-02']),
    ESI('2026-05-11', [60, H.months(3), '2026-08-11']),
    ESI('2026-08-24', [60, H.months(3), '2026-11-24']),
  ];
  const { picture: pic, service } = esiBase({
    svcIn: { date: '2026-12-10' },
    procedureHistory: hist,
    diagnoses: [
      dx('M51.16', 'Intervertebral disc disorders with radiculopathy, lumbar region', '2025-12-01'),
      dx('M50.123', 'Cervical disc disorder at C6-C7 level with radiculopathy', '2025-11-01'),
    ],
    painDuration: [duration('2025-12-01', TODAY, 52)],
  });
  add({
    id: 'ESI-17',
    topic: 'esi-frequency',
    source: `${SRC.esiUtil} (the cap is per spinal region)`,
    grade: 'S1',
    primaryText: false,
    description: 'Per region: 3 cervical + 3 lumbar sessions in 12 months (6 in total); the planned lumbar one is the 4th lumbar session',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'frequency counted per region' },
  });
}

// ===== ESI: repeat requires >= 50 % for >= 3 months ==========================================================
{
  const { picture: pic, service } = esiBase({ procedureHistory: [ESI('2026-08-20', [50, H.months(3), '2026-11-20'])] });
  add({
    id: 'ESI-18',
    topic: 'esi-repeat',
    source: SRC.esiRepeat,
    grade: 'S1',
    primaryText: false,
    description: 'At threshold: prior TFESI 2026-08-20 gave 50 % pain relief lasting 3 months (2190 h)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = esiBase({ procedureHistory: [ESI('2026-08-20', [40, H.months(4), '2026-11-20'])] });
  add({
    id: 'ESI-19',
    topic: 'esi-repeat',
    source: SRC.esiRepeat,
    grade: 'S1',
    primaryText: false,
    description: 'Below percent: prior TFESI gave 40 % relief (for 4 months), same level and approach planned again',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'repeat ESI needs >= 50 % relief' },
  });
}
{
  const { picture: pic, service } = esiBase({ procedureHistory: [ESI('2026-08-20', [60, H.weeks(6), '2026-10-01'])] });
  add({
    id: 'ESI-20',
    topic: 'esi-repeat',
    source: SRC.esiRepeat,
    grade: 'S1',
    primaryText: false,
    description: 'Below duration: prior TFESI gave 60 % relief lasting only 6 weeks (1008 h < 3 months)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'repeat ESI needs relief >= 3 months' },
  });
}
{
  const { picture: pic, service } = esiBase({ procedureHistory: [ESI('2026-08-20', [35, H.months(3), '2026-11-20'], '64483')] });
  pic.procedureHistory[0]!.relief.push(relief(55, H.months(3), '2026-11-20', pic.procedureHistory[0]!.evidence[0]!.ref, 'function'));
  add({
    id: 'ESI-21',
    topic: 'esi-repeat',
    source: `${SRC.esiRepeat} ("pain OR function")`,
    grade: 'S1',
    primaryText: false,
    description:
      'Prior TFESI: 35 % pain relief but 55 % functional improvement (ODI) for 3 months: function alone satisfies the repeat rule',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: '>= 50 % improvement in pain or function' },
  });
}

// ===== Same session: ESI + facet =============================================================================
{
  const mbb = svc({
    code: '64493',
    kind: 'facet-mbb',
    region: 'lumbar',
    levels: ['L4-L5', 'L5-S1'],
    laterality: 'bilateral',
    date: PLANNED,
    reasonIcd10: ['M47.816'],
  });
  const { picture: pic, service } = esiBase({
    otherPlanned: [mbb],
    diagnoses: [
      dx('M51.16', 'Intervertebral disc disorders with radiculopathy, lumbar region', '2026-07-20'),
      dx('M47.816', 'Spondylosis without myelopathy or radiculopathy, lumbar region', '2025-06-01'),
    ],
  });
  add({
    id: 'SAME-01',
    topic: 'same-session',
    source: SRC.esiSame,
    grade: 'S1',
    primaryText: false,
    description: 'TFESI L4-L5 left and lumbar MBB L4-L5, L5-S1 planned on the same date (no facet cyst)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'ESI and facet block in the same session not covered' },
  });
}
{
  const mbb = svc({
    code: '64490',
    kind: 'facet-mbb',
    region: 'cervical',
    levels: ['C4-C5', 'C5-C6'],
    laterality: 'right',
    date: PLANNED,
    reasonIcd10: ['M47.812'],
  });
  const { picture: pic, service } = esiBase({
    otherPlanned: [mbb],
    diagnoses: [
      dx('M51.16', 'Intervertebral disc disorders with radiculopathy, lumbar region', '2026-07-20'),
      dx('M47.812', 'Spondylosis without myelopathy or radiculopathy, cervical region', '2025-06-01'),
    ],
  });
  add({
    id: 'SAME-02',
    topic: 'same-session',
    source: `${SRC.esiSame} ("any region")`,
    grade: 'S1',
    primaryText: false,
    description: 'Lumbar TFESI and a cervical MBB on the same date: different regions, still one session with two different blocks',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'different blocks in one session not covered (any region)' },
  });
}

// ===== Facet: diagnosis list (A58403) ========================================================================
{
  const { picture: pic, service } = facetBase();
  add({
    id: 'FAC-01',
    topic: 'facet-diagnosis',
    source: `${SRC.facetP}; ${SRC.facetDx}`,
    grade: 'P',
    primaryText: true,
    description:
      'Baseline: axial lumbar pain 54 weeks, M47.816, failed PT/NSAID/home exercise, NRS 6, ODI 38, first diagnostic MBB L4-L5, L5-S1 bilateral',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const s = svc({
    code: '64493',
    kind: 'facet-mbb',
    region: 'lumbar',
    levels: ['L5-S1'],
    laterality: 'bilateral',
    date: PLANNED,
    reasonIcd10: ['M47.897'],
  });
  const { picture: pic, service } = facetBase({
    service: s,
    diagnoses: [dx('M47.897', 'Other spondylosis, lumbosacral region', '2025-11-15')],
  });
  add({
    id: 'FAC-02',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description: 'Covered list includes M47.892-M47.897: M47.897 (other spondylosis, lumbosacral), MBB L5-S1',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({
    svcIn: { reasonIcd10: ['M54.50'] },
    diagnoses: [dx('M54.50', 'Low back pain, unspecified', '2025-11-15')],
  });
  add({
    id: 'FAC-03',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description: 'Only diagnosis M54.50 (low back pain): no M54.x code supports facet interventions',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', alsoAcceptable: ['incomplete'], decidingRequirement: 'diagnosis not on covered list (M54.x)' },
  });
}
{
  const s = svc({
    code: '64490',
    kind: 'facet-mbb',
    region: 'cervical',
    levels: ['C2-C3'],
    laterality: 'right',
    date: PLANNED,
    reasonIcd10: ['M47.811'],
  });
  const { picture: pic, service } = facetBase({
    service: s,
    diagnoses: [dx('M47.811', 'Spondylosis without myelopathy or radiculopathy, occipito-atlanto-axial region', '2025-10-01')],
    symptoms: [sym('axial', true, 'cervical', TODAY, 'right'), sym('radicular', false, 'cervical', TODAY)],
    functionalStatus: [fn('NDI', 36, TODAY)],
    imaging: [img('CT', '2026-03-02', 'cervical', ['C2-C3'], 'Right C2-C3 facet arthropathy; atlanto-axial degenerative change')],
  });
  add({
    id: 'FAC-04',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description: 'M47.811 (occipito-atlanto-axial) is outside M47.812-M47.817',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', alsoAcceptable: ['incomplete'], decidingRequirement: 'diagnosis not on covered list (M47.811)' },
  });
}
{
  const s = svc({
    code: '64493',
    kind: 'facet-mbb',
    region: 'lumbar',
    levels: ['L5-S1'],
    laterality: 'bilateral',
    date: PLANNED,
    reasonIcd10: ['M47.818'],
  });
  const { picture: pic, service } = facetBase({
    service: s,
    diagnoses: [dx('M47.818', 'Spondylosis without myelopathy or radiculopathy, sacral and sacrococcygeal region', '2025-11-15')],
  });
  add({
    id: 'FAC-05',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description: 'M47.818 (sacral / sacrococcygeal) is outside M47.812-M47.817',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', alsoAcceptable: ['incomplete'], decidingRequirement: 'diagnosis not on covered list (M47.818)' },
  });
}
{
  const { picture: pic, service } = facetBase({
    svcIn: { reasonIcd10: ['M47.819'] },
    diagnoses: [dx('M47.819', 'Spondylosis without myelopathy or radiculopathy, site unspecified', '2025-11-15')],
  });
  add({
    id: 'FAC-06',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description: 'M47.819 (site unspecified) is outside M47.812-M47.817',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', alsoAcceptable: ['incomplete'], decidingRequirement: 'diagnosis not on covered list (M47.819)' },
  });
}
{
  const { picture: pic, service } = facetBase({
    svcIn: { reasonIcd10: ['M47.81'] },
    diagnoses: [dx('M47.81', 'Spondylosis without myelopathy or radiculopathy', '2025-11-15')],
  });
  add({
    id: 'FAC-07',
    topic: 'facet-diagnosis',
    source: `ICD-10-CM: M47.81 is a category header (shared README); ${SRC.facetDx}`,
    grade: 'S1',
    primaryText: false,
    description: 'Header code M47.81 (no region): not billable; must be coded to M47.816',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'incomplete', alsoAcceptable: ['not-eligible'], decidingRequirement: 'invalid (header) ICD-10-CM code M47.81' },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc({ reasonIcd10: ['M53.86'] }),
    diagnoses: [dx('M53.86', 'Other specified dorsopathies, lumbar region', '2025-11-15')],
    imaging: [img('MRI', '2026-06-10', 'lumbar', ['L4-L5'], 'Left L4-L5 facet synovial cyst, 8 mm, with facet effusion')],
    procedureHistory: [MBB('2026-10-06', 90), MBB('2026-10-27', 85)],
  });
  add({
    id: 'FAC-08',
    topic: 'facet-diagnosis',
    source: SRC.facetDx,
    grade: 'S1',
    primaryText: false,
    description:
      'M53.86 with a documented facet synovial cyst supports facet injections only, never ablation: RFA with M53.86 as the only diagnosis',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', alsoAcceptable: ['incomplete'], decidingRequirement: 'M53.82-M53.87 not covered for RFA' },
  });
}

// ===== Facet: indication (pain duration, conservative care, exclusions) ======================================
{
  const { picture: pic, service } = facetBase({
    svcIn: { date: TODAY },
    painDuration: [duration('2026-09-22', TODAY, 10)],
    conservativeCare: [care('nsaid', 'Naproxen 500 mg twice daily', '2026-09-25', '2026-11-30', 9, 'failed')],
  });
  add({
    id: 'FAC-09',
    topic: 'facet-indication',
    source: `${SRC.facetP}: "persistent for at least a minimum of 3 months"`,
    grade: 'P',
    primaryText: true,
    description: 'Below: axial pain for 10 weeks',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'pain >= 3 months' },
  });
}
{
  const { picture: pic, service } = facetBase({
    svcIn: { date: TODAY },
    painDuration: [duration('2026-09-01', TODAY, 13)],
    conservativeCare: [
      care('nsaid', 'Naproxen 500 mg twice daily', '2026-09-05', '2026-11-30', 12, 'failed'),
      care('physical-therapy', 'Physical therapy 6 weeks', '2026-09-15', '2026-10-27', 6, 'failed'),
    ],
  });
  add({
    id: 'FAC-10',
    topic: 'facet-indication',
    source: `${SRC.facetP}: "at least a minimum of 3 months"`,
    grade: 'P',
    primaryText: true,
    description: 'At threshold: axial pain since 2026-09-01, service 2026-12-01 (3 calendar months)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({
    conservativeCare: [
      care('nsaid', 'Naproxen 500 mg twice daily', '2026-11-10', '2026-11-24', 2, 'failed'),
      care('home-exercise', 'Home exercise programme', '2026-11-10', '2026-11-24', 2, 'failed'),
    ],
  });
  add({
    id: 'FAC-11',
    topic: 'facet-indication',
    source: `${SRC.facetP}: "Documented failure to respond to noninvasive conservative management" - no duration set for the care (shared README, P)`,
    grade: 'P',
    primaryText: true,
    description: 'Pain 54 weeks; only 2 weeks of failed conservative care: the facet LCD sets no minimum duration for the care',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'no conservative-care duration in the facet LCD' },
  });
}
{
  const { picture: pic, service } = facetBase({
    diagnoses: [
      dx('M47.816', 'Spondylosis without myelopathy or radiculopathy, lumbar region', '2025-11-15'),
      dx('M54.16', 'Radiculopathy, lumbar region', '2026-09-01'),
    ],
    symptoms: [sym('axial', true, 'lumbar', TODAY, 'bilateral'), sym('radicular', true, 'lumbar', TODAY, 'left')],
    imaging: [
      img(
        'MRI',
        '2026-06-10',
        'lumbar',
        ['L4-L5', 'L5-S1'],
        'Facet arthropathy L4-L5, L5-S1; left L5-S1 disc protrusion contacting the left S1 root; no synovial cyst',
      ),
    ],
    noteText:
      'Back pain plus left leg pain to the foot, positive straight-leg raise, absent left ankle reflex; no treatment for the radiculopathy yet.',
  });
  add({
    id: 'FAC-12',
    topic: 'facet-indication',
    source: `${SRC.facetP}: "Absence of untreated radiculopathy or neurogenic claudication (except ... facet joint synovial cyst)"`,
    grade: 'P',
    primaryText: true,
    description: 'Untreated lumbar radiculopathy (M54.16, disc protrusion, no cyst) alongside facet pain',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'untreated radiculopathy' },
  });
}
{
  const { picture: pic, service } = facetBase({
    svcIn: { levels: ['L3-L4', 'L4-L5', 'L5-S1'] },
    imaging: [img('MRI', '2026-06-10', 'lumbar', ['L3-L4', 'L4-L5', 'L5-S1'], 'Facet arthropathy L3-L4 to L5-S1')],
  });
  add({
    id: 'FAC-13',
    topic: 'facet-levels',
    source: SRC.facetLevels,
    grade: 'P',
    primaryText: true,
    description: 'Third level: MBB planned at 3 joints (64493 + 64494 + 64495)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'at most 2 facet levels per session; 3rd level not covered' },
  });
}

// ===== Facet: diagnostic block sequence (80 %, 2 weeks) ======================================================
{
  const { picture: pic, service } = facetBase({ svcIn: { date: TODAY }, procedureHistory: [MBB('2026-11-17', 90)] });
  add({
    id: 'FAC-14',
    topic: 'facet-mbb-sequence',
    source: `${SRC.facetP} (second diagnostic: >= 80 % from the first); facet rubric L38801 (S1): second block >= 2 weeks after the first`,
    grade: 'S1',
    primaryText: false,
    description: 'At spacing threshold: second diagnostic MBB exactly 14 days after the first (90 % relief, 6 h)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({ svcIn: { date: TODAY }, procedureHistory: [MBB('2026-11-24', 90)] });
  add({
    id: 'FAC-15',
    topic: 'facet-mbb-sequence',
    source: 'Facet rubric L38801 / A58403 (S1): second diagnostic block at least 2 weeks after the first',
    grade: 'S1',
    primaryText: false,
    description: 'Below spacing: second diagnostic MBB 7 days after the first',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'second diagnostic block >= 2 weeks after the first' },
  });
}
{
  const { picture: pic, service } = facetBase({ procedureHistory: [MBB('2026-11-10', 70)] });
  add({
    id: 'FAC-16',
    topic: 'facet-mbb-sequence',
    source: `${SRC.facetP}: second diagnostic only after "consistent positive response of at least 80% relief"`,
    grade: 'P',
    primaryText: true,
    description: 'Below relief: first MBB gave 70 % relief; second diagnostic MBB planned 28 days later',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'first diagnostic block >= 80 % relief' },
  });
}
{
  const { picture: pic, service } = facetBase({ procedureHistory: [MBB('2026-11-10', 80)] });
  add({
    id: 'FAC-17',
    topic: 'facet-mbb-sequence',
    source: `${SRC.facetP}: "at least 80% relief"`,
    grade: 'P',
    primaryText: true,
    description: 'At relief threshold: first MBB gave exactly 80 %; second diagnostic MBB planned 28 days later',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}

// ===== Facet RFA ===========================================================================================
{
  const { picture: pic, service } = facetBase({ service: rfaSvc(), procedureHistory: [MBB('2026-10-06', 90), MBB('2026-10-27', 80)] });
  add({
    id: 'RFA-01',
    topic: 'facet-rfa',
    source: `${SRC.facetRfa}; ${SRC.facetP}`,
    grade: 'S1',
    primaryText: false,
    description:
      'At threshold: two diagnostic MBBs 3 weeks apart with 90 % and 80 % relief, then first RFA L4-L5, L5-S1 bilateral (64635 + 64636)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({ service: rfaSvc(), procedureHistory: [MBB('2026-10-06', 90), MBB('2026-10-27', 79)] });
  add({
    id: 'RFA-02',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description: 'Below: second diagnostic MBB gave 79 % relief',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'both diagnostic blocks >= 80 %' },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc(),
    procedureHistory: [MBB('2025-03-04', 90), MBB('2025-03-25', 85), RFA('2025-04-15', 'bilateral', [50, H.months(6), '2025-10-20'])],
  });
  add({
    id: 'RFA-03',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description:
      'Repeat RFA at threshold: prior RFA 2025-04-15 (same joints, both sides) gave 50 % for 6 months; < 2 years ago; none in the last 12 months',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc(),
    procedureHistory: [MBB('2025-03-04', 90), MBB('2025-03-25', 85), RFA('2025-04-15', 'bilateral', [60, H.months(4), '2025-08-15'])],
  });
  add({
    id: 'RFA-04',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description: 'Repeat RFA below duration: prior RFA gave 60 % for only 4 months',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'repeat RFA needs >= 50 % for >= 6 months' },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc({ laterality: 'left' }),
    procedureHistory: [
      MBB('2025-10-20', 90),
      MBB('2025-11-10', 85),
      RFA('2026-01-12', 'left', [70, H.months(7), '2026-08-12']),
      RFA('2026-06-15', 'right', [70, H.months(5), '2026-11-15']),
    ],
  });
  add({
    id: 'RFA-05',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description:
      'Above cap: RFA sessions 2026-01-12 (left) and 2026-06-15 (right) in the lumbar region; a third lumbar RFA session within 12 months (left repeat itself met 70 % for 7 months)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'at most 2 RFA sessions per region per rolling 12 months' },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc(),
    procedureHistory: [MBB('2024-03-05', 90), MBB('2024-03-26', 85), RFA('2024-04-20', 'bilateral', [70, H.months(10), '2025-02-20'])],
  });
  add({
    id: 'RFA-06',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description: 'Prior RFA 2024-04-20 (more than 2 years ago), good response, no new diagnostic blocks since',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: {
      verdict: 'not-eligible',
      alsoAcceptable: ['incomplete'],
      decidingRequirement: 'prior RFA > 2 years: repeat the two diagnostic blocks',
    },
  });
}
{
  const { picture: pic, service } = facetBase({
    service: rfaSvc(),
    procedureHistory: [
      MBB('2024-03-05', 90),
      MBB('2024-03-26', 85),
      RFA('2024-04-20', 'bilateral', [70, H.months(10), '2025-02-20']),
      MBB('2026-10-06', 90),
      MBB('2026-10-27', 85),
    ],
  });
  add({
    id: 'RFA-07',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description: 'Prior RFA > 2 years ago, followed by two new diagnostic MBBs (90 %, 85 %) in 2026',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const { picture: pic, service } = facetBase({
    procedureHistory: [MBB('2025-10-20', 90), MBB('2025-11-10', 85), RFA('2026-03-02', 'bilateral', [70, H.months(7), '2026-10-02'])],
  });
  add({
    id: 'RFA-08',
    topic: 'facet-rfa',
    source: SRC.facetRfa,
    grade: 'S1',
    primaryText: false,
    description: 'Diagnostic MBB planned at L4-L5, L5-S1 where an RFA 9 months ago succeeded (70 % for 7 months)',
    picture: pic,
    service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'no diagnostic block at a level with a successful prior RFA' },
  });
}

// ===== Commercial overlays: Summit (eviCore CMM-200) =========================================================
{
  const cc = [
    care('physical-therapy', 'Physical therapy 2x/week', '2026-10-27', '2026-12-01', 5, 'failed'),
    care('nsaid', 'Meloxicam 15 mg daily', '2026-10-27', '2026-12-01', 5, 'failed'),
  ];
  const a = esiBase({ payer: 'summit', conservativeCare: cc, painDuration: [duration('2026-10-06', TODAY, 8)] });
  add({
    id: 'SUM-01',
    topic: 'commercial-summit',
    source: SRC.evicore,
    grade: 'S2',
    primaryText: false,
    description: 'Summit: lumbar radiculopathy (M51.16) with 5 weeks of failed care (eviCore: >= 6 weeks for radiculopathy)',
    picture: a.picture,
    service: a.service,
    payer: 'summit',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'Summit: conservative care >= 6 weeks for radiculopathy' },
  });
  const b = esiBase({ payer: 'medicare', conservativeCare: cc, painDuration: [duration('2026-10-06', TODAY, 8)] });
  add({
    id: 'SUM-02',
    topic: 'commercial-summit',
    source: SRC.esiS1,
    grade: 'S1',
    primaryText: false,
    description: 'Control for SUM-01: same chart under Medicare (4 weeks suffice)',
    picture: b.picture,
    service: b.service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const cc = [
    care('physical-therapy', 'Physical therapy 2x/week', '2026-10-20', '2026-12-01', 6, 'failed'),
    care('nsaid', 'Meloxicam 15 mg daily', '2026-10-20', '2026-12-01', 6, 'failed'),
  ];
  const a = esiBase({ payer: 'summit', conservativeCare: cc, painDuration: [duration('2026-10-06', TODAY, 8)] });
  add({
    id: 'SUM-03',
    topic: 'commercial-summit',
    source: SRC.evicore,
    grade: 'S2',
    primaryText: false,
    description: 'Summit at threshold: radiculopathy with exactly 6 weeks of failed PT + NSAID',
    picture: a.picture,
    service: a.service,
    payer: 'summit',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}
{
  const s = svc({ code: '62323', kind: 'esi-interlaminar', region: 'lumbar', levels: ['L4-L5'], date: PLANNED, reasonIcd10: ['M48.062'] });
  const a = esiBase({
    payer: 'summit',
    service: s,
    diagnoses: [dx('M48.062', 'Spinal stenosis, lumbar region with neurogenic claudication', '2026-09-01')],
    symptoms: [sym('neurogenic-claudication', true, 'lumbar', TODAY, 'bilateral')],
    imaging: [img('MRI', '2026-10-15', 'lumbar', ['L4-L5'], 'Severe central canal stenosis at L4-L5')],
    conservativeCare: [
      care('physical-therapy', 'Physical therapy, flexion-based programme', '2026-11-03', '2026-12-01', 4, 'failed'),
      care('nsaid', 'Naproxen 500 mg twice daily', '2026-11-03', '2026-12-01', 4, 'failed'),
    ],
    painDuration: [duration('2026-09-01', TODAY, 13)],
  });
  add({
    id: 'SUM-04',
    topic: 'commercial-summit',
    source: SRC.evicore,
    grade: 'S2',
    primaryText: false,
    description: 'Summit: spinal stenosis (M48.062) with 4 weeks of failed care (eviCore: >= 4 weeks for stenosis)',
    picture: a.picture,
    service: a.service,
    payer: 'summit',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'Summit: 4 weeks suffice for spinal stenosis' },
  });
}

// ===== Commercial overlays: BCBSMA policy 690 ================================================================
{
  const cc = [
    care('physical-therapy', 'Physical therapy 2x/week', '2026-11-10', '2026-12-01', 3, 'failed'),
    care('nsaid', 'Meloxicam 15 mg daily (prescription)', '2026-10-06', '2026-12-01', 8, 'failed'),
  ];
  const a = esiBase({ payer: 'bcbsma', conservativeCare: cc, painDuration: [duration('2026-09-20', TODAY, 10)] });
  add({
    id: 'BCB-01',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description: 'BCBSMA: 8 weeks prescription NSAID but only 3 weeks of physical therapy (policy needs >= 4 weeks PT)',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'BCBSMA: >= 4 weeks of physical therapy' },
  });
}
{
  const a = esiBase({ payer: 'bcbsma', svcIn: { date: TODAY }, procedureHistory: [ESI('2026-11-06', [70, H.weeks(2), '2026-11-20'])] });
  add({
    id: 'BCB-02',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description: 'BCBSMA repeat 25 days after the last ESI (70 % relief so far)',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'BCBSMA: >= 30 days since the last injection' },
  });
}
{
  const a = esiBase({ payer: 'bcbsma', svcIn: { date: TODAY }, procedureHistory: [ESI('2026-11-01', [70, H.weeks(3), '2026-11-22'])] });
  add({
    id: 'BCB-03',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description: 'BCBSMA repeat exactly 30 days after a successful ESI (70 % relief): policy asks only that prior ESIs relieved pain',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'BCBSMA spacing/response rule replaces Medicare 3-month rule' },
  });
}
{
  const hist = [
    ESI('2026-01-05', [60, H.weeks(7), '2026-02-23']),
    ESI('2026-03-02', [60, H.weeks(7), '2026-04-20']),
    ESI('2026-05-04', [60, H.weeks(7), '2026-06-22']),
    ESI('2026-07-06', [60, H.weeks(7), '2026-08-24']),
    ESI('2026-09-07', [60, H.weeks(7), '2026-10-26']),
  ];
  const a = esiBase({ payer: 'bcbsma', procedureHistory: hist, painDuration: [duration('2025-10-01', TODAY, 61)] });
  add({
    id: 'BCB-04',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description:
      'BCBSMA: 5 single-level injections in the last 12 months, each relieving pain; the planned one is the 6th (policy cap 6 per 12 months, not Medicare 4)',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'ready', decidingRequirement: 'BCBSMA: <= 6 injections in 12 months' },
  });
}
{
  const hist = [
    ESI('2026-01-05', [60, H.weeks(7), '2026-02-23']),
    ESI('2026-03-02', [60, H.weeks(7), '2026-04-20']),
    ESI('2026-05-04', [60, H.weeks(7), '2026-06-22']),
    ESI('2026-07-06', [60, H.weeks(7), '2026-08-24']),
    ESI('2026-09-07', [60, H.weeks(7), '2026-10-26']),
    ESI('2026-11-02', [60, H.weeks(4), '2026-11-30']),
  ];
  const a = esiBase({ payer: 'bcbsma', procedureHistory: hist, painDuration: [duration('2025-10-01', TODAY, 61)] });
  add({
    id: 'BCB-05',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description: 'BCBSMA: 6 injections already in the last 12 months; a 7th is planned',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'BCBSMA: <= 6 injections in 12 months' },
  });
}
{
  const a = esiBase({ payer: 'bcbsma', painScores: [nrs(2, TODAY)], functionalStatus: [fn('ODI', 14, TODAY, 'minimal limitation')] });
  add({
    id: 'BCB-06',
    topic: 'commercial-bcbsma',
    source: SRC.bcbsma,
    grade: 'P',
    primaryText: true,
    description: 'BCBSMA: pain 2/10 (mild) - policy requires at least moderate-severe pain',
    picture: a.picture,
    service: a.service,
    payer: 'bcbsma',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'BCBSMA: pain at least moderate-severe' },
  });
}

// ===== SI joint (S2 only) ===================================================================================
function siBase(o: Partial<PictureIn> & { svcIn?: Partial<SvcIn> } = {}): { picture: ClinicalPicture; service: PlannedService } {
  const service =
    o.service ??
    svc({
      code: '27096',
      kind: 'si-joint',
      region: 'sacral',
      levels: ['S1'],
      laterality: 'right',
      date: PLANNED,
      reasonIcd10: ['M46.1'],
      ...o.svcIn,
    });
  const p: PictureIn = {
    patientId: 'pt-si',
    birthDate: '1956-01-20',
    sex: 'female',
    visit: TODAY,
    payer: 'medicare',
    diagnoses: [dx('M46.1', 'Sacroiliitis, not elsewhere classified', '2026-06-01')],
    painScores: [nrs(7, TODAY)],
    functionalStatus: [fn('ODI', 40, TODAY, 'cannot sit through a church service')],
    conservativeCare: [
      care('physical-therapy', 'Physical therapy 6 weeks, pelvic stabilisation', '2026-08-03', '2026-09-14', 6, 'failed'),
      care('nsaid', 'Ibuprofen 600 mg three times daily', '2026-07-01', '2026-10-30', 17, 'failed'),
    ],
    imaging: [img('XR', '2026-07-15', 'sacral', ['S1'], 'Right sacroiliac joint sclerosis; lumbar spine without acute findings')],
    painDuration: [duration('2026-06-01', TODAY, 26)],
    symptoms: [sym('axial', true, 'sacral', TODAY, 'right'), sym('radicular', false, 'lumbar', TODAY)],
    noteText:
      'Right buttock pain below L5 over the sacroiliac joint since June 2026, NRS 7. Provocation: FABER positive, thigh thrust positive, compression positive, distraction negative (3 of 4 positive). Failed 6 weeks PT and ibuprofen. Plan: right SI joint injection under fluoroscopy with contrast.',
    ...o,
    service,
  };
  return { picture: picture(p), service };
}
{
  const s = svc({
    code: '64625',
    kind: 'other',
    region: 'sacral',
    levels: ['S1'],
    laterality: 'right',
    date: PLANNED,
    reasonIcd10: ['M46.1'],
  });
  const a = siBase({
    service: s,
    procedureHistory: [
      proc({
        code: '27096',
        kind: 'si-joint',
        date: '2026-09-28',
        region: 'sacral',
        levels: ['S1'],
        laterality: 'right',
        relief: [[85, H.sixHours, '2026-09-28']],
      }),
      proc({
        code: '27096',
        kind: 'si-joint',
        date: '2026-10-19',
        region: 'sacral',
        levels: ['S1'],
        laterality: 'right',
        relief: [[80, H.sixHours, '2026-10-19']],
      }),
    ],
  });
  add({
    id: 'SI-01',
    topic: 'si-joint',
    source: `${SRC.si}; L39455 / L39402 summaries both list SIJ RFA as not covered`,
    grade: 'S2',
    primaryText: false,
    description: 'SI joint radiofrequency ablation (64625) after two positive diagnostic SI injections: not covered under the SI LCDs',
    picture: a.picture,
    service: a.service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'not-eligible', decidingRequirement: 'SI joint RFA (64625) not covered' },
  });
}
{
  const a = siBase();
  add({
    id: 'SI-02',
    topic: 'si-joint',
    source: SRC.si,
    grade: 'S2',
    primaryText: false,
    advice: true,
    description:
      'First diagnostic SI injection: pain below L5 for 6 months, 3 positive provocation tests (note text only), 6 weeks PT failed, fluoroscopic guidance',
    picture: a.picture,
    service: a.service,
    payer: 'medicare',
    today: TODAY,
    expect: { verdict: 'ready' },
  });
}

export const CASES: readonly PolicyCase[] = cases;
