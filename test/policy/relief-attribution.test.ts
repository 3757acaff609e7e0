// Which relief a session is judged on (round-2 external findings F1, F2/F4): a structured value recorded for the
// session wins over note prose that disagrees, and a stated duration (or "the pain came back") is the duration, not
// the date the note happened to be written. Texts: "Two diagnostic blocks, each >= 80 % relief, before RFA" (S1,
// L38801/A58403 rubric); "RFA: repeat >= 50 % for >= 6 months" (S1); ESI repeat ">= 50 % ... for at least 3 months"
// (S1, L39240/A58993) — ../shared/policy/README.md "What the texts say".
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import type { ReliefFact } from '../../src/policy/picture';
import type { Assessment, Finding } from '../../src/policy/verdicts';
import { addDays, HOURS_PER_MONTH } from '../../src/policy/dates';
import { esiPicture, ev, facetPicture, proc, relief, rfa, tfesi, TODAY } from './build';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};
const charted = (percent: number, hours?: number): ReliefFact => ({
  ...relief(percent, hours),
  source: 'coded',
  evidence: [ev('Observation/relief')],
});
const reported = (r: ReliefFact, daysAfterSession: number, sessionDaysAgo: number): ReliefFact => ({
  ...r,
  date: addDays(TODAY, -sessionDaysAgo + daysAfterSession),
});

describe('F1: the charted relief of a block wins over a note percentage that disagrees', () => {
  it.each([
    // charted, note, status
    [79, 80, 'not-met'],
    [79, 95, 'not-met'],
    [80, 79, 'met'],
    [81, 60, 'met'],
  ])('second block charted %i%%, note says %i%% -> %s', (obs, prose, status) => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 60, [charted(90, 6)]), proc('facet-mbb', 30, [charted(obs, 6), relief(prose, 6)]));
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'rfa-diagnostic-blocks').status).toBe(status);
  });

  it('without a charted value the note percentage decides, at and below the threshold', () => {
    for (const [pct, status] of [
      [80, 'met'],
      [79, 'not-met'],
    ] as const) {
      const p = facetPicture();
      p.procedureHistory.push(proc('facet-mbb', 60, [relief(90, 6)]), proc('facet-mbb', 30, [relief(pct, 6)]));
      expect(find(assess(p, rfa(), 'medicare', TODAY), 'rfa-diagnostic-blocks').status).toBe(status);
    }
  });

  it('a note of the same percent supplies the duration the charted value lacks', () => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 150, [charted(60), relief(60, 4 * HOURS_PER_MONTH)]));
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief');
    expect(f.status).toBe('met');
    expect(f.message).toMatch(/60% pain relief for 4 months/);
  });

  it('a charted function score does not overrule the pain relief a note gives (different scales)', () => {
    const p = esiPicture();
    const fn: ReliefFact = { ...charted(20, 4 * HOURS_PER_MONTH), measure: 'function' };
    p.procedureHistory.push(proc('esi-transforaminal', 150, [fn, relief(70, 4 * HOURS_PER_MONTH)]));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe('met');
  });
});

describe('F2/F4: a stated duration is the duration, whenever the note was written', () => {
  it.each([
    [5, 'not-met'],
    [6, 'met'],
    [7, 'met'],
  ])('repeat RFA: "60%% for %i months" in a note written 10 months after the ablation -> %s', (months, status) => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-rfa', 310, [reported(relief(60, months * HOURS_PER_MONTH), 300, 310)]));
    const f = find(assess(p, rfa(), 'medicare', TODAY), 'rfa-repeat-relief');
    expect(f.status).toBe(status);
    expect(f.message).not.toMatch(/still reported/);
  });

  it.each([
    [2, 'not-met'],
    [3, 'met'],
    [4, 'met'],
  ])('repeat ESI: a charted "70%% lasting %i months" dated 5 months on -> %s', (months, status) => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 160, [reported(charted(70, months * HOURS_PER_MONTH), 150, 160)]));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe(status);
  });

  it('a report saying the pain came back is not evidence that relief held until its date', () => {
    const p = esiPicture();
    const r = { ...reported(relief(70), 140, 150), returned: true };
    p.procedureHistory.push(proc('esi-transforaminal', 150, [r]));
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief');
    expect(f.status).toBe('missing');
    expect(f.message).toMatch(/how long it lasted is not documented/);
    // The same report without "returned" still shows relief 140 days on.
    const q = esiPicture();
    q.procedureHistory.push(proc('esi-transforaminal', 150, [reported(relief(70), 140, 150)]));
    expect(find(assess(q, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe('met');
  });
});
