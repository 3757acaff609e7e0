// Patterns found on the notes-dev2 development notes, each on sentences written for this test (never note text):
// flattened dictation whose headings run inline, aggravating-factor lists, limitation phrases in therapists' words,
// post-procedure instructions and recommendations that are plans, and a "no side effects" that negates nothing.
import { describe, expect, it } from 'vitest';
import { sentences } from '../../../src/fhir/notes/segment';
import { evidence, mentions } from './helpers';

const contextOf = (text: string, phrase: string): string | undefined => {
  const at = text.indexOf(phrase);
  return mentions(text).find((m) => m.span.start <= at && at < m.span.end)?.context;
};

describe('flattened reports: inline capitals headings start sections', () => {
  const note =
    'FAMILY HISTORY: , Her brother had a fusion at L4-L5.,SOCIAL HISTORY:  ,She works as a cashier.,FINDINGS:,  At L5-S1 there is a broad disc bulge.,PLAN: , She would like to try physical therapy.';
  it('a family-history heading no longer decides the rest of the note', () => {
    const secs = sentences(note).map((s) => s.section);
    expect(secs[0]).toBe('family');
    expect(secs).toContain('plan');
    expect(contextOf(note, 'L5-S1')).toBe('current');
    // The brother's fusion is not the patient's site.
    expect(evidence(note, 'site').map((m) => m.text)).toEqual(['L5-S1']);
  });
  it('the plan heading makes its care a plan', () => {
    expect(contextOf(note, 'physical therapy')).toBe('plan');
  });
  it('a capitals title before the first heading stays with it', () => {
    const t = 'LUMBAR FACET BLOCK,PROCEDURE DETAILS:,  The needle was placed at L3-L4 on the right.';
    expect(sentences(t)[0]!.section).toBe('procedure');
  });
  it('a heading without its colon over a numbered list ends the section before it', () => {
    const t = 'ALLERGIES:  Penicillin, codeine.,CURRENT MEDICATIONS,1.  Tramadol.,2.  Lisinopril.';
    expect(sentences(t).map((s) => s.section)).toContain('medications');
    expect(evidence(t, 'conservative-care').find((m) => m.text === 'Tramadol')).toMatchObject({ outcome: 'ongoing' });
  });
  it('mixed-case words before a colon are not headings', () => {
    const t = 'He rates it poorly.  Cardiac:  regular.  Pain is at L4-5.';
    expect(new Set(sentences(t).map((s) => s.section))).toEqual(new Set(['other']));
  });
});

describe('function: what makes the pain worse, told as a list of activities', () => {
  it.each([
    ['His back pain is made worse by bending, prolonged standing and driving.', ['prolonged standing', 'driving']],
    [
      'Aggravating factors include climbing stairs, sitting for more than an hour or twisting.',
      ['climbing stairs', 'sitting for more than an hour'],
    ],
    ['Exacerbating factors include walking and riding in a car.', ['walking', 'riding in a car']],
  ])('%s', (text, phrases) => {
    const f = evidence(text, 'function');
    for (const p of phrases)
      expect(
        f.some((m) => m.text.includes(p)),
        `${p} in ${JSON.stringify(f)}`,
      ).toBe(true);
  });
  it('movements that are not activities stay out, and a passing "worse with" is a modifier of the pain', () => {
    expect(evidence('The pain is made worse by flexion and twisting.', 'function')).toEqual([]);
    expect(evidence('Pain 6/10, worse with sitting.', 'function')).toEqual([]);
  });
  it('riding in a car is a driving limitation', () => {
    const f = evidence('The ache is aggravated by riding in a car.', 'function');
    expect(f.map((m) => (m as { limitation?: string }).limitation)).toContain('driving');
  });
});

describe("function: limitations in therapists' words", () => {
  it.each([
    ['She reports general limitations with household tasks since the fall.', 'adl'],
    ['He has moderate difficulty transferring from the bed to a chair.', 'other'],
    ['He walks into the clinic with a mild limp on the right.', 'walking'],
    ['The walk test was stopped by back pain after about 300 feet of walking.', 'walking'],
    ['He does not sleep at night well because of the leg pain.', 'sleep'],
    ['Treatment so far has included medications and work modification.', 'work'],
  ])('%s', (text, kind) => {
    const f = evidence(text, 'function');
    expect(
      f.map((m) => (m as { limitation?: string }).limitation),
      JSON.stringify(f),
    ).toContain(kind);
  });
  it('a sleep complaint told with its details is one fact', () => {
    const t = 'Sleep disturbance because of pain: wakes up twice and has difficulty getting back to sleep.';
    expect(evidence(t, 'function')).toHaveLength(1);
  });
});

describe('care: plans and instructions are not care tried', () => {
  it.each([
    ['She was discharged with instructions to ice the area for 20 minutes.', 'ice'],
    ['He was told to avoid strenuous activities for two days.', 'avoid strenuous activities'],
    ['A second round of botulinum toxin injection is anticipated next month.', 'botulinum toxin injection'],
    ['At this point the patient may benefit from skilled physical therapy.', 'physical therapy'],
  ])('%s', (text, phrase) => {
    expect(['plan', 'hypothetical']).toContain(contextOf(text, phrase));
  });
  it('a prescription already given is care, not a plan', () => {
    expect(contextOf('Yesterday he was given a prescription for Norco in urgent care.', 'Norco')).toBe('current');
  });
  it('minimizing activity is activity modification', () => {
    const c = evidence('Her pain is kept tolerable by minimizing her activities.', 'conservative-care');
    expect(c.map((m) => (m as { kind?: string }).kind)).toContain('activity-modification');
  });
  it('aspirin taken as needed is pain care', () => {
    const c = evidence('MEDICATIONS: Lisinopril daily and aspirin as needed.', 'conservative-care');
    expect(c.some((m) => /aspirin/i.test(m.text))).toBe(true);
  });
});

describe('negation: "no side effects on X" does not negate X', () => {
  it.each([
    ['She did not have any side effects on the Botox injection last month.', 'Botox injection'],
    ['He has not had any problems with the gabapentin.', 'gabapentin'],
  ])('%s', (text, phrase) => {
    expect(['current', 'history']).toContain(contextOf(text, phrase));
  });
  it('a plain denial still negates', () => {
    expect(contextOf('She did not have the Botox injection.', 'Botox injection')).toBe('negated');
  });
});

describe('site: a technique paragraph names levels in general', () => {
  it('levels in "For a C6 medial branch, the needle tip is ..." are hypothetical', () => {
    const t = 'For a C6 medial branch block, the needle tip is placed at the waist of the articular pillar.';
    expect(contextOf(t, 'C6')).toBe('hypothetical');
  });
  it('a level told with what was done stays current', () => {
    expect(contextOf('For L4-5 facet arthropathy a block was done today.', 'L4-5')).toBe('current');
    expect(contextOf('The needle was placed at the C6 medial branch.', 'C6')).toBe('current');
  });
});

describe('care: a prognosis names no care tried', () => {
  it('"prognosis for physical therapy is good" is not PT tried', () => {
    expect(evidence('Her prognosis for physical therapy is good for the stated goals.', 'conservative-care')).toEqual([]);
  });
});

describe('care outcome words', () => {
  const outcome = (text: string, phrase: string): string | undefined =>
    (evidence(text, 'conservative-care').find((m) => m.text.includes(phrase)) as { outcome?: string } | undefined)?.outcome;
  it.each([
    ['She is still on the hydrocodone at night.', 'hydrocodone', 'ongoing'],
    ['He is already on meloxicam from his PCP.', 'meloxicam', 'ongoing'],
    ['She receives tramadol from her family doctor.', 'tramadol', 'ongoing'],
    ['He has responded well to physical therapy so far.', 'physical therapy', 'helped'],
    ['Her pain is not responding well to higher doses of narcotics.', 'narcotics', 'failed'],
  ])('%s', (text, phrase, want) => {
    expect(outcome(text, phrase)).toBe(want);
  });
  it('"did not have any side effects on X" is not an intolerance', () => {
    expect(outcome('She did not have any side effects on the naproxen.', 'naproxen')).not.toBe('not-tolerated');
  });
});
