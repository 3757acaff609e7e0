// The staged track (src/policy/stages.ts) at and around each threshold the LCDs set, and in agreement with the
// assessment of the same picture: the Noridian facet rubric restating L38801 / A58403 (second block only after
// >= 80 % relief from the first and at least 2 weeks after it; two blocks of >= 80 % before a first ablation; new
// blocks when the prior ablation is more than 2 years old; repeat ablation after >= 50 % for >= 6 months) and the
// ESI rubric restating L39240 / A58993 (at most 4 sessions per spinal region in a rolling 12 months). Sessions are
// counted as the LCDs count them: one date, one region group.
import { describe, expect, it } from 'vitest';
import { stageTrack, type StageTrack } from '../../src/policy/stages';
import { assess } from '../../src/policy/assess';
import { BCBSMA, MEDICARE } from '../../src/policy/payers';
import { addDays, addMonths } from '../../src/policy/dates';
import type { ClinicalPicture, PlannedService } from '../../src/policy/picture';
import { TODAY, esiPicture, facetPicture, mbb, proc, relief, rfa, tfesi } from './build';

const HOURS_PER_MONTH = 730;
const daysBefore = (date: string) => Math.round((Date.parse(TODAY) - Date.parse(date)) / 86_400_000);

function track(p: ClinicalPicture, s: PlannedService, payer = MEDICARE): StageTrack {
  const t = stageTrack(p, s, payer, TODAY);
  if (!t) throw new Error('no track');
  return t;
}

function finding(p: ClinicalPicture, s: PlannedService, id: string, payer = 'MEDICARE') {
  const f = assess(p, s, payer, TODAY).findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
}

describe('facet sequence: diagnostic blocks, then ablation', () => {
  it('no block on record: an ablation request says both blocks come first', () => {
    const t = track(facetPicture(), rfa());
    expect(t.steps.map((s) => [s.label, s.state])).toEqual([
      ['Diagnostic block #1', 'later'],
      ['Diagnostic block #2', 'later'],
      ['Radiofrequency ablation', 'this-request'],
    ]);
    expect(t.thisRequest).toMatch(/2 of the 2 diagnostic blocks with at least 80 % relief are not on record/);
    expect(t.citations.map((c) => c.ruleId)).toContain('FJ-DIAGNOSTIC');
  });

  it.each([
    [80, true],
    [79, false],
  ])('blocks with %i percent relief: qualify = %s, as the assessment says', (pct, ok) => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 60, [relief(90)]), proc('facet-mbb', 30, [relief(pct)]));
    const t = track(p, rfa());
    expect(t.steps[0]).toMatchObject({ label: 'Diagnostic block #1', state: 'done', qualifies: true, relief: '90 % relief (pain)' });
    expect(t.steps[1]).toMatchObject({ label: 'Diagnostic block #2', state: 'done', qualifies: ok });
    if (!ok) expect(t.steps[1]!.note).toBe('Under the 80 % the policy asks for.');
    expect(t.thisRequest).toMatch(
      ok ? /after 2 diagnostic blocks with at least 80 % relief/ : /1 of the 2 diagnostic blocks .* is not on record/,
    );
    expect(finding(p, rfa(), 'rfa-diagnostic-blocks').status).toBe(ok ? 'met' : 'not-met');
  });

  it('a block with no relief recorded does not qualify and says so', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 30, []));
    expect(track(p, rfa()).steps[0]).toMatchObject({ qualifies: false, note: 'No relief recorded after it.' });
  });

  it.each([
    [13, true],
    [14, false],
    [15, false],
  ])('block #2 planned %i days after block #1: an earliest date after the planned one = %s', (gap, tooSoon) => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', gap, [relief(90)]));
    const t = track(p, mbb());
    expect(t.steps.map((s) => [s.label, s.state])).toEqual([
      ['Diagnostic block #1', 'done'],
      ['Diagnostic block #2', 'this-request'],
      ['Radiofrequency ablation', 'later'],
    ]);
    expect(t.thisRequest).toBe('Diagnostic block #2 (64493 L4-L5)');
    expect(t.next).toBe('Radiofrequency ablation');
    if (tooSoon) expect(t.earliest).toEqual({ date: addDays(TODAY, 14 - gap), why: `14 days after the block of ${addDays(TODAY, -gap)}` });
    else expect(t.earliest).toBeUndefined();
    // The rule the track reads is the one the verdict uses: same boundary.
    const f = finding(p, mbb(), 'facet-second-block');
    expect(f.status).toBe(tooSoon ? 'not-met' : 'met');
    expect(t.citations.find((c) => c.ruleId === 'FJ-SECOND-BLOCK')?.section).toMatch(
      /at least 80% relief from the first, and at least 2 weeks/,
    );
  });

  it('block #1 planned: the next step is block #2; blocks at other levels are not this sequence', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 40, [relief(90)], { levels: ['L2-L3'] }));
    const t = track(p, mbb());
    expect(t.steps[0]).toEqual({ label: 'Diagnostic block #1', state: 'this-request' });
    expect(t.next).toBe('Diagnostic block #2');
  });

  it('counts diagnostic block sessions per region in 12 months (4 at most): at 3 fits, at 4 gives the day the oldest leaves', () => {
    for (const n of [3, 4]) {
      const p = facetPicture();
      for (let i = 0; i < n; i++) p.procedureHistory.push(proc('facet-mbb', 20 + i * 60, [relief(90)]));
      const t = track(p, mbb());
      expect(t.window).toMatchObject({ used: n, max: 4 });
      const oldest = addDays(TODAY, -(20 + (n - 1) * 60));
      if (n === 4) expect(t.earliest?.date).toBe(addMonths(oldest, 12));
      expect(finding(p, mbb(), 'facet-frequency-diagnostic').status).toBe(n < 4 ? 'met' : 'not-met');
    }
  });
});

describe('repeat ablation and the 2-year renewal', () => {
  const ablated = (at: string, pct: number, months: number) => {
    const p = facetPicture();
    p.procedureHistory.push(
      proc('facet-mbb', 1000, [relief(90)]),
      proc('facet-mbb', 980, [relief(90)]),
      proc('facet-rfa', daysBefore(at), [relief(pct, months * HOURS_PER_MONTH)]),
    );
    return p;
  };

  it('an ablation one day less than 24 months before: a repeat, no new blocks, judged on its relief', () => {
    const at = addDays(addMonths(TODAY, -24), 1);
    const p = ablated(at, 60, 7);
    const t = track(p, rfa());
    expect(t.title).toBe('Facet sequence: repeat ablation');
    expect(t.steps).toEqual([
      expect.objectContaining({ label: 'Radiofrequency ablation', state: 'done', date: at, qualifies: true }),
      { label: 'Repeat radiofrequency ablation', state: 'this-request' },
    ]);
    expect(t.thisRequest).toMatch(/no new diagnostic blocks needed/);
    expect(t.next).toMatch(new RegExp(`^From ${addMonths(at, 24)} the ${at} ablation is 24 months old`));
    expect(finding(p, rfa(), 'rfa-diagnostic-blocks').status).toBe('not-applicable');
    expect(finding(p, rfa(), 'rfa-repeat-relief').status).toBe('met');
  });

  it.each([
    [49, 7, false],
    [50, 7, true],
    [60, 5, false],
  ])('repeat after %i percent for %i months: qualifies = %s', (pct, months, ok) => {
    const p = ablated(addMonths(TODAY, -12), pct, months);
    expect(track(p, rfa()).steps[0]!.qualifies).toBe(ok);
    expect(finding(p, rfa(), 'rfa-repeat-relief').status).toBe(ok ? 'met' : 'not-met');
  });

  it('an ablation exactly 24 months before: new blocks are needed, and the old blocks do not count', () => {
    const at = addMonths(TODAY, -24);
    const p = ablated(at, 60, 7);
    const t = track(p, rfa());
    expect(t.title).toBe('Facet sequence: diagnostic blocks, then ablation');
    expect(t.steps[0]).toMatchObject({
      label: 'Radiofrequency ablation',
      date: at,
      note: 'More than 24 months before: new blocks are needed.',
    });
    expect(t.steps.slice(1).map((s) => [s.label, s.state])).toEqual([
      ['Diagnostic block #1', 'later'],
      ['Diagnostic block #2', 'later'],
      ['Radiofrequency ablation', 'this-request'],
    ]);
    expect(finding(p, rfa(), 'rfa-diagnostic-blocks').status).toBe('not-met');
  });

  it.each([
    [50, true],
    [49, false],
  ])(
    'a block planned 12 months after an ablation with %i percent relief: not covered there = %s, as the assessment says',
    (pct, worked) => {
      const p = ablated(addMonths(TODAY, -12), pct, 7);
      const t = track(p, mbb());
      expect(t.steps[0]).toMatchObject({ label: 'Radiofrequency ablation', state: 'done' });
      expect(t.steps[0]!.note).toBe(
        worked ? 'Gave at least 50 % relief: a diagnostic block at these levels is not covered; a repeat ablation is.' : undefined,
      );
      expect(t.citations.some((c) => c.ruleId === 'FJ-NO-BLOCK-AFTER-RFA')).toBe(worked);
      expect(finding(p, mbb(), 'facet-no-block-after-rfa').status).toBe(worked ? 'not-met' : 'met');
    },
  );

  it('two new blocks after an old ablation: this request is the ablation', () => {
    const p = ablated(addMonths(TODAY, -30), 60, 7);
    p.procedureHistory.push(proc('facet-mbb', 60, [relief(85)]), proc('facet-mbb', 40, [relief(90)]));
    const t = track(p, rfa());
    expect(t.steps.filter((s) => s.qualifies).map((s) => s.label)).toEqual(['Diagnostic block #1', 'Diagnostic block #2']);
    expect(t.thisRequest).toMatch(/after 2 diagnostic blocks/);
    expect(finding(p, rfa(), 'rfa-diagnostic-blocks').status).toBe('met');
  });
});

describe('ESI sessions per region in a rolling 12 months', () => {
  it.each([
    [3, 'met'],
    [4, 'not-met'],
  ])('%i lumbar sessions in the window: the track and the verdict agree (%s)', (n, status) => {
    const p = esiPicture();
    for (let i = 0; i < n; i++) p.procedureHistory.push(proc('esi-transforaminal', 40 + i * 70, [relief(70, 3 * HOURS_PER_MONTH)]));
    const t = track(p, tfesi());
    expect(t.window).toMatchObject({ used: n, max: 4 });
    expect(t.window!.text).toBe(`${n} of at most 4 ESI sessions per spinal region used in the 12 months before ${TODAY}`);
    expect(t.steps.at(-1)).toEqual({ label: `ESI session ${n + 1} of at most 4`, state: 'this-request' });
    expect(t.title).toBe('ESI sessions in the lumbar-sacral region, rolling 12 months');
    const oldest = addDays(TODAY, -(40 + (n - 1) * 70));
    if (n === 4)
      expect(t.earliest).toEqual({ date: addMonths(oldest, 12), why: `when the session of ${oldest} leaves the 12-month window` });
    else expect(t.earliest).toBeUndefined();
    expect(finding(p, tfesi(), 'esi-frequency-region').status).toBe(status);
  });

  it('a session exactly 12 months before is outside the window; one day later it is inside', () => {
    for (const [at, inside] of [
      [addMonths(TODAY, -12), false],
      [addDays(addMonths(TODAY, -12), 1), true],
    ] as const) {
      const p = esiPicture();
      p.procedureHistory.push(proc('esi-transforaminal', daysBefore(at), [relief(70)]));
      expect(track(p, tfesi()).window!.used).toBe(inside ? 1 : 0);
    }
  });

  it('counts sessions, not records: two levels on one date, and a cervical session the same day, are one lumbar session', () => {
    const p = esiPicture();
    p.procedureHistory.push(
      proc('esi-transforaminal', 60, [relief(70)], { id: 'a', code: '64483', levels: ['L4-L5'] }),
      proc('esi-transforaminal', 60, [], { id: 'b', code: '64484', levels: ['L5-S1'] }),
      proc('esi-interlaminar', 60, [], { id: 'c', code: '62321', region: 'cervical', levels: ['C6-C7'] }),
    );
    const t = track(p, tfesi());
    expect(t.window!.used).toBe(1);
    expect(t.steps.filter((s) => s.state === 'done')).toHaveLength(1);
  });

  it('the relief of the session a repeat is judged on is read against the repeat rule', () => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 100, [relief(30, 3 * HOURS_PER_MONTH)]));
    const t = track(p, tfesi());
    expect(t.steps[0]).toMatchObject({ state: 'done', qualifies: false, note: 'Under the 50 % the policy asks for.' });
    expect(t.citations.map((c) => c.ruleId)).toContain('ESI-REPEAT');
  });

  it("BCBSMA's overlay replaces the per-region cap with its own (6 in 12 months, any region) and its spacing", () => {
    const p = esiPicture();
    p.procedureHistory.push(proc('esi-transforaminal', 20, [relief(70, 3 * HOURS_PER_MONTH)]));
    const t = track(p, tfesi(), BCBSMA);
    expect(t.window!.text).toMatch(/^1 of at most 6 ESI sessions in any region/);
    expect(t.earliest).toEqual({ date: addDays(TODAY, 10), why: `30 days after the injection of ${addDays(TODAY, -20)}` });
    expect(t.citations.map((c) => c.document)).toContain('BCBSMA Medical Policy 690');
  });
});

it('a family with no staged sequence has no track', () => {
  expect(stageTrack(esiPicture(), { ...tfesi(), code: '20552', kind: 'trigger-point' }, MEDICARE, TODAY)).toBeUndefined();
});
