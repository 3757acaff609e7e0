// Patterns found on the notes-dev9 development notes (anterior cervical operations), each on sentences written for
// this test (never note text): an operative note's indication paragraph headed "PREOPERATIVE NOTE", non-operative care
// by other names, care put to the patient as one side of a choice, and a prescription's sig that is not a sentence end.
import { describe, expect, it } from 'vitest';
import { sentences } from '../../../src/fhir/notes/segment';
import { evidence, textAndContext } from './helpers';

const care = (text: string) => textAndContext(text, 'conservative-care');

describe('the indication paragraph of an operative note', () => {
  it('reads "PREOPERATIVE NOTE:" as the story, so care told there is care had', () => {
    const note =
      'PROCEDURE PERFORMED,1.  Anterior cervical decompression, C5-C6.,ANESTHESIA: , General.,PREOPERATIVE NOTE:  ,This man has neck pain.  He has failed epidural steroid injections.  OPERATIVE REPORT: , He was placed supine.';
    expect(care(note)).toEqual([['epidural steroid injections', 'history']]);
  });
  it('still reads the operation itself as today, and its diagnoses as the assessment', () => {
    const note = 'PREOPERATIVE DIAGNOSIS: , Neck pain.,OPERATIVE REPORT: , Physical therapy was not part of this.';
    expect(care(note).filter(([, c]) => c === 'current' || c === 'history')).toEqual([]);
  });
});

describe('non-operative care', () => {
  it('"nonoperative measures" and "non-operative care" are care, told as failed when they failed', () => {
    expect(evidence('Nonoperative measures failed to relieve her symptoms.', 'conservative-care')).toMatchObject([
      { text: 'Nonoperative measures', outcome: 'failed' },
    ]);
    expect(care('She has had non-operative care for a year.')).toEqual([['non-operative care', 'history']]);
  });
  it('is hypothetical as one side of a choice put to the patient', () => {
    expect(care('Continuation of nonoperative care versus the risks of surgery were discussed.')).toEqual([
      ['nonoperative care', 'hypothetical'],
    ]);
  });
});

describe('sentence ends in a dictated prescription', () => {
  it('a sig\'s "p.r.n." before two spaces and a dispense count ("#50") does not end the sentence', () => {
    const texts = (t: string) => sentences(t).map((s) => s.text);
    expect(texts('Prescriptions were written for Flexeril 10 mg t.i.d. p.r.n.  #50 with 1 refill and Lortab p.r.n.  #60.')).toHaveLength(1);
    // Two spaces before a lower-case word are no more an end than one is; before a capital they are.
    expect(texts('He was seen in the office.  then she left.')).toHaveLength(1);
    expect(texts('He was seen in the office.  She left.')).toHaveLength(2);
  });
});
