// Medicare "Sacroiliac Joint Injections and Procedures" (L39402 / L39383 / L39455 family, articles such as A59154).
// Only one-paragraph summaries of these LCDs and articles were read (grade S2), so every rule is advice; the one
// exception to "advice never decides" is that SI ablation (64625), which every summary reads as not covered, cannot
// come out "ready" (it is held as incomplete: confirm coverage first).
import type { PolicyDef } from './def';
import type { PolicyParams } from './types';
import type { Citation, SourceGrade } from '../verdicts';
import { citer } from './cite';
import { BASELINE_RECENCY_DAYS, SHARED } from './shared-citations';
import { familyKinds } from '../services';
import { codeValidityRequirement } from '../requirements/diagnosis';
import {
  conservativeFailureRequirement,
  conservativeMinimumRequirement,
  functionalRequirement,
  painDurationRequirement,
  painScaleRequirement,
} from '../requirements/pillars';
import { imageGuidanceRequirement, siteConsistencyRequirement } from '../requirements/site';
import { frequencyRequirement, reliefRequirement } from '../requirements/history';
import { notCoveredRequirement, provocativeTestsRequirement, sameDayEmRequirement } from '../requirements/same-day';

const SI = familyKinds('si-joint');
const DOCUMENT = 'LCD L39402 family (L39383, L39455; article A59154)';
const SUMMARIES = 'One-paragraph summaries of L39402, L39455 and A59154 only (S2); the LCD text was not read, so this is advice.';

const PAIN_MONTHS = 3;
const PROVOCATIVE_TESTS = 3;
const CONSERVATIVE_WEEKS = 4;
const THERAPEUTIC_SESSIONS = 4;
const ROLLING_MONTHS = 12;
const REPEAT_PERCENT = 50;
const REPEAT_MONTHS = 3;

type C = (ruleId: string, section: string, grade: SourceGrade, note?: string) => Citation;

function params(c: C): PolicyParams {
  return {
    codeValidity: { value: true, citation: SHARED.icd10 },
    painDuration: {
      value: { months: PAIN_MONTHS },
      citation: c('SI-PAIN', 'Covered Indications: pain over the sacroiliac joint, below L5, at least 3 months', 'S2', SUMMARIES),
    },
    provocativeTests: {
      value: { min: PROVOCATIVE_TESTS },
      citation: c('SI-PROVOCATIVE', 'Covered Indications: at least 3 positive provocative tests', 'S2', SUMMARIES),
    },
    painScale: {
      value: { maxAgeDays: BASELINE_RECENCY_DAYS },
      citation: c('SI-SCALES', 'Documentation: pain on a validated scale', 'S2', SUMMARIES),
    },
    functional: {
      value: { maxAgeDays: BASELINE_RECENCY_DAYS },
      citation: c('SI-SCALES', 'Documentation: functional assessment', 'S2', SUMMARIES),
    },
    conservativeFailure: {
      value: { contraindicatedSatisfies: true },
      citation: c('SI-CONSERVATIVE', 'Covered Indications: failed conservative care', 'S2', SUMMARIES),
    },
    conservativeMinimum: {
      value: { weeks: CONSERVATIVE_WEEKS },
      citation: c('SI-CONSERVATIVE-WEEKS', 'Covered Indications: at least 4 weeks of failed conservative care', 'S2', SUMMARIES),
    },
    imageGuidance: { value: true, citation: c('SI-IMAGING', 'Limitations: CT or fluoroscopic guidance with contrast', 'S2', SUMMARIES) },
    siteConsistency: { value: true, citation: SHARED.siteConsistency },
    frequencyRegion: {
      value: { max: THERAPEUTIC_SESSIONS, months: ROLLING_MONTHS, counts: SI, perRegion: false, label: 'sacroiliac injection sessions' },
      citation: c(
        'SI-FREQUENCY',
        'Limitations: at most 4 therapeutic sessions in a rolling 12 months (at most 2 diagnostic sessions)',
        'S2',
        `${SUMMARIES} Diagnostic and therapeutic sessions are not told apart here.`,
      ),
    },
    repeatRelief: {
      value: { minPercent: REPEAT_PERCENT, minMonths: REPEAT_MONTHS, after: SI },
      citation: c(
        'SI-REPEAT',
        'Limitations: a therapeutic repeat after at least 50% sustained relief for at least 3 months',
        'S2',
        SUMMARIES,
      ),
    },
    sameDayEm: { value: true, citation: SHARED.modifier25 },
  };
}

export const LCD_SACROILIAC: PolicyDef = {
  id: 'lcd-sacroiliac',
  title: 'Sacroiliac joint injection (Medicare LCD L39402 family; summaries only)',
  citation: {
    ruleId: 'SI',
    document: DOCUMENT,
    section: 'Sacroiliac Joint Injections and Procedures',
    grade: 'S2',
    verified: false,
    note: SUMMARIES,
  },
  kinds: SI,
  versions: [{ version: 'as summarised (text not read)', from: '2023-03-19', params: params(citer(DOCUMENT, 'as summarised')) }],
  requirements: [
    codeValidityRequirement('dx-code-valid'),
    painDurationRequirement('si-pain-duration'),
    provocativeTestsRequirement('si-provocative-tests'),
    painScaleRequirement('pain-scale'),
    functionalRequirement('functional-impairment'),
    conservativeFailureRequirement('conservative-failed'),
    conservativeMinimumRequirement('conservative-weeks'),
    imageGuidanceRequirement('si-image-guidance'),
    siteConsistencyRequirement('site-consistency'),
    frequencyRequirement('si-frequency', 'Sacroiliac injection sessions within the rolling-window limit', (p) => p.frequencyRegion),
    reliefRequirement('si-repeat-relief', 'A repeat sacroiliac injection needs lasting relief after the previous one'),
    sameDayEmRequirement('same-day-em'),
  ],
};

export const SACROILIAC_RFA: PolicyDef = {
  id: 'sacroiliac-rfa',
  title: 'Sacroiliac joint radiofrequency ablation (Medicare LCD L39402 family; summaries only)',
  citation: {
    ruleId: 'SI-RFA',
    document: DOCUMENT,
    section: 'Limitations: sacroiliac joint ablation',
    grade: 'S2',
    verified: false,
    note: SUMMARIES,
  },
  kinds: familyKinds('si-rfa'),
  versions: [
    {
      version: 'as summarised (text not read)',
      from: '2023-03-19',
      params: {
        codeValidity: { value: true, citation: SHARED.icd10 },
        notCovered: {
          value: { label: 'Sacroiliac joint radiofrequency ablation (64625)' },
          citation: citer(DOCUMENT, 'as summarised')(
            'SI-RFA-NONCOVERED',
            'Limitations: radiofrequency ablation of the sacroiliac joint is not covered',
            'S2',
            SUMMARIES,
          ),
        },
      },
    },
  ],
  requirements: [notCoveredRequirement('si-rfa-not-covered'), codeValidityRequirement('dx-code-valid')],
};
