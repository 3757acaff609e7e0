// Prior procedures told only in note prose (issue 9, F20): read with their date as precisely as the note gives it,
// folded into the procedure history without doubling a procedure on record, and kept as an undated gap when the
// note places them nowhere. Sentences are invented, shaped like interventional pain notes.
import { describe, expect, it } from 'vitest';
import { extractNoteFacts, mergeNoteFacts } from '../../../src/fhir/notes';
import { emptyPicture, type NoteDoc, type ProcedureFact } from '../../../src/policy/picture';

const note = (text: string, date = '2026-11-02', ref = 'DocumentReference/n1'): NoteDoc => ({
  ref,
  title: 'Follow-up',
  contentType: 'text/plain',
  text,
  date,
});

const coded = (id: string, date: string, levels = ['L4-L5']): ProcedureFact => ({
  id,
  code: '64483',
  system: 'cpt',
  display: 'TFESI',
  kind: 'esi-transforaminal',
  date,
  status: 'completed',
  region: 'lumbar',
  levels,
  relief: [],
  source: 'coded',
  evidence: [{ ref: `Procedure/${id}`, display: 'TFESI' }],
});

function merged(texts: string[], procs: ProcedureFact[] = []) {
  const p = emptyPicture('p1');
  p.procedureHistory.push(...procs);
  return mergeNoteFacts(
    p,
    texts.map((t, i) => note(t, '2026-11-02', `DocumentReference/n${i}`)),
  );
}

describe('a procedure done elsewhere, told only in a note, is a session of the history', () => {
  it('"an L4-5 ESI at another clinic in March with 80% relief": March of the note year, approximate, outside, its relief', () => {
    const out = merged(['HPI: She had an L4-5 ESI at another clinic in March with 80% relief.']);
    expect(out.procedureHistory).toHaveLength(1);
    const p = out.procedureHistory[0]!;
    expect(p).toMatchObject({
      source: 'note',
      kind: 'esi-transforaminal',
      approachUnknown: true,
      date: '2026-03-31',
      datePrecision: 'month',
      outside: true,
      region: 'lumbar',
      levels: ['L4-L5'],
    });
    expect(p.relief.map((r) => r.percent)).toEqual([80]);
    expect(p.evidence[0]!.quote!.text).toBe('ESI');
  });

  it.each([
    ['s/p right L5-S1 TFESI on 2026-06-02 with 70% relief', '2026-06-02', undefined],
    ['She had a transforaminal epidural steroid injection in June 2026.', '2026-06-30', 'month'],
    ['She underwent a caudal epidural injection in 2025.', '2025-12-31', 'year'],
    ['Two years ago she had a cervical epidural injection elsewhere.', '2024-12-31', 'year'],
    ['She had an interlaminar epidural steroid injection 3 months ago.', '2026-08-31', 'month'],
    // A month without a year is the latest such month on or before the note (November 2026 note: December is 2025).
    ['She had an ESI in December at an outside clinic.', '2025-12-31', 'month'],
  ])('%s -> latest day %s (%s)', (text, date, precision) => {
    const p = merged([`HPI: ${text}`]).procedureHistory[0]!;
    expect(p.date).toBe(date);
    expect(p.datePrecision).toBe(precision);
  });

  it('the named approach is the kind: transforaminal, interlaminar/caudal, medial branch block, RFA', () => {
    const kinds = (t: string) => merged([`HPI: ${t}`]).procedureHistory.map((p) => p.kind);
    expect(kinds('She had a left L5-S1 TFESI on 2026-05-04.')).toEqual(['esi-transforaminal']);
    expect(kinds('She had a caudal epidural steroid injection on 2026-05-04.')).toEqual(['esi-interlaminar']);
    expect(kinds('He underwent L4-5 medial branch blocks on 2026-05-04 with 90% relief for 6 hours.')).toEqual(['facet-mbb']);
    expect(kinds('He had radiofrequency ablation at L4-L5 on 2026-05-04.')).toEqual(['facet-rfa']);
  });

  it.each([
    'Plan: Recommend L4-L5 transforaminal epidural steroid injection.',
    'HPI: Dr. R suggested that the patient try some lumbar epidural steroid injections.',
    'HPI: She denies prior epidural steroid injections.',
    'Assessment: she may be a candidate for an ESI if PT fails.',
    'HPI: Back pain began after the epidural she was given for labor and delivery in 2019.',
    'HPI: She had a genicular nerve RFA of the left knee in 2025.',
    'HPI: We will schedule an L5-S1 TFESI on 2026-12-01.',
  ])('not a prior procedure: %s', (text) => {
    const out = merged([text]);
    expect(out.procedureHistory).toEqual([]);
    expect(out.undatedProcedures ?? []).toEqual([]);
  });
});

describe('a note restating a procedure on record adds evidence, never a second session', () => {
  it('same day: the coded procedure gets the note span; its relief is tied as before', () => {
    const out = merged(['HPI: s/p L4-L5 TFESI on 2026-06-02 with 70% relief for 4 months.'], [coded('a', '2026-06-02')]);
    expect(out.procedureHistory).toHaveLength(1);
    expect(out.procedureHistory[0]!.evidence.map((e) => e.ref)).toEqual(['Procedure/a', 'DocumentReference/n0']);
    expect(out.procedureHistory[0]!.relief.map((r) => r.percent)).toEqual([70]);
  });

  it('a month the note names holds the coded day: restated; another month: a session of its own', () => {
    expect(merged(['HPI: She had an L4-5 TFESI in June.'], [coded('a', '2026-06-15')]).procedureHistory).toHaveLength(1);
    expect(merged(['HPI: She had an L4-5 TFESI in March.'], [coded('a', '2026-06-15')]).procedureHistory).toHaveLength(2);
  });

  it('an undated "prior ESI" in a chart that records one is that one; done elsewhere, it is not', () => {
    expect(merged(['HPI: Prior L4-5 ESI helped.'], [coded('a', '2026-06-15')]).undatedProcedures).toBeUndefined();
    const out = merged(['HPI: Prior L4-5 ESI at an outside pain clinic helped.'], [coded('a', '2026-06-15')]);
    expect(out.undatedProcedures).toHaveLength(1);
    expect(out.undatedProcedures![0]).toMatchObject({ outside: true, count: 1, before: '2026-11-02' });
  });

  it('copied forward into a note of the next year, "in March" stays the March the first note placed', () => {
    const text = 'HPI: She had an L4-5 ESI at another clinic in March with 80% relief.';
    const out = mergeNoteFacts(emptyPicture('p1'), [
      note(text, '2026-04-10', 'DocumentReference/a'),
      note(text, '2027-05-01', 'DocumentReference/b'),
    ]);
    expect(out.procedureHistory.map((p) => p.date)).toEqual(['2026-03-31']);
    expect(out.procedureHistory[0]!.evidence.map((e) => e.ref)).toEqual(['DocumentReference/a', 'DocumentReference/b']);
    // Told in other words, the later note's March is its own year's.
    const other = mergeNoteFacts(emptyPicture('p1'), [
      note(text, '2026-04-10', 'DocumentReference/a'),
      note('HPI: Another L4-5 ESI was done at an outside clinic in March, which helped for 3 months.', '2027-05-01', 'DocumentReference/b'),
    ]);
    expect(other.procedureHistory.map((p) => p.date)).toEqual(['2026-03-31', '2027-03-31']);
  });

  it('the same outside session copied forward into three notes is one session', () => {
    const text = 'HPI: She had an L4-5 ESI at another clinic in March with 80% relief.';
    const out = merged([text, text, text]);
    expect(out.procedureHistory).toHaveLength(1);
    expect(out.procedureHistory[0]!.evidence).toHaveLength(3);
  });
});

describe('what the note does not place is a gap, not nothing', () => {
  it('"three prior ESIs" with none on record: one undated entry counting 3', () => {
    const out = merged(['HPI: She has had three prior ESIs without lasting benefit.']);
    expect(out.procedureHistory).toEqual([]);
    expect(out.undatedProcedures).toEqual([expect.objectContaining({ kind: 'esi-transforaminal', count: 3 })]);
  });

  it('"three prior ESIs" with three on record restates them', () => {
    const out = merged(
      ['HPI: She has had three prior ESIs without lasting benefit.'],
      [coded('a', '2026-02-01'), coded('b', '2026-05-01'), coded('c', '2026-08-01')],
    );
    expect(out.undatedProcedures).toBeUndefined();
    expect(out.procedureHistory).toHaveLength(3);
  });

  it('"had an epidural injection x2" and "on at least three different occasions" are counts', () => {
    expect(merged(['HPI: He had an epidural injection x2 without relief.']).undatedProcedures![0]!.count).toBe(2);
    expect(
      merged(['HPI: He did undergo a selective nerve root block with Dr. K on at least three different occasions.']).undatedProcedures![0]!
        .count,
    ).toBe(3);
  });

  it('"two TFESIs, the last in March 2025": the last is dated, the other undated', () => {
    const out = merged(['HPI: Dr. X had performed two right L2-L3 transforaminal epidural injections, last one in March 2025.']);
    expect(out.procedureHistory.map((p) => [p.date, p.datePrecision])).toEqual([['2025-03-31', 'month']]);
    expect(out.undatedProcedures).toEqual([expect.objectContaining({ count: 1 })]);
  });

  it('the relief told with an undated session is its own', () => {
    const out = merged(['HPI: An ESI at an outside clinic gave 70% relief for 5 months.']);
    expect(out.undatedProcedures![0]!.relief.map((r) => [r.percent, r.durationHours])).toEqual([[70, 3650]]);
  });
});

describe('extraction', () => {
  it('each mention carries its sentence, so relief in it is its own', () => {
    const text = 'HPI: Pain for years. She had an L4-5 ESI at another clinic in March with 80% relief.';
    const f = extractNoteFacts(note(text));
    expect(f.priorProcedures).toHaveLength(1);
    const s = f.priorProcedures[0]!.sentence;
    expect(text.slice(s.start, s.end)).toMatch(/^She had an L4-5 ESI.*relief\.?$/);
  });
});
