// SI joint LCD family (L39402 / L39383 / L39455). Rules read in the contractor's own FAQ (NGS) or in a verbatim
// quotation of the LCD decide (P); rules read only in summaries (S2) are advice. Each threshold at, below and above.
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import { addDays, addMonths } from '../../src/policy/dates';
import { emptyPicture } from '../../src/policy/picture';
import type { ClinicalPicture, PlannedService, ProcedureFact, ProvocativeTestFact } from '../../src/policy/picture';
import { ev, proc, relief, service, TODAY } from './build';
import { contextFor } from '../../src/policy/requirements/common';
import { notCoveredRequirement } from '../../src/policy/requirements/same-day';

const NOTE = 'DocumentReference/exam';
const MONTH_HOURS = 730;

function test(name: string, result: ProvocativeTestFact['result'], noteRef = NOTE): ProvocativeTestFact {
  return { test: name, result, noteRef, date: addDays(TODAY, -3), source: 'note', evidence: [ev(noteRef)] };
}

/** Everything the SI texts ask for, documented: each test breaks one piece. */
function siPicture(): ClinicalPicture {
  const p = emptyPicture('pat-si');
  p.coverages.push({
    id: 'cov1',
    status: 'active',
    payerId: 'MEDICARE',
    payerName: 'Medicare Part B',
    typeCode: '121',
    source: 'coded',
    evidence: [ev('Coverage/cov1')],
  });
  p.diagnoses.push({ icd10: 'M46.1', display: 'Sacroiliitis', clinicalStatus: 'active', source: 'coded', evidence: [ev('Condition/c1')] });
  p.painScores.push({ instrument: 'NRS', value: 7, raw: '7/10', date: addDays(TODAY, -3), source: 'note', evidence: [ev(NOTE)] });
  p.functionalStatus.push({ instrument: 'ODI', score: 40, date: addDays(TODAY, -3), source: 'note', evidence: [ev(NOTE)] });
  p.conservativeCare.push({
    kind: 'physical-therapy',
    description: 'PT 6 weeks',
    start: addDays(TODAY, -90),
    end: addDays(TODAY, -48),
    outcome: 'failed',
    source: 'note',
    evidence: [ev(NOTE)],
  });
  p.painDuration.push({ onset: addMonths(TODAY, -6), asOf: TODAY, source: 'note', evidence: [ev(NOTE)] });
  p.provocativeTests.push(test('faber', 'positive'), test('thigh-thrust', 'positive'), test('compression', 'positive'));
  return p;
}

const si = (over: Partial<PlannedService> = {}): PlannedService =>
  service('27096', 'si-joint', { region: 'sacral', levels: [], laterality: 'right', reasonIcd10: ['M46.1'], imageGuidance: true, ...over });
const therapeutic = () => si({ evidence: [{ ref: 'ServiceRequest/sr1', display: 'Therapeutic right SI joint injection' }] });
const diagnostic = () => si({ evidence: [{ ref: 'ServiceRequest/sr1', display: 'Diagnostic right SI joint injection' }] });

/** A past SI session with good, lasting relief (so only the rule under test can fail). */
function session(daysAgo: number, intent: 'diagnostic' | 'therapeutic', over: Partial<ProcedureFact> = {}): ProcedureFact {
  return proc('si-joint', daysAgo, [relief(80, 4 * MONTH_HOURS)], {
    code: '27096',
    display: `${intent === 'diagnostic' ? 'Diagnostic' : 'Therapeutic'} SI joint injection`,
    region: 'sacral',
    levels: [],
    laterality: 'right',
    ...over,
  });
}

const finding = (p: ClinicalPicture, s: PlannedService, id: string) => {
  const a = assess(p, s, 'medicare', TODAY);
  return { a, f: a.findings.find((x) => x.requirementId === id)! };
};

describe('SI joint injection: the chart that meets every text is ready', () => {
  it('is ready, and the deciding rules are cited as read (P)', () => {
    const { a } = finding(siPicture(), si(), 'si-provocative-tests');
    expect(a.verdict).toBe('ready');
    for (const id of [
      'si-pain-duration',
      'si-provocative-tests',
      'conservative-failed',
      'conservative-weeks',
      'si-frequency',
      'si-repeat-relief',
    ])
      expect(a.findings.find((x) => x.requirementId === id)!.citation, id).toMatchObject({ grade: 'P', verified: true });
  });
});

describe('SI-PROVOCATIVE: at least three POSITIVE provocative maneuvers (P)', () => {
  it('at 3 positive: met', () => {
    expect(finding(siPicture(), si(), 'si-provocative-tests').f.status).toBe('met');
  });
  it('below: 2 positive and 3 negative is missing and holds the verdict (negative tests never count)', () => {
    const p = siPicture();
    p.provocativeTests = [
      test('faber', 'positive'),
      test('thigh-thrust', 'positive'),
      test('gaenslen', 'negative'),
      test('compression', 'negative'),
      test('distraction', 'negative'),
    ];
    const { a, f } = finding(p, si(), 'si-provocative-tests');
    expect(f.status).toBe('missing');
    expect(f.severity).toBe('blocker');
    expect(f.message).toMatch(/2 positive .*3 written as negative/);
    expect(a.verdict).toBe('incomplete');
  });
  it('tests named with no result do not count', () => {
    const p = siPicture();
    p.provocativeTests = [test('faber', 'unstated'), test('gaenslen', 'unstated'), test('thigh-thrust', 'unstated')];
    expect(finding(p, si(), 'si-provocative-tests').f.status).toBe('missing');
  });
  it('the same test twice counts once', () => {
    const p = siPicture();
    p.provocativeTests = [test('faber', 'positive'), test('faber', 'positive'), test('thigh-thrust', 'positive')];
    expect(finding(p, si(), 'si-provocative-tests').f.status).toBe('missing');
  });
  it('above: 4 positive: met', () => {
    const p = siPicture();
    p.provocativeTests.push(test('distraction', 'positive'));
    expect(finding(p, si(), 'si-provocative-tests').f.message).toMatch(/^4 positive/);
  });
});

describe('SI-PAIN: pain for at least 3 months (P)', () => {
  const withOnset = (onset: string) => {
    const p = siPicture();
    p.painDuration = [{ onset, asOf: TODAY, source: 'note', evidence: [ev(NOTE)] }];
    return finding(p, si(), 'si-pain-duration');
  };
  it('at exactly 3 months: met', () => expect(withOnset(addMonths(TODAY, -3)).f.status).toBe('met'));
  it('one day short: not met, not eligible', () => {
    const { a, f } = withOnset(addDays(addMonths(TODAY, -3), 1));
    expect(f.status).toBe('not-met');
    expect(a.verdict).toBe('not-eligible');
  });
  it('six weeks: not eligible', () => expect(withOnset(addDays(TODAY, -42)).a.verdict).toBe('not-eligible'));
  it('above: 4 months: met', () => expect(withOnset(addMonths(TODAY, -4)).f.status).toBe('met'));
});

describe('SI-CONSERVATIVE-WEEKS: at least four weeks of conservative therapy (P)', () => {
  const course = (days: number) => {
    const p = siPicture();
    const start = addDays(TODAY, -80);
    p.conservativeCare = [
      {
        kind: 'physical-therapy',
        description: 'PT',
        start,
        end: addDays(start, days),
        outcome: 'failed',
        source: 'note',
        evidence: [ev(NOTE)],
      },
    ];
    return finding(p, si(), 'conservative-weeks');
  };
  it('at 4 weeks: met', () => expect(course(28).f.status).toBe('met'));
  it('below: 2 weeks is not met and decides', () => {
    const { a, f } = course(14);
    expect(f.status).toBe('not-met');
    expect(f.severity).toBe('blocker');
    expect(a.verdict).toBe('not-eligible');
  });
  it('above: 8 weeks: met', () => expect(course(56).f.status).toBe('met'));
});

describe('SI-FREQUENCY-TX: at most 4 therapeutic sessions per rolling 12 months, counted as sessions (P)', () => {
  it('at the limit: 3 before, this is the 4th: met', () => {
    const p = siPicture();
    p.procedureHistory = [session(300, 'therapeutic'), session(200, 'therapeutic'), session(100, 'therapeutic')];
    expect(finding(p, therapeutic(), 'si-frequency').f.status).toBe('met');
  });
  it('above: a 5th therapeutic session in 12 months is not eligible', () => {
    const p = siPicture();
    p.procedureHistory = [
      session(330, 'therapeutic'),
      session(250, 'therapeutic'),
      session(170, 'therapeutic'),
      session(90, 'therapeutic'),
    ];
    const { a, f } = finding(p, therapeutic(), 'si-frequency');
    expect(f.status).toBe('not-met');
    expect(a.verdict).toBe('not-eligible');
  });
  it('below: a session older than 12 months does not count', () => {
    const p = siPicture();
    p.procedureHistory = [
      session(400, 'therapeutic'),
      session(250, 'therapeutic'),
      session(170, 'therapeutic'),
      session(90, 'therapeutic'),
    ];
    expect(finding(p, therapeutic(), 'si-frequency').f.status).toBe('met');
  });
  it('left and right on one day is one session (NGS: a session is all procedures of one day)', () => {
    const p = siPicture();
    p.procedureHistory = [
      session(330, 'therapeutic'),
      session(250, 'therapeutic'),
      session(90, 'therapeutic', { id: 'l', laterality: 'left', evidence: [ev('Procedure/l')] }),
      session(90, 'therapeutic', { id: 'r', laterality: 'right', evidence: [ev('Procedure/r')] }),
    ];
    expect(finding(p, therapeutic(), 'si-frequency').f.message).toMatch(/session 4 of at most 4/);
  });
  it('diagnostic sessions do not count toward the therapeutic cap', () => {
    const p = siPicture();
    p.procedureHistory = [session(330, 'diagnostic'), session(250, 'therapeutic'), session(170, 'therapeutic'), session(90, 'therapeutic')];
    expect(finding(p, therapeutic(), 'si-frequency').f.status).toBe('met');
  });
});

describe('SI-FREQUENCY-DX: at most 2 diagnostic sessions (S2 summaries: advice)', () => {
  it('at 2: met', () => {
    const p = siPicture();
    p.procedureHistory = [session(40, 'diagnostic')];
    expect(finding(p, diagnostic(), 'si-frequency-diagnostic').f.status).toBe('met');
  });
  it('above: a 3rd diagnostic session is flagged, as advice that says so, and does not decide', () => {
    const p = siPicture();
    p.procedureHistory = [session(60, 'diagnostic'), session(30, 'diagnostic')];
    const { a, f } = finding(p, diagnostic(), 'si-frequency-diagnostic');
    expect(f.status).toBe('not-met');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^Unconfirmed rule/);
    expect(f.citation).toMatchObject({ ruleId: 'SI-FREQUENCY-DX', grade: 'S2', verified: false });
    expect(a.verdict).toBe('ready');
  });
});

describe('SI-REPEAT: a repeat needs at least 50% improvement from baseline (P); its 3 months are S2 advice', () => {
  const after = (percent: number, hours = 4 * MONTH_HOURS) => {
    const p = siPicture();
    p.procedureHistory = [session(120, 'therapeutic', { relief: [relief(percent, hours)] })];
    return p;
  };
  it('at 50%: met', () => expect(finding(after(50), therapeutic(), 'si-repeat-relief').f.status).toBe('met'));
  it('below: 30% is not eligible', () => {
    const { a, f } = finding(after(30), therapeutic(), 'si-repeat-relief');
    expect(f.status).toBe('not-met');
    expect(a.verdict).toBe('not-eligible');
  });
  it('49% is not eligible', () => expect(finding(after(49), therapeutic(), 'si-repeat-relief').a.verdict).toBe('not-eligible'));
  it('above: 70%: met', () => expect(finding(after(70), therapeutic(), 'si-repeat-relief').f.status).toBe('met'));
  it('relief that lasted 6 weeks is flagged by the 3-month advice only', () => {
    const { a, f } = finding(after(70, 6 * 168), therapeutic(), 'si-repeat-duration');
    expect(f.status).toBe('not-met');
    expect(f.severity).toBe('warning');
    expect(f.citation).toMatchObject({ ruleId: 'SI-REPEAT-DURATION', grade: 'S2' });
    expect(a.verdict).toBe('ready');
  });
  it('relief for 3 months meets the advice too', () =>
    expect(finding(after(70, 3 * MONTH_HOURS), therapeutic(), 'si-repeat-duration').f.status).toBe('met'));
});

describe('SI-IMAGING: image guidance (S2 summaries: advice that holds a "ready")', () => {
  it('G0260 ordered without image guidance is held as incomplete (the summaries say not covered), never not eligible', () => {
    const { a, f } = finding(siPicture(), si({ code: 'G0260', imageGuidance: false }), 'si-image-guidance');
    expect(f.status).toBe('missing');
    expect(f.message).toMatch(/^Unconfirmed rule .*not covered without image guidance/);
    expect(f.citation).toMatchObject({ ruleId: 'SI-IMAGING', grade: 'S2', verified: false });
    expect(a.verdict).toBe('incomplete');
  });
  it('G0260 whose order names fluoroscopy is met; G0260 whose order says nothing asks for the guidance', () => {
    expect(finding(siPicture(), si({ code: 'G0260', imageGuidance: true }), 'si-image-guidance').a.verdict).toBe('ready');
    const { f } = finding(siPicture(), si({ code: 'G0260', imageGuidance: undefined }), 'si-image-guidance');
    expect(f.status).toBe('missing');
    expect(f.fix).toMatch(/fluoroscopic or CT guidance/);
  });
  it('27096 includes image guidance: met', () => {
    expect(finding(siPicture(), si({ imageGuidance: undefined }), 'si-image-guidance').f.status).toBe('met');
  });
});

describe('SI joint radiofrequency ablation 64625: not covered (P: the AAPM practice alert on L39383, a society bulletin)', () => {
  const rfa = () =>
    service('64625', 'si-rfa', { region: 'sacral', levels: [], reasonIcd10: ['M46.1'], evidence: [ev('ServiceRequest/sr1')] });
  it('is not eligible, saying nothing in the chart changes that (round-4 F8)', () => {
    const a = assess(siPicture(), rfa(), 'medicare', TODAY);
    expect(a.policy.id).toBe('sacroiliac-rfa');
    expect(a.verdict).toBe('not-eligible');
    const f = a.findings.find((x) => x.requirementId === 'si-rfa-not-covered')!;
    expect(f.status).toBe('not-met');
    expect(f.severity).toBe('blocker');
    expect(f.message).toMatch(/nothing in the chart changes that/);
    expect(f.citation).toMatchObject({ ruleId: 'SI-RFA-NONCOVERED', grade: 'P', verified: true });
  });
  it('the same rule read only from summaries (S2) is held as incomplete, never ready', () => {
    const p = siPicture();
    const s = rfa();
    const citation = { ruleId: 'X-NONCOVERED', document: 'LCD X', section: 'Limitations', grade: 'S2' as const, verified: false };
    const r = notCoveredRequirement('x').check(contextFor(p, s, TODAY), { notCovered: { value: { label: 'Procedure X' }, citation } });
    expect(r.status).toBe('missing');
    expect(r.message).toMatch(/no change to the chart makes it covered/);
  });
  it('the same rule read from a text that decides (P) is not eligible', () => {
    const p = siPicture();
    const s = rfa();
    const citation = { ruleId: 'X-NONCOVERED', document: 'LCD X', section: 'Limitations', grade: 'P' as const, verified: true };
    const r = notCoveredRequirement('x').check(contextFor(p, s, TODAY), { notCovered: { value: { label: 'Procedure X' }, citation } });
    expect(r.status).toBe('not-met');
    expect(r.holdsReady).toBeUndefined();
    expect(r.message).toMatch(/nothing in the chart changes that/);
  });
});
