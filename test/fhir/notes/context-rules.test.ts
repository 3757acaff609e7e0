// ConText-style rules on sentences written for this test: pseudo-negations that negate nothing, terminators that end
// a cue's scope ("but", "since", "because", "and" with a new subject), and negations told after the phrase.
import { describe, expect, it } from 'vitest';
import { clauseStart, isNegated } from '../../../src/fhir/notes/context';
import { sentences } from '../../../src/fhir/notes/segment';
import { mentions } from './helpers';

const contextOf = (text: string, phrase: string): string | undefined => {
  const at = text.indexOf(phrase);
  return mentions(text).find((m) => m.span.start <= at && at < m.span.end)?.context;
};

describe('pseudo-negations negate nothing', () => {
  it.each([
    ['He has not only tried physical therapy but also chiropractic care.', 'physical therapy'],
    ['Treatment included but was not limited to physical therapy and NSAIDs.', 'physical therapy'],
    ['There has been no change in her ability to walk; she can walk only one block.', 'walk only one block'],
    ['He does not think he could return to his usual job.', 'his usual job'],
  ])('%s', (text, phrase) => {
    expect(['current', 'history']).toContain(contextOf(text, phrase));
  });
  it('a plain negation still negates', () => {
    expect(isNegated('He has not tried physical therapy.', 17)).toBe(true);
    expect(contextOf('He has not tried physical therapy.', 'physical therapy')).toBe('negated');
    expect(contextOf('She has never had an epidural.', 'epidural')).toBe('negated');
  });
});

describe("terminators end a cue's scope", () => {
  it.each([
    ['She has not worked since the fall and has trouble sleeping.', 'trouble sleeping'],
    ['He denies numbness but has difficulty standing for long periods.', 'difficulty standing'],
    ['He denies numbness and he has difficulty standing for long periods.', 'difficulty standing'],
    ['He is not driving because he cannot turn his head.', 'cannot turn his head'],
  ])('%s', (text, phrase) => {
    expect(contextOf(text, phrase)).toBe('current');
  });
  it('"since" and "because" start a clause; "since then" is still one terminator', () => {
    const s = 'No relief since the block because of the pain';
    expect(clauseStart(s, s.indexOf('the block'))).toBe(s.indexOf('since') + 'since'.length);
    expect(clauseStart(s, s.indexOf('of the pain'))).toBe(s.indexOf('because') + 'because'.length);
  });
  it('without a terminator the negation reaches the phrase', () => {
    expect(contextOf('She denies difficulty standing.', 'difficulty standing')).not.toBe('current');
  });
});

describe('negations told after the phrase', () => {
  it.each([
    ['Sleep disturbance: denied.', 'Sleep disturbance'],
    ['Difficulty walking is denied.', 'Difficulty walking'],
    ['Work restrictions: none.', 'Work restrictions'],
  ])('%s', (text, phrase) => {
    expect(contextOf(text, phrase) ?? 'negated').toBe('negated');
  });
  it('a result after the phrase is not a negation', () => {
    expect(contextOf('Physical therapy was not helpful.', 'Physical therapy')).toBe('current');
  });
});

describe('sections that change what care means', () => {
  it('care recommended under a future-care heading is not care tried', () => {
    const text = 'FUTURE MEDICAL CARE: He should be allowed physical therapy 12 visits per year.';
    expect(contextOf(text, 'physical therapy')).not.toBe('current');
  });
  it('a result told under a plan heading is care tried; a future benefit is not', () => {
    expect(contextOf('PLAN: He has benefited from physical therapy.', 'physical therapy')).toBe('current');
    expect(contextOf('PLAN: He will benefit from physical therapy.', 'physical therapy')).not.toBe('current');
  });
  it("a procedure note's sedation heading is today's procedure, not a medication list", () => {
    expect(mentions('SEDATION: Fentanyl 50 mcg IV.').filter((m) => m.type === 'conservative-care')).toEqual([]);
    expect(mentions('MEDICATIONS: Fentanyl patch 25 mcg.').filter((m) => m.type === 'conservative-care')).toHaveLength(1);
  });
});

describe('experiencer: who the sentence is about', () => {
  it.each([
    ['SOCIAL AND FAMILY HISTORY: He works full time as a driver.', 'works full time'],
    ['He lives with his son and is unable to drive.', 'unable to drive'],
    ['Her daughter helps her with bathing because she cannot lift her arms.', 'cannot lift'],
    ['His wife drives him because he cannot sit for long.', 'cannot sit'],
  ])('the patient: %s', (text, phrase) => {
    expect(contextOf(text, phrase)).toBe('current');
  });
  it('a relative who is the subject', () => {
    expect(contextOf('His mother has back pain and had physical therapy.', 'physical therapy')).toBe('family');
  });
  it('a relative who takes a drug is its subject; one who takes the patient somewhere is not', () => {
    expect(contextOf('Her mother takes Celebrex for arthritis.', 'Celebrex')).toBe('family');
    expect(contextOf('Her son takes her to therapy, and she is on Celebrex.', 'Celebrex')).toBe('current');
  });
  it('a family history section sets its care aside entirely', () => {
    const m = mentions('FAMILY HISTORY: His brother had physical therapy for back pain.');
    expect(m.filter((x) => x.type === 'conservative-care' && (x.context === 'current' || x.context === 'history'))).toEqual([]);
  });
});

describe('a flattened report: a line break that became a comma ends the sentence', () => {
  const text =
    'She does not sleep well and sleeps less than one hour at a time.,Aggravating factors include, sitting for periods greater than 20 minutes.';
  it('splits at ".," before a capital, and the comma starts no sentence', () => {
    expect(sentences(text).map((s) => s.text)).toEqual([
      'She does not sleep well and sleeps less than one hour at a time.',
      'Aggravating factors include, sitting for periods greater than 20 minutes.',
    ]);
  });
  it("so the sentence before's cue (a goal's 'less than') does not reach the next line's limitation", () => {
    const sitting = mentions(text).find((m) => m.type === 'function' && m.text.startsWith('sitting'));
    expect(sitting?.context).toBe('current');
  });
  it('not inside a sentence: "e.g., ice" in lower case stays joined', () => {
    expect(sentences('Modalities, e.g., ice and heat, helped.')).toHaveLength(1);
  });
});

describe('care told as what keeps the pain in check is care tried, also in a plan', () => {
  it.each([
    ['PLAN: , The patient states that his pain is very well tolerated by minimizing his activity.', 'minimizing his activity', 'current'],
    ['PLAN: Her pain is controlled with Norco.', 'Norco', 'current'],
    ['PLAN: His pain will be managed with physical therapy.', 'physical therapy', 'plan'],
    ['PLAN: Pain is to be controlled with Norco.', 'Norco', 'plan'],
  ])('%s', (text, term, context) => {
    expect(mentions(text).find((m) => m.type === 'conservative-care' && m.text === term)?.context).toBe(context);
  });
});

describe('a flattened allergy list in capitals does not swallow the next heading', () => {
  it('the medications after "ACE INHIBITOR." are in the medications section', () => {
    const text = 'fracture.,ALLERGIES,1.  PENICILLIN.,2.  SULFA.,3.  ACE INHIBITOR.,PRESENT MEDICATIONS,1.  Lipitor 20 mg q.d.,2.  Norco.';
    const by = sentences(text).map((s) => [s.text, s.section]);
    expect(by).toContainEqual(['ACE INHIBITOR.,', 'allergies']);
    expect(by).toContainEqual(['Norco.', 'medications']);
    expect(mentions(text).find((m) => m.text === 'Norco')).toMatchObject({ type: 'conservative-care', outcome: 'ongoing' });
  });
});
