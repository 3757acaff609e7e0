// F10 / F10b (second external tester): the ESI rubric's steroid dose ceilings per session and its "treatment beyond 12
// months" documentation (S1: L39240 / A58993 rubric; not found in the LCD text). Encoded as the rubric writes them,
// shown as advice: at, below and above each threshold, and never a change of verdict.
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/policy/assess';
import type { Assessment, Finding } from '../../../src/policy/verdicts';
import type { PlannedService } from '../../../src/policy/picture';
import { addDays, addMonths, HOURS_PER_MONTH } from '../../../src/policy/dates';
import { esiPicture, proc, relief, tfesi, TODAY } from '../build';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};
const dosed = (drug: NonNullable<PlannedService['steroidDose']>['drug'], mg: number): PlannedService =>
  tfesi({ steroidDose: { drug, mg, text: `${drug} ${mg} mg` } });

describe('ESI-STEROID-DOSE: triamcinolone 80 mg, betamethasone 12 mg, dexamethasone 15 mg per session (advice)', () => {
  it.each([
    ['triamcinolone', 40, 'met'],
    ['triamcinolone', 80, 'met'],
    ['triamcinolone', 120, 'not-met'],
    ['betamethasone', 11, 'met'],
    ['betamethasone', 12, 'met'],
    ['betamethasone', 18, 'not-met'],
    ['dexamethasone', 10, 'met'],
    ['dexamethasone', 15, 'met'],
    ['dexamethasone', 16, 'not-met'],
  ] as const)('%s %i mg -> %s, a warning that never changes the verdict', (drug, mg, status) => {
    const a = assess(esiPicture(), dosed(drug, mg), 'medicare', TODAY);
    const f = find(a, 'esi-steroid-dose');
    expect(f.status).toBe(status);
    expect(f.severity).toBe('warning');
    expect(f.citation).toMatchObject({ ruleId: 'ESI-STEROID-DOSE', grade: 'S1' });
    expect(a.verdict).toBe('ready');
  });

  it('a steroid the rubric sets no ceiling for, and an order naming no dose', () => {
    expect(find(assess(esiPicture(), dosed('methylprednisolone', 80), 'medicare', TODAY), 'esi-steroid-dose').message).toMatch(
      /no ceiling for methylprednisolone/,
    );
    const none = find(assess(esiPicture(), tfesi(), 'medicare', TODAY), 'esi-steroid-dose');
    expect(none.status).toBe('not-applicable');
    expect(none.message).toMatch(/triamcinolone 80 mg, betamethasone 12 mg, dexamethasone 15 mg/);
  });
});

describe('ESI-BEYOND-12-MONTHS: a course longer than 12 months asks for more documentation (advice)', () => {
  /** Lasting relief after each session, so the repeat rule is met and only the long-course finding speaks. */
  const at = (date: string) =>
    proc('esi-transforaminal', 0, [relief(80, 4 * HOURS_PER_MONTH)], {
      id: `e${date}`,
      date,
      evidence: [{ ref: `Procedure/${date}`, display: date }],
    });
  const sixMonths = addMonths(TODAY, -6);

  it.each([
    [addDays(addMonths(TODAY, -12), 1), 'not-applicable'],
    [addMonths(TODAY, -12), 'not-applicable'],
    [addDays(addMonths(TODAY, -12), -1), 'missing'],
  ])('course began %s (and a session 6 months ago) -> %s', (first, status) => {
    const p = esiPicture();
    p.procedureHistory.push(at(first), at(sixMonths));
    const a = assess(p, tfesi(), 'medicare', TODAY);
    const f = find(a, 'esi-beyond-12-months');
    expect(f.status).toBe(status);
    expect(f.severity).toBe('warning');
    if (status === 'missing') {
      expect(f.fix).toMatch(/primary care physician was notified/);
      expect(f.evidence.map((e) => e.ref)).toEqual([`Procedure/${first}`]);
    }
    expect(a.verdict).toBe('ready');
  });

  it('a break of more than 12 months starts a new course', () => {
    const p = esiPicture();
    p.procedureHistory.push(at(addMonths(TODAY, -30)), at(sixMonths));
    expect(find(assess(p, tfesi(), 'medicare', TODAY), 'esi-beyond-12-months').status).toBe('not-applicable');
    const q = esiPicture();
    q.procedureHistory.push(at(addMonths(TODAY, -24)), at(addMonths(TODAY, -14)), at(sixMonths));
    expect(find(assess(q, tfesi(), 'medicare', TODAY), 'esi-beyond-12-months').message).toMatch(
      new RegExp(`began with the ${addMonths(TODAY, -24)} session`),
    );
  });

  it('a first ESI is no course at all', () => {
    expect(find(assess(esiPicture(), tfesi(), 'medicare', TODAY), 'esi-beyond-12-months').status).toBe('not-applicable');
  });
});
