// Facet rules as the texts state them (P: CGS facet page / verbatim LCD quotation; S1: Noridian rubric for
// L38801 / A58403), at, below and above each threshold; cases written from the texts.
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import type { Assessment, Finding } from '../../src/policy/verdicts';
import { addDays, addMonths, HOURS_PER_MONTH } from '../../src/policy/dates';
import { ev, facetPicture, mbb, proc, relief, rfa, TODAY } from './build';
import type { ClinicalPicture } from '../../src/policy/picture';

const find = (a: Assessment, id: string): Finding => {
  const f = a.findings.find((x) => x.requirementId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};

const withDx = (p: ClinicalPicture, code: string, display: string): ClinicalPicture => {
  p.diagnoses = [
    { icd10: code, display, clinicalStatus: 'active', onset: addDays(TODAY, -400), source: 'coded', evidence: [ev('Condition/c2')] },
  ];
  return p;
};

/** A therapeutic intra-articular injection at L4-L5 (same code 64493, intent from the order). */
const ia = () => mbb({ intent: 'therapeutic' });

describe('FJ-DX-LIST (S1, A58403): a closed list of complete codes', () => {
  it.each([
    ['M47.811', 'not-met'],
    ['M47.812', 'met'],
    ['M47.817', 'met'],
    ['M47.818', 'not-met'],
    ['M47.892', 'met'],
    ['M48.16', 'met'],
    ['M48.18', 'not-met'],
    ['M54.50', 'not-met'],
    ['M54.59', 'not-met'],
  ])('%s -> %s', (code, status) => {
    const a = assess(withDx(facetPicture(), code, code), mbb({ reasonIcd10: [code] }), 'medicare', TODAY);
    const f = find(a, 'facet-diagnosis');
    expect(f.status).toBe(status);
    expect(f.citation).toMatchObject({ ruleId: 'FJ-DX-LIST', grade: 'S1', verified: true });
    if (status === 'not-met') expect(a.verdict).toBe('not-eligible');
  });

  it('a facet service coded only M54.50 names the documented condition that could be coded', () => {
    const p = withDx(facetPicture(), 'M54.50', 'Low back pain');
    p.imaging.push({
      modality: 'MRI',
      date: addDays(TODAY, -90),
      finding: 'bilateral L4-L5 facet arthropathy',
      region: 'lumbar',
      levels: ['L4-L5'],
      source: 'coded',
      evidence: [ev('DiagnosticReport/mri2')],
    });
    const f = find(assess(p, mbb({ reasonIcd10: ['M54.50'] }), 'medicare', TODAY), 'facet-diagnosis');
    expect(f.status).toBe('not-met');
    expect(f.fix).toContain('facet arthropathy');
    expect(f.fix).toContain('M47.816');
  });

  it('M53.86 is covered for a block only with a documented facet cyst, never for ablation', () => {
    const p = withDx(facetPicture(), 'M53.86', 'Other specified dorsopathies, lumbar');
    expect(find(assess(p, mbb({ reasonIcd10: ['M53.86'] }), 'medicare', TODAY), 'facet-diagnosis').status).toBe('not-met');
    p.imaging.push({
      modality: 'MRI',
      date: addDays(TODAY, -90),
      finding: 'right L4-L5 facet synovial cyst',
      region: 'lumbar',
      levels: ['L4-L5'],
      source: 'coded',
      evidence: [ev('DiagnosticReport/mri3')],
    });
    expect(find(assess(p, mbb({ reasonIcd10: ['M53.86'] }), 'medicare', TODAY), 'facet-diagnosis').status).toBe('met');
    expect(find(assess(p, rfa({ reasonIcd10: ['M53.86'] }), 'medicare', TODAY), 'facet-diagnosis').status).toBe('not-met');
  });
});

describe('FJ-CONSERVATIVE (P, CGS): failure of conservative care, no duration set', () => {
  it('two weeks of failed care is enough; the old 13-week minimum is gone', () => {
    const p = facetPicture();
    p.conservativeCare = [
      {
        kind: 'physical-therapy',
        description: 'PT',
        start: addDays(TODAY, -30),
        end: addDays(TODAY, -16),
        outcome: 'failed',
        source: 'note',
        evidence: [ev('DocumentReference/n1')],
      },
    ];
    const a = assess(p, mbb(), 'medicare', TODAY);
    expect(a.findings.some((f) => f.requirementId === 'conservative-weeks')).toBe(false);
    expect(a.verdict).toBe('ready');
  });
});

describe('FJ-INTENT (P): 64490-64495 are a diagnostic block or a joint injection by the order and note', () => {
  it('the code alone does not say: missing', () => {
    const p = facetPicture();
    p.siteMentions[0]!.target = undefined as unknown as string;
    delete p.siteMentions[0]!.target;
    const a = assess(p, mbb(), 'medicare', TODAY);
    expect(find(a, 'facet-intent').status).toBe('missing');
    expect(a.verdict).toBe('incomplete');
  });
  it('"medial branch" in the plan -> diagnostic; intent therapeutic on the order -> therapeutic', () => {
    expect(find(assess(facetPicture(), mbb(), 'medicare', TODAY), 'facet-intent').message).toMatch(/diagnostic/);
    expect(find(assess(facetPicture(), ia(), 'medicare', TODAY), 'facet-intent').message).toMatch(/therapeutic/);
  });
});

describe('FJ-FREQUENCY-DX / FJ-FREQUENCY-IA (P): separate caps of 4 per region per rolling 12 months', () => {
  it('4 prior therapeutic sessions do not count against a diagnostic block', () => {
    const p = facetPicture();
    for (let i = 0; i < 4; i++)
      p.procedureHistory.push(proc('facet-ia', 20 + i * 60, [relief(60, 4 * HOURS_PER_MONTH)], { levels: ['L2-L3'] }));
    const a = assess(p, mbb({ levels: ['L4-L5'] }), 'medicare', TODAY);
    expect(find(a, 'facet-frequency-diagnostic').status).toBe('met');
    expect(find(a, 'facet-frequency-therapeutic').status).toBe('not-applicable');
  });
  it.each([
    [3, 'met'],
    [4, 'not-met'],
  ])('%i prior therapeutic sessions -> therapeutic cap %s', (n, status) => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 330, [relief(90)]), proc('facet-mbb', 310, [relief(85)]));
    for (let i = 0; i < n; i++) p.procedureHistory.push(proc('facet-ia', 20 + i * 70, [relief(60, 4 * HOURS_PER_MONTH)]));
    p.notes.push({
      ref: 'DocumentReference/n3',
      title: 'Plan',
      date: addDays(TODAY, -3),
      contentType: 'text/plain',
      text: 'Not a candidate for RFA: pacemaker dependent.',
    });
    expect(find(assess(p, ia(), 'medicare', TODAY), 'facet-frequency-therapeutic').status).toBe(status);
  });
});

describe('FJ-SECOND-BLOCK (S1): a second diagnostic block after >= 80% from the first and >= 2 weeks', () => {
  it.each([
    [79, 20, 'not-met'],
    [80, 20, 'met'],
    [81, 20, 'met'],
    [90, 13, 'not-met'],
    [90, 14, 'met'],
    [90, 15, 'met'],
  ])('first block %i%%, %i days before -> %s', (pct, days, status) => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', days, [relief(pct, 6)]));
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-second-block').status).toBe(status);
  });
});

describe('FJ-IA-BLOCKS, FJ-IA-NOT-RFA, FJ-IA-REPEAT (P, verbatim LCD)', () => {
  const iaReady = () => {
    const p = facetPicture();
    // The plan names the joint injection the order asks for (a plan for medial branches would conflict with it).
    p.siteMentions = p.siteMentions.map((m) => (m.context === 'plan' ? { ...m, target: 'intra-articular facet joint' } : m));
    p.procedureHistory.push(proc('facet-mbb', 90, [relief(90, 6)]), proc('facet-mbb', 60, [relief(85, 6)]));
    p.notes.push({
      ref: 'DocumentReference/n3',
      title: 'Plan',
      date: addDays(TODAY, -3),
      contentType: 'text/plain',
      text: 'Patient is not a candidate for radiofrequency ablation (spinal cord stimulator in place).',
    });
    return p;
  };
  it('two blocks >= 80% and the reason RFA is not possible -> ready', () => {
    expect(assess(iaReady(), ia(), 'medicare', TODAY).verdict).toBe('ready');
  });
  it('without the reason RFA is not possible -> incomplete', () => {
    const p = iaReady();
    p.notes = [];
    const a = assess(p, ia(), 'medicare', TODAY);
    expect(find(a, 'facet-ia-not-rfa-candidate').status).toBe('missing');
    expect(a.verdict).toBe('incomplete');
  });
  it('one of the two blocks at 79% -> not eligible', () => {
    const p = iaReady();
    p.procedureHistory[1]!.relief = [relief(79, 6)];
    expect(find(assess(p, ia(), 'medicare', TODAY), 'facet-ia-diagnostic-blocks').status).toBe('not-met');
  });
  it.each([
    [49, 4, 'not-met'],
    [50, 3, 'met'],
    [50, 2.9, 'not-met'],
    [51, 3.1, 'met'],
  ])('repeat after %i%% for %d months -> %s', (pct, months, status) => {
    const p = iaReady();
    p.procedureHistory.push(proc('facet-ia', 120, [relief(pct, Math.round(months * HOURS_PER_MONTH))]));
    expect(find(assess(p, ia(), 'medicare', TODAY), 'facet-ia-repeat').status).toBe(status);
  });
});

describe('FJ-DIAGNOSTIC renewal and FJ-NO-BLOCK-AFTER-RFA (S1)', () => {
  it('repeat RFA when the prior RFA is more than 2 years old needs new diagnostic blocks', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-mbb', 900, [relief(90)]), proc('facet-mbb', 880, [relief(90)]));
    p.procedureHistory.push({ ...proc('facet-rfa', 850, [relief(80, 12 * HOURS_PER_MONTH)]), date: addMonths(TODAY, -25) });
    const a = assess(p, rfa(), 'medicare', TODAY);
    expect(find(a, 'rfa-diagnostic-blocks').status).toBe('not-met');
    p.procedureHistory.push(proc('facet-mbb', 40, [relief(90)]), proc('facet-mbb', 20, [relief(85)]));
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'rfa-diagnostic-blocks').status).toBe('met');
  });
  it('repeat RFA within 2 years: the repeat rule applies, not new blocks', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-rfa', 300, [relief(80, 8 * HOURS_PER_MONTH)]));
    const a = assess(p, rfa(), 'medicare', TODAY);
    expect(find(a, 'rfa-diagnostic-blocks').status).toBe('not-applicable');
    expect(find(a, 'rfa-repeat-relief').status).toBe('met');
  });
  it('no diagnostic block at a level whose ablation succeeded; at another level it is allowed', () => {
    const p = facetPicture();
    p.procedureHistory.push(proc('facet-rfa', 200, [relief(70, 6 * HOURS_PER_MONTH)]));
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'facet-no-block-after-rfa').status).toBe('not-met');
    expect(find(assess(p, mbb({ levels: ['L2-L3'] }), 'medicare', TODAY), 'facet-no-block-after-rfa').status).toBe('met');
  });
});

describe('FJ-SEDATION (S1): not for injections; for ablation only with a documented need', () => {
  it('sedation planned with a block -> not eligible; with an RFA and no documented need -> incomplete', () => {
    const p = facetPicture();
    p.plannedServices = [
      { ...mbb(), requestRef: 'ServiceRequest/sed', code: '99152', kind: 'sedation', evidence: [ev('ServiceRequest/sed')] },
    ];
    expect(find(assess(p, mbb(), 'medicare', TODAY), 'sedation').status).toBe('not-met');
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'sedation').status).toBe('missing');
    p.notes.push({
      ref: 'DocumentReference/n4',
      title: 'Pre-op',
      date: addDays(TODAY, -3),
      contentType: 'text/plain',
      text: 'Severe anxiety; unable to tolerate the procedure awake.',
    });
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'sedation').status).toBe('met');
  });

  const withNote = (text: string, daysAgo = 3): ClinicalPicture => {
    const p = facetPicture();
    p.notes.push({ ref: 'DocumentReference/n5', title: 'Plan', date: addDays(TODAY, -daysAgo), contentType: 'text/plain', text });
    return p;
  };
  it.each([
    ['Moderate IV sedation with midazolam and fentanyl is planned for the blocks.', 'missing'],
    ['Plan: bilateral L4-L5 medial branch blocks under fluoroscopy with moderate sedation.', 'missing'],
    ['Monitored anesthesia care (MAC) with propofol is planned.', 'missing'],
    ['No sedation is planned; local anesthetic only.', 'met'],
    ['Plan: medial branch blocks with local anesthetic, without sedation.', 'met'],
    ['The last block was performed under IV sedation without complication.', 'met'],
  ])('a note says "%s" -> the block\'s sedation rule is %s (read from prose, so a gap to confirm, not a denial)', (text, status) => {
    expect(find(assess(withNote(text), mbb(), 'medicare', TODAY), 'sedation').status).toBe(status);
  });
  it('a note older than 30 days is an earlier visit, not this plan', () => {
    const text = 'Moderate IV sedation is planned for the blocks.';
    expect(find(assess(withNote(text, 29), mbb(), 'medicare', TODAY), 'sedation').status).toBe('missing');
    expect(find(assess(withNote(text, 31), mbb(), 'medicare', TODAY), 'sedation').status).toBe('met');
  });
  it('an ablation planned under MAC in the note needs the documented need', () => {
    const p = withNote('Plan: RFA under MAC.');
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'sedation').status).toBe('missing');
    p.notes.push({
      ref: 'DocumentReference/n6',
      title: 'Pre-op',
      date: addDays(TODAY, -2),
      contentType: 'text/plain',
      text: 'Claustrophobic; cannot lie still.',
    });
    expect(find(assess(p, rfa(), 'medicare', TODAY), 'sedation').status).toBe('met');
  });
});
