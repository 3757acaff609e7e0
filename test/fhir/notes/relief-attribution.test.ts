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
