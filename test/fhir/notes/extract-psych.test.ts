// The SCS trial's psychological evaluation read from notes with its context (negation, plan, hypothetical): a note
// that says the evaluation "has not been scheduled yet" or that the patient "will be referred for" one does not
// document it; a completed evaluation that cleared the patient does. Sentences are written for this test in the shape
// of pain-clinic dictation (no real note text).
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/policy/assess';
import { emptyPicture, type PlannedService } from '../../../src/policy/picture';
import { mergeNoteFacts } from '../../../src/fhir/notes/merge-extracted';
import { extractNoteFacts } from '../../../src/fhir/notes/extract';

const TODAY = '2026-12-01';
const note = (text: string) => ({
  ref: 'DocumentReference/n1',
  title: 'Pain clinic follow-up',
  date: '2026-11-20',
  contentType: 'text/plain',
  text,
});
const trial: PlannedService = {
  code: '63650',
  kind: 'scs-trial',
  levels: [],
  reasonIcd10: ['M96.1'],
  date: '2026-12-15',
  source: 'coded',
  evidence: [],
};
const statuses = (text: string) => extractNoteFacts(note(text)).psychEvaluations.map((f) => f.status);
function finding(text: string) {
  const picture = mergeNoteFacts(emptyPicture('p1'), [note(text)]);
  return assess(picture, trial, 'medicare', TODAY).findings.find((f) => f.requirementId === 'scs-psych-evaluation')!;
}

describe('psychological evaluation in notes', () => {
  it('"has not been scheduled yet" is not done: the requirement stays missing and quotes the sentence', () => {
    const text = 'Discussed SCS trial. Psychological evaluation has not been scheduled yet.';
    expect(statuses(text)).toEqual(['not-done']);
    const f = finding(text);
    expect(f.status).toBe('missing');
    expect(f.message).toContain('has not been done yet');
    expect(f.evidence[0]?.quote?.text).toBe('Psychological evaluation has not been scheduled yet.');
  });

  it('"will be referred for" and "no psychological evaluation" are a plan and a negation, not an evaluation', () => {
    expect(statuses('She will be referred for psychological evaluation prior to the trial.')).toEqual(['planned']);
    expect(statuses('No psychological evaluation on file.')).toEqual(['not-done']);
    expect(statuses('If the psychological evaluation clears him, we will proceed.')).toEqual(['planned']);
    expect(finding('She will be referred for psychological evaluation prior to the trial.').status).toBe('missing');
  });

  it('"completed psychological evaluation on <date>, cleared" documents it', () => {
    const text = 'Patient completed psychological evaluation on 2026-10-28 with Dr. Alvarez and was cleared for the SCS trial.';
    expect(statuses(text)).toEqual(['done']);
    const f = finding(text);
    expect(f.status).toBe('met');
    expect(f.evidence[0]?.quote?.text).toContain('completed psychological evaluation on 2026-10-28');
  });

  it('an evaluation dated after the trial does not count, and no mention at all says none was found', () => {
    const late = mergeNoteFacts(emptyPicture('p1'), [
      { ...note('Patient completed psychological evaluation and was cleared.'), date: '2026-12-20' },
    ]);
    expect(assess(late, trial, 'medicare', TODAY).findings.find((f) => f.requirementId === 'scs-psych-evaluation')?.status).toBe('missing');
    const none = finding('Back pain is unchanged.');
    expect(none.status).toBe('missing');
    expect(none.message).toContain('No psychological evaluation found in the notes.');
  });
});
