// Medicare "Sacroiliac Joint Injections and Procedures" (L39402 / L39383 / L39455 family, one multi-contractor text
// effective for services from 2023-03-19; articles such as A59154). The LCD body was not read directly. Grades:
// P = National Government Services' own SIJ FAQ (ngsmedicare.com faqs artid=8483879, reviewed 01/08/24) or a
// verbatim quotation of the LCD's Covered Indications (a 2023 CMS-update page quoting the list with the LCD's footnote
// marks; the AAPM practice alert on L39383 opens the same quotation); S2 = one-paragraph summaries of L39402, L39455,
// A59154 and A59244. A P rule decides the verdict; an S2 rule stays advice and says so.
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
const DOCUMENT = 'LCD L39402 family (L39383, L39455; articles A59154, A59244)';
const VERSION = 'original effective 2023-03-19 (L39455 revision effective 2023-08-10)';
const NGS_FAQ = 'NGS sacroiliac joint injection FAQ (contractor page, ngsmedicare.com faqs artid=8483879, reviewed 01/08/24)';
const QUOTED =
  "Verbatim quotation of the LCD's Covered Indications, with the LCD's footnote marks, on a physician's 2023 CMS-update page (pmrexampodcast.libsyn.com, 'The Sacroiliac Joint 2023 CMS update'); the AAPM practice alert on L39383 (painmed.org) opens the same quotation, but its stored copy ends before these items. The external tester quotes the same words from the NGS page on L39455 (selectedArticleId=8474183), which was not in the texts read.";
const SUMMARIES = 'One-paragraph summaries of L39402, L39455, A59154 and A59244 only (S2); no primary text read, so this is advice.';

const PAIN_MONTHS = 3;
const PROVOCATIVE_TESTS = 3;
const CONSERVATIVE_WEEKS = 4;
const THERAPEUTIC_SESSIONS = 4;
const DIAGNOSTIC_SESSIONS = 2;
const ROLLING_MONTHS = 12;
const REPEAT_PERCENT = 50;
const REPEAT_MONTHS = 3;

type C = (ruleId: string, section: string, grade: SourceGrade, note?: string) => Citation;

function params(c: C): PolicyParams {
  return {
    codeValidity: { value: true, citation: SHARED.icd10 },
    painDuration: {
      value: { months: PAIN_MONTHS },
      citation: c('SI-PAIN', 'Covered Indications: "Low back pain duration of at least three (3) months"', 'P', QUOTED),
    },
    provocativeTests: {
      value: { min: PROVOCATIVE_TESTS },
      citation: c(
        'SI-PROVOCATIVE',
        'Covered Indications: "At least three positive findings with provocative maneuvers" (FABER, Gaenslen, thigh thrust or posterior shear, SI compression, SI distraction, Yeoman); a test written as negative is not a positive finding',
        'P',
        QUOTED,
      ),
    },
    painScale: {
      value: { maxAgeDays: BASELINE_RECENCY_DAYS },
      citation: c(
        'SI-SCALES',
        'Documentation: a standardized pain or functional scale at baseline, reassessed on the same scale',
        'S2',
        `${NGS_FAQ} asks for a pain OR a functional scale; ClaimReady checks each separately (and their ${BASELINE_RECENCY_DAYS}-day recency is its own parameter), so neither alone may decide: advice.`,
      ),
    },
    functional: {
      value: { maxAgeDays: BASELINE_RECENCY_DAYS },
      citation: c(
        'SI-SCALES',
        'Documentation: functional assessment',
        'S2',
        `${SUMMARIES} (See SI-SCALES: the FAQ accepts a pain or a functional scale.)`,
      ),
    },
    conservativeFailure: {
      value: { contraindicatedSatisfies: true },
      citation: c(
        'SI-CONSERVATIVE',
        'Covered Indications: "Low back pain persists despite a minimum of four weeks of conservative therapies"',
        'P',
        `${QUOTED} ${NGS_FAQ}: "The policy requires a period of four weeks of conservative therapy before proceeding with intervention."`,
      ),
    },
    conservativeMinimum: {
      value: { weeks: CONSERVATIVE_WEEKS },
      citation: c(
        'SI-CONSERVATIVE-WEEKS',
        'Covered Indications: at least four weeks of conservative therapy before the injection',
        'P',
        `${NGS_FAQ}; ${QUOTED}`,
      ),
    },
    imageGuidance: {
      value: true,
      citation: c(
        'SI-IMAGING',
        'Limitations: CT or fluoroscopic guidance with contrast (ultrasound only for contrast allergy or pregnancy); injections without image guidance not covered',
        'S2',
        SUMMARIES,
      ),
    },
    siteConsistency: { value: true, citation: SHARED.siteConsistency },
    frequencyRegion: {
      value: {
        max: DIAGNOSTIC_SESSIONS,
        months: ROLLING_MONTHS,
        counts: SI,
        intent: 'diagnostic',
        perRegion: false,
        label: 'diagnostic sacroiliac injection sessions',
      },
      citation: c('SI-FREQUENCY-DX', 'Limitations: at most 2 diagnostic sessions (in a rolling 12 months)', 'S2', SUMMARIES),
    },
    frequencyTherapeutic: {
      value: {
        max: THERAPEUTIC_SESSIONS,
        months: ROLLING_MONTHS,
        counts: SI,
        intent: 'therapeutic',
        perRegion: false,
        label: 'therapeutic sacroiliac injection sessions',
      },
      citation: c(
        'SI-FREQUENCY-TX',
        'Limitations: at most 4 therapeutic sessions per rolling 12 months; a session is all procedures on one day (bilateral on one day is one session, two days are two)',
        'P',
        `${NGS_FAQ}: "This counts as 2/4 therapeutic SIJI sessions reimbursed per rolling 12 months."`,
      ),
    },
    repeatRelief: {
      value: { minPercent: REPEAT_PERCENT, after: SI },
      citation: c(
        'SI-REPEAT',
        'Documentation: a repeat injection needs at least 50% improvement from the baseline pain scale to the post-treatment pain scale (same scale)',
        'P',
        NGS_FAQ,
      ),
    },
    repeatReliefDuration: {
      value: { minPercent: REPEAT_PERCENT, minMonths: REPEAT_MONTHS, after: SI },
      citation: c('SI-REPEAT-DURATION', 'Limitations: that improvement sustained for at least 3 months', 'S2', SUMMARIES),
    },
    sameDayEm: { value: true, citation: SHARED.modifier25 },
  };
}

export const LCD_SACROILIAC: PolicyDef = {
  id: 'lcd-sacroiliac',
  title: 'Sacroiliac joint injection (Medicare LCD L39402 family)',
  citation: {
    ruleId: 'SI',
    document: DOCUMENT,
    version: VERSION,
    section: 'Sacroiliac Joint Injections and Procedures',
    grade: 'P',
    verified: true,
    note: `${NGS_FAQ}; ${QUOTED} Rules read only in summaries (S2) are advice.`,
  },
  kinds: SI,
  versions: [{ version: VERSION, from: '2023-03-19', params: params(citer(DOCUMENT, VERSION)) }],
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
    frequencyRequirement(
      'si-frequency',
      'Therapeutic sacroiliac injection sessions within the rolling 12-month limit',
      (p) => p.frequencyTherapeutic,
    ),
    frequencyRequirement(
      'si-frequency-diagnostic',
      'Diagnostic sacroiliac injection sessions within their limit',
      (p) => p.frequencyRegion,
    ),
    reliefRequirement('si-repeat-relief', 'A repeat sacroiliac injection needs at least 50% improvement after the previous one'),
    reliefRequirement('si-repeat-duration', 'That improvement lasted at least 3 months', (p) => p.repeatReliefDuration),
    sameDayEmRequirement('same-day-em'),
  ],
};

// SI ablation: the AAPM practice alert on L39383 is a society bulletin, a kind of text issue 9 lists among the
// primary sources to look for, and it reports the LCD's decision as a decision (to eliminate RFA for SI joint pain),
// backed by the multisociety letter protesting it; every summary agrees. So the rule is graded P and decides "not
// eligible": no change to the chart makes 64625 covered. The LCD's own Limitations words were not read.
const RFA_SOURCE =
  "AAPM practice alert on L39383 (painmed.org, 2023): the society reports the LCD's decision to eliminate radiofrequency ablation for sacroiliac joint pain and links the multisociety letter of 2023-03-07 protesting it (a society bulletin, graded P as issue 9 counts such texts; the LCD's Limitations text itself was not read). Every summary of L39402, L39455 and A59154 (S2) agrees.";

export const SACROILIAC_RFA: PolicyDef = {
  id: 'sacroiliac-rfa',
  title: 'Sacroiliac joint radiofrequency ablation (Medicare LCD L39402 family; not covered by every text read)',
  citation: {
    ruleId: 'SI-RFA',
    document: DOCUMENT,
    version: VERSION,
    section: 'Limitations: sacroiliac joint ablation',
    grade: 'P',
    verified: true,
    note: RFA_SOURCE,
  },
  kinds: familyKinds('si-rfa'),
  versions: [
    {
      version: VERSION,
      from: '2023-03-19',
      params: {
        codeValidity: { value: true, citation: SHARED.icd10 },
        notCovered: {
          value: { label: 'Sacroiliac joint radiofrequency ablation (64625)' },
          citation: citer(DOCUMENT, VERSION)(
            'SI-RFA-NONCOVERED',
            'Limitations: radiofrequency ablation of the sacroiliac joint is not covered',
            'P',
            RFA_SOURCE,
          ),
        },
      },
    },
  ],
  requirements: [notCoveredRequirement('si-rfa-not-covered'), codeValidityRequirement('dx-code-valid')],
};
