// F20 (second external tester): procedures done elsewhere and told only in a note are sessions for the frequency
// and repeat rules. ESI-FREQUENCY: "at most 4 sessions per spinal region per rolling 12 months"; ESI-REPEAT: "at
// least 50 % sustained improvement ... for at least 3 months" (S1, L39240 / A58993 rubric). Each rule at, below and
// above its threshold; a session the note dates only by month is counted at its latest day, and one it does not date
// is a gap to confirm, never nothing (no false "ready") and never a denial on its own (no false block).
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/policy/assess';
import { mergeNoteFacts } from '../../../src/fhir/notes';
import type { Assessment, Finding } from '../../../src/policy/verdicts';
import type { ProcedureFact, UndatedProcedureFact } from '../../../src/policy/picture';
import { addDays, addMonths, HOURS_PER_MONTH } from '../../../src/policy/dates';
import { esiPicture, facetPicture, proc, relief, rfa, tfesi, TODAY } from '../build';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

/** A session a note tells (done elsewhere), dated as the note dates it. */
const told = (date: string, over: Partial<ProcedureFact> = {}): ProcedureFact => ({
  ...proc('esi-transforaminal', 0, [relief(80, 4 * HOURS_PER_MONTH)]),
  id: undefined,
  code: '',
  system: 'other',
  source: 'note',
  outside: true,
  approachUnknown: true,
  date,
  evidence: [{ ref: 'DocumentReference/outside', display: 'Visit' }],
  ...over,
});

const undated = (count: number, over: Partial<UndatedProcedureFact> = {}): UndatedProcedureFact => ({
  source: 'note',
  evidence: [{ ref: 'DocumentReference/outside', display: 'Visit' }],
  kind: 'esi-transforaminal',
  display: 'ESI (from the note "Visit")',
  region: 'lumbar',
  levels: ['L4-L5'],
  count,
  outside: true,
  before: addDays(TODAY, -3),
  relief: [],
  ...over,
});

/** Coded lumbar ESIs, each with lasting relief, `days` ago. */
const codedAt = (...days: number[]): ProcedureFact[] =>
  days.map((d) => proc('esi-transforaminal', d, [relief(80, 4 * HOURS_PER_MONTH)], { id: `c${d}` }));

describe('ESI-FREQUENCY counts the sessions notes tell (at most 4 per region in 12 months)', () => {
  it.each([
    [0, 'met'],
    [1, 'met'],
    [2, 'not-met'],
  ])('coded ESIs 300 and 200 days ago, plus %i outside session(s) told with their day -> %s (session 3, 4, 5)', (n, status) => {
    const p = esiPicture();
    p.procedureHistory.push(...codedAt(300, 200));
    for (let i = 0; i < n; i++) p.procedureHistory.push(told(addDays(TODAY, -(150 - 20 * i))));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-frequency-region').status).toBe(status);
  });

  it('an outside session in another region group is not counted (cervical vs lumbar)', () => {
    const p = esiPicture();
    p.procedureHistory.push(...codedAt(300, 200, 100), told(addDays(TODAY, -50), { region: 'cervical', levels: ['C6-C7'] }));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-frequency-region').status).toBe('met');
  });

  it('dated only by month: counted at its latest day; a month wholly inside the window decides', () => {
    const p = esiPicture();
    p.procedureHistory.push(...codedAt(300, 200, 100), told('2026-06-30', { datePrecision: 'month' }));
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-frequency-region');
    expect(f.status).toBe('not-met');
    expect(f.message).toMatch(/2026-06-30 \(approximate: 2026-06\)/);
  });

  it.each([
    // The window opens after 2025-11-23. November 2025 may be before it or in it; December 2025 is in it; October out.
    ['2025-10-31', 'met'],
    ['2025-11-30', 'missing'],
    ['2025-12-31', 'not-met'],
  ])('three coded in the window and a fourth prior told only as the month ending %s -> %s', (latest, status) => {
    const p = esiPicture();
    p.procedureHistory.push(...codedAt(300, 200, 100), told(latest, { datePrecision: 'month' }));
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-frequency-region');
    expect(f.status).toBe(status);
    if (status === 'missing') expect(f.fix).toMatch(/Confirm the exact date of the 2025-11 session/);
  });

  it.each([
    [2, 1, 'met'],
    [3, 1, 'missing'],
    [2, 2, 'missing'],
    [1, 2, 'met'],
  ])('%i coded in the window and an undated note mention of %i session(s) -> %s', (codedCount, count, status) => {
    const p = esiPicture();
    p.procedureHistory.push(...codedAt(...[300, 200, 100].slice(0, codedCount)));
    p.undatedProcedures = [undated(count)];
    const a = assess(p, tfesi(), 'medicare', TODAY);
    const f = find(a, 'esi-frequency-region');
    expect(f.status).toBe(status);
    expect(f.message).toMatch(/no date given/);
    if (status === 'missing') expect(a.verdict).toBe('incomplete');
  });

  it('an undated mention told after the date of service, or of another family, is not counted', () => {
    const p = esiPicture();
    p.procedureHistory.push(...codedAt(300, 200, 100));
    p.undatedProcedures = [undated(1, { before: addDays(TODAY, 10) }), undated(1, { kind: 'facet-mbb' })];
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-frequency-region').status).toBe('met');
  });
});

describe('ESI-REPEAT judges a repeat on a session a note tells', () => {
  it.each([
    [2 * HOURS_PER_MONTH, 'not-met'],
    [3 * HOURS_PER_MONTH, 'met'],
    [4 * HOURS_PER_MONTH, 'met'],
  ])('only prior: an outside ESI 150 days ago with 70 percent for %i hours -> %s', (hours, status) => {
    const p = esiPicture();
    p.procedureHistory.push(told(addDays(TODAY, -150), { relief: [relief(70, hours)] }));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe(status);
  });

  it.each([
    [40, 'missing'],
    [50, 'met'],
    [60, 'met'],
  ])('only prior: an undated outside ESI with %i percent for 4 months -> %s', (percent, status) => {
    const p = esiPicture();
    p.undatedProcedures = [undated(1, { relief: [relief(percent, 4 * HOURS_PER_MONTH)] })];
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe(status);
  });

  it('only prior: an undated outside ESI with no relief documented -> missing (a gap, not "not a repeat")', () => {
    const p = esiPicture();
    p.undatedProcedures = [undated(1)];
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief');
    expect(f.status).toBe('missing');
    expect(f.fix).toMatch(/date of the earlier session/);
  });

  it('a coded previous session that qualifies, and an undated outside one whose relief is not told -> missing', () => {
    const p = esiPicture();
    p.procedureHistory.push(...codedAt(150));
    p.undatedProcedures = [undated(1)];
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief');
    expect(f.status).toBe('missing');
    expect(f.message).toMatch(/if it came after the .* session/);
  });

  it('a coded previous session that qualifies, and an undated one that qualifies too -> met', () => {
    const p = esiPicture();
    p.procedureHistory.push(...codedAt(150));
    p.undatedProcedures = [undated(1, { relief: [relief(80, 6 * HOURS_PER_MONTH)] })];
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe('met');
  });

  it('a failed first ESI a note names without its approach: a transforaminal repeat is not "a different approach"', () => {
    const p = esiPicture();
    p.procedureHistory.push(told(addDays(TODAY, -20), { relief: [relief(10)] }));
    const f = find(assess(p, tfesi(), 'medicare', TODAY), 'esi-repeat-relief');
    expect(f.status).toBe('not-met');
    expect(f.message).toMatch(/different approach, level or drug/);
    // Named as interlaminar, the transforaminal repeat is a different approach.
    const q = esiPicture();
    q.procedureHistory.push(told(addDays(TODAY, -20), { relief: [relief(10)], kind: 'esi-interlaminar', approachUnknown: false }));
    expect(find(assess(q, tfesi(), 'medicare', TODAY), 'esi-repeat-relief').status).toBe('met');
  });
});

describe('end to end: an outside session only in a note stops a fifth ESI in 12 months', () => {
  it('three coded ESIs in the window and "an L4-5 ESI at another clinic in <month>" -> not eligible, not ready', () => {
    const p = esiPicture();
    p.procedureHistory.push(...codedAt(300, 200, 100));
    const noteDay = addDays(TODAY, -3);
    const before = assess(p, tfesi(), 'medicare', TODAY);
    expect(find(before, 'esi-frequency-region').status).toBe('met');
    const month = addMonths(noteDay, -1).slice(0, 7);
    const monthName = new Date(`${month}-15T00:00:00Z`).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    const withNote = mergeNoteFacts(p, [
      {
        ref: 'DocumentReference/visit',
        title: 'Visit',
        date: noteDay,
        contentType: 'text/plain',
        text: `HPI: She had an L4-5 ESI at another clinic in ${monthName} with 80% relief for 4 months.`,
      },
    ]);
    const a = assess(withNote, tfesi(), 'medicare', TODAY);
    const f = find(a, 'esi-frequency-region');
    expect(f.status).toBe('not-met');
    expect(f.evidence.map((e) => e.ref)).toContain('DocumentReference/visit');
    expect(a.verdict).toBe('not-eligible');
  });
});

describe('FJ-RFA-BLOCKS: diagnostic blocks told only in a note are to confirm, not proof of the prerequisite', () => {
  // "Two MBBs at another clinic, each with 90% relief" in a note: the sessions exist for the frequency rules, but the
  // payer asks for the blocks' own records before an ablation, so they hold "ready" back instead of meeting it.
  const block = (daysAgo: number, source: ProcedureFact['source']): ProcedureFact =>
    proc('facet-mbb', daysAgo, [relief(90)], {
      id: source === 'note' ? undefined : `b${daysAgo}`,
      code: source === 'note' ? '' : '64493',
      system: source === 'note' ? 'other' : 'cpt',
      levels: ['L4-L5'],
      intent: 'diagnostic',
      source,
    });
  it.each([
    ['both coded', 'coded', 'coded', 'met'],
    ['one told in a note', 'coded', 'note', 'missing'],
    ['both told in a note', 'note', 'note', 'missing'],
  ] as const)('two blocks with 90 percent, %s -> %s', (_label, a, b, status) => {
    const p = facetPicture();
    p.procedureHistory = [block(60, a), block(40, b)];
    const f = find(assess(p, rfa(), 'medicare', TODAY), 'rfa-diagnostic-blocks');
    expect(f.status).toBe(status);
    if (status === 'missing') expect(f.fix).toMatch(/outside procedure record/);
  });
});
