// LCD L39242 (ESI) rules at, just below and just above each threshold; the citation is in each test name.
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import type { Assessment, Finding } from '../../src/policy/verdicts';
import { addDays, addMonths } from '../../src/policy/dates';
import { esiPicture, proc, relief, service, tfesi, TODAY } from './build';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

describe('ESI baseline picture', () => {
  it('is ready under Medicare when everything is documented (LCD L39242)', () => {
    const a = assess(esiPicture(), tfesi(), 'medicare', TODAY);
    expect(a.verdict).toBe('ready');
    expect(a.policy.id).toBe('lcd-epidural');
    // Medicare: WISeR needs the rendering location's state, which this picture does not give.
    expect(a.priorAuth.required).toBe('depends');
  });
});

describe('LCD L39242 Covered Indications (ESI-DURATION): pain at least 4 weeks', () => {
  it.each([
    [27, 'not-met', 'not-eligible'],
    [28, 'met', 'ready'],
    [29, 'met', 'ready'],
  ])('pain for %i days -> %s', (days, status, verdict) => {
    const p = esiPicture();
    p.painDuration = [{ onset: addDays(TODAY, -days), asOf: TODAY, source: 'note', evidence: [] }];
    p.diagnoses[0]!.onset = undefined;
    const a = assess(p, tfesi(), 'medicare', TODAY);
    expect(find(a, 'esi-pain-duration').status).toBe(status);
    expect(a.verdict).toBe(verdict);
  });

  it('the onset of an unrelated diagnosis (hypertension I10) does not date the pain', () => {
    const p = esiPicture();
    p.painDuration = [];
    p.diagnoses[0]!.onset = undefined;
    p.diagnoses.push({
      icd10: 'I10',
      display: 'Essential hypertension',
      clinicalStatus: 'active',
      onset: '2019-03-01',
      source: 'coded',
      evidence: [{ ref: 'Condition/htn', display: 'Hypertension' }],
    });
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-pain-duration');
    expect(f.status).toBe('missing');
    expect(f.evidence.map((e) => e.ref)).not.toContain('Condition/htn');
  });

  // The onset of a pain diagnosis dates the pain only while the diagnosis stands (US Core clinicalStatus, category).
  it.each([
    ['active', undefined, 28, 'met'],
    ['active', undefined, 27, 'not-met'],
    ['unknown', undefined, 28, 'met'],
    ['resolved', undefined, 28, 'missing'],
    ['inactive', undefined, 400, 'missing'],
    ['remission', undefined, 400, 'missing'],
    ['active', 'health-concern', 400, 'missing'],
  ] as const)('a %s %s pain diagnosis with onset %i days before -> %s', (clinicalStatus, category, days, status) => {
    const p = esiPicture();
    p.painDuration = [];
    p.diagnoses[0]!.onset = undefined;
    p.diagnoses.push({
      icd10: 'G89.29',
      display: 'Other chronic pain',
      clinicalStatus,
      ...(category ? { category } : {}),
      onset: addDays(TODAY, -days),
      source: 'coded',
      evidence: [{ ref: 'Condition/cp', display: 'Chronic pain' }],
    });
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-pain-duration');
    expect(f.status).toBe(status);
    expect(f.evidence.some((e) => e.ref === 'Condition/cp')).toBe(status !== 'missing');
  });

  it('no duration documented -> missing', () => {
    const p = esiPicture();
    p.painDuration = [];
    p.diagnoses[0]!.onset = undefined;
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-pain-duration').status).toBe('missing');
  });
});

describe('LCD L39242 Limitations (ESI-FREQUENCY): at most 4 sessions per region in a rolling 12 months', () => {
  it.each([
    [2, 'met'],
    [3, 'met'],
    [4, 'not-met'],
  ])('%i prior lumbar ESIs in the window -> %s', (n, status) => {
    const p = esiPicture();
    for (let i = 0; i < n; i++) p.procedureHistory.push(proc('esi-transforaminal', 60 + i * 70, [relief(70, 3000)]));
    const a = assess(p, tfesi(), 'medicare', TODAY);
    expect(find(a, 'esi-frequency-region').status).toBe(status);
  });

  it('an ESI exactly 12 months ago is outside the rolling window; one a day later is inside', () => {
    const p = esiPicture();
    for (let i = 0; i < 3; i++) p.procedureHistory.push(proc('esi-transforaminal', 60 + i * 60, [relief(70, 3000)]));
    p.procedureHistory.push(proc('esi-transforaminal', 0, [], { date: addMonths(TODAY, -12) }));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-frequency-region').status).toBe('met');
    p.procedureHistory[3]!.date = addDays(addMonths(TODAY, -12), 1);
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-frequency-region').status).toBe('not-met');
  });

  it('cervical ESIs do not count against the lumbar region', () => {
    const p = esiPicture();
    for (let i = 0; i < 4; i++)
      p.procedureHistory.push(proc('esi-interlaminar', 30 + i * 30, [relief(70, 3000)], { region: 'cervical', levels: ['C6-C7'] }));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-frequency-region').status).toBe('met');
  });
});

describe('LCD L39242 Limitations (ESI-LEVELS): transforaminal <= 2 levels, interlaminar 1 level, one region', () => {
  it.each([
    ['64483', 'esi-transforaminal', ['L4-L5'], 'met'],
    ['64483', 'esi-transforaminal', ['L4-L5', 'L5-S1'], 'met'],
    ['64483', 'esi-transforaminal', ['L3-L4', 'L4-L5', 'L5-S1'], 'not-met'],
    ['62323', 'esi-interlaminar', ['L4-L5'], 'met'],
    ['62323', 'esi-interlaminar', ['L4-L5', 'L5-S1'], 'not-met'],
    ['64483', 'esi-transforaminal', ['C6-C7', 'L4-L5'], 'not-met'],
    ['64483', 'esi-transforaminal', [], 'missing'],
  ] as const)('%s %s %j -> %s', (code, kind, levels, status) => {
    const p = esiPicture();
    p.siteMentions = [];
    const a = assess(p, service(code, kind, { reasonIcd10: ['M54.16'], levels: [...levels] }), 'medicare', TODAY);
    expect(find(a, 'esi-levels').status).toBe(status);
  });

  it('transforaminal without a side is missing; interlaminar does not need one', () => {
    const p = esiPicture();
    p.siteMentions = [];
    expect(find(assess(p, tfesi({ laterality: undefined }), 'medicare', TODAY), 'esi-levels').status).toBe('missing');
    expect(
      find(
        assess(p, service('62323', 'esi-interlaminar', { reasonIcd10: ['M54.16'], laterality: undefined }), 'medicare', TODAY),
        'esi-levels',
      ).status,
    ).toBe('met');
  });
});

describe('LCD L39242 Limitations (ESI-IMAGING): fluoroscopic or CT guidance', () => {
  it('62322 (no imaging) is not eligible', () => {
    const a = assess(esiPicture(), service('62322', 'esi-interlaminar', { reasonIcd10: ['M54.16'] }), 'medicare', TODAY);
    expect(find(a, 'esi-image-guidance').status).toBe('not-met');
    expect(a.verdict).toBe('not-eligible');
  });
  it('an order that declines image guidance is not eligible', () => {
    expect(find(assess(esiPicture(), tfesi({ imageGuidance: false }), 'medicare', TODAY), 'esi-image-guidance').status).toBe('not-met');
  });
});

describe('LCD L39242 Limitations (ESI-REPEAT): >= 50% relief after the prior ESI', () => {
  it.each([
    [49, 'not-met', 'not-eligible'],
    [50, 'met', 'ready'],
    [51, 'met', 'ready'],
  ])('%i%% relief -> %s', (pct, status, verdict) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 120, [relief(pct, 3 * 730)]));
    const a = assess(p, tfesi(), 'medicare', TODAY);
    expect(find(a, 'esi-repeat-relief').status).toBe(status);
    expect(a.verdict).toBe(verdict);
  });

  it('50% improvement in function also counts', () => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 120, [relief(55, 3 * 730, 'function')]));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe('met');
  });

  // A relief report N days after the session shows the relief lasted at least N days, stated duration or not.
  it.each([
    [92, 65, 'met'],
    [89, 65, 'missing'],
    [92, 45, 'not-met'],
  ])('relief still reported %i days after the session (%i%%, no duration stated) -> %s', (after, pct, status) => {
    const p = esiPicture();
    const r = { ...relief(pct), date: addDays(TODAY, -150 + after) };
    p.procedureHistory.push(proc('esi-transforaminal', 150, [r]));
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief');
    expect(f.status).toBe(status);
    if (status === 'met') expect(f.message).toMatch(new RegExp(`65% relief still reported on ${r.date}, 3 months after`));
  });

  it('a later report outweighs a short stated duration only when it shows the relief held long enough', () => {
    const p = esiPicture();
    const early = relief(70, 14 * 24);
    const later = { ...relief(60), date: addDays(TODAY, -150 + 100) };
    p.procedureHistory.push(proc('esi-transforaminal', 150, [early, later]));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe('met');
    const q = esiPicture();
    q.procedureHistory.push(proc('esi-transforaminal', 150, [relief(70, 14 * 24)]));
    expect(find(assess(q, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe('not-met');
  });

  it('an undocumented response is missing (incomplete)', () => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 120, []));
    const a = assess(p, tfesi(), 'medicare', TODAY);
    expect(find(a, 'esi-repeat-relief').status).toBe('missing');
    expect(a.verdict).toBe('incomplete');
  });
});
