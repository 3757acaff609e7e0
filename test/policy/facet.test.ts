// LCD L38803 (facet joint interventions) at, just below and just above each threshold; citation in each test name.
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import type { Assessment, Finding } from '../../src/policy/verdicts';
import { addDays, addMonths } from '../../src/policy/dates';
import { facetPicture, mbb, proc, relief, rfa, service, TODAY } from './build';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

describe('facet baseline', () => {
  it('a documented lumbar MBB is ready (LCD L38803)', () => {
    expect(assess(facetPicture(), mbb(), 'medicare', TODAY).verdict).toBe('ready');
  });
});

describe('LCD L38803 Covered Indications: RFA (FJ-DIAGNOSTIC): two blocks, each >= 80% relief', () => {
  it.each([
    [79, 'not-met', 'not-eligible'],
    [80, 'met', 'ready'],
    [81, 'met', 'ready'],
  ])('second block with %i%% -> %s', (pct, status, verdict) => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 60, [relief(90, 6)]), proc('facet-mbb', 30, [relief(pct, 6)]));
    const a = assess(p, rfa(), 'medicare', TODAY);
    expect(find(a, 'rfa-diagnostic-blocks').status).toBe(status);
    expect(a.verdict).toBe(verdict);
  });

  it('one block only -> not-met; blocks without documented relief -> missing', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 30, [relief(90)]));
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'rfa-diagnostic-blocks').status).toBe('not-met');
    p.procedureHistory.push(proc('facet-mbb', 60, []));
    const a = assess(p, rfa(), 'medicare', TODAY);
    expect(find(a, 'rfa-diagnostic-blocks').status).toBe('missing');
    expect(a.verdict).toBe('incomplete');
  });

  it('blocks at other levels do not count', () => {
    const p = facetPicture();
    p.procedureHistory.push(
      proc('facet-mbb', 60, [relief(90)], { levels: ['L2-L3'] }),
      proc('facet-mbb', 30, [relief(90)], { levels: ['L2-L3'] }),
    );
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'rfa-diagnostic-blocks').status).toBe('not-met');
  });
});

describe('LCD L38803 repeat RFA (FJ-RFA-REPEAT): >= 50% for >= 6 months', () => {
  const SIX = 6 * 730;
  it.each([
    [49, SIX, 'not-met'],
    [50, SIX, 'met'],
    [51, SIX, 'met'],
    [60, SIX - 1, 'not-met'],
    [60, SIX + 1, 'met'],
  ])('%i%% for %i hours -> %s', (pct, hours, status) => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-rfa', 300, [relief(pct, hours)]));
    const a = assess(p, rfa(), 'medicare', TODAY);
    expect(find(a, 'rfa-repeat-relief').status).toBe(status);
    expect(find(a, 'rfa-diagnostic-blocks').status).toBe('not-applicable');
  });

  it('relief duration not documented -> missing', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-rfa', 300, [relief(70)]));
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'rfa-repeat-relief').status).toBe('missing');
  });
});

describe('LCD L38803 Limitations (FJ-RFA-FREQUENCY): at most 2 RFA sessions per region in 12 months', () => {
  it.each([
    [0, 'met'],
    [1, 'met'],
    [2, 'not-met'],
  ])('%i prior RFA -> %s', (n, status) => {
    const p = facetPicture();
    for (let i = 0; i < n; i++) p.procedureHistory.push(proc('facet-rfa', 100 + i * 120, [relief(80, 7 * 730)]));
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'facet-frequency-region').status).toBe(status);
  });
});

describe('LCD L38803 Limitations (FJ-FREQUENCY-DX, P: CGS): at most 4 diagnostic sessions per region in 12 months', () => {
  it.each([
    [3, 'met'],
    [4, 'not-met'],
  ])('%i prior MBB -> %s', (n, status) => {
    const p = facetPicture();
    for (let i = 0; i < n; i++) p.procedureHistory.push(proc('facet-mbb', 20 + i * 30, [relief(90)]));
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-frequency-diagnostic').status).toBe(status);
  });
});

describe('LCD L38803 Limitations (FJ-LEVELS): at most 2 levels per session', () => {
  it.each([
    [['L4-L5'], 'met'],
    [['L4-L5', 'L5-S1'], 'met'],
    [['L3-L4', 'L4-L5', 'L5-S1'], 'not-met'],
  ])('%j -> %s', (levels, status) => {
    const p = facetPicture();
    p.siteMentions = [];
    expect(find(assess(p, mbb({ levels }), 'medicare', TODAY), 'facet-levels').status).toBe(status);
  });
});

describe('LCD L38803 Covered Indications (FJ-PAIN): at least 3 months', () => {
  it.each([
    [-1, 'not-met'],
    [0, 'met'],
    [1, 'met'],
  ])('onset 3 months %+i days ago -> %s', (delta, status) => {
    const p = facetPicture();
    p.diagnoses[0]!.onset = undefined;
    p.painDuration = [{ onset: addDays(addMonths(TODAY, -3), -delta), asOf: TODAY, source: 'note', evidence: [] }];
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-pain-duration').status).toBe(status);
  });
});

describe('LCD L38803 (FJ-EXCLUSIONS)', () => {
  it('documented radicular pain excludes a facet block', () => {
    const p = facetPicture();
    p.symptoms = p.symptoms.filter((s) => s.kind !== 'radicular');
    p.symptoms.push({
      kind: 'radicular',
      present: true,
      region: 'lumbar',
      source: 'note',
      evidence: [{ ref: 'DocumentReference/n9', display: 'note' }],
    });
    const a = assess(p, mbb(), 'medicare', TODAY);
    expect(find(a, 'facet-axial').status).toBe('not-met');
    expect(find(a, 'facet-axial').evidence[0]!.ref).toBe('DocumentReference/n9');
  });
  it('radicular pain denied later (or undated denial) is not an exclusion; a later radicular mention is', () => {
    const p = facetPicture();
    p.symptoms = [
      { kind: 'axial', present: true, region: 'lumbar', source: 'note', evidence: [] },
      { kind: 'radicular', present: true, region: 'lumbar', date: '2026-05-01', source: 'note', evidence: [] },
      { kind: 'radicular', present: false, region: 'lumbar', date: '2026-11-20', source: 'note', evidence: [] },
    ];
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-axial').status).toBe('met');
    p.symptoms[1]!.date = '2026-11-21';
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-axial').status).toBe('not-met');
  });
  it('a vertebral fracture (S32.0) on the problem list is not-met', () => {
    const p = facetPicture();
    p.diagnoses.push({ icd10: 'S32.010A', display: 'Fracture L1', clinicalStatus: 'active', source: 'coded', evidence: [] });
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-other-pathology').status).toBe('not-met');
  });
});

describe('FJ-SAME-SESSION (facet LCD wording not read): advice for the facet service (the ESI LCD decides the ESI)', () => {
  it('an ESI planned the same day warns but does not decide', () => {
    const p = facetPicture();
    const m = mbb();
    p.plannedServices = [m, service('64483', 'esi-transforaminal', { requestRef: 'ServiceRequest/sr9', evidence: [] })];
    const a = assess(p, m, 'medicare', TODAY);
    const f = find(a, 'same-session-blocks');
    expect(f.status).toBe('not-met');
    expect(f.severity).toBe('warning');
    expect(a.verdict).toBe('ready');
  });
});
