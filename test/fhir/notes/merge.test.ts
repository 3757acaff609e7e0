// mergeNoteFacts: note facts join the picture without duplicating coded ones, relief finds its procedure,
// and conflicts stay visible.
import { describe, expect, it } from 'vitest';
import { extractNoteFacts, mergeNoteFacts } from '../../../src/fhir/notes';
import { MAX_FACTS_PER_NOTE, MAX_NOTE_CHARS } from '../../../src/fhir/notes/extract';
import { emptyPicture, type ClinicalPicture, type NoteDoc, type ProcedureFact } from '../../../src/policy/picture';

const proc = (id: string, date: string, kind: ProcedureFact['kind'], levels: string[]): ProcedureFact => ({
  id,
  code: kind === 'facet-mbb' ? '64493' : '64483',
  system: 'cpt',
  display: kind,
  kind,
  date,
  status: 'completed',
  region: 'lumbar',
  levels,
  laterality: 'bilateral',
  relief: [],
  source: 'coded',
  evidence: [{ ref: `Procedure/${id}`, display: kind }],
});

function picture(): ClinicalPicture {
  const p = emptyPicture('p1');
  p.painScores.push({
    source: 'coded',
    evidence: [{ ref: 'Observation/o1', display: 'NRS' }],
    instrument: 'NRS',
    value: 7,
    raw: '7',
    date: '2025-05-20T09:00:00Z',
  });
  p.procedureHistory.push(
    proc('mbb-old', '2025-01-10', 'facet-mbb', ['L4-L5', 'L5-S1']),
    proc('mbb-new', '2025-04-02', 'facet-mbb', ['L4-L5', 'L5-S1']),
    proc('tfesi', '2025-04-20', 'esi-transforaminal', ['L5-S1']),
    proc('mbb-after', '2025-06-15', 'facet-mbb', ['L4-L5', 'L5-S1']),
  );
  p.plannedServices.push({
    source: 'coded',
    evidence: [{ ref: 'ServiceRequest/sr1', display: 'RFA' }],
    code: '64635',
    kind: 'facet-rfa',
    region: 'lumbar',
    levels: ['L4-L5', 'L5-S1'],
    laterality: 'right',
    reasonIcd10: ['M47.816'],
  });
  return p;
}

const note = (text: string, date: string | null = '2025-05-20', ref = 'DocumentReference/n1'): NoteDoc => {
  const n: NoteDoc = { ref, title: 'Follow-up', contentType: 'text/plain', text };
  if (date) n.date = date;
  return n;
};

describe('mergeNoteFacts', () => {
  it('is pure: the input picture is not changed', () => {
    const p = picture();
    const before = JSON.stringify(p);
    const out = mergeNoteFacts(p, [note('Pain 6/10. After the MBB she had 85% relief for 6 hours.')]);
    expect(JSON.stringify(p)).toBe(before);
    expect(out).not.toBe(p);
    expect(out.notes.map((n) => n.ref)).toEqual(['DocumentReference/n1']);
  });

  it('a note score that restates a coded one (same value, same day) becomes evidence on the coded fact', () => {
    const out = mergeNoteFacts(picture(), [note('Pain is 7/10 today.')]);
    expect(out.painScores).toHaveLength(1);
    expect(out.painScores[0]!.source).toBe('coded');
    expect(out.painScores[0]!.evidence.map((e) => e.ref)).toEqual(['Observation/o1', 'DocumentReference/n1']);
    expect(out.painScores[0]!.evidence[1]!.quote!.text).toBe('7/10');
  });

  it('two note scores of the same value on the same day (now and at worst) stay two facts', () => {
    const out = mergeNoteFacts(emptyPicture('p3'), [note('Pain 6/10 today, 6/10 at worst.')]);
    expect(out.painScores.map((p) => p.context)).toEqual(['current', 'worst']);
  });

  it('a different value or a different day stays a separate fact', () => {
    expect(mergeNoteFacts(picture(), [note('Pain is 6/10 today.')]).painScores).toHaveLength(2);
    expect(mergeNoteFacts(picture(), [note('Pain is 7/10 today.', '2025-05-21')]).painScores).toHaveLength(2);
  });

  it('relief attaches to the most recent matching procedure before the note, never a later one', () => {
    const out = mergeNoteFacts(picture(), [
      note('After bilateral L4-5 and L5-S1 medial branch blocks she reported 85% relief for 6 hours.'),
    ]);
    const byId = Object.fromEntries(out.procedureHistory.map((p) => [p.id, p.relief]));
    expect(byId['mbb-new']).toHaveLength(1);
    expect(byId['mbb-new']![0]).toMatchObject({ percent: 85, durationHours: 6, procedureRef: 'Procedure/mbb-new', source: 'note' });
    expect(byId['mbb-new']![0]).not.toHaveProperty('about');
    for (const id of ['mbb-old', 'tfesi', 'mbb-after']) expect(byId[id]).toEqual([]);
  });

  it('relief naming a transforaminal injection goes to that procedure even when an MBB is later', () => {
    const p = picture();
    p.procedureHistory.push(proc('mbb-may', '2025-05-01', 'facet-mbb', ['L4-L5']));
    const out = mergeNoteFacts(p, [note('The L5-S1 transforaminal injection gave 60% relief lasting 3 months.')]);
    expect(out.procedureHistory.find((x) => x.id === 'tfesi')!.relief.map((r) => r.percent)).toEqual([60]);
    expect(out.procedureHistory.find((x) => x.id === 'mbb-may')!.relief).toEqual([]);
  });

  it('a procedure coded without levels can still receive relief that names levels', () => {
    const p = emptyPicture('p2');
    p.procedureHistory.push({ ...proc('mbb-nolevels', '2025-05-01', 'facet-mbb', []), region: undefined });
    const out = mergeNoteFacts(p, [note('After the L4-5 MBB she had 90% relief for 6 hours.')]);
    expect(out.procedureHistory[0]!.relief.map((r) => r.procedureRef)).toEqual(['Procedure/mbb-nolevels']);
  });

  it('relief with no prior procedure is reported as a data issue, not attached anywhere', () => {
    const out = mergeNoteFacts(picture(), [note('She had 70% relief for 3 months after her injection.', '2024-12-01')]);
    expect(out.procedureHistory.every((x) => x.relief.length === 0)).toBe(true);
    expect(out.dataIssues).toEqual([expect.objectContaining({ resourceType: 'DocumentReference', id: 'n1', severity: 'warning' })]);
  });

  it('keeps conflicting sides: the order says right, the note plan says left', () => {
    const out = mergeNoteFacts(picture(), [note('Plan: left L4-5 and L5-S1 radiofrequency ablation.')]);
    expect(out.plannedServices[0]!.laterality).toBe('right');
    expect(out.siteMentions).toEqual([expect.objectContaining({ context: 'plan', laterality: 'left', levels: ['L4-L5', 'L5-S1'] })]);
  });

  it('appends the other families and does not read the same note twice', () => {
    const n = note(
      'Low back pain for the past 6 months. Completed 8 weeks of PT without relief. ODI 44%. MRI 2025-03-02 shows L5-S1 disc protrusion. Increased gabapentin to 600 mg.',
    );
    const once = mergeNoteFacts(picture(), [n]);
    const twice = mergeNoteFacts(once, [n]);
    expect(once.painDuration).toHaveLength(1);
    expect(once.conservativeCare.map((c) => c.kind)).toEqual(['physical-therapy', 'neuropathic-agent']);
    expect(once.functionalStatus.map((f) => f.score)).toEqual([44]);
    expect(once.imaging.map((i) => i.date)).toEqual(['2025-03-02']);
    expect(once.visitWork).toHaveLength(1);
    expect(twice).toEqual(once);
  });

  it('an undated note is flagged so its facts are not silently placed in time', () => {
    const out = mergeNoteFacts(picture(), [note('Pain 5/10.', null, 'DocumentReference/undated')]);
    expect(out.dataIssues.some((d) => d.id === 'undated' && /no date/.test(d.message))).toBe(true);
  });
});

describe('mergeNoteFacts: cost of one note is capped and linear', () => {
  it('a note restating a coded score thousands of times folds into the coded fact once, with every mention as evidence', () => {
    const out = mergeNoteFacts(picture(), [note('Pain is 7/10 today.\n'.repeat(3000))]);
    expect(out.painScores).toHaveLength(1);
    expect(out.painScores[0]!.evidence).toHaveLength(3001);
  });

  it('many relief reports for one procedure copy the procedure list once and fold same-day repeats', () => {
    const out = mergeNoteFacts(picture(), [note('After the L4-5 MBB she had 90% relief for 6 hours.\n'.repeat(2000), '2025-05-20')]);
    const mbb = out.procedureHistory.find((p) => p.id === 'mbb-new')!;
    expect(mbb.relief).toHaveLength(1);
    expect(mbb.relief[0]!.evidence).toHaveLength(2000);
  });

  it('a note over the size cap is read up to the cap and a data issue says it was truncated', () => {
    const line = 'Unremarkable visit, nothing further to add here.\n';
    const text = line.repeat(Math.ceil((MAX_NOTE_CHARS + 50_000) / line.length)) + 'Pain is 9/10 today.';
    const out = mergeNoteFacts(emptyPicture('p9'), [note(text, '2025-05-20', 'DocumentReference/huge')]);
    expect(out.painScores).toHaveLength(0);
    const issue = out.dataIssues.find((d) => d.id === 'huge' && /truncated/.test(d.message));
    expect(issue?.message).toMatch(/only the first [\d,]+ were read/);
    // The note itself is kept whole, so a quote anywhere in it can still be shown.
    expect(out.notes[0]!.text.length).toBe(text.length);
  });

  it('a note made of nothing but facts stops at the fact budget, says so, and keeps what it read', () => {
    const unit = 'Pain 7/10. ODI 40%. Left L4-5. Unable to walk more than 10 minutes.\n';
    const text = unit.repeat(Math.ceil(MAX_NOTE_CHARS / unit.length));
    const f = extractNoteFacts({ ref: 'DocumentReference/dense', title: 'dense', date: '2025-05-20', contentType: 'text/plain', text });
    const n = f.painScores.length + f.functionalStatus.length + f.siteMentions.length;
    expect(n).toBeGreaterThanOrEqual(MAX_FACTS_PER_NOTE);
    expect(n).toBeLessThan(MAX_FACTS_PER_NOTE + 2_000);
    expect(f.limits.some((m) => /more than 25,000 facts; reading stopped at character/.test(m))).toBe(true);
  });

  it('a normal note has no limits', () => {
    expect(extractNoteFacts(note('Pain 7/10. ODI 40%.')).limits).toEqual([]);
  });
});
