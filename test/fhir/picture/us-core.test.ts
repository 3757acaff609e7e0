// US Core read rules (categories, must-support fields) and the words EHRs use, checked one by one on small records.
import { describe, expect, it } from 'vitest';
import { toPicture } from '../../../src/fhir/picture/to-picture';
import { outcomeOf } from '../../../src/fhir/picture/conservative';
import { namesPt } from '../../../src/fhir/picture/therapy';
import { candidateIcd10, uncodedMessage } from '../../../src/policy/requirements/uncoded';
import { codeProblem, icd10Info } from '../../../src/policy/icd10';
import type { PlannedService } from '../../../src/policy/picture';
import { SYS, cc, condition, ctx, obs, patient, record } from './fixtures';

const OBS_CAT = 'http://terminology.hl7.org/CodeSystem/observation-category';
const US_CORE_CAT = 'http://hl7.org/fhir/us/core/CodeSystem/condition-category';
const HL7_COND_CAT = 'http://terminology.hl7.org/CodeSystem/condition-category';
const NRS = { coding: [{ system: SYS.loinc, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }] };
const worded = (text: string) => ({ coding: [{ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.2.707679', code: 'R1', display: text }] });

describe('Observation categories', () => {
  it('reads pain and function from vital-signs, survey, exam or uncategorised rows; never from laboratory, imaging or social history', () => {
    const row = (id: string, category: string | undefined, code: Record<string, unknown>, value: Record<string, unknown>) => ({
      ...obs(id, code, '2026-11-01', value),
      ...(category ? { category: [cc(OBS_CAT, category)] } : {}),
    });
    const p = toPicture(
      record(
        patient(),
        row('vs', 'vital-signs', worded('Pain Score (0-10)'), { valueQuantity: { value: 6 } }),
        row('sv', 'survey', worded('Pain intensity now'), { valueInteger: 5 }),
        row('un', undefined, worded('Pain level'), { valueQuantity: { value: 4, unit: '{score}' } }),
        row('lab', 'laboratory', worded('Pain Score'), { valueQuantity: { value: 9 } }),
        row('img', 'imaging', worded('VAS lesion'), { valueQuantity: { value: 32, unit: 'mm' } }),
        row('soc', 'social-history', worded('Pain scale used at work'), { valueInteger: 3 }),
        // A LOINC pain code outranks a category some EHRs put on every row.
        row('loinc', 'laboratory', NRS, { valueQuantity: { value: 7 } }),
        row('odi-s', 'survey', worded('Oswestry Disability Index'), { valueQuantity: { value: 40, unit: '%' } }),
        row('odi-l', 'laboratory', worded('ODI total'), { valueQuantity: { value: 80, unit: '%' } }),
      ),
      ctx(),
    );
    expect(p.painScores.map((s) => s.evidence[0]!.ref.split('/')[1]).sort()).toEqual(['loinc', 'sv', 'un', 'vs']);
    expect(p.functionalStatus.map((f) => f.evidence[0]!.ref)).toEqual(['Observation/odi-s']);
  });

  it('reads effectiveInstant, and names a 0-10 score outside its scale instead of dropping it', () => {
    const p = toPicture(
      record(
        patient(),
        {
          ...obs('inst', NRS, '', { valueQuantity: { value: 8 } }),
          effectiveDateTime: undefined,
          effectiveInstant: '2026-11-02T23:30:00-05:00',
        },
        obs('twelve', NRS, '2026-11-03', { valueQuantity: { value: 12 } }),
      ),
      ctx(),
    );
    expect(p.painScores.map((s) => [s.value, s.date])).toEqual([[8, '2026-11-02T23:30:00-05:00']]);
    expect(p.dataIssues).toEqual([
      expect.objectContaining({
        resourceType: 'Observation',
        id: 'twelve',
        message: expect.stringMatching(/12 is outside its 0-10 scale/),
      }),
    ]);
  });
});

describe('Condition categories', () => {
  it('keeps problem-list items, encounter diagnoses and health concerns apart (by code or by the EHR words)', () => {
    const p = toPicture(
      record(
        patient(),
        condition('pl', 'M47.816', undefined, { category: [cc(HL7_COND_CAT, 'problem-list-item')] }),
        condition('ed', 'M54.16', undefined, { category: [{ text: 'Encounter Diagnosis' }], clinicalStatus: undefined }),
        condition('hc', 'Z59.82', undefined, { category: [cc(US_CORE_CAT, 'health-concern')] }),
        condition('sd', undefined, '105480006', { category: [cc('http://hl7.org/fhir/us/core/CodeSystem/us-core-category', 'sdoh')] }),
      ),
      ctx(),
    );
    expect(Object.fromEntries(p.diagnoses.map((d) => [d.id, d.category]))).toEqual({
      pl: 'problem-list-item',
      ed: 'encounter-diagnosis',
      hc: 'health-concern',
      sd: 'health-concern',
    });
  });
});

describe('uncoded pain conditions date the pain only while they stand', () => {
  // SNOMED 278860009 chronic low back pain, no ICD-10-CM coding: its onset becomes a pain-duration fact.
  const lbp = (id: string, extra: Record<string, unknown>) =>
    condition(id, undefined, '278860009', {
      code: { coding: [{ system: SYS.snomed, code: '278860009', display: 'Chronic low back pain' }] },
      onsetDateTime: '2026-10-26',
      ...extra,
    });
  const resolved = {
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
  };
  it.each([
    ['a problem-list item', { category: [cc(US_CORE_CAT, 'problem-list-item')] }, [4]],
    ['a resolved problem', { category: [cc(US_CORE_CAT, 'problem-list-item')], ...resolved }, []],
    ['a health concern', { category: [cc(US_CORE_CAT, 'health-concern')] }, []],
  ])('%s with onset 28 days before', (_what, extra, weeks) => {
    const p = toPicture(record(patient(), lbp('lbp', extra)), ctx());
    expect(p.painDuration.map((d) => d.weeks)).toEqual(weeks);
  });
});

describe('uncoded problems: the ICD-10-CM candidate their words lead to', () => {
  const service = (over: Partial<PlannedService> = {}): PlannedService => ({
    code: '64483',
    kind: 'esi-transforaminal',
    levels: ['L5-S1'],
    laterality: 'left',
    region: 'lumbar',
    reasonIcd10: [],
    source: 'coded',
    evidence: [],
    ...over,
  });
  it.each([
    ['Chronic low back pain', 'M54.50'],
    ['Sciatica', 'M54.32'],
    ['Low back pain with sciatica', 'M54.42'],
    ['Lumbar radiculopathy', 'M54.17'],
    ['Cervical radiculopathy', 'M54.12'],
    ['Lumbar spondylosis', 'M47.817'],
    ['Facet arthropathy of the neck', 'M47.812'],
    ['Spinal stenosis of lumbar region', 'M48.061'],
    ['Chronic pain', 'G89.29'],
    ['Neck pain', 'M54.2'],
    ['Sacroiliitis', 'M46.1'],
    ['Post-laminectomy syndrome', 'M96.1'],
    ['Essential hypertension', undefined],
  ])('%s -> %s, a billable code valid on the date of service', (words, code) => {
    const got = candidateIcd10(words, service(), '2026-12-08');
    expect(got).toBe(code);
    if (got) {
      expect(icd10Info(got)?.billable).toBe(true);
      expect(codeProblem(got, '2026-12-08')).toBeUndefined();
    }
  });

  it('names a text-only problem as not coded, and nothing for resolved ones', () => {
    const dx = [
      {
        display: 'low back pain',
        clinicalStatus: 'active' as const,
        source: 'coded' as const,
        evidence: [{ ref: 'Condition/t', display: 'x' }],
      },
      { display: 'Sciatica', snomed: '23056005', clinicalStatus: 'resolved' as const, source: 'coded' as const, evidence: [] },
    ];
    expect(uncodedMessage(dx, service(), '2026-12-08')?.message).toBe(
      'low back pain (not coded) is on the problem list but has no ICD-10-CM code; code it as M54.50 (low back pain, unspecified) if that is the condition treated.',
    );
    expect(uncodedMessage(dx.slice(1), service(), '2026-12-08')).toBeUndefined();
  });
});

describe('conservative-care outcome words', () => {
  it.each([
    ['Attended 14 of 16 visits. Minimal improvement in leg pain; discharged to HEP.', 'failed'],
    ['Pain persists despite 8 weeks of therapy', 'failed'],
    ['Pain unchanged', 'failed'],
    ['Good improvement in function', 'helped'],
  ])('%s -> %s', (text, outcome) => {
    expect(outcomeOf(text, undefined)).toBe(outcome);
  });
});

describe('what names physical therapy', () => {
  it.each([
    ['PT Visit', true],
    ['OP PT RE-EVAL', true],
    ['Physiotherapy Outpatient', true],
    ['NEW PT VISIT', false],
    ['Est Pt Visit', false],
    ['PT education', false],
    ['PT/INR', false],
    ['Portal message', false],
  ])('%s -> %s', (text, pt) => {
    expect(namesPt([text])).toBe(pt);
    expect(namesPt([{ coding: [{ system: 'urn:oid:1.2.3', code: 'X', display: text }] }])).toBe(pt);
  });
});
