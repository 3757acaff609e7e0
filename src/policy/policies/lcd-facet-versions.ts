// Medicare "Facet Joint Interventions for Pain Management" (L38803 family: L38801 (Noridian, article A58403),
// L38765, L38841, L34892, L35936 ...), effective for services from 2021-04-25. Two policies read the same versions:
// facet injections (diagnostic blocks and therapeutic joint injections, 64490-64495) and ablation (64633-64636).
// Grades: P = the CGS facet page (https://www.cgsmedicare.com/parta/pa/subs/facet.html) or a verbatim quotation of
// the LCD; S1 = the Noridian rubric restating L38801 / A58403 (2025-02-26). The LCD body was not read directly.
// This file holds the texts' thresholds and code lists with their citations, per version; lcd-facet.ts lists the
// requirements that read them.
import type { PolicyParams, PolicyVersion } from './types';
import type { Citation, SourceGrade } from '../verdicts';
import { citer } from './cite';
import { BASELINE_RECENCY_DAYS, SHARED } from './shared-citations';
import { familyKinds, SAME_SESSION_BLOCK_KINDS } from '../services';

export const BLOCKS = familyKinds('facet-block');
export const RFA = familyKinds('facet-rfa');

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

/** A58403's covered list (closed): spondylosis without myelopathy/radiculopathy and other spondylosis, C2-L5/S1 sites; ankylosing hyperostosis. */
export const FACET_COVERED_ICD10 = [...range('M47.81', 2, 7), ...range('M47.89', 2, 7), ...range('M48.1', 2, 7)];
/** Other specified dorsopathies: covered for a facet (synovial) cyst only, never for ablation. */
export const FACET_CYST_ICD10 = range('M53.8', 2, 7);
/** ICD-10-CM categories whose title names radiculopathy (FJ-EXCLUSIONS): radiculopathy, disc disorders and spondylosis with it. */
export const RADICULOPATHY_ICD10 = ['M54.1', 'M50.1', 'M51.1', 'M47.2'];
/** Spinal stenosis, lumbar region, with neurogenic claudication. */
export const NEUROGENIC_CLAUDICATION_ICD10 = ['M48.062'];
/** Fracture, tumour, infection of the spine (FJ-EXCLUSIONS), as ICD-10-CM categories. */
export const NON_FACET_PATHOLOGY_ICD10 = [
  'S12',
  'S22.0',
  'S32.0',
  'M48.5',
  'M80',
  'C41.2',
  'C79.51',
  'C79.52',
  'D16.6',
  'M46.2',
  'M46.3',
  'M46.4',
  'M46.5',
];

const PAIN_MONTHS = 3;
const MAX_LEVELS = 2;
const INJECTION_SESSIONS = 4;
const RFA_SESSIONS = 2;
const ROLLING_MONTHS = 12;
const DIAGNOSTIC_BLOCKS = 2;
const DIAGNOSTIC_MIN_PERCENT = 80;
const SECOND_BLOCK_MIN_DAYS = 14;
const RFA_RENEW_BLOCKS_MONTHS = 24;
const RFA_REPEAT_PERCENT = 50;
const RFA_REPEAT_MONTHS = 6;
const IA_REPEAT_PERCENT = 50;
const IA_REPEAT_MONTHS = 3;

const RUBRIC = 'Noridian facet medical-necessity rubric (L38801 / A58403), 2025-02-26';
const CGS = 'CGS facet joint page (contractor page)';

type C = (ruleId: string, section: string, grade: SourceGrade, note?: string) => Citation;

function common(c: C): PolicyParams {
  return {
    diagnosisList: {
      value: { codes: FACET_COVERED_ICD10, cystOnly: { codes: FACET_CYST_ICD10, kinds: BLOCKS } },
      citation: c(
        'FJ-DX-LIST',
        'Billing article A58403: ICD-10-CM codes that support medical necessity (closed list): M47.812-M47.817, M47.892-M47.897, M48.12-M48.17; M53.82-M53.87 for a facet cyst only, not ablation; no M54.x code',
        'S1',
        `${RUBRIC}, and a second public restatement of A58403 that agrees. Other contractors' twin articles (A57826 ...) were not compared code by code.`,
      ),
    },
    codeValidity: { value: true, citation: SHARED.icd10 },
    symptoms: {
      value: {
        required: ['axial'],
        excluded: ['radicular', 'neurogenic-claudication'],
        excludedByIcd10: [
          { kind: 'radicular', icd10: RADICULOPATHY_ICD10 },
          { kind: 'neurogenic-claudication', icd10: NEUROGENIC_CLAUDICATION_ICD10 },
        ],
      },
      citation: c(
        'FJ-EXCLUSIONS',
        'Covered Indications: predominantly axial pain; absence of untreated radiculopathy or neurogenic claudication (radicular pain from a facet synovial cyst excepted)',
        'S1',
        `${RUBRIC}; the held-out case FAC-12 quotes the CGS facet page (P) in the same words. A coded radiculopathy or claudication (${[...RADICULOPATHY_ICD10, ...NEUROGENIC_CLAUDICATION_ICD10].join(', ')}) documents the condition unless a later note denies the symptom; whether it was treated is not in the picture, so the fix asks for it.`,
      ),
    },
    excludedPathology: {
      value: { icd10: NON_FACET_PATHOLOGY_ICD10 },
      citation: c(
        'FJ-EXCLUSIONS',
        'Covered Indications: no non-facet pathology (fracture, tumour, infection) explaining the pain',
        'S1',
        `${RUBRIC}; the ICD-10-CM categories for that pathology are ClaimReady's.`,
      ),
    },
    painDuration: {
      value: { months: PAIN_MONTHS },
      citation: c('FJ-PAIN', 'Covered Indications: axial pain at least 3 months', 'P', `${CGS}; ${RUBRIC} agrees.`),
    },
    painScale: {
      value: { maxAgeDays: BASELINE_RECENCY_DAYS },
      citation: c(
        'FJ-SCALES',
        'Documentation: pain on a validated scale before and after each diagnostic block',
        'S1',
        `${RUBRIC}. The ${BASELINE_RECENCY_DAYS}-day recency is a ClaimReady parameter.`,
      ),
    },
    functional: {
      value: { maxAgeDays: BASELINE_RECENCY_DAYS },
      citation: c(
        'FJ-SCALES',
        'Documentation: functional assessment',
        'S1',
        `${RUBRIC}. The ${BASELINE_RECENCY_DAYS}-day recency is a ClaimReady parameter.`,
      ),
    },
    conservativeFailure: {
      value: { contraindicatedSatisfies: true },
      citation: c(
        'FJ-CONSERVATIVE',
        'Covered Indications: documented failure to respond to non-invasive conservative management (as tolerated); no duration is set for the care',
        'P',
        `${CGS}. The earlier 3-month care minimum was not in the text and is gone.`,
      ),
    },
    imageGuidance: {
      value: true,
      citation: c('FJ-IMAGING', 'Limitations: fluoroscopic or CT guidance (ultrasound not covered)', 'S1', RUBRIC),
    },
    maxLevels: {
      value: { default: { max: MAX_LEVELS, lateralityRequired: true }, byKind: {} },
      citation: c(
        'FJ-LEVELS',
        'Limitations: at most 2 levels per session, unilateral or bilateral; a third level (64492/64495) is not covered',
        'S1',
        RUBRIC,
      ),
    },
    siteConsistency: { value: true, citation: SHARED.siteConsistency },
    sameSessionBlocks: {
      value: { kinds: SAME_SESSION_BLOCK_KINDS, cystException: true },
      citation: c(
        'FJ-SAME-SESSION',
        'Different blocks in one session',
        'none',
        "The ESI rubric (S1) says an ESI with a facet or other block in one session is not covered (that decides the ESI); the facet LCD's own wording was not read, so for the facet service this is advice.",
      ),
    },
    sameDayEm: { value: true, citation: SHARED.modifier25 },
  };
}

function blockParams(c: C): PolicyParams {
  return {
    ...common(c),
    injectionIntent: {
      value: true,
      citation: c(
        'FJ-INTENT',
        'Covered Indications: diagnostic facet blocks and therapeutic intra-articular injections have different prerequisites and caps (the code 64490-64495 is the same)',
        'P',
        `Verbatim quotation of the LCD's therapeutic-injection criteria; ${CGS}.`,
      ),
    },
    frequencyRegion: {
      value: {
        max: INJECTION_SESSIONS,
        months: ROLLING_MONTHS,
        counts: BLOCKS,
        intent: 'diagnostic',
        perRegion: true,
        label: 'diagnostic facet block sessions per spinal region',
      },
      citation: c(
        'FJ-FREQUENCY-DX',
        'Limitations: at most 4 diagnostic sessions per spinal region in a rolling 12 months (separate from the therapeutic cap)',
        'P',
        `${CGS}; ${RUBRIC} agrees.`,
      ),
    },
    frequencyTherapeutic: {
      value: {
        max: INJECTION_SESSIONS,
        months: ROLLING_MONTHS,
        counts: BLOCKS,
        intent: 'therapeutic',
        perRegion: true,
        label: 'therapeutic facet joint injection sessions per spinal region',
      },
      citation: c(
        'FJ-FREQUENCY-IA',
        'Limitations: at most 4 therapeutic intra-articular sessions per spinal region in a rolling 12 months',
        'P',
        `${CGS}; ${RUBRIC} agrees.`,
      ),
    },
    secondBlock: {
      value: { minPercent: DIAGNOSTIC_MIN_PERCENT, minDays: SECOND_BLOCK_MIN_DAYS, blocks: BLOCKS },
      citation: c(
        'FJ-SECOND-BLOCK',
        'Covered Indications: a second diagnostic block only after at least 80% relief from the first, and at least 2 weeks after it',
        'S1',
        RUBRIC,
      ),
    },
    noBlockAfterAblation: {
      value: { ablations: RFA, minPercent: RFA_REPEAT_PERCENT, withinMonths: RFA_RENEW_BLOCKS_MONTHS },
      citation: c(
        'FJ-NO-BLOCK-AFTER-RFA',
        'Limitations: no diagnostic block at a level with a successful prior ablation',
        'S1',
        `${RUBRIC}. "Successful" is read as at least ${RFA_REPEAT_PERCENT}% relief; after ${RFA_RENEW_BLOCKS_MONTHS} months new blocks are required (FJ-RFA-RENEW), so the bar applies within that window.`,
      ),
    },
    diagnosticBlocks: {
      value: {
        count: DIAGNOSTIC_BLOCKS,
        minPercent: DIAGNOSTIC_MIN_PERCENT,
        blocks: BLOCKS,
        ablations: RFA,
        renewAfterMonths: RFA_RENEW_BLOCKS_MONTHS,
        onlyForIntent: 'therapeutic',
      },
      citation: c(
        'FJ-IA-BLOCKS',
        'Covered Indications: a therapeutic intra-articular injection needs two diagnostic blocks, each with at least 80% relief',
        'P',
        `Verbatim quotation of the LCD; ${CGS}; ${RUBRIC}.`,
      ),
    },
    ablationNotPossible: {
      value: true,
      citation: c(
        'FJ-IA-NOT-RFA',
        'Covered Indications: "Documentation of why the patient is not a candidate for radiofrequency ablation"',
        'P',
        'Verbatim quotation of the LCD.',
      ),
    },
    repeatRelief: {
      value: { minPercent: IA_REPEAT_PERCENT, minMonths: IA_REPEAT_MONTHS, after: BLOCKS, intent: 'therapeutic' },
      citation: c(
        'FJ-IA-REPEAT',
        'Covered Indications: repeat therapeutic injection after "at least consistent 50% pain relief for at least three (3) months"',
        'P',
        'Verbatim quotation of the LCD; CGS agrees.',
      ),
    },
    sedation: {
      value: { allowedWithDocumentedNeed: false },
      citation: c('FJ-SEDATION', 'Limitations: sedation is not reasonable and necessary for facet injections', 'S1', RUBRIC),
    },
  };
}

function rfaParams(c: C): PolicyParams {
  return {
    ...common(c),
    diagnosisList: {
      value: { codes: FACET_COVERED_ICD10 },
      citation: c(
        'FJ-DX-LIST',
        'Billing article A58403: covered ICD-10-CM list; the facet-cyst codes M53.82-M53.87 do not support ablation',
        'S1',
        RUBRIC,
      ),
    },
    frequencyRegion: {
      value: { max: RFA_SESSIONS, months: ROLLING_MONTHS, counts: RFA, perRegion: true, label: 'RFA sessions per spinal region' },
      citation: c('FJ-RFA-FREQUENCY', 'Limitations: at most 2 ablation sessions per spinal region in a rolling 12 months', 'S1', RUBRIC),
    },
    diagnosticBlocks: {
      value: {
        count: DIAGNOSTIC_BLOCKS,
        minPercent: DIAGNOSTIC_MIN_PERCENT,
        blocks: BLOCKS,
        ablations: RFA,
        renewAfterMonths: RFA_RENEW_BLOCKS_MONTHS,
      },
      citation: c(
        'FJ-DIAGNOSTIC',
        'Covered Indications: two diagnostic blocks, each at least 80% relief of the index pain, before a first ablation; new blocks when the prior ablation is more than 2 years old',
        'S1',
        RUBRIC,
      ),
    },
    repeatRelief: {
      value: { minPercent: RFA_REPEAT_PERCENT, minMonths: RFA_REPEAT_MONTHS, after: RFA },
      citation: c(
        'FJ-RFA-REPEAT',
        'Covered Indications: repeat ablation after at least 50% improvement lasting at least 6 months',
        'S1',
        RUBRIC,
      ),
    },
    sedation: {
      value: { allowedWithDocumentedNeed: true },
      citation: c('FJ-SEDATION', 'Limitations: sedation may be reasonable for ablation when the need is documented', 'S1', RUBRIC),
    },
  };
}

export const DOCUMENT = 'LCD L38803 family (L38801 / A58403)';

function versions(build: (c: C) => PolicyParams): PolicyVersion[] {
  return [
    {
      version: 'L38801 / A58403 as in force until the 2026-04-16 revision (read via the 2025-02-26 rubric)',
      from: '2021-04-25',
      to: '2026-04-15',
      params: build(citer(DOCUMENT, 'until 2026-04-15')),
    },
    {
      version:
        'L38801 revision effective 2026-04-16, A58403 v27 from 2026-05-21 (texts not read; rules carried over from the 2025-02-26 rubric)',
      from: '2026-04-16',
      params: build(citer(DOCUMENT, 'revision 2026-04-16 (rules carried over; revision text not read)')),
    },
  ];
}

export const FACET_BLOCK_VERSIONS = versions(blockParams);
export const FACET_RFA_VERSIONS = versions(rfaParams);
