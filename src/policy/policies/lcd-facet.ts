// Medicare LCD L38803 "Facet Joint Interventions for Pain Management" (same text as L38765, L38841, L34892,
// L35936 ...), effective 2021-04-25, revised 2024. Two policies: diagnostic/therapeutic blocks (MBB/IA) and
// radiofrequency ablation. Facts from shared/policy FJ-*; each threshold next to its source.
import type { ServiceKind } from '../picture';
import type { Citation } from '../verdicts';
import type { PolicyDef, PolicyParams } from './types';
import { codeValidityRequirement, diagnosisRequirement, excludedPathologyRequirement, symptomRequirement } from '../requirements/diagnosis';
import { conservativeFailureRequirement, conservativeMinimumRequirement, functionalRequirement, painDurationRequirement, painScaleRequirement } from '../requirements/pillars';
import { imageGuidanceRequirement, levelLimitRequirement, siteConsistencyRequirement } from '../requirements/site';
import { diagnosticBlocksRequirement, frequencyRequirement, reliefRequirement } from '../requirements/history';
import { sameDayConflictRequirement, sameDayEmRequirement } from '../requirements/same-day';
import { SHARED } from './shared-citations';

const LCD = 'LCD L38803';
const c = (section: string, verified: boolean, note?: string): Citation => (note ? { document: LCD, section, verified, note } : { document: LCD, section, verified });
const UNCONFIRMED = 'Not confirmed: public copies of the LCD (L38803, L38765, L34892 on cms.gov) were found but the wording of this rule could not be read and checked.';

const BLOCKS: ServiceKind[] = ['facet-mbb', 'facet-ia'];
const RFA: ServiceKind[] = ['facet-rfa'];

/** Axial spine pain and facet-type spondylosis: ClaimReady's mapping of FJ-PAIN to ICD-10-CM categories. */
export const FACET_COVERED_ICD10 = ['M47.81', 'M54.5', 'M54.2', 'M54.6'];
/** Fracture, tumour, infection of the spine (FJ-EXCLUSIONS), as ICD-10-CM categories. */
export const NON_FACET_PATHOLOGY_ICD10 = ['S12', 'S22.0', 'S32.0', 'M48.5', 'M80', 'C41.2', 'C79.51', 'C79.52', 'D16.6', 'M46.2', 'M46.3', 'M46.4', 'M46.5'];

const COMMON: PolicyParams = {
  diagnosis: {
    value: { accepted: FACET_COVERED_ICD10 },
    citation: c('Covered Indications (FJ-PAIN: predominantly axial neck or back pain)', true, 'The ICD-10-CM categories are ClaimReady\'s mapping of the indication; the billing article\'s list was not read.'),
  },
  codeValidity: { value: true, citation: SHARED.icd10 },
  symptoms: {
    value: { required: ['axial'], excluded: ['radicular', 'neurogenic-claudication'] },
    citation: c('Covered Indications (FJ-PAIN, FJ-EXCLUSIONS: axial pain; no untreated radiculopathy or neurogenic claudication, except radicular pain from a facet cyst)', true),
  },
  excludedPathology: {
    value: { icd10: NON_FACET_PATHOLOGY_ICD10 },
    citation: c('Covered Indications (FJ-EXCLUSIONS: no non-facet pathology such as fracture, tumour or infection)', true),
  },
  painDuration: { value: { months: 3 }, citation: c('Covered Indications (FJ-PAIN: at least 3 months in duration)', true) },
  painScale: {
    value: { maxAgeDays: 30 },
    citation: c('Documentation Requirements (FJ-SCALES: pain on a validated scale)', true, 'The 30-day recency window is a ClaimReady parameter, not LCD text.'),
  },
  functional: {
    value: { maxAgeDays: 30 },
    citation: c('Documentation Requirements (FJ-SCALES, FJ-PAIN: functional assessment / impairment)', true, 'The 30-day recency window is a ClaimReady parameter, not LCD text.'),
  },
  conservativeFailure: {
    value: { contraindicatedSatisfies: true },
    citation: c('Covered Indications (FJ-CONSERVATIVE: failed conservative care unless contraindicated)', false, UNCONFIRMED),
  },
  conservativeMinimum: {
    value: { weeks: 13 },
    citation: c('Covered Indications (FJ-CONSERVATIVE: at least 3 months, read as 13 weeks)', false, UNCONFIRMED),
  },
  imageGuidance: { value: true, citation: c('Limitations (FJ-IMAGING: fluoroscopic or CT guidance required)', true) },
  maxLevels: {
    value: { default: { max: 2, lateralityRequired: true }, byKind: {} },
    citation: c('Limitations (FJ-LEVELS: at most 2 levels per session, unilateral or bilateral; a third level is not covered)', true),
  },
  siteConsistency: { value: true, citation: SHARED.siteConsistency },
  sameDayConflict: {
    value: { kinds: ['esi-interlaminar', 'esi-transforaminal', 'esi-catheter'] },
    citation: c('Limitations (FJ-SAME-DAY-ESI: facet and epidural in the same region on the same day)', false, 'Some LCD versions and commercial policies restrict it; not confirmed for L38803.'),
  },
  sameDayEm: { value: true, citation: SHARED.modifier25 },
};

const BLOCK_PARAMS: PolicyParams = {
  ...COMMON,
  frequencyRegion: {
    value: { max: 4, months: 12, counts: BLOCKS, perRegion: true, label: 'facet injection sessions (MBB/IA) per spinal region' },
    citation: c('Limitations (FJ-FREQUENCY: at most 4 MBB/IA sessions per spinal region in a rolling 12 months)', true),
  },
  repeatRelief: {
    value: { minPercent: 50, minHours: 3 * 730, after: ['facet-ia'], onlyFor: ['facet-ia'] },
    citation: c('Covered Indications (FJ-IA-THERAPEUTIC: repeat intra-articular injection after at least 50% relief for 3 months)', false, UNCONFIRMED),
  },
};

const RFA_PARAMS: PolicyParams = {
  ...COMMON,
  frequencyRegion: {
    value: { max: 2, months: 12, counts: RFA, perRegion: true, label: 'RFA sessions per spinal region' },
    citation: c('Limitations (FJ-RFA-FREQUENCY: at most 2 RFA sessions per spinal region in a rolling 12 months)', true),
  },
  diagnosticBlocks: {
    value: { count: 2, minPercent: 80, blocks: ['facet-mbb'], unlessPrior: RFA },
    citation: c('Covered Indications: RFA (FJ-DIAGNOSTIC: two diagnostic blocks, each with at least 80% relief of the index pain)', true),
  },
  repeatRelief: {
    value: { minPercent: 50, minHours: 6 * 730, after: RFA },
    citation: c('Covered Indications: repeat RFA (FJ-RFA-REPEAT: at least 50% improvement lasting at least 6 months)', true),
  },
};

function requirements(p: PolicyParams, rfa: boolean) {
  const list = [
    diagnosisRequirement('facet-diagnosis', p.diagnosis!.citation),
    codeValidityRequirement('dx-code-valid', p.codeValidity!.citation),
    symptomRequirement('facet-axial', 'Predominantly axial pain; no untreated radiculopathy or neurogenic claudication', p.symptoms!.citation, FACET_COVERED_ICD10),
    excludedPathologyRequirement('facet-other-pathology', p.excludedPathology!.citation),
    painDurationRequirement('facet-pain-duration', p.painDuration!.citation),
    painScaleRequirement('pain-scale', p.painScale!.citation),
    functionalRequirement('functional-impairment', p.functional!.citation),
    conservativeFailureRequirement('conservative-failed', p.conservativeFailure!.citation),
    conservativeMinimumRequirement('conservative-weeks', p.conservativeMinimum!.citation),
    imageGuidanceRequirement('facet-image-guidance', p.imageGuidance!.citation),
    levelLimitRequirement('facet-levels', p.maxLevels!.citation),
    siteConsistencyRequirement('site-consistency', p.siteConsistency!.citation),
    frequencyRequirement('facet-frequency-region', rfa ? 'RFA sessions per spinal region within the rolling-window limit' : 'Facet injection sessions per spinal region within the rolling-window limit', p.frequencyRegion!.citation, (x) => x.frequencyRegion),
  ];
  if (rfa) {
    list.push(diagnosticBlocksRequirement('rfa-diagnostic-blocks', p.diagnosticBlocks!.citation));
    list.push(reliefRequirement('rfa-repeat-relief', 'A repeat ablation needs at least 50% relief lasting 6 months after the previous one', p.repeatRelief!.citation, (x) => x.repeatRelief));
  } else {
    list.push(reliefRequirement('facet-ia-repeat', 'A repeat intra-articular injection needs lasting relief after the previous one', p.repeatRelief!.citation, (x) => x.repeatRelief));
  }
  list.push(sameDayConflictRequirement('facet-same-day-esi', p.sameDayConflict!.citation));
  list.push(sameDayEmRequirement('same-day-em', p.sameDayEm!.citation));
  return list;
}

const POLICY_CITATION: Citation = { document: LCD, section: 'Facet Joint Interventions for Pain Management', verified: true };

export const LCD_FACET_BLOCK: PolicyDef = {
  id: 'lcd-facet-block',
  title: 'Facet joint / medial branch block (Medicare LCD L38803)',
  citation: POLICY_CITATION,
  kinds: BLOCKS,
  params: BLOCK_PARAMS,
  requirements: requirements(BLOCK_PARAMS, false),
};

export const LCD_FACET_RFA: PolicyDef = {
  id: 'lcd-facet-rfa',
  title: 'Facet radiofrequency ablation (Medicare LCD L38803)',
  citation: POLICY_CITATION,
  kinds: RFA,
  params: RFA_PARAMS,
  requirements: requirements(RFA_PARAMS, true),
};
