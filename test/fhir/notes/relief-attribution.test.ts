// A note lists several sessions; each relief percentage belongs to the session its sentence names (round-2 external
// finding F1), and a sentence saying the pain came back bounds the relief (F2). Sentences are invented, shaped like
// interventional pain follow-up notes.
import { describe, expect, it } from 'vitest';
import { extractNoteFacts, mergeNoteFacts } from '../../../src/fhir/notes';
import { namedDates, saysReturned } from '../../../src/fhir/notes/relief-when';
import { emptyPicture, type NoteDoc, type ProcedureFact } from '../../../src/policy/picture';

const proc = (id: string, date: string, kind: ProcedureFact['kind'] = 'facet-mbb'): ProcedureFact => ({
  id,
  code: kind === 'facet-mbb' ? '64493' : '64483',
  system: 'cpt',
  display: kind,
  kind,
  date,
  status: 'completed',
  region: 'lumbar',
  levels: ['L4-L5', 'L5-S1'],
  laterality: 'left',
  relief: [],
  source: 'coded',
  evidence: [{ ref: `Procedure/${id}`, display: kind }],
});
const note = (text: string, date = '2026-05-20'): NoteDoc => ({
  ref: 'DocumentReference/n1',
  title: 'Follow-up',
  contentType: 'text/plain',
  text,
  date,
});

function merged(text: string, procs: ProcedureFact[]) {
  const p = emptyPicture('p1');
  p.procedureHistory.push(...procs);
  const out = mergeNoteFacts(p, [note(text)]);
  return { byId: Object.fromEntries(out.procedureHistory.map((x) => [x.id, x.relief.map((r) => r.percent)])), issues: out.dataIssues };
}

describe('relief goes to the session its sentence names', () => {
  it('two blocks listed by ISO date: 80 and 79 each stay with their own block (not the latest, not the max)', () => {
    const { byId } = merged(
      'Left L4-L5/L5-S1 medial branch block on 2026-03-02: 80 percent relief of the index pain. ' +
        'Left L4-L5/L5-S1 medial branch block on 2026-03-23: 79 percent relief of the index pain.',
      [proc('a', '2026-03-02'), proc('b', '2026-03-23')],
    );
    expect(byId).toEqual({ a: [80], b: [79] });
  });

  it('dates without a year ("on January 12", "on 4/6") resolve to the latest such day before the note', () => {
    const { byId } = merged(
      'The first TFESI, on January 12, gave 75 percent relief for four months. The second, on 4/6, gave only 15% relief for about a week.',
      [proc('jan', '2026-01-12', 'esi-transforaminal'), proc('apr', '2026-04-06', 'esi-transforaminal')],
    );
    expect(byId).toEqual({ jan: [75], apr: [15] });
  });

  it('one sentence naming two sessions gives each percentage the date named before it', () => {
    const { byId } = merged('The block on 03/02/2026 gave 85% relief and the one on 03/23/2026 gave 60% relief.', [
      proc('a', '2026-03-02'),
      proc('b', '2026-03-23'),
    ]);
    expect(byId).toEqual({ a: [85], b: [60] });
  });

  it('a block named in an earlier year that is not on record is not credited to a recorded one', () => {
    const { byId, issues } = merged('Back in 2021 a left L4-L5 block at another practice gave 90 percent relief.', [
      proc('a', '2026-04-27'),
    ]);
    expect(byId).toEqual({ a: [] });
    expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/could not be tied to a prior procedure/)]);
  });

  it('the visit date named in the sentence is not a session date: the latest matching procedure keeps it', () => {
    const { byId } = merged('Seen 05/20/2026, pain 3/10, she reports 85% relief after the medial branch block.', [
      proc('a', '2026-03-02'),
      proc('b', '2026-04-27'),
    ]);
    expect(byId).toEqual({ a: [], b: [85] });
  });

  it('a pain score "7/10" is not read as July 10', () => {
    expect(namedDates('Pain 7/10 today, was 8/10.', '2026-11-24')).toEqual([]);
    expect(namedDates('after the 07/10 injection', '2026-11-24').map((d) => d.value)).toEqual([]);
    expect(namedDates('after the 07/14 injection', '2026-11-24').map((d) => d.value)).toEqual(['2026-07-14']);
    expect(namedDates('on December 3 she', '2026-11-24').map((d) => d.value)).toEqual(['2025-12-03']);
  });
});

describe('a sentence saying the pain came back marks the relief as over', () => {
  it.each([
    ['The RFA in January gave 60 percent relief; pain returned in late June.', true],
    ['Leg pain improved about 70 percent, then returned by late August.', true],
    ['She had 80% relief and is now back to baseline.', true],
    ['She had 80% relief and the pain has not returned.', false],
    ['She has 80% relief, ongoing.', false],
  ])('%s -> returned %s', (text, flag) => {
    expect(saysReturned(text)).toBe(flag);
    const relief = extractNoteFacts(note(text)).relief;
    expect(relief.length).toBeGreaterThan(0);
    expect(relief.every((r) => (r.returned ?? false) === flag)).toBe(true);
  });
});

// F17: the ESI repeat rule reads "at least 50 % sustained improvement in pain or function from baseline, on the same
// scale" (S1, ../shared/policy/README.md ESI "Repeat"), so relief told as two NRS scores is a percent, computed.
describe('relief told as pain scores before and after the injection', () => {
  it.each([
    ['Her back pain went from 8/10 before the injection to 4/10 afterwards and stayed there for three months.', 50, 3 * 730],
    ['Her back pain went from 8/10 before the injection to 5/10 afterwards and stayed there for three months.', 38, 3 * 730],
    ['Leg pain dropped from 10/10 prior to the ESI to 4/10, lasting 14 weeks.', 60, 14 * 168],
  ])('%s -> %i%%', (text, percent, hours) => {
    const [r, ...rest] = extractNoteFacts(note(text)).relief;
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ percent, durationHours: hours, measure: 'pain' });
    expect(r!.evidence[0]!.display).toMatch(/relief computed from pain \d+\/10 before to \d\/10 after/);
  });

  it('two scores not around an injection are not relief', () => {
    expect(extractNoteFacts(note('Pain went from 8/10 last week to 4/10 today with rest.')).relief).toEqual([]);
  });
});

describe('the scale named before a percentage decides pain or function', () => {
  it('"Oswestry fell from 48 to 22, a 54 percent improvement" is function; the pain percent before it stays pain', () => {
    const r = extractNoteFacts(
      note(
        'After the TFESI her leg pain improved only about 25 percent, but function improved: Oswestry fell from 48 to 22 percent, a 54 percent improvement, sustained for four months.',
      ),
    ).relief;
    expect(r.map((x) => [x.percent, x.measure]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [25, 'pain'],
      [54, 'function'],
    ]);
  });

  it('a pain word between the scale and the percent keeps it pain', () => {
    const r = extractNoteFacts(note('Oswestry unchanged; after the block her pain had 80 percent relief for six hours.')).relief;
    expect(r.map((x) => x.measure)).toEqual(['pain']);
  });
});
