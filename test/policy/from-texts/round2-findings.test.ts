// Findings of the external round-2 tester (/work/external/round2/FINDINGS.md), re-read against the texts
// (/work/shared/policy/README.md "What the texts say") and decided there; each rule at, below and above its threshold.
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/policy/assess';
import type { Assessment, Finding } from '../../../src/policy/verdicts';
import type { PlannedService, ProcedureFact, ReliefFact } from '../../../src/policy/picture';
import { addDays, HOURS_PER_MONTH, HOURS_PER_WEEK } from '../../../src/policy/dates';
import { esiPicture, facetPicture, mbb, proc, relief, rfa, service, tfesi, TODAY } from '../build';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

/** A relief report: charted (an Observation of the response) or read from a note, on a date. */
const report = (percent: number, source: ReliefFact['source'], over: Partial<ReliefFact> = {}): ReliefFact => ({
  ...relief(percent),
  source,
  ...over,
});

describe('F3, ESI-REPEAT (S1, L39240 / A58993 rubric): a repeat is judged on the previous session in the region, at any level', () => {
  // "If the first ESI failed, a repeat after 14 days with a different approach, level or drug ... is allowed":
  // a changed level is one way to repeat, so an injection at L4-L5 is the previous session of one at L5-S1.
  const otherLevel = (daysAgo: number, r: ReliefFact[]): ProcedureFact => proc('esi-transforaminal', daysAgo, r, { levels: ['L4-L5'] });
  const planned = tfesi({ levels: ['L5-S1'] });

  it.each([
    [13, 'not-met'],
    [14, 'met'],
    [15, 'met'],
  ])('first injection at L4-L5 failed (10 percent), L5-S1 %i days later -> %s', (days, status) => {
    const p = esiPicture();
    p.procedureHistory.push(otherLevel(days, [relief(10)]));
    const f = find(assess(p, planned, 'medicare', TODAY), 'esi-repeat-relief');
    expect(f.status).toBe(status);
    if (status === 'met') expect(f.message).toMatch(/different level/);
  });

  it.each([
    [2 * HOURS_PER_MONTH, 'not-met'],
    [3 * HOURS_PER_MONTH, 'met'],
    [4 * HOURS_PER_MONTH, 'met'],
  ])('70 percent at L4-L5 for %i hours, then L5-S1 -> %s (3 months asked)', (hours, status) => {
    const p = esiPicture();
    p.procedureHistory.push(otherLevel(150, [relief(70, hours)]));
    expect(find(assess(p, planned, 'medicare', TODAY), 'esi-repeat-relief').status).toBe(status);
  });

  it('70% for three weeks at L4-L5, then L5-S1 (r2v03): not a first injection, not ready', () => {
    const p = esiPicture();
    p.procedureHistory.push(otherLevel(55, [relief(70, 3 * HOURS_PER_WEEK)]));
    const a = assess(p, planned, 'medicare', TODAY);
    expect(find(a, 'esi-repeat-relief').status).toBe('not-met');
    expect(a.verdict).toBe('not-eligible');
  });

  it('facet RFA keeps its level rule: an ablation at L2-L3 is not the previous session of one at L4-L5', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-rfa', 200, [relief(20, HOURS_PER_MONTH)], { levels: ['L2-L3'] }));
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'rfa-repeat-relief').status).toBe('not-applicable');
  });
});

describe('F2, ESI-REPEAT and FJ-RFA-REPEAT (S1): a stated duration is the duration; the note date does not extend it', () => {
  // "at least 50 % sustained improvement ... for at least 3 months" (ESI), "repeat >= 50 % for >= 6 months" (RFA).
  const reported = (percent: number, hours: number | undefined): ReliefFact =>
    report(percent, 'note', { date: addDays(TODAY, -3), ...(hours === undefined ? {} : { durationHours: hours }) });

  it.each([
    [5 * HOURS_PER_WEEK, 'not-met'],
    [3 * HOURS_PER_MONTH - 24, 'not-met'],
    [3 * HOURS_PER_MONTH, 'met'],
    [4 * HOURS_PER_MONTH, 'met'],
  ])('ESI 150 days ago, "60 percent for %i hours" written 147 days later -> %s', (hours, status) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 150, [reported(60, hours)]));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe(status);
  });

  it.each([
    [150, 'met'],
    [80, 'missing'],
  ])('no duration stated, 60 percent still reported %i days after the ESI -> %s', (daysAgo, status) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', daysAgo, [reported(60, undefined)]));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe(status);
  });

  it.each([
    [5, 'not-met'],
    [6, 'met'],
    [7, 'met'],
  ])('RFA 300 days ago, "60 percent for %i months" written 297 days later -> %s (r2e28)', (months, status) => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-rfa', 300, [reported(60, months * HOURS_PER_MONTH)]));
    const a = assess(p, rfa(), 'medicare', TODAY);
    expect(find(a, 'rfa-repeat-relief').status).toBe(status);
    if (status === 'not-met') expect(a.verdict).toBe('not-eligible');
  });
});

describe('F1, FJ-SECOND-BLOCK and FJ-DIAGNOSTIC (S1): a block charted at 79% is not 80% because a note says 80 somewhere', () => {
  // The relief charted for the session (an Observation) outranks a percentage read from note text, which may be about
  // another block; with note reports only, the best of them is still read.
  it.each([
    [79, 80, 'not-met'],
    [80, 79, 'met'],
    [81, 60, 'met'],
  ])('first block charted %i percent, the note says %i percent -> second block %s', (charted, noted, status) => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 20, [report(noted, 'note'), report(charted, 'coded')]));
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-second-block').status).toBe(status);
  });

  it('note reports only: the best is read (79% and 85% -> 85%)', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 20, [report(79, 'note'), report(85, 'note')]));
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-second-block').message).toMatch(/^85% relief/);
  });

  it.each([
    [79, 'not-met', 'not-eligible'],
    [80, 'met', 'ready'],
  ])('RFA after blocks charted 90 and %i percent (a note credits the second with 80 percent) -> %s (r2e25)', (second, status, verdict) => {
    const p = facetPicture();
    p.procedureHistory.push(
      proc('facet-mbb', 40, [report(90, 'coded')]),
      proc('facet-mbb', 20, [report(80, 'note'), report(second, 'coded')]),
    );
    const a = assess(p, rfa(), 'medicare', TODAY);
    expect(find(a, 'rfa-diagnostic-blocks').status).toBe(status);
    expect(a.verdict).toBe(verdict);
  });
});

describe('F7, FJ-IA-REPEAT (P, verbatim LCD via CGS): a prior 64493 recorded as a therapeutic joint injection is not a block', () => {
  // "at least consistent 50% pain relief for at least three (3) months"; therapeutic and diagnostic sessions are
  // counted apart. 64490-64495 are both; the record's own words say which.
  const iaRecord = (daysAgo: number, r: ReliefFact[]): ProcedureFact[] => [
    proc('facet-mbb', daysAgo, [], { code: '64494', display: 'Therapeutic IA facet injection additional level right', id: 'ia2' }),
    proc('facet-mbb', daysAgo, r, { display: 'Therapeutic intra-articular facet joint injection right L4-L5 (steroid)' }),
  ];
  const iaReady = () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 400, [relief(90, 6)]), proc('facet-mbb', 380, [relief(85, 6)]));
    p.notes.push({
      ref: 'DocumentReference/n3',
      title: 'Plan',
      date: addDays(TODAY, -3),
      contentType: 'text/plain',
      text: 'Patient is not a candidate for radiofrequency ablation (pacemaker-defibrillator).',
    });
    return p;
  };
  const ia = () => mbb({ intent: 'therapeutic' });

  it.each([
    [40, 4, 'not-met'],
    [49, 4, 'not-met'],
    [50, 3, 'met'],
    [50, 2.9, 'not-met'],
    [51, 3.1, 'met'],
  ])('prior therapeutic 64493 with %i percent for %d months -> repeat %s (r2y04)', (pct, months, status) => {
    const p = iaReady();
    p.procedureHistory.push(...iaRecord(130, [relief(pct, Math.round(months * HOURS_PER_MONTH))]));
    const a = assess(p, ia(), 'medicare', TODAY);
    expect(find(a, 'facet-ia-repeat').status).toBe(status);
    expect(find(a, 'facet-ia-diagnostic-blocks').message).toMatch(/^2 diagnostic block sessions/);
    expect(find(a, 'facet-frequency-therapeutic').message).toMatch(/session 2 of/);
  });

  it('a 64493 recorded as a diagnostic medial branch block stays a block', () => {
    const p = iaReady();
    p.procedureHistory.push(proc('facet-mbb', 130, [relief(88, 6)], { display: 'Diagnostic medial branch block right L4-L5' }));
    const a = assess(p, ia(), 'medicare', TODAY);
    expect(find(a, 'facet-ia-repeat').status).toBe('not-applicable');
    expect(find(a, 'facet-ia-diagnostic-blocks').message).toMatch(/^3 diagnostic block sessions/);
  });
});

describe('F8, FJ-SEDATION (S1; NGS reminder on L35936 / A57826, P): sedation named on the order itself', () => {
  // "sedation not reasonable for injections, may be for RFA with documented need"; NGS: "Neither conscious sedation
  // nor MAC is routinely necessary for intra articular facet joint injections or medial branch blocks".
  const ordered = (text: string) => [{ ref: 'ServiceRequest/sr1', display: text }];

  it.each([
    ['Diagnostic MBB #2 right L4-L5, fluoroscopy with IV moderate sedation', 'not-met'],
    ['Diagnostic MBB right L4-L5 under MAC', 'not-met'],
    ['Diagnostic MBB right L4-L5, fluoroscopy, no sedation', 'met'],
    ['Diagnostic MBB right L4-L5, fluoroscopy', 'met'],
  ])('block ordered as "%s" -> %s (r2y02)', (text, status) => {
    const a = assess(facetPicture(), mbb({ evidence: ordered(text) }), 'medicare', TODAY);
    expect(find(a, 'sedation').status).toBe(status);
    if (status === 'not-met') expect(a.verdict).toBe('not-eligible');
  });

  it('RFA ordered with moderate sedation: incomplete without a documented need, met with one', () => {
    const p = facetPicture();
    const service = rfa({ evidence: ordered('Thermal RFA right L4-L5 with moderate sedation') });
    expect(find(assess(p, service, 'medicare', TODAY), 'sedation').status).toBe('missing');
    p.notes.push({
      ref: 'DocumentReference/n4',
      title: 'Pre-op',
      date: addDays(TODAY, -3),
      contentType: 'text/plain',
      text: 'Severe anxiety; unable to tolerate the procedure awake.',
    });
    expect(find(assess(p, service, 'medicare', TODAY), 'sedation').status).toBe('met');
  });
});

describe('F14, ESI-LEVELS (S1 rubric): one region per session; bilateral interlaminar or caudal is never necessary', () => {
  const ilesi = (over: Partial<PlannedService> = {}): PlannedService =>
    service('62323', 'esi-interlaminar', { reasonIcd10: ['M54.16'], laterality: undefined, ...over });

  it.each([
    [undefined, 'met'],
    ['left', 'met'],
    ['bilateral', 'not-met'],
  ] as const)('lumbar interlaminar ESI, side %s -> %s (r2p01)', (laterality, status) => {
    const a = assess(esiPicture(), ilesi(laterality ? { laterality } : {}), 'medicare', TODAY);
    expect(find(a, 'esi-levels').status).toBe(status);
  });

  it('bilateral transforaminal at one level stays within the rule (the text names interlaminar and caudal only)', () => {
    expect(find(assess(esiPicture(), tfesi({ laterality: 'bilateral' }), 'medicare', TODAY), 'esi-levels').status).toBe('met');
  });

  it.each([
    ['C6-C7', 'cervical', 0, 'not-met'],
    ['L3-L4', 'lumbar', 0, 'met'],
    ['C6-C7', 'cervical', 1, 'met'],
  ] as const)('a second TFESI order at %s (%s), %i days apart -> %s (r2p02)', (level, region, daysApart, status) => {
    const p = esiPicture();
    const lumbar = tfesi({ levels: ['L5-S1'] });
    const other = tfesi({
      code: region === 'cervical' ? '64479' : '64483',
      region,
      levels: [level],
      requestRef: 'ServiceRequest/sr2',
      evidence: [{ ref: 'ServiceRequest/sr2', display: 'order 2' }],
      date: addDays(TODAY, daysApart),
    });
    p.plannedServices = [lumbar, other];
    expect(find(assess(p, lumbar, 'medicare', TODAY), 'esi-levels').status).toBe(status);
  });
});

describe('F21, FJ-SECOND-BLOCK (S1): block #2 ordered ahead of a block #1 not yet done is not ready', () => {
  // "the second diagnostic block only after >= 80 % from the first and >= 2 weeks later".
  const planned = (daysAhead: number, over: Partial<PlannedService> = {}): PlannedService =>
    mbb({
      requestRef: 'ServiceRequest/mbb1',
      evidence: [{ ref: 'ServiceRequest/mbb1', display: 'Diagnostic MBB #1' }],
      date: addDays(TODAY, daysAhead),
      ...over,
    });

  it.each([
    [-14, 'missing'],
    [-1, 'missing'],
    [0, 'not-applicable'],
    [1, 'not-applicable'],
  ])('MBB #1 ordered %i days from this one (not done) -> second block %s (r2y10)', (offset, status) => {
    const p = facetPicture();
    const second = mbb();
    p.plannedServices = [planned(offset), second];
    const a = assess(p, second, 'medicare', TODAY);
    expect(find(a, 'facet-second-block').status).toBe(status);
    if (status === 'missing') expect(a.verdict).not.toBe('ready');
  });

  it('a block #1 ordered for other levels does not make this one a second block', () => {
    const p = facetPicture();
    const second = mbb();
    p.plannedServices = [planned(-14, { levels: ['L2-L3'] }), second];
    expect(find(assess(p, second, 'medicare', TODAY), 'facet-second-block').status).toBe('not-applicable');
  });

  it('once block #1 is on record with 85%, 14 days before, the second block is met', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 14, [relief(85, 6)]));
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-second-block').status).toBe('met');
  });
});
