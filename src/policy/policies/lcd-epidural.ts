// Medicare LCD L39242 "Epidural Steroid Injections for Pain Management" (same text as L39240, L33906, L36920,
// L39015 ...) and its billing article A58731. Facts from shared/policy ESI-*; each threshold next to its source.
import type { Citation } from '../verdicts';
import type { PolicyDef, PolicyParams } from './types';
import { diagnosisRequirement, codeValidityRequirement, symptomRequirement } from '../requirements/diagnosis';
import { conservativeFailureRequirement, conservativeMinimumRequirement, functionalRequirement, painDurationRequirement, painScaleRequirement } from '../requirements/pillars';
import { imageGuidanceRequirement, levelLimitRequirement, siteConsistencyRequirement } from '../requirements/site';
import { frequencyRequirement, reliefRequirement, spacingRequirement } from '../requirements/history';
import { sameDayEmRequirement } from '../requirements/same-day';
import { SHARED } from './shared-citations';

const LCD = 'LCD L39242';
const c = (section: string, verified: boolean, note?: string): Citation => (note ? { document: LCD, section, verified, note } : { document: LCD, section, verified });

export const ESI_KINDS = ['esi-interlaminar', 'esi-transforaminal', 'esi-catheter'] as const;
const ESI = [...ESI_KINDS];

/** Radiculopathy, radicular pain, stenosis/neurogenic claudication, post-laminectomy syndrome, acute herpes zoster. */
export const ESI_COVERED_ICD10 = ['M54.1', 'M50.1', 'M51.1', 'M47.2', 'M48.0', 'M96.1', 'M54.3', 'M54.4', 'B02.2'];
/** Axial (non-radicular) back or neck pain: ESI-AXIAL, not covered when it is the only diagnosis. */
export const AXIAL_ICD10 = ['M54.5', 'M54.2', 'M54.6', 'M47.81', 'G89.2', 'G89.4'];

const P: Required<Pick<PolicyParams, 'diagnosis' | 'codeValidity' | 'symptoms' | 'painDuration' | 'painScale' | 'functional' | 'conservativeFailure' | 'conservativeMinimum' | 'imageGuidance' | 'siteConsistency' | 'frequencyRegion' | 'repeatRelief' | 'repeatReliefDuration' | 'sameDayEm'>> = {
  diagnosis: {
    value: { accepted: ESI_COVERED_ICD10, excludedAlone: AXIAL_ICD10, excludedLabel: 'axial (non-radicular) pain' },
    citation: c('Covered Indications; Limitations (ESI-DX, ESI-AXIAL)', true, 'Indications from the LCD; the ICD-10-CM categories are ClaimReady\'s mapping of those indications (the billing article\'s full code list was not read).'),
  },
  codeValidity: { value: true, citation: SHARED.icd10 },
  symptoms: {
    value: { required: ['radicular', 'neurogenic-claudication'], excluded: [] },
    citation: c('Covered Indications; Limitations (ESI-DX: radicular pain or neurogenic claudication; ESI-AXIAL)', true),
  },
  painDuration: {
    value: { weeks: 4, exemptIcd10: ['B02.2'] },
    citation: c('Covered Indications (ESI-DURATION: pain at least 4 weeks, except acute herpes zoster)', true, 'A public summary of the same LCD text (L33906) reads the 4 weeks as the duration of pain.'),
  },
  painScale: {
    value: { maxAgeDays: 30 },
    citation: c('Covered Indications / Documentation (ESI-SCALES: baseline pain on a validated scale)', true, 'The LCD asks for a baseline score; ClaimReady reads "baseline" as recorded within 30 days before the date of service (a payer parameter, not LCD text).'),
  },
  functional: {
    value: { maxAgeDays: 30 },
    citation: c('Covered Indications / Documentation (ESI-SCALES: baseline function on a validated scale)', true, 'Recency window of 30 days is a ClaimReady parameter, not LCD text.'),
  },
  conservativeFailure: {
    value: { contraindicatedSatisfies: true },
    citation: c('Covered Indications (ESI-CONSERVATIVE: failed conservative therapy, unless contraindicated)', true),
  },
  conservativeMinimum: {
    value: { weeks: 4 },
    citation: c('Covered Indications (ESI-CONSERVATIVE minimum duration)', false, 'Unconfirmed: the LCD\'s 4 weeks appears to apply to the duration of pain (ESI-DURATION); a 4-week conservative-care minimum is stated by commercial policies (eviCore CMM-200, Blues), not confirmed in the LCD text.'),
  },
  imageGuidance: { value: true, citation: c('Limitations (ESI-IMAGING: fluoroscopic or CT guidance, contrast unless contraindicated)', true) },
  siteConsistency: { value: true, citation: SHARED.siteConsistency },
  frequencyRegion: {
    value: { max: 4, months: 12, counts: ESI, perRegion: true, label: 'ESI sessions per spinal region' },
    citation: c('Limitations (ESI-FREQUENCY: at most 4 sessions per spinal region in a rolling 12 months)', true),
  },
  repeatRelief: {
    value: { minPercent: 50, after: ESI },
    citation: c('Limitations (ESI-REPEAT: at least 50% sustained pain relief or 50% improvement in function)', true),
  },
  repeatReliefDuration: {
    value: { minPercent: 50, minHours: 3 * 730, after: ESI },
    citation: c('Limitations (ESI-REPEAT duration)', false, 'Unconfirmed: the LCD asks for "sustained" relief; the 3-month reading is common but was not found in the text read.'),
  },
  sameDayEm: { value: true, citation: SHARED.modifier25 },
};

export const ESI_BASELINE: PolicyParams = {
  ...P,
  maxLevels: {
    value: {
      default: { max: 1, lateralityRequired: false },
      byKind: { 'esi-transforaminal': { max: 2, lateralityRequired: true } },
    },
    citation: c('Limitations; billing article (ESI-LEVELS: transforaminal at most 2 levels, interlaminar or caudal 1 level, one region per session)', true),
  },
};

const NO_LIMIT = c('Limitations (the LCD sets no such limit; a payer overlay may)', true);

const requirements = [
  diagnosisRequirement('esi-diagnosis', P.diagnosis.citation),
  codeValidityRequirement('dx-code-valid', P.codeValidity.citation),
  symptomRequirement('esi-radicular', 'Radicular pain or neurogenic claudication documented (axial pain alone is not covered)', P.symptoms.citation, ['M54.1', 'M50.1', 'M51.1', 'M47.2', 'M48.062', 'M54.3', 'M54.4']),
  painDurationRequirement('esi-pain-duration', P.painDuration.citation),
  painScaleRequirement('pain-scale', P.painScale.citation),
  functionalRequirement('functional-impairment', P.functional.citation),
  conservativeFailureRequirement('conservative-failed', P.conservativeFailure.citation),
  conservativeMinimumRequirement('conservative-weeks', P.conservativeMinimum.citation),
  imageGuidanceRequirement('esi-image-guidance', P.imageGuidance.citation),
  levelLimitRequirement('esi-levels', ESI_BASELINE.maxLevels!.citation),
  siteConsistencyRequirement('site-consistency', P.siteConsistency.citation),
  frequencyRequirement('esi-frequency-region', 'ESI sessions per spinal region within the rolling-window limit', P.frequencyRegion.citation, (p) => p.frequencyRegion),
  frequencyRequirement('esi-frequency-total', 'ESI injections in all regions within the rolling-window limit', NO_LIMIT, (p) => p.frequencyTotal),
  frequencyRequirement('esi-frequency-episode', 'ESI injections per episode of care within the limit', NO_LIMIT, (p) => p.frequencyEpisode),
  spacingRequirement('esi-spacing', NO_LIMIT),
  reliefRequirement('esi-repeat-relief', 'A repeat ESI needs enough relief after the previous one', P.repeatRelief.citation, (p) => p.repeatRelief),
  reliefRequirement('esi-repeat-duration', 'The relief after the previous ESI lasted long enough', P.repeatReliefDuration.citation, (p) => p.repeatReliefDuration),
  sameDayEmRequirement('same-day-em', P.sameDayEm.citation),
];

export const LCD_EPIDURAL: PolicyDef = {
  id: 'lcd-epidural',
  title: 'Epidural steroid injection (Medicare LCD L39242)',
  citation: { document: LCD, section: 'Epidural Steroid Injections for Pain Management; billing article A58731', verified: true },
  kinds: ESI,
  params: ESI_BASELINE,
  requirements,
};
