// extractNoteFacts over whole notes: sections give context, spans are exact, and nothing is invented.
import { describe, expect, it } from 'vitest';
import { extractNoteFacts, toNoteDoc } from '../../../src/fhir/notes';
import { sentences } from '../../../src/fhir/notes/segment';
import type { NoteDoc } from '../../../src/policy/picture';

const NOTE = `Interventional Pain Follow-up
Chief Complaint: low back pain.
HPI: 67 year old with axial low back pain for the past 8 months. Pain is 7/10 today, 9/10 at worst.
She completed 8 weeks of PT without relief and failed meloxicam and gabapentin. Chiropractic x 6 weeks helped briefly.
Denies radicular pain. No bowel or bladder changes.
After bilateral L4-5 and L5-S1 medial branch blocks on 2025-04-02 she reported 85% relief for 6 hours.
Unable to stand more than 10 minutes. ODI 44%.
Family History: mother with L5-S1 fusion, father with back pain 8/10.
Exam: tenderness over the bilateral L4-5 facets; facet loading positive.
Imaging: MRI 2025-03-02 shows L4-5 and L5-S1 facet arthropathy.
Assessment: lumbar facet syndrome.
Plan: will proceed with bilateral L4-5 and L5-S1 radiofrequency ablation. If no improvement, may try duloxetine.
Will consider PT for core strengthening.`;

const note: NoteDoc = {
  ref: 'DocumentReference/visit-1',
  title: 'Pain follow-up',
  date: '2025-05-20T10:00:00Z',
  contentType: 'text/plain',
  text: NOTE,
};
const f = extractNoteFacts(note);
const quotes = (xs: { evidence: { quote?: { text: string } }[] }[]): string[] => xs.map((x) => x.evidence[0]!.quote!.text);

describe('sections and sentences', () => {
  it('tags sentences with the section their heading opened', () => {
    const s = sentences(NOTE);
    const sectionOf = (needle: string): string | undefined => s.find((x) => x.text.includes(needle))?.section;
    expect(sectionOf('Pain is 7/10')).toBe('hpi');
    expect(sectionOf('mother with')).toBe('family');
    expect(sectionOf('tenderness')).toBe('exam');
    expect(sectionOf('facet arthropathy')).toBe('imaging');
    expect(sectionOf('radiofrequency')).toBe('plan');
    expect(sectionOf('Will consider PT')).toBe('plan');
  });

  it('an inline family/medication heading covers its own line only; a heading on its own line runs on', () => {
    const s = sentences(
      'HPI: back pain.\nFamily History: mother with back pain.\nPain 7/10.\nAssessment/Plan:\nL4-5 MBB.\nMedications:\ngabapentin 300 mg',
    );
    expect(s.map((x) => x.section)).toEqual(['hpi', 'family', 'hpi', 'plan', 'medications']);
  });
});

describe('extractNoteFacts on a full note', () => {
  it('every evidence span is exact and points at the note with its date', () => {
    const all = [
      ...f.painScores,
      ...f.painDuration,
      ...f.conservativeCare,
      ...f.functionalStatus,
      ...f.siteMentions,
      ...f.relief,
      ...f.imaging,
      ...f.symptoms,
      ...f.visitWork,
    ];
    expect(all.length).toBeGreaterThan(15);
    for (const x of all) {
      expect(x.source).toBe('note');
      const ev = x.evidence[0]!;
      expect(ev.ref).toBe(note.ref);
      expect(ev.date).toBe(note.date);
      expect(NOTE.slice(ev.quote!.start, ev.quote!.end)).toBe(ev.quote!.text);
    }
  });

  it('pain scores: the patient’s, not the father’s', () => {
    expect(f.painScores.map((p) => [p.value, p.context])).toEqual([
      [7, 'current'],
      [9, 'worst'],
    ]);
    expect(f.painScores[0]!.date).toBe('2025-05-20');
  });

  it('duration and conservative care with weeks and outcome; hypothetical PT and duloxetine are not care', () => {
    expect(f.painDuration.map((d) => d.weeks)).toEqual([34.7]);
    expect(f.conservativeCare.map((c) => [c.kind, c.outcome, c.weeks])).toEqual([
      ['physical-therapy', 'failed', 8],
      ['nsaid', 'failed', undefined],
      ['neuropathic-agent', 'failed', undefined],
      ['chiropractic', 'helped', 6],
    ]);
  });

  it('function: instrument score and described limitation', () => {
    expect(f.functionalStatus.map((x) => [x.instrument, x.score, x.limitation])).toEqual([
      [undefined, undefined, 'Unable to stand more than 10 minutes'],
      ['ODI', 44, undefined],
    ]);
  });

  it('site mentions carry context; the mother’s fusion level is not one', () => {
    expect(f.siteMentions.map((m) => [m.context, m.laterality, m.levels.join('+')])).toEqual([
      ['history', 'bilateral', 'L4-L5+L5-S1'],
      ['exam', 'bilateral', 'L4-L5'],
      ['imaging', undefined, 'L4-L5+L5-S1'],
      ['plan', 'bilateral', 'L4-L5+L5-S1'],
    ]);
    expect(f.siteMentions[3]!.target).toBe('radiofrequency');
  });

  it('relief after the block, with what it followed', () => {
    expect(f.relief).toHaveLength(1);
    expect(f.relief[0]).toMatchObject({ percent: 85, durationHours: 6, measure: 'pain', date: '2025-05-20' });
    expect(f.relief[0]!.about).toEqual({ levels: ['L4-L5', 'L5-S1'], region: 'lumbar', kinds: ['facet-mbb'] });
  });

  it('imaging with date, finding and levels', () => {
    expect(f.imaging).toHaveLength(1);
    expect(f.imaging[0]).toMatchObject({
      modality: 'MRI',
      date: '2025-03-02',
      levels: ['L4-L5', 'L5-S1'],
      region: 'lumbar',
      finding: 'L4-5 and L5-S1 facet arthropathy',
    });
  });

  it('symptoms: a denial is recorded as absent', () => {
    expect(f.symptoms.map((s) => [s.kind, s.present])).toEqual([
      ['axial', true],
      ['radicular', false],
    ]);
  });

  it('a routine follow-up without new problems or medication changes has no E/M work', () => {
    expect(quotes(f.visitWork)).toEqual([]);
  });
});

describe('negation, hypotheticals, family and history', () => {
  const one = (text: string) =>
    extractNoteFacts({ ref: 'DocumentReference/x', title: 'x', date: '2025-06-01', contentType: 'text/plain', text });
  it.each([
    'No PT to date.',
    'Will consider PT.',
    'If no improvement, may try physical therapy.',
    'Mother has done physical therapy for her back pain.',
    'Has never had chiropractic care.',
  ])('"%s" gives no conservative care', (text) => {
    expect(one(text).conservativeCare).toEqual([]);
  });

  it('"without relief" is the outcome of the PT, not a negation of it', () => {
    expect(one('Completed PT without relief.').conservativeCare.map((c) => c.outcome)).toEqual(['failed']);
  });

  it('works on an undated note (dates left empty for merge to report)', () => {
    const r = extractNoteFacts({ ref: 'DocumentReference/u', title: 'u', contentType: 'text/plain', text: 'Pain 6/10.' });
    expect(r.painScores[0]!.date).toBe('');
    expect(r.painScores[0]!.evidence[0]!.date).toBeUndefined();
  });

  it('spans index into HTML-derived text exactly', () => {
    const doc = toNoteDoc({
      ref: 'DocumentReference/h',
      title: 'h',
      date: '2025-06-01',
      contentType: 'text/html',
      raw: '<div><b>Plan:</b> right&nbsp;C6-7 ILESI</div><p>NRS&nbsp;8 &amp; ODI 40%</p>',
    });
    const r = extractNoteFacts(doc);
    const q = [r.siteMentions[0]!, r.painScores[0]!, r.functionalStatus[0]!].map((x) => x.evidence[0]!.quote!);
    for (const s of q) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
    expect(q.map((s) => s.text)).toEqual(['right C6-7', 'NRS 8', 'ODI 40%']);
    expect(r.siteMentions[0]!.context).toBe('plan');
  });
});

describe('performance', () => {
  it.each([
    ['a 1 MB line of spaces, digits and slashes', ' 7/10 L4-5 '.repeat(4) + ' '.repeat(1_048_576)],
    ['1 MB of repeated cue words without punctuation', 'no PT without relief 85% relief for 6 hours left L4-5 and '.repeat(18_000)],
    ['1 MB of nested-looking levels and numbers', 'L4-5/L5-S1-L3 10/10/10/10 '.repeat(40_000)],
  ])('%s finishes fast', (_name, text) => {
    // Linear work takes well under a second here, while a quadratic path on 1 MB would take minutes. This process's
    // CPU time, not the wall clock: the test machine is shared by many processes.
    const c0 = process.cpuUsage();
    extractNoteFacts({ ref: 'DocumentReference/p', title: 'p', date: '2025-06-01', contentType: 'text/plain', text });
    const c = process.cpuUsage(c0);
    expect((c.user + c.system) / 1000).toBeLessThan(5000);
  });
});

describe('property: any mix of clinical phrases', () => {
  const words = [
    'Pain',
    '7/10',
    'NRS 8',
    'left',
    'L4-5',
    'and',
    'L5-S1',
    'no',
    'PT',
    'x 6 weeks',
    'failed',
    'meloxicam',
    '85%',
    'relief',
    'for 6 hours',
    'MRI',
    '2025-03-02',
    'shows',
    'mother',
    'Plan:',
    'HPI:',
    '\n',
    '.',
    ',',
    ';',
    'ODI 44%',
    'unable to stand',
    'will consider',
    'since March 2025',
    'increased gabapentin',
    '3/10/2025',
    '120/80',
  ];
  it('never throws, and every evidence quote is exactly the text at its offsets', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), fc.constantFrom(' ', '  ', '\t'), (parts, sep) => {
        const text = parts.join(sep);
        const f = extractNoteFacts({ ref: 'DocumentReference/p', title: 'p', date: '2025-06-01', contentType: 'text/plain', text });
        const { mentions, limits: _limits, ...families } = f;
        for (const m of mentions) if (text.slice(m.span.start, m.span.end) !== m.text) return false;
        for (const xs of Object.values(families) as { evidence: { quote?: { text: string; start: number; end: number } }[] }[][]) {
          for (const x of xs) {
            const q = x.evidence[0]!.quote!;
            if (text.slice(q.start, q.end) !== q.text) return false;
          }
        }
        return true;
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
