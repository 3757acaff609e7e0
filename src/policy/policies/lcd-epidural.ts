// Medicare "Epidural Steroid Injections for Pain Management" (L39242 family: the same text is published as L39240
// (Noridian, article A58993), L33906, L36920, L39015, L39054 ...). Each threshold sits next to its citation, which
// says what was read: the Noridian rubric that restates L39240 / A58993 item by item (2025-04-04, grade S1) and
// one-paragraph summaries of the twins' articles (S2). The LCD body was not read directly.
import type { PolicyDef } from './def';
import type { PolicyParams, PolicyVersion } from './types';
import type { Citation, SourceGrade } from '../verdicts';
import { citer } from './cite';
import { BASELINE_RECENCY_DAYS, SHARED } from './shared-citations';
import { familyKinds, SAME_SESSION_BLOCK_KINDS } from '../services';
import { codeValidityRequirement, indicationRequirement } from '../requirements/diagnosis';
import {
  conservativeFailureRequirement,
  conservativeMinimumRequirement,
  functionalRequirement,
  painDurationRequirement,
  painIntensityRequirement,
  painScaleRequirement,
} from '../requirements/pillars';
import {
  concordantImagingRequirement,
  imageGuidanceRequirement,
  levelLimitRequirement,
  siteConsistencyRequirement,
} from '../requirements/site';
import { frequencyRequirement, reliefRequirement, spacingRequirement } from '../requirements/history';
import { sameDayEmRequirement, sameSessionBlocksRequirement, sedationRequirement } from '../requirements/same-day';
import { longCourseRequirement, steroidDoseRequirement } from '../requirements/steroid-course';
import { regionDefinitionRequirement } from '../requirements/region-definition';

const ESI = familyKinds('esi');

/** Acute herpes zoster: B02 except the post-herpetic nervous-system codes B02.2x (the duration exemption). */
export const ACUTE_ZOSTER_ICD10 = ['B02.0', 'B02.1', 'B02.3', 'B02.7', 'B02.8', 'B02.9'];
/** Codes that name radicular pain or radiculopathy, incl. FY2025 disc degeneration with lower-extremity pain. */
export const RADICULAR_ICD10 = ['M54.1', 'M50.1', 'M51.1', 'M47.2', 'M54.3', 'M54.4', 'M51.361', 'M51.362', 'M51.371', 'M51.372'];
/** Post-herpetic nervous-system involvement: not acute zoster, and not an indication the LCD names. */
export const POST_HERPETIC_ICD10 = ['B02.2'];
/** Axial (non-radicular) back or neck pain: alone, not covered (ESI-AXIAL). */
export const AXIAL_ICD10 = ['M54.2', 'M54.5', 'M54.6', 'M54.8', 'M54.9', 'M47.81', 'M47.89', 'M51.360', 'M51.370', 'G89.2', 'G89.4'];

const ESI_CONSERVATIVE_WEEKS = 4;
const ESI_PAIN_WEEKS = 4;
const ESI_SESSIONS_PER_REGION = 4;
const ROLLING_MONTHS = 12;
const REPEAT_MIN_PERCENT = 50;
const REPEAT_MIN_MONTHS = 3;
const FAILED_FIRST_MIN_DAYS = 14;
const TF_MAX_LEVELS = 2;
/** Recommended steroid ceilings per session (rubric, Documentation rules). */
const STEROID_CEILING_MG = { triamcinolone: 80, betamethasone: 12, dexamethasone: 15 };
const LONG_COURSE_MONTHS = 12;
const IL_MAX_LEVELS = 1;

/** ESI-FREQUENCY as data. */
const REGION_LIMIT = {
  max: ESI_SESSIONS_PER_REGION,
  months: ROLLING_MONTHS,
  counts: ESI,
  perRegion: true,
  label: 'ESI sessions per spinal region',
};

const RUBRIC = 'Noridian ESI medical-necessity rubric (L39240 / A58993), 2025-04-04';

function params(c: (ruleId: string, section: string, grade: SourceGrade, note?: string) => Citation): PolicyParams {
  return {
    indication: {
      value: {
        indications: [
          { label: 'radicular pain or radiculopathy', symptoms: ['radicular'], icd10: RADICULAR_ICD10 },
          { label: 'spinal stenosis with neurogenic claudication', symptoms: ['neurogenic-claudication'], icd10: ['M48.062'] },
          { label: 'post-laminectomy syndrome', symptoms: [], icd10: ['M96.1'] },
          { label: 'acute herpes zoster', symptoms: [], icd10: ACUTE_ZOSTER_ICD10 },
        ],
        axialIcd10: AXIAL_ICD10,
        notIndications: [{ label: 'post-herpetic pain', why: 'the LCD covers acute herpes zoster only', icd10: POST_HERPETIC_ICD10 }],
      },
      citation: c(
        'ESI-DX',
        'Covered Indications (radicular pain/radiculopathy, stenosis with neurogenic claudication, post-laminectomy syndrome, acute herpes zoster); Limitations (axial pain)',
        'S1',
        `${RUBRIC}. The article publishes no closed ICD-10-CM list: coverage is by indication, so a documented radicular symptom meets it whatever the code (disc displacement M51.2x, disc degeneration M51.36x); the codes are ClaimReady's reading of which codes name an indication. Zoster is covered as ACUTE herpes zoster only: a service for post-herpetic pain (B02.2x in ICD-10-CM) is not covered even where its dermatomal pain is described as radicular (the L33906 summary, S2, lists the same indications).`,
      ),
    },
    codeValidity: { value: true, citation: SHARED.icd10 },
    painDuration: {
      value: { weeks: ESI_PAIN_WEEKS, exemptIcd10: ACUTE_ZOSTER_ICD10 },
      citation: c(
        'ESI-DURATION',
        'Covered Indications: pain at least 4 weeks (acute herpes zoster exempt)',
        'S1',
        `${RUBRIC}; the L33906 summary (S2) agrees. Post-herpetic codes B02.2x are not acute zoster.`,
      ),
    },
    painScale: {
      value: { maxAgeDays: BASELINE_RECENCY_DAYS },
      citation: c(
        'ESI-SCALES',
        'Covered Indications / Documentation: baseline pain on a validated scale',
        'S1',
        `${RUBRIC}. "Baseline" is read as recorded within ${BASELINE_RECENCY_DAYS} days before the date of service: a ClaimReady parameter, not text.`,
      ),
    },
    functional: {
      value: { maxAgeDays: BASELINE_RECENCY_DAYS },
      citation: c(
        'ESI-SCALES',
        'Covered Indications / Documentation: baseline function on a validated scale',
        'S1',
        `${RUBRIC}. The ${BASELINE_RECENCY_DAYS}-day recency is a ClaimReady parameter.`,
      ),
    },
    conservativeFailure: {
      value: { contraindicatedSatisfies: true, exemptIcd10: ACUTE_ZOSTER_ICD10 },
      citation: c(
        'ESI-CONSERVATIVE',
        'Covered Indications: failed or not tolerated non-invasive conservative care (acute herpes zoster exempt)',
        'S1',
        `${RUBRIC} puts "(acute herpes zoster exempt)" on the conservative-care clause as a whole; ClaimReady reads it as exempting the failed care, not only its 4 weeks.`,
      ),
    },
    conservativeMinimum: {
      value: { weeks: ESI_CONSERVATIVE_WEEKS, exemptIcd10: ACUTE_ZOSTER_ICD10 },
      citation: c(
        'ESI-CONSERVATIVE-WEEKS',
        'Covered Indications: at least 4 weeks of conservative care (acute herpes zoster exempt)',
        'S1',
        `${RUBRIC} sets the 4 weeks on the pain and on the conservative care; the L33906 summary (S2) agrees.`,
      ),
    },
    imageGuidance: {
      value: true,
      citation: c(
        'ESI-IMAGING',
        'Limitations: fluoroscopic or CT guidance with contrast (ultrasound only where contrast is contraindicated)',
        'S1',
        RUBRIC,
      ),
    },
    concordantImaging: {
      value: { modalities: ['MRI', 'CT'] },
      citation: c(
        'ESI-DX-IMAGING',
        'Covered Indications: history, physical examination and concordant imaging support the diagnosis',
        'S1',
        `${RUBRIC}. Read as an MRI or CT of the treated region (and levels, when both say) on file before the date of service.`,
      ),
    },
    maxLevels: {
      value: {
        default: { max: IL_MAX_LEVELS, lateralityRequired: false, bilateralNotCovered: true },
        byKind: { 'esi-transforaminal': { max: TF_MAX_LEVELS, lateralityRequired: true } },
      },
      citation: c(
        'ESI-LEVELS',
        'Limitations: transforaminal at most 2 levels, interlaminar or caudal 1 level, one region per session; bilateral interlaminar or caudal is never necessary',
        'S1',
        `${RUBRIC}; articles A58731, A56651, A56681 (S2) agree.`,
      ),
    },
    siteConsistency: { value: true, citation: SHARED.siteConsistency },
    frequencyRegion: {
      value: REGION_LIMIT,
      citation: c(
        'ESI-FREQUENCY',
        'Limitations: at most 4 sessions per spinal region in a rolling 12 months (sessions, not codes)',
        'S1',
        `${RUBRIC}; articles A58731, A56651, A58745, A58777, A56681 (S2) agree.`,
      ),
    },
    repeatRelief: {
      value: {
        minPercent: REPEAT_MIN_PERCENT,
        minMonths: REPEAT_MIN_MONTHS,
        after: ESI,
        failedFirst: { minDays: FAILED_FIRST_MIN_DAYS },
        anyLevel: true,
      },
      citation: c(
        'ESI-REPEAT',
        'Limitations: a repeat needs at least 50% sustained improvement in pain or function for at least 3 months; after a failed first injection, a repeat after 14 days with a different approach, level or drug, rationale documented',
        'S1',
        `${RUBRIC}; the 3 months and the failed-first exception are read there.`,
      ),
    },
    sameSessionBlocks: {
      value: { kinds: SAME_SESSION_BLOCK_KINDS, cystException: true },
      citation: c(
        'ESI-SAME-SESSION',
        'Limitations: several different blocks in one session (ESI, facet, sympathetic, trigger point) are not covered, any region; facet synovial cyst with ESI excepted',
        'S1',
        RUBRIC,
      ),
    },
    sedation: {
      value: { allowedWithDocumentedNeed: false },
      citation: c(
        'ESI-SEDATION',
        'Billing article: sedation / monitored anaesthesia is not routinely reimbursable',
        'S2',
        'Summaries of A58731 and A58745 only: advice until the article text is read.',
      ),
    },
    sameDayEm: { value: true, citation: SHARED.modifier25 },
    regionDefinition: {
      value: true,
      citation: c(
        'ESI-REGION-DEFINITION',
        'Which region a cervical or a thoracic session belongs to for the per-region limit (definition not found)',
        'none',
        'Searched for the definition of "spinal region" in the L39242 family and its billing articles (A58745, A58731, A58777, A56651, A58993): only one-paragraph summaries were found ("per spinal region", "per anatomic region"; the A58777 summary says the article defines the regions but not how). ClaimReady keeps counting cervical and thoracic together, as the CPT families 62320/62321 and 64479/64480 do, and says so where it changes a count.',
      ),
    },
    steroidDose: {
      value: { mg: STEROID_CEILING_MG },
      citation: c(
        'ESI-STEROID-DOSE',
        'Documentation: steroid dosing the lowest effective amount; recommended ceilings per session triamcinolone 80 mg, betamethasone 12 mg, dexamethasone 15 mg',
        'S1',
        `${RUBRIC} (its Documentation rules). The rubric calls them "recommended ceilings", and the LCD body was not read (searched: the L39242 family pages and articles A58745 / A59115 reached only summaries and page heads), so the finding is advice and never decides. The dose is read from the order's words only.`,
      ),
    },
    longCourse: {
      value: {
        months: LONG_COURSE_MONTHS,
        asks: [
          'significant functional or vocational disability',
          'at least 50% sustained improvement in pain or function on the same scale',
          'the rationale for continuing (high surgical risk, the patient declines surgery, or recurrence relieved for at least 3 months)',
          'that the primary care physician was notified of the continued steroid use',
        ],
      },
      citation: c(
        'ESI-BEYOND-12-MONTHS',
        'Repeat: treatment beyond 12 months may trigger focused review and requires disability, sustained improvement, a rationale for continuing and the PCP notified',
        'S1',
        `${RUBRIC} (its item ESI-R3). Advice: the LCD body was not read, and the text does not say when a course starts (ClaimReady reads it as the run of ESI sessions in the region, each within 12 months of the next). ClaimReady does not read PCP notification from the chart, so it lists what to document rather than checking it.`,
      ),
    },
  };
}

const DOCUMENT = 'LCD L39242 family (L39240 / A58993)';

export const ESI_VERSIONS: PolicyVersion[] = [
  {
    version: 'L39240 as in force until its 2026-04-16 revision (read via the 2025-04-04 rubric)',
    from: '2021-12-05',
    to: '2026-04-15',
    params: params(citer(DOCUMENT, 'until 2026-04-15')),
  },
  {
    version: 'L39240 revision effective 2026-04-16 (body not read; rules carried over from the 2025-04-04 rubric)',
    from: '2026-04-16',
    params: params(citer(DOCUMENT, 'revision 2026-04-16 (rules carried over; revision text not read)')),
  },
];

/** The thresholds in force on the latest version (what overlays and coding start from). */
export const ESI_BASELINE: PolicyParams = ESI_VERSIONS[ESI_VERSIONS.length - 1]!.params;

export const LCD_EPIDURAL: PolicyDef = {
  id: 'lcd-epidural',
  title: 'Epidural steroid injection (Medicare LCD L39242 family)',
  citation: {
    ruleId: 'ESI',
    document: DOCUMENT,
    section: 'Epidural Steroid Injections for Pain Management',
    grade: 'S1',
    verified: true,
    note: 'The original effective date (late 2021) was not read; 2021-12-05 is used for the first version.',
  },
  kinds: ESI,
  versions: ESI_VERSIONS,
  requirements: [
    indicationRequirement('esi-indication'),
    codeValidityRequirement('dx-code-valid'),
    painDurationRequirement('esi-pain-duration'),
    painScaleRequirement('pain-scale'),
    painIntensityRequirement('pain-intensity'),
    functionalRequirement('functional-impairment'),
    conservativeFailureRequirement('conservative-failed'),
    conservativeMinimumRequirement('conservative-weeks'),
    imageGuidanceRequirement('esi-image-guidance'),
    concordantImagingRequirement('esi-concordant-imaging'),
    levelLimitRequirement('esi-levels'),
    siteConsistencyRequirement('site-consistency'),
    frequencyRequirement(
      'esi-frequency-region',
      'ESI sessions per spinal region within the rolling-window limit',
      (p) => p.frequencyRegion,
    ),
    regionDefinitionRequirement('esi-region-definition'),
    frequencyRequirement('esi-frequency-total', 'ESI sessions in all regions within the rolling-window limit', (p) => p.frequencyTotal),
    frequencyRequirement('esi-frequency-episode', 'ESI sessions per episode of care within the limit', (p) => p.frequencyEpisode),
    spacingRequirement('esi-spacing'),
    reliefRequirement(
      'esi-repeat-relief',
      'A repeat ESI needs lasting relief after the previous session (or a changed approach after a failed first one)',
    ),
    sameSessionBlocksRequirement('same-session-blocks'),
    sedationRequirement('sedation'),
    sameDayEmRequirement('same-day-em'),
    steroidDoseRequirement('esi-steroid-dose', (p) => p.steroidDose),
    longCourseRequirement('esi-beyond-12-months', (p) => p.longCourse),
  ],
};
