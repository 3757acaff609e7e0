// Records written the way EHRs send them, not the way the mapper wants: flowsheet rows under local codes, relief
// linked only by date, a PT course as one period, text-only pain scales, brand and combination drugs, bad dates.
import { describe, expect, it } from 'vitest';
import { toPicture } from '../../../src/fhir/picture/to-picture';
import { medClass } from '../../../src/fhir/picture/medications';
import { addDays, addMonths, daysBetween, inRollingWindow } from '../../../src/policy/dates';
import { SYS, cc, ctx, flowsheetRow as row, patient, procedure, record, type R } from './fixtures';

describe('flowsheet relief and procedure outcome', () => {
  it('reads % relief rows by their words, linked by partOf, derivedFrom or only by date, and relief in Procedure.outcome', () => {
    const p = toPicture(
      record(
        patient(),
        procedure('mbb1', '64493', '2026-06-01T09:00:00-05:00', [{ text: 'bilateral L4-L5, L5-S1' }]),
        procedure('mbb2', '64493', '2026-07-10', [{ text: 'bilateral L4-L5, L5-S1' }], {
          outcome: { text: 'Patient reports 90% pain relief lasting 6 hours' },
        }),
        procedure('il', '62323', '2026-09-01', []),
        row('rel1', 'Post-procedure pain relief (%)', { valueQuantity: { value: 85, unit: '%' } }, '2026-06-01T15:00:00-05:00', {
          derivedFrom: [{ reference: 'Procedure/mbb1' }],
        }),
        row('rel2', 'Percent relief after block', { valueQuantity: { value: 40, unit: 'percent' } }, '2026-09-03'),
        row('rel3', 'Relief', { valueString: '70%' }, '2026-12-30'),
      ),
      ctx(),
    );
    const by = Object.fromEntries(
      p.procedureHistory.map((x) => [x.id, x.relief.map((r) => [r.percent, r.durationHours ?? null, r.evidence[0]!.ref])]),
    );
    expect(by.mbb1).toEqual([[85, null, 'Observation/rel1']]);
    expect(by.mbb2).toEqual([[90, 6, 'Procedure/mbb2']]);
    expect(by.il).toEqual([[40, null, 'Observation/rel2']]);
    // A relief row is not a pain score.
    expect(p.painScores).toEqual([]);
  });
});

describe('pain scales by code or words plus a fitting unit, never by unit alone', () => {
  it('reads text-only NRS and VAS rows and ignores mm sizes and relief rows', () => {
    const p = toPicture(
      record(
        row('nrs', 'Pain Score (0-10)', { valueQuantity: { value: 7, unit: '{score}' } }, '2026-10-01'),
        row('vas', 'VAS pain', { valueQuantity: { value: 62, unit: 'mm' } }, '2026-10-02'),
        row('polyp', 'Polyp size greatest dimension', { valueQuantity: { value: 6, unit: 'mm' } }, '2026-10-03'),
        row('bp', 'Pain location', { valueString: 'low back' }, '2026-10-04'),
        row('goal', 'Pain goal', { valueQuantity: { value: 3, unit: '{score}' } }, '2026-10-05'),
        row('kg', 'Pain score', { valueQuantity: { value: 7, unit: 'kg' } }, '2026-10-06'),
        row('prelim', 'Pain score', { valueQuantity: { value: 5 } }, '2026-10-07', { status: 'preliminary' }),
        {
          resourceType: 'Observation',
          id: 'loinc',
          status: 'final',
          code: cc(SYS.loinc, '72514-3'),
          effectiveDateTime: '2026-10-08',
          valueQuantity: { value: 3.8, unit: '{score}' },
        },
      ),
      ctx(),
    );
    expect(p.painScores.map((s) => [s.evidence[0]!.ref, s.instrument, s.value])).toEqual([
      ['Observation/nrs', 'NRS', 7],
      ['Observation/vas', 'VAS', 6.2],
      ['Observation/loinc', 'NRS', 3.8],
    ]);
  });

  it('reads function instruments within their ranges only', () => {
    const p = toPicture(
      record(
        row('odi', 'Oswestry Disability Index', { valueQuantity: { value: 44, unit: '%' } }, '2026-10-01'),
        row('odi2', 'ODI', { valueQuantity: { value: 440, unit: '%' } }, '2026-10-02'),
        row('ndi', 'NDI raw score (of 50)', { valueInteger: 20 }, '2026-10-03'),
      ),
      ctx(),
    );
    expect(p.functionalStatus.map((f) => [f.instrument, f.score])).toEqual([
      ['ODI', 44],
      ['NDI', 40],
    ]);
  });
});

describe('PT recorded as one Procedure with a period', () => {
  it('counts the weeks of the period', () => {
    const p = toPicture(
      record({
        resourceType: 'Procedure',
        id: 'ptc',
        status: 'completed',
        code: { text: 'Physical therapy course, lumbar' },
        performedPeriod: { start: '2026-03-02', end: '2026-04-27' },
      }),
      ctx(),
    );
    expect(p.conservativeCare).toEqual([
      expect.objectContaining({ kind: 'physical-therapy', start: '2026-03-02', end: '2026-04-27', weeks: 8 }),
    ]);
    expect(p.procedureHistory).toEqual([]);
  });
});

describe('medication lexicon', () => {
  it('classes brands, combinations by their strongest ingredient, and excludes cough syrups and low-dose aspirin', () => {
    const k = (text: string, rx: string[] = []): string | undefined => medClass(rx, text)?.kind;
    expect(k('Norco 10-325 tablet')).toBe('opioid');
    expect(k('Percocet 5/325')).toBe('opioid');
    expect(k('Vicodin')).toBe('opioid');
    expect(k('Meperidine Hydrochloride 50 MG Oral Tablet')).toBe('opioid');
    expect(k('Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet')).toBe('opioid');
    expect(k('Aleve 220 mg')).toBe('nsaid');
    expect(k('Flexeril 10 mg')).toBe('muscle-relaxant');
    expect(k('Lyrica 75 mg')).toBe('neuropathic-agent');
    expect(
      k('Acetaminophen 21.7 MG/ML / Dextromethorphan Hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution'),
    ).toBeUndefined();
    expect(k('Aspirin 81 MG Oral Tablet')).toBeUndefined();
    expect(k('Aspirin 325 mg')).toBe('nsaid');
    expect(k('Amoxicillin 250 MG')).toBeUndefined();
    expect(k('', ['5489'])).toBe('opioid');
    expect(k('Tylenol Extra Strength')).toBe('analgesic');
  });
});

describe('conditions: status and SNOMED', () => {
  it('keeps a resolved or abated condition with that status, drops refuted and entered-in-error', () => {
    const cond = (id: string, extra: Record<string, unknown>): R => ({
      resourceType: 'Condition',
      id,
      code: cc(SYS.icd10, 'M54.16'),
      ...extra,
    });
    const p = toPicture(
      record(
        cond('res', { clinicalStatus: cc('http://terminology.hl7.org/CodeSystem/condition-clinical', 'resolved') }),
        cond('abated', { abatementDateTime: '2021-05-01' }),
        cond('ref', { verificationStatus: cc('http://terminology.hl7.org/CodeSystem/condition-ver-status', 'refuted') }),
        cond('eie', { verificationStatus: cc('http://terminology.hl7.org/CodeSystem/condition-ver-status', 'entered-in-error') }),
      ),
      ctx(),
    );
    expect(p.diagnoses.map((d) => [d.id, d.clinicalStatus])).toEqual([
      ['abated', 'resolved'],
      ['res', 'resolved'],
    ]);
  });
});

describe('dates: validated at the picture boundary, total in the core', () => {
  it('drops a bad date element with a data issue and keeps the resource', () => {
    const p = toPicture(
      record(
        {
          resourceType: 'ServiceRequest',
          id: 'sr1',
          status: 'active',
          intent: 'order',
          code: cc(SYS.cpt, '64493'),
          occurrenceDateTime: 'yesterday',
        },
        {
          resourceType: 'Observation',
          id: 'o1',
          status: 'final',
          code: cc(SYS.loinc, '72514-3'),
          effectiveDateTime: '\u200f2026-10-01',
          valueQuantity: { value: 6 },
        },
      ),
      ctx({ serviceRequestIds: ['sr1'] }),
    );
    expect(p.plannedServices.map((s) => [s.code, s.date ?? null])).toEqual([['64493', null]]);
    expect(p.dataIssues.filter((i) => i.message.includes('not a FHIR date')).map((i) => [i.id, i.path])).toEqual([
      ['sr1', 'occurrenceDateTime'],
      ['o1', 'effectiveDateTime'],
    ]);
  });

  it('never throws on garbage dates', () => {
    for (const bad of ['yesterday', 'NaN', '\u200f', '', '2026-13-99', '99999-01-01']) {
      expect(() => [
        addDays(bad, 3),
        addMonths(bad, -12),
        daysBetween(bad, '2026-01-01'),
        inRollingWindow(bad, '2026-01-01', 12),
      ]).not.toThrow();
    }
    expect(addDays('yesterday', 1)).toBe('');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
  });
});

describe('nothing silent', () => {
  it("names another patient's resource, an unknown type and a non-object", () => {
    const p = toPicture(
      {
        resources: {
          Observation: [
            {
              resourceType: 'Observation',
              id: 'x',
              subject: { reference: 'Patient/other' },
              code: cc(SYS.loinc, '72514-3'),
              effectiveDateTime: '2026-01-01',
              valueInteger: 5,
            },
            42,
          ],
          Immunization: [{ resourceType: 'Immunization', id: 'imm' }],
        },
        attachments: new Map(),
        issues: [],
        requests: 0,
      },
      ctx(),
    );
    expect(p.painScores).toEqual([]);
    expect(p.dataIssues.map((i) => [i.resourceType, i.id ?? null, i.severity])).toEqual([
      ['Observation', 'x', 'error'],
      ['Observation', null, 'error'],
      ['Immunization', 'imm', 'warning'],
    ]);
  });
});
