// The lexicons are data; each entry family is checked here against the extractor that uses it, on sentences
// written for this test (not copied from any note).
import { describe, expect, it } from 'vitest';
import {
  careKind,
  CARE_TERMS,
  DRUG_BY_NAME,
  DRUG_CLASSES,
  DRUGS,
  PDDI_VALUESETS,
  THERAPIES,
  trieSource,
} from '../../../src/fhir/notes/care-lexicon';
import pddi from '../../fixtures/notes/rxnorm-pddi-ingredients.json';
import { limitationKind } from '../../../src/fhir/notes/function-lexicon';
import { capsHeadingSection } from '../../../src/fhir/notes/sections';
import { sentences } from '../../../src/fhir/notes/segment';
import { noteMentions, type NoteMention } from '../../../src/fhir/notes/mentions';
import { extractNoteFacts } from '../../../src/fhir/notes';

const mentions = (text: string): NoteMention[] =>
  noteMentions({ ref: 'DocumentReference/t', title: 't', date: '2025-06-01', contentType: 'text/plain', text });
const evidence = (text: string, type: NoteMention['type']): NoteMention[] =>
  mentions(text).filter((m) => m.type === type && (m.context === 'current' || m.context === 'history'));

describe('drug lexicon', () => {
  it('every ingredient and brand is found in a sentence and gets its entry kind', () => {
    for (const d of DRUGS) {
      for (const name of [d.ingredient, ...d.brands]) {
        const found = evidence(`She has been taking ${name} for her back pain.`, 'conservative-care');
        expect(
          found.map((m) => m.text.toLowerCase()),
          name,
        ).toContain(name.toLowerCase());
        expect(careKind(name).kind, name).toBe(d.kind);
      }
    }
  });
  it('RxCUIs are RxNorm-shaped and no two ingredients share one', () => {
    const codes = DRUGS.flatMap((d) => (d.rxcui ? [d.rxcui] : []));
    for (const c of codes) expect(c).toMatch(/^\d{2,7}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
  it('every RxCUI marked as checked agrees with the HL7 PDDI value sets; the rest are marked unverified', () => {
    const checked = DRUGS.filter((d) => d.rxcuiSource === PDDI_VALUESETS);
    expect(checked.length).toBeGreaterThanOrEqual(12);
    for (const d of checked) expect(d.rxcui, d.ingredient).toBe((pddi.ingredients as Record<string, string>)[d.ingredient]);
    // An ingredient the source lists must carry its code (and so be marked checked).
    for (const [ingredient, code] of Object.entries(pddi.ingredients)) {
      const d = DRUGS.find((x) => x.ingredient === ingredient);
      if (d) expect([d.rxcui, d.rxcuiSource], ingredient).toEqual([code, PDDI_VALUESETS]);
    }
  });
  it('a brand combination wins over its part: "Tylenol #3" is an opioid, "Tylenol" an analgesic', () => {
    expect(careKind('Tylenol #3').kind).toBe('opioid');
    CARE_TERMS.lastIndex = 0;
    expect(CARE_TERMS.exec('took Tylenol #3 nightly')?.[0]).toBe('Tylenol #3');
    expect(careKind('Tylenol').kind).toBe('analgesic');
  });
  it('the name trie finds what a longest-first alternation of the same names finds', () => {
    const names = [...DRUG_BY_NAME.keys()];
    const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
    const flat = new RegExp(
      String.raw`\b(?:${[...names]
        .sort((a, b) => b.length - a.length)
        .map(esc)
        .join('|')})(?![\w-])`,
      'gi',
    );
    const trie = new RegExp(String.raw`\b(?:${trieSource(names)})(?![\w-])`, 'gi');
    const text = `${names.join(', ')}; Tylenol #3 and Tylenol, Darvocet-N 100, darvocetx, Dolgic Plus, MS  Contin, somatic, Norcos.`;
    expect([...text.matchAll(trie)].map((m) => [m.index, m[0]])).toEqual([...text.matchAll(flat)].map((m) => [m.index, m[0]]));
    expect(trieSource(['ab', 'abc', 'b.d'])).toBe(String.raw`(?:ab(?:c|)|b\.d)`);
  });
});

describe('drug classes and therapies', () => {
  it.each([
    ['She failed anti-inflammatories.', 'nsaid'],
    ['He tried nonsteroidals without benefit.', 'nsaid'],
    ['She was on muscle relaxers last year.', 'muscle-relaxant'],
    ['He has tried narcotic medications.', 'opioid'],
    ['She has tried neuropathic pain medications.', 'neuropathic-agent'],
    ['Over-the-counter analgesics did not help.', 'analgesic'],
    ['She completed formal physical therapy.', 'physical-therapy'],
    ['She did pool therapy for six weeks.', 'physical-therapy'],
    ['He does a home exercise program daily.', 'home-exercise'],
    ['She had chiropractic treatment in 2019.', 'chiropractic'],
    ['She has been seeing a chiropractor.', 'chiropractic'],
    ['He had cervical epidural steroid injections without relief.', 'injection'],
    ['She had cortisone shots in the shoulder.', 'injection'],
    ['He wears a knee brace.', 'other'],
    ['She uses a TENS unit.', 'other'],
    ['He was treated conservatively.', 'other'],
    // Breadth: classes and therapies as clinicians name them (sentences written for this test).
    ['He tried a COX-2 inhibitor without benefit.', 'nsaid'],
    ['She has used topical NSAIDs on the knee.', 'nsaid'],
    ['He failed tricyclic antidepressants and gabapentinoids.', 'neuropathic-agent'],
    ['She was tried on membrane stabilizers last year.', 'neuropathic-agent'],
    ['He has been on long-acting opioids for two years.', 'opioid'],
    ['She takes opioid pain medications daily.', 'opioid'],
    ['He uses topical creams on the low back.', 'analgesic'],
    ['She attended spine rehabilitation twice weekly.', 'physical-therapy'],
    ['He had iontophoresis and therapeutic ultrasound to the elbow.', 'physical-therapy'],
    ['She did water therapy over the summer.', 'physical-therapy'],
    ['He does McKenzie exercises and core stabilization at home.', 'home-exercise'],
    ['She does her exercises every morning.', 'home-exercise'],
    ['He has tried yoga and a walking program.', 'home-exercise'],
    ['She modified her workstation and her activities at work.', 'activity-modification'],
    ['He has been avoiding strenuous activities since the injury.', 'activity-modification'],
    ['She made lifestyle changes with little effect.', 'activity-modification'],
    ['She had PRP injections in the elbow.', 'injection'],
    ['He received viscosupplementation for the knee.', 'injection'],
    ['He wears a lumbosacral orthosis.', 'other'],
    ['She completed biofeedback and cognitive behavioral therapy.', 'other'],
    ['He uses a heating pad at night.', 'other'],
  ])('%s -> %s', (text, kind) => {
    expect(evidence(text, 'conservative-care').map((m) => m.type === 'conservative-care' && m.kind)).toContain(kind);
  });
  it('each class and therapy family compiles and matches itself whole', () => {
    for (const [src] of [...DRUG_CLASSES, ...THERAPIES]) expect(() => new RegExp(src, 'i')).not.toThrow();
  });
  it.each([
    ['The chiropractor wrote a letter.'],
    ['Aspirin 81 mg daily for the heart.'],
    ['PROCEDURE: 80 mg of Depo-Medrol and fentanyl were given.'],
    ['Risks including narcotics side effects were discussed.'],
    ['Dose adjustments were made to the insulin.'],
    ['The weakness began after the epidural injection given for her cesarean section.'],
    ['PHYSICAL THERAPY: None.'],
    ['CHIROPRACTIC IN PAST: No.'],
    ['MEDICATIONS: lisinopril, simvastatin and 81 mg aspirin.'],
  ])('not care: %s', (text) => {
    expect(evidence(text, 'conservative-care')).toEqual([]);
  });
  it('a dose or reason after one drug of a list is not read for the next: "amitriptyline and 81 mg aspirin"', () => {
    const found = evidence('MEDICATIONS: Synthroid, amitriptyline and 81 mg aspirin.', 'conservative-care');
    expect(found.map((m) => m.text)).toEqual(['amitriptyline']);
  });
  it("today's procedure: sedation and injectate are not care, the patient's story told in it is", () => {
    const text =
      'PROCEDURE: Fentanyl 50 mcg and Versed were given. Her chronic pain has been requiring daily narcotic medications. Depo-Medrol 80 mg was injected.';
    expect(evidence(text, 'conservative-care').map((m) => m.text)).toEqual(['narcotic medications']);
  });
  it('an allergy list is intolerance', () => {
    expect(
      evidence('ALLERGIES: CODEINE, TORADOL.', 'conservative-care').map((m) => m.type === 'conservative-care' && [m.kind, m.outcome]),
    ).toEqual([
      ['opioid', 'not-tolerated'],
      ['nsaid', 'not-tolerated'],
    ]);
  });
});

describe('function phrases', () => {
  it.each([
    ['She is unable to walk more than a block.', 'walking'],
    ['He can sit for only 20 minutes.', 'sitting'],
    ['Standing tolerance is 10 minutes.', 'standing'],
    ['She has difficulty sleeping due to pain.', 'sleep'],
    ['He has been off work since the injury.', 'work'],
    ['He is on light duty.', 'work'],
    ['He is receiving TTD benefits.', 'work'],
    ['She needs assistance with dressing.', 'adl'],
    ['He should not lift more than 20 pounds.', 'lifting'],
    ['She is ambulating with a significant antalgic gait.', 'walking'],
    ['WOMAC SCORE: 8', 'other'],
    // Breadth (sentences written for this test): work status in its many forms.
    ['She is off of work for now.', 'work'],
    ['He is working with restrictions at the plant.', 'work'],
    ['He was placed on permanent restrictions last fall.', 'work'],
    ['She has not returned to work since the fall.', 'work'],
    ['He had to quit his job because of the back pain.', 'work'],
    ['She has reduced her work hours by half.', 'work'],
    ['He is employed full time as a welder.', 'work'],
    ['He should avoid lifting over 30 pounds.', 'lifting'],
    ['She continues to work at the bakery.', 'work'],
    ['He is back at work part of the week.', 'work'],
    ['She is still working despite the pain.', 'work'],
    ['He was laid off because of his back.', 'work'],
    ['She is on leave from work.', 'work'],
    ['He is permanently disabled.', 'work'],
    ['She requires the use of a cane outdoors.', 'other'],
    ['He has to change positions frequently.', 'other'],
    ['She has to lie down after 30 minutes of housework.', 'other'],
    ['She avoids stairs because of the knee.', 'walking'],
    ['He tolerates about 5 minutes of standing at the sink.', 'standing'],
    ['She is able to do 10 minutes of walking before resting.', 'walking'],
    ['He goes one step at a time on the stairs.', 'walking'],
    ['She uses a step-to pattern on the stairs.', 'walking'],
    // Sleep.
    ['He gets about four hours of sleep a night.', 'sleep'],
    ['She sleeps only 3 hours because of the pain.', 'sleep'],
    ['His sleep is disrupted by the leg pain.', 'sleep'],
    ['She has difficulty falling asleep.', 'sleep'],
    // Household and self-care tasks.
    ['He has difficulty putting on his socks.', 'adl'],
    ['She cannot tie her shoes.', 'adl'],
    ['She is unable to vacuum or do the laundry.', 'adl'],
    ['He is no longer able to garden.', 'adl'],
    ['She has trouble going grocery shopping.', 'adl'],
    ['She is homebound because of the pain.', 'adl'],
    ['He spends most of the day in bed.', 'other'],
    ['He cannot lie flat at night.', 'other'],
    // Tolerance told as a distance or a time, and mobility status.
    ['Walking more than two blocks brings on the leg pain.', 'walking'],
    ['She is a household ambulator.', 'walking'],
    ['He has been wheelchair bound since the surgery.', 'other'],
    ['His functional status is significantly limited.', 'other'],
  ])('%s -> %s', (text, kind) => {
    const f = evidence(text, 'function');
    expect(f.length, text).toBeGreaterThan(0);
    expect(
      f.some((m) => m.type === 'function' && m.limitation === kind),
      JSON.stringify(f),
    ).toBe(true);
  });
  it.each([
    ['He denies difficulty walking.'],
    ['She has difficulty walking on her heels on exam.'],
    ['He could easily lift about 100 pounds.'],
    ['She is working on diet and exercise.'],
    // An aggravating factor is not a stated limitation (as the real-note annotations read it).
    ['Modifying factors include pain with ambulation.'],
    ['The gabapentin is still working well.'],
  ])('not a limitation: %s', (text) => {
    expect(evidence(text, 'function')).toEqual([]);
  });
  it.each([
    ['An Oswestry Disability Index was completed today.', 'ODI', undefined],
    ['He scored 36 on the Oswestry.', 'ODI', 36],
    ['Neck Disability Index was given.', 'NDI', undefined],
    ['Pain Disability Index score 45.', 'other', 45],
    ['PEG scale 7.', 'PEG', 7],
  ])('instrument: %s -> %s %s', (text, instrument, score) => {
    const f = evidence(text, 'function');
    expect(
      f.map((m) => m.type === 'function' && [m.instrument, m.score]),
      text,
    ).toContainEqual([instrument, score]);
  });
  it('PEG without a number is a feeding tube, not the instrument', () => {
    expect(evidence('He has a PEG for tube feeding.', 'function')).toEqual([]);
  });
  it('limitation kinds', () => {
    expect(limitationKind('returned to full duties')).toBe('work');
    expect(limitationKind('wakes up at night')).toBe('sleep');
    expect(limitationKind('trouble buttoning')).toBe('other');
  });
});

describe('dictation sections', () => {
  it.each([
    ['HISTORY OF PRESENT ILLNESS', 'hpi'],
    ['INDICATIONS FOR PROCEDURE', 'hpi'],
    ['CURRENT MEDICATIONS', 'medications'],
    ['OPERATION PERFORMED', 'procedure'],
    ['DESCRIPTION OF PROCEDURE', 'procedure'],
    ['SHORT-TERM GOALS', 'goals'],
    ['IMPRESSION AND PLAN', 'plan'],
    ['INTERVENTIONS INCLUDE', 'plan'],
    ['FAMILY HISTORY', 'family'],
    ['PAST SURGICAL HISTORY', 'past-history'],
    ['PHYSICAL EXAMINATION', 'exam'],
    ['QUESTION', 'other'],
  ])('%s -> %s', (heading, section) => {
    expect(capsHeadingSection(heading)).toBe(section);
  });
  it('an unknown capitals heading ends the section before it', () => {
    const s = sentences('PLAN:\nPhysical therapy.\nQUESTION: Is he working?\n');
    expect(s.map((x) => x.section)).toEqual(['plan', 'plan', 'other']);
  });
});

describe('pain scores on a stated 0-10 scale', () => {
  it.each([
    ['His pain varies, about a 4 on a scale of 1 to 10.', 4, 'NRS'],
    ['It is as high as a 9 on a 0 to 10 scale of intensity.', 9, 'NRS'],
    ['On a 1-10 pain scale, she rates it as a 10.', 10, 'NRS'],
    ['He rates his pain at 6/10 on the pain analog scale.', 6, 'VAS'],
    ['Her low back pain is rated 7 of 10 today.', 7, 'NRS'],
    ['The patient rates the pain as 5 out of a possible 10.', 5, 'NRS'],
    ['She rates it as a 6 when she is sitting.', 6, 'NRS'],
    ['He grades the discomfort at 4.', 4, 'NRS'],
  ])('%s', (text, value, instrument) => {
    const ms = evidence(text, 'pain-score');
    expect(ms.map((m) => m.type === 'pain-score' && [m.value, m.instrument])).toEqual([[value, instrument]]);
  });
  it('a strength grade or a date is not a pain score', () => {
    expect(evidence('Strength 4 on a scale of 0 to 5. Seen 3/10/2025.', 'pain-score')).toEqual([]);
    expect(evidence('Six of 10 patients improve. Strength 4 of 5. He rates his mood as 3.', 'pain-score')).toEqual([]);
  });
});

describe('relief told with a verb', () => {
  it.each([
    ['After the injection her pain decreased approximately 70 % for two weeks.', 70],
    ['The epidural helped his leg pain about 40%.', 40],
    ['Following the block the pain was 100 % eradicated.', 100],
    ['She reports good relief, roughly 65%, from the last injection.', 65],
    ['He says the epidural took away 80% of his leg pain.', 80],
    ['The facet block relieved about half of his back pain.', 50],
    ['After the medial branch block his pain went from 8 to 2.', 75],
    ['The injection brought her pain from a 9/10 down to a 3/10.', 67],
    ['She had complete relief of her arm pain for two weeks after the block.', 100],
    ['He was totally pain-free for 3 days after the ESI.', 100],
  ])('%s', (text, percent) => {
    expect(evidence(text, 'relief').map((m) => m.type === 'relief' && m.percent)).toEqual([percent]);
  });
  it('a percent with a verb but no pain or treatment is not relief; a criterion is not a report', () => {
    expect(evidence('Her cholesterol decreased 20% this year.', 'relief')).toEqual([]);
    expect(evidence('We proceed if the block reduced her pain by at least 80%.', 'relief')).toEqual([]);
    // Without a procedure in the sentence a worded relief is not one; a rise is not relief; surgery's outcome is not.
    expect(evidence('Her pain went from 8 to 4 over the summer.', 'relief')).toEqual([]);
    expect(evidence('After the injection her pain went from 3 to 7.', 'relief')).toEqual([]);
    expect(evidence('He had a microdiskectomy with complete resolution of leg symptoms.', 'relief')).toEqual([]);
    expect(evidence('If the block gives complete relief we will proceed to RFA.', 'relief')).toEqual([]);
  });
});

describe('context layer', () => {
  it.each([
    ['She denies any pain. Pain 0/10 is the goal.', 'pain-score', 'goal'],
    ['GOALS: Pain less than 3/10.', 'pain-score', 'goal'],
    ['PLAN: Start physical therapy.', 'conservative-care', 'plan'],
    ['We will refer her to physical therapy.', 'conservative-care', 'plan'],
    ['If symptoms persist, consider physical therapy.', 'conservative-care', 'hypothetical'],
    ['Dr. P suggested some physical therapy for him.', 'conservative-care', 'history'],
    ['She continues physical therapy twice a week.', 'conservative-care', 'current'],
    // "Continue X" as an instruction is the plan (GUIDELINES.md), a report that it goes on is not.
    ['PLAN: Continue the home exercise program.', 'conservative-care', 'plan'],
    ['She was encouraged to continue with her chiropractic care.', 'conservative-care', 'plan'],
    ['In the meantime she can continue on naproxen.', 'conservative-care', 'plan'],
    ['He continued chiropractic care through the spring.', 'conservative-care', 'current'],
    ['PLAN: She is currently taking Norco and will continue it.', 'conservative-care', 'current'],
    // A treatment told with its result was tried, even under the plan heading; a doctor's advice told in the story.
    ['PLAN: Very good results with physical therapy so far.', 'conservative-care', 'current'],
    ['ASSESSMENT AND PLAN: The tendinitis fails to respond to steroid injections.', 'conservative-care', 'current'],
    ['Dr. K suggested that the patient try acupuncture and then lumbar facet injections.', 'conservative-care', 'history'],
    ['Dr. K offered him treatment in the form of massage therapy at first.', 'conservative-care', 'history'],
    ['She was given a trial of nortriptyline at bedtime.', 'conservative-care', 'history'],
    // The writer's own plan and interest in a treatment are plans; a referral given is a plan, not therapy.
    ['I have prescribed Lyrica 75 mg twice daily.', 'conservative-care', 'plan'],
    ['Naproxen 500 mg twice daily was prescribed today.', 'conservative-care', 'plan'],
    ['He was given a referral to physical therapy.', 'conservative-care', 'plan'],
    ['She is interested in trying acupuncture.', 'conservative-care', 'plan'],
    ['He is agreeable to a course of physical therapy.', 'conservative-care', 'plan'],
    ['Dr. M prescribed tramadol after the fall.', 'conservative-care', 'history'],
    ['Goals: independent with the home exercise program.', 'conservative-care', 'goal'],
    ['He is to ice the knee three times a day.', 'conservative-care', 'plan'],
    ['Prognosis is fair with full compliance to a home exercise program.', 'conservative-care', 'plan'],
    ['She has good compliance with her home exercise program.', 'conservative-care', 'current'],
    ['If he continues to have pain despite the above conservative care, surgery may be needed.', 'conservative-care', 'hypothetical'],
    [
      'Injections in the shoulder as well as epidural injections in the neck should be considered an option for him.',
      'conservative-care',
      'hypothetical',
    ],
    // Negated after the term.
    ['Physical therapy has never been tried.', 'conservative-care', 'negated'],
    ['Injections were not done because of her anticoagulation.', 'conservative-care', 'negated'],
    ['Chiropractic care was not attempted.', 'conservative-care', 'negated'],
    ['The Botox injection has not given him any relief.', 'conservative-care', 'current'],
    ['He has not tried physical therapy.', 'conservative-care', 'negated'],
    ['Her mother had physical therapy.', 'conservative-care', 'family'],
    ['PLAN: She will wake up at night with pain.', 'function', 'current'],
    // Negation cues that are about something else (each a class seen in real notes, sentences written for this test).
    ['She takes Tylenol No. 3 and ibuprofen as needed.', 'conservative-care', 'current'],
    ['He does not know how long the chiropractic treatment will continue.', 'conservative-care', 'current'],
    ['The fracture has not healed despite physical therapy.', 'conservative-care', 'current'],
    ['He denies side effects from the Norco.', 'conservative-care', 'current'],
    ['She is no longer taking gabapentin.', 'conservative-care', 'history'],
    ['The pain is not responding to narcotics.', 'conservative-care', 'current'],
    ['She is not able to walk far and needs assistance to stand.', 'function', 'current'],
    ['He should not bend, he should not lift more than 10 pounds.', 'function', 'current'],
    ['He has not worked since the injury.', 'function', 'current'],
    ['He denies any difficulty sleeping.', 'function', 'negated'],
    ['She was found to have an L5 compression fracture.', 'site', 'current'],
    ['Further chiropractic treatments were recommended in 2008.', 'conservative-care', 'history'],
    ['She was referred to physical therapy for her knee.', 'conservative-care', 'plan'],
    ['Perhaps another course of physical therapy may be helpful.', 'conservative-care', 'hypothetical'],
    ['PLAN: Scripts were given for Soma.', 'conservative-care', 'plan'],
    ['I have asked her to ice the region.', 'conservative-care', 'plan'],
    ['Alleviating factors include heat and ice.', 'conservative-care', 'negated'],
    // Not care for pain (set aside like a negation: never evidence).
    ['MEDICATIONS: lisinopril, 81 mg aspirin, Zetia and aspirin.', 'conservative-care', 'negated'],
    ['Chronic anemia (on Epogen injections).', 'conservative-care', 'negated'],
    ['She takes Effexor XR 150 mg daily and Lexapro.', 'conservative-care', 'negated'],
    ['It is not clear whether the patient ever had a cervical epidural injection.', 'conservative-care', 'hypothetical'],
    ['Epidural steroid injections should be considered an option for him.', 'conservative-care', 'hypothetical'],
    ['She takes aspirin 650 mg for her back pain.', 'conservative-care', 'current'],
  ])('%s -> %s %s', (text, type, context) => {
    const ms = mentions(text).filter((m) => m.type === type);
    if (context === 'negated' || context === 'family') {
      // Set aside by the extractor: never evidence.
      expect(ms.filter((m) => m.context === 'current' || m.context === 'history')).toEqual([]);
    } else {
      expect(ms.map((m) => m.context)).toContain(context);
    }
  });
  it('sites: one mention per level token, shorthand and ranges as written, heart sounds are not levels', () => {
    const ms = mentions('Injections at L4-5, L5-S1 and L34 on the left. L3-S1 facet arthropathy. Heart: S1, S2 normal.').filter(
      (m) => m.type === 'site',
    );
    expect(ms.map((m) => m.type === 'site' && m.levels)).toEqual([['L4-L5'], ['L5-S1'], ['L3-L4'], ['L3-S1']]);
  });
  it('sites: reflexes, cord sensory levels, thyroid labs and "S1 and 2" heart sounds are not levels', () => {
    const text =
      'I cannot elicit S1 reflexes. Patellar +2/2 and S1 +2/2 bilaterally. There was a sensory level to light touch at about T7 posteriorly and about T9 anteriorly. TSH 3.9, T4 0.85. Normal S1 and 2. MRI shows L4-5 stenosis.';
    expect(
      mentions(text)
        .filter((m) => m.type === 'site')
        .map((m) => m.text),
    ).toEqual(['L4-5']);
  });
  it('sites: a slash chain, a span, "between X and Y", a slip and a list of vertebrae are one site; listed segments one each', () => {
    const text =
      'Tenderness at L4/L5/S1. Films of the L1-2 through L5-S1 levels. A plate was placed between C4 and C6. Grade I slip of L5 over S1. Fractures of T12, L1 and L2.';
    const ms = mentions(text).filter((m) => m.type === 'site');
    expect(ms.map((m) => [m.text, m.type === 'site' && m.levels])).toEqual([
      ['L4/L5/S1', ['L4-L5', 'L5-S1']],
      ['L1-2 through L5-S1', ['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1']],
      ['C4 and C6', ['C4-C5', 'C5-C6']],
      ['L5 over S1', ['L5-S1']],
      ['T12, L1 and L2', ['T12', 'L1', 'L2']],
    ]);
    expect(
      mentions('Stenosis at L3-4 and L4-5.')
        .filter((m) => m.type === 'site')
        .map((m) => m.text),
    ).toEqual(['L3-4', 'L4-5']);
  });
  it('sites: a span fills in the segments between for the picture', () => {
    const sites = extractNoteFacts({
      ref: 'x',
      title: 'x',
      contentType: 'text/plain',
      text: 'Facet arthropathy from L2-3 through L5-S1.',
    }).siteMentions;
    expect(sites.map((x) => x.levels)).toEqual([['L2-L3', 'L3-L4', 'L4-L5', 'L5-S1']]);
  });
  it('sites: the sacrum named with S2 and S3 is not a heart sound; heart words still are', () => {
    const text = 'The needle was placed at S2 and S3 along the foramen. Heart: regular rhythm, S1 and S2, no S3 gallop.';
    expect(
      mentions(text)
        .filter((m) => m.type === 'site')
        .map((m) => m.text),
    ).toEqual(['S2 and S3']);
  });
  it('sites: MRI sequences T1/T2 are not levels; the T1 and T2 vertebrae are', () => {
    const text =
      'Sagittal T1 and T2 weighted images show L4-5 disc herniation. T1, T2 and STIR sequences. Fracture of T1 and T2 vertebral bodies.';
    expect(
      mentions(text)
        .filter((m) => m.type === 'site')
        .map((m) => m.text),
    ).toEqual(['L4-5', 'T1 and T2']);
  });
  it('sites: vertebrae counted or marked on the way are landmarks, the target level is a site', () => {
    const text =
      'The vertebral bodies were counted beginning at L5. A localizing x-ray verified the marker to be at the C6-C7 level. The needle was placed at L4-5.';
    expect(
      mentions(text)
        .filter((m) => m.type === 'site')
        .map((m) => m.text),
    ).toEqual(['L4-5']);
  });
});
