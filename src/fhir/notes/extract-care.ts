// Conservative care from prose: what was tried, for how long, and how it went.
// "completed 8 weeks of PT without relief", "failed meloxicam and gabapentin", "chiropractic x 6 weeks", "HEP".
import type { CareOutcome, ConservativeCareFact, ConservativeKind, NoteDoc } from '../../policy/picture';
import { clauseEnd, clauseStart, isAboutFamily, isNegated, type Sentence } from './context';
import { KEPT_IN_CHECK_BY, KEPT_ON, mentionContext } from './cues';
import type { MentionContext, NoteMention } from './mention-types';
import { CARE_TERMS as TERMS, careKind, UMBRELLA } from './care-lexicon';
import { matchAll, noteDay, NUM_RANGE, parseNumber, parseUnit, spanEvidence, toWeeks, UNIT } from './lexicon';
import { rangeAfter, SCHEDULED_FOR } from './care-span';
import { mayMatch } from './trigger-scan';

// "PT" is physical therapy only in capitals; "Pt reports" is the patient.
const PT_UPPER = /\bPT\b(?!\s*\/\s*INR)(?!\s+(?:states|reports|denies|presents|complains|returns|c\/o|is here|here)\b)/g;

const WEEKS_AFTER = new RegExp(
  String.raw`^\s*(?:(?:care|therapy|treatment|program|sessions?|visits?)\s+)?(?:\(\s*)?(?:x|×|for|over|during)\s*(?:about\s+|approximately\s+|~\s*)?(?:the\s+)?(?:past\s+|last\s+|previous\s+)?(${NUM_RANGE})\+?\s*-?\s*(${UNIT})\b`,
  'i',
);
const WEEKS_BEFORE = new RegExp(
  String.raw`\b(${NUM_RANGE})\+?\s*-?\s*(${UNIT})\s+(?:course\s+of\s+|trial\s+of\s+|of\s+)?(?:formal\s+|supervised\s+|outpatient\s+|a\s+)?$`,
  'i',
);

const OUTCOMES: [RegExp, CareOutcome][] = [
  [
    /\b(?:contraindicat\w*|cannot take|can't take|unable to take|not a candidate for|avoid(?:s|ed)? due to|not (?:tried|used|given|prescribed|started) (?:due to|because of))\b/i,
    'contraindicated',
  ],
  [
    /\b(?:not tolerate\w*|intoleran\w*|side effects?|GI upset|stomach upset|drows\w+|sedat\w+|dizz\w+|(?:stopped|discontinued) (?:\w+ )?due to|(?:could not|couldn't|unable to) tolerate|poorly tolerated|(?:due to|because of|caused|causing|from)\s+(?:\w+\s+)?(?:nausea|vomiting|constipation|itching|pruritus|rash|dizziness|sedation|drowsiness|weight gain|edema|swelling|confusion|fatigue|headaches?))\b/i,
    'not-tolerated',
  ],
  [
    /\b(?:fail\w*|without (?:\w+ )?(?:relief|improvement|benefit|help|change)|no (?:\w+ )?(?:relief|improvement|benefit|change)|did not (?:help|improve|provide)|didn't (?:help|improve)|ineffective|not effective|not helpful|unhelpful|minimal (?:relief|benefit|improvement)|little (?:relief|benefit)|refractory|persist\w*|despite|unsuccessful|no better|worse|limited (?:relief|benefit)|not respond(?:s|ed|ing)?(?: well)? to)\b/i,
    'failed',
  ],
  [
    /\b(?:helped|helps|helpful|improved|improvement|good relief|some relief|partial relief|moderate relief|significant relief|effective|beneficial|benefit\w*|relief with|provides? (?:\w+ )?relief|(?:temporary|short-term|transient) relief|(?<!\bnot )respond(?:s|ed|ing)? well to|(?:very )?good response|made better by)\b/i,
    'helped',
  ],
  [
    /\b(?:currently|ongoing|continues?|continuing|increased|adjusted|wean\w*|taper\w*|titrat\w*|tolerating|refilled|still (?:taking|doing|attending|on)|(?:is|are) (?:already |currently )on|(?:is|are) being prescribed|receiv(?:es|ing)|currently being used|taking|takes|is on|attending|in (?:formal )?PT|doing)\b/i,
    'ongoing',
  ],
];

// A plan, referral or intention is not care that was tried; "continue" is the exception (it is under way).
const FUTURE =
  /\b(?:with (?:full |good |continued |strict )?(?:compliance|adherence) (?:to|with)|interested in|open to|agreeable to|amenable to|willing to (?:try|consider|start|undergo)|suggestions? (?:about|for|to|regarding)|talked about|possib(?:ility|ilities|le)|implement\w*|will|would(?! not)|could(?! not)|may|might|consider|considering|recommend\w*|refer\w*|plan\w*|order\w*|start|begin|initiate|trial of|try|prescribe|encouraged? to|advised? to|asked (?:him|her|them|the patient) to|(?:is|are) to(?= (?!be\b))|scripts? (?:(?:was|were) )?(?:given|written|provided|sent) for|needs? (?:additional|further|more|another)|perhaps|maybe|if|should|candidate for|discussed|offered|pending|scheduled|to be|rx for|(?<!\b(?:was|were|been) given an? )prescription for|educated|counsel(?:ed|ing)|instructed|instructions? to|told (?:him |her |them )?to|anticipated|taught|handout)\b/i;
// Therapy that never happened, said after the term: "PT was not covered, so she never started".
const NEVER_DONE =
  /\b(?:(?:was|were|is|are) not an option|never (?:started|went|began|attended|tried|did)|not tried|(?:has|have|did) not (?:yet )?(?:started|begun|gone|attended|tried)|not (?:yet )?started|(?:(?:was|were|is|are)\s+(?:not|never)\s+(?:yet\s+)?|(?:has|have|had)\s+(?:not|never)\s+(?:yet\s+)?been\s+)(?:tried|done|attempted|performed|given|used|started|prescribed|pursued|undertaken|initiated))\b/i;
// Care the patient could not get is care not had: "was not able to afford physical therapy", "insurance would not
// cover the TENS unit" (before the term, in its clause).
const COULD_NOT_GET =
  /\b(?:(?:(?:not able|unable) to|could not|couldn't|cannot|can't|did not|didn't) (?:afford|obtain|get|access|attend|go to)|insurance (?:would not|wouldn't|did not|didn't|will not|won't|refused to|declined to|denied)(?: (?:cover|pay for|approve|authorize))?)(?:\s+[\w'-]+){0,3}\s+$/i;
// Started today is a new trial, not care that has been tried.
const STARTED_TODAY = /\bstart(?:ed|ing)?\b[^.;]*\btoday\b|\btoday\b[^.;]*\bstart(?:ed|ing)?\b/i;
// The drug switched to is the new trial, not the one tried: "changed tramadol to tapentadol".
const SWITCHED_TO =
  /\b(?:chang(?:ed|ing)|switch(?:ed|ing)|transition(?:ed|ing)|rotat(?:ed|ing)|convert(?:ed|ing))\s+(?:\w+\s+){0,3}?to\s+$/i;
const CONDITIONAL_WORD = /\b(?:if|consider\w*|may|might|could|would|should|candidate|perhaps|maybe|possib(?:ility|ilities|le))\b/i;
const CONTINUE = /\b(?:continue|continues|continued|continuing|resume)\b/i;
// Said of the present or the past, not the future, even in a plan: "fails to respond to", "is on ... already".
const PAST_DONE = new RegExp(
  String.raw`\b(?:completed|fail(?:s|ed|ing)?|tried|has done|did|had|underwent|attended|was on|is on|has been on|were|previously|already|(?:was|were) (?:given(?! (?:a |an |the )?(?:referral|prescription|script|order|handout|instructions?|recommendation))|started on|placed on|put on|treated with)|results? with|benefit(?:ed|ted) (?:\w+ )?from|despite|currently (?:taking|on|using|doing|in)|is taking|still (?:taking|on|doing|using)|${KEPT_ON}|${KEPT_IN_CHECK_BY}|(?:was|were)(?<!\b(?:will|would|should|could|can|may|might|to) (?:was|were)) (?:placed|applied|dispensed|fitted|issued))\b`,
  'i',
);
// A doctor's plan told in the story, in the active past ("Dr. R suggested that he try X and Y"): care the patient had.
const TOLD_PLAN =
  /\b(?<!(?:was|were|been|is|being) )(?<!\b(?:I|we|I've|we've|I have|we have|I had|we had) )(?:suggested|recommended|offered|prescribed|advised)\b/i;
// A symptom's modifiers, not treatments: "alleviating factors include heat and ice", "decreased with ice".
const MODIFIER = /\b(?:alleviat\w*|aggravat\w*|relieved by|decreased with|better with|improved with|eased by|worse with|exacerbated by)\b/i;
// Low-dose aspirin and drugs given for something other than pain.
// The dose or reason after this name only: a comma or "and" starts the next drug of a list.
// (A period does not end the look: the text is one sentence, so a period in it is an abbreviation's, "650 mg p.o.
// q.6h. p.r.n. fever".)
const NOT_FOR_PAIN_AFTER =
  /^(?:(?!\b(?:and|with)\b)[^;,\n]){0,40}?\b(?:81\s*mg|(?:p\.?r\.?n\.?|for)\s+(?:fever|sleep|insomnia|anxiety|depression|constipation|nausea|heart|cardiac|prophylaxis))\b/i;
const BABY_BEFORE = /\b(?:baby|low[- ]dose|81\s*mg)\s+$/i;
// A class word that describes the drug just named ("Naprosyn as an anti-inflammatory") or names a diagnosis ("opioid
// dependence") is not a trial of its own.
const CLASS_AS_DESCRIPTION_BEFORE = /\bas (?:an?|the|his|her|their) $/i;
const CLASS_AS_DIAGNOSIS_AFTER = /^[- ](?:dependence|dependency|addiction|abuse|use disorder|withdrawal|induced|tolerance)\b/i;
// A class word that heads the list of its members ("opioid medications consisting of Norco ... and oxycodone"): the
// members named after it are the facts.
const CLASS_HEADS_LIST_AFTER = /^,?\s+(?:consisting of|namely)\s/i;
// Aspirin in a medication list is mostly cardiac; it is pain care with an analgesic dose or a pain word near it.
const ASPIRIN_FOR_PAIN =
  /^\s*(?:\d+\s*(?:mg)?\s*)?(?:325|500|650|975|1000)\s*mg|^\s*(?:as needed|p\.?r\.?n\.?)(?! for (?:fever|chest pain))|\b(?:pain|ache|headaches?|arthritis)\b/i;
// Injections of drugs that are not pain treatment: "Epogen injections", "insulin injections".
const NOT_PAIN_INJECTION_BEFORE =
  /\b(?:insulin|B-?12|vitamin|epogen|procrit|testosterone|depo-provera|allergy|flu|hepatitis|heparin|lovenox|enoxaparin|interferon|humira|enbrel|iron)\s+$/i;
// Said after the term: "... should be considered an option", "would be entirely palliative", "may be helpful".
const FUTURE_AFTER =
  /^[^.;]{0,100}?\b(?:should be (?:considered|of benefit|helpful|tried)|would be (?:an option|reasonable|considered|entirely|palliative|helpful|of benefit)|may be (?:helpful|of benefit|considered|an option|tried)|could be (?:considered|tried|helpful)|(?:is|are|as) an option|(?:would|might|may|could) (?:help|be beneficial|benefit (?:him|her|them)))\b/i;

// A form's field answered no: "PHYSICAL THERAPY: None.", "VISCOSUPPLEMENTATION IN PAST: No Synvisc."
const FIELD_NONE = /^\s*(?:(?:in (?:the )?past|history|tried|trials?|prior)\s*)?:\s*(?:no|none|never|denies|not)\b/i;
// An epidural for labour or a caesarean is anaesthesia, not pain treatment.
const OBSTETRIC =
  /\b(?:labou?r and delivery|in labou?r|during labou?r|(?:vaginal )?delivery|c(?:a)?esarean|C-section|obstetric\w*|childbirth)\b/i;
// Today's procedure told in prose, outside a procedure heading: the sedation given ("fentanyl 100 mcg for
// sedation"), the injectate ("80 mg of Kenalog was injected") and the injection performed today ("presents for a
// lumbar epidural steroid injection", "a right L5 transforaminal injection was performed") are not care tried.
const SEDATION = /\b(?:sedation|sedated|sedative given|anesthesia|anaesthesia|premedicat\w*|induction)\b/i;
const INJECTATE_AFTER =
  /^[^.;]{0,60}?\b(?:was|were|is|being)\s+(?:then\s+|slowly\s+|subsequently\s+|also\s+)?(?:injected|instilled|infiltrated|deposited|delivered|administered)\b/i;
// ("consisting of" only after what is injected: "opioid medications consisting of Norco" is a list of the patient's.)
const INJECTATE_BEFORE =
  /\b(?:injected|instilled|infiltrated|injecting|injectate|mixture of|(?:mixture|solution|injectate|cocktail) consisting of|solution of)\b[^.;]{0,50}$/i;
const TODAY_PROCEDURE =
  /\b(?:today|this (?:morning|afternoon)|presents? (?:today )?for|(?:is )?here (?:today )?for|scheduled for|(?:was|were|is) (?:then )?(?:performed|done|carried out|completed|accomplished)|we performed|I performed|proceeded with)\b/i;
const PAST_STORY =
  /\b(?:previous(?:ly)?|prior|last|had|has had|have had|history|ago|underwent|in (?:19|20)\d\d|(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December|before|past|repeat|another|relief|helped|improv\w*|benefit|(?:was|were) (?:not )?(?:helpful|effective)|(?:did|does) not help|failed)\b/i;
const DOSE_AFTER = /^\s*\d+(?:\.\d+)?\s*(?:mg|mcg|g)\b/i;
// "without side effects" is a tolerance statement, not an intolerance.
const NO_SIDE_EFFECTS =
  /\b(?:without|no|denies|(?:did|does|has|have) not (?:have|had|experience|report)|(?:didn't|doesn't|hasn't|haven't) (?:have|had)) (?:any )?(?:\w+ )?side effects?\b/gi;

/** The outcome told in `text`, a piece of the sentence text `s`. */
function outcomeIn(text: string, s: string): CareOutcome {
  // The trigger scan's answers hold for a piece of the sentence; once "no side effects" is blanked out the text is no
  // longer one (the blank may join two words), so then every outcome pattern runs.
  const piece = !mayMatch(NO_SIDE_EFFECTS, s);
  const t = piece ? text : text.replace(NO_SIDE_EFFECTS, ' ');
  for (let i = 0; i < OUTCOMES.length; i++) {
    const re = OUTCOMES[i]![0];
    if ((!piece || mayMatch(re, s)) && re.test(t)) return OUTCOMES[i]![1];
  }
  return 'unknown';
}

/**
 * `re.test(part)` for a piece `part` of the sentence text `s`: "no" without running it when the trigger scan saw that
 * the sentence lacks all of the pattern's words (a piece of it lacks them too). Most care phrases meet most of these
 * patterns' words nowhere in their sentence. Not for a global regex (a skipped test would leave its lastIndex).
 */
function testIn(re: RegExp, s: string, part: string): boolean {
  return mayMatch(re, s) && re.test(part);
}

function kindOf(term: string): ConservativeKind {
  return careKind(term).kind;
}

// Today's procedure: its injectate, sedation and the procedure itself are not care the patient had tried.
const PROCEDURE_TODAY = new Set(['procedure']);
const PROCEDURE_STORY =
  /\b(?:has been|have been|had been|chronic(?:ally)?|history of|previously|failed|at home|requir(?:ing|es) (?:significant |chronic |daily |high[- ]dose )?|long-term)\b/i;
const DRUG_KINDS = new Set<ConservativeKind>(['nsaid', 'analgesic', 'muscle-relaxant', 'neuropathic-agent', 'opioid']);

/** A care mention set aside as not tried, with the context it was told in (`fallback` when that reads as told). */
function setCareAside(aside: NoteMention[] | undefined, sen: Sentence, pos: number, term: string, fallback: MentionContext): void {
  if (!aside) return;
  const ctx = mentionContext(sen, pos, pos + term.length, 'conservative-care');
  const a = sen.start + pos;
  aside.push({
    type: 'conservative-care',
    span: { start: a, end: a + term.length },
    text: term,
    context: ctx === 'current' || ctx === 'history' ? fallback : ctx,
    kind: kindOf(term),
    outcome: 'unknown',
  });
}

// An allergy told in the story reads like an allergy list: "she is allergic to codeine, morphine and Demerol".
const ALLERGIC_TO_BEFORE =
  /\b(?:allergic|allerg(?:y|ies)|sensitivit(?:y|ies)|intoleran(?:t|ce))\s+(?:reactions?\s+)?(?:to|with)\s+(?:(?:most|many|all|some|several|any)\s+)?(?:[\w-]+(?:\s[\w-]+)?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*$/i;

/**
 * `aside`, when given, receives the care mentions set aside as not tried (negated, family, planned, hypothetical),
 * with their context, so the mention list shows them.
 */
const OTC_CLASS = /^(?:over-the-counter|OTC) /i;

export function extractConservativeCare(note: NoteDoc, sentences: readonly Sentence[], aside?: NoteMention[]): ConservativeCareFact[] {
  const out: ConservativeCareFact[] = [];
  const recorded = noteDay(note);
  // One function per sentence and one per care term, not one loop body: V8 optimizes each on its own instead of
  // compiling the whole loop twice (on-stack, then whole). On the cold bench megabyte its optimizing compiles took
  // 85-130 ms instead of 240-340 (--trace-opt); the process's CPU moved by less than its noise.
  for (const sen of sentences) careInSentence(note, sen, recorded, aside, out);
  return out;
}

function careInSentence(
  note: NoteDoc,
  sen: Sentence,
  recorded: string,
  aside: NoteMention[] | undefined,
  out: ConservativeCareFact[],
): void {
  if (sen.section === 'family') return;
  // In today's procedure only the patient's story counts ("pain that has been requiring narcotic medications").
  const procedure = PROCEDURE_TODAY.has(sen.section);
  if (procedure && !PROCEDURE_STORY.test(sen.text)) return;
  // An allergy list names drugs the patient could not take.
  const allergy = sen.section === 'allergies';
  const s = sen.text;
  const terms = matchAll(TERMS, s);
  const pts = matchAll(PT_UPPER, s);
  // Most sentences name no care: nothing is made for them.
  if (terms.length === 0 && pts.length === 0) return;
  const hits: { index: number; term: string }[] = [];
  for (const m of terms) if (m[0] !== 'pt' && m[0] !== 'Pt') hits.push({ index: m.index, term: m[0] });
  for (const m of pts) if (!hits.some((h) => h.index === m.index)) hits.push({ index: m.index, term: 'PT' });
  if (hits.length === 0) return;
  hits.sort((a, b) => a.index - b.index);
  for (let i = 0; i < hits.length; i++) {
    const fact = careAtHit(note, sen, hits, i, recorded, aside, procedure, allergy);
    if (fact) out.push(fact);
  }
}

function careAtHit(
  note: NoteDoc,
  sen: Sentence,
  hits: readonly { index: number; term: string }[],
  i: number,
  recorded: string,
  aside: NoteMention[] | undefined,
  procedure: boolean,
  allergy: boolean,
): ConservativeCareFact | undefined {
  const s = sen.text;
  const hit = hits[i]!;
  const pos = hit.index;
  // "failed conservative care including NSAIDs and PT": the named treatments are the facts.
  if (testIn(UMBRELLA, s, hit.term) && i < hits.length - 1) return undefined;
  if (allergy || ALLERGIC_TO_BEFORE.test(s.slice(Math.max(0, pos - 80), pos))) {
    // "Allergies: all over-the-counter medications" names no pain drug the patient could not take.
    if (!DRUG_KINDS.has(kindOf(hit.term)) || OTC_CLASS.test(hit.term)) return undefined;
    const fact: ConservativeCareFact = {
      source: 'note',
      evidence: [spanEvidence(note, sen, pos, pos + hit.term.length)],
      kind: kindOf(hit.term),
      description: hit.term,
      outcome: 'not-tolerated',
    };
    if (recorded) fact.recorded = recorded;
    return fact;
  }
  const setAside = (fallback: MentionContext): void => setCareAside(aside, sen, pos, hit.term, fallback);
  if (isAboutFamily(s, pos, sen.section)) {
    setAside('family');
    return undefined;
  }
  if (isNegated(s, pos) || testIn(FIELD_NONE, s, s.slice(pos + hit.term.length, pos + hit.term.length + 24))) {
    setAside('negated');
    return undefined;
  }
  const cs = clauseStart(s, pos);
  const ce = clauseEnd(s, pos + hit.term.length);
  const clause = s.slice(cs, ce);
  const beforeInClause = s.slice(cs, pos);
  if (procedure && (!testIn(PROCEDURE_STORY, s, beforeInClause) || !DRUG_KINDS.has(kindOf(hit.term)))) return undefined;
  const future = testIn(FUTURE, s, beforeInClause) || (sen.section === 'plan' && !testIn(PAST_DONE, s, clause));
  const continuing = testIn(CONTINUE, s, beforeInClause);
  // A plan told in the past in the story ("Dr. P suggested some physical therapy") was care the patient had.
  if (
    future &&
    !continuing &&
    !testIn(PAST_DONE, s, beforeInClause) &&
    !(sen.section !== 'plan' && testIn(TOLD_PLAN, s, beforeInClause)) &&
    mentionContext(sen, pos, pos + hit.term.length, 'conservative-care', true) !== 'history'
  ) {
    setAside(testIn(CONDITIONAL_WORD, s, beforeInClause) ? 'hypothetical' : 'plan');
    return undefined;
  }
  if (testIn(FUTURE_AFTER, s, s.slice(pos + hit.term.length))) {
    setAside('hypothetical');
    return undefined;
  }
  if (testIn(STARTED_TODAY, s, clause) || testIn(SWITCHED_TO, s, beforeInClause)) return undefined;
  const kind = kindOf(hit.term);
  // A class word or a therapy among a symptom's modifiers ("decreased with ice and pain medication") is not a trial;
  // a named drug still is.
  if ((kind === 'other' || !careKind(hit.term).drug) && testIn(MODIFIER, s, beforeInClause)) return undefined;
  if (
    DRUG_KINDS.has(kind) &&
    !careKind(hit.term).drug &&
    (CLASS_AS_DESCRIPTION_BEFORE.test(s.slice(Math.max(0, pos - 12), pos)) ||
      CLASS_AS_DIAGNOSIS_AFTER.test(s.slice(pos + hit.term.length, pos + hit.term.length + 16)) ||
      CLASS_HEADS_LIST_AFTER.test(s.slice(pos + hit.term.length, pos + hit.term.length + 16)))
  )
    return undefined;
  if (
    DRUG_KINDS.has(kind) &&
    (testIn(NOT_FOR_PAIN_AFTER, s, s.slice(pos + hit.term.length)) || testIn(BABY_BEFORE, s, s.slice(Math.max(0, pos - 12), pos)))
  )
    return undefined;
  if (
    careKind(hit.term).drug?.ingredient === 'aspirin' &&
    !ASPIRIN_FOR_PAIN.test(s.slice(pos + hit.term.length, pos + hit.term.length + 20)) &&
    !ASPIRIN_FOR_PAIN.test(clause)
  )
    return undefined;
  if (kind === 'injection' && testIn(NOT_PAIN_INJECTION_BEFORE, s, s.slice(Math.max(0, pos - 16), pos))) return undefined;
  if (kind === 'injection' && testIn(OBSTETRIC, s, s)) return undefined;
  if ((DRUG_KINDS.has(kind) || kind === 'injection') && testIn(SEDATION, s, clause) && !testIn(PROCEDURE_STORY, s, clause))
    return undefined;
  if (
    (DRUG_KINDS.has(kind) || kind === 'injection') &&
    (testIn(INJECTATE_AFTER, s, s.slice(pos + hit.term.length)) || testIn(INJECTATE_BEFORE, s, beforeInClause))
  )
    return undefined;
  if (kind === 'injection' && testIn(TODAY_PROCEDURE, s, s) && !testIn(PAST_STORY, s, s)) return undefined;
  if ((testIn(NEVER_DONE, s, s.slice(pos, ce)) && outcomeIn(clause, s) !== 'contraindicated') || testIn(COULD_NOT_GET, s, beforeInClause)) {
    setAside('negated');
    return undefined;
  }
  let start = pos;
  let end = pos + hit.term.length;
  let weeks: number | undefined;
  const after =
    WEEKS_AFTER.exec(s.slice(end, Math.min(s.length, end + 40))) ?? SCHEDULED_FOR.exec(s.slice(end, Math.min(s.length, end + 60)));
  const range = after ? undefined : rangeAfter(s.slice(end, Math.min(s.length, end + 90)), recorded);
  if (range) {
    weeks = range.weeks;
    end += range.length;
  } else if (after) {
    const n = parseNumber(after[1]!);
    const unit = parseUnit(after[2]!);
    if (Number.isFinite(n) && unit && unit !== 'hour') {
      weeks = toWeeks(n, unit);
      end += after[0].length;
    }
  } else {
    const before = WEEKS_BEFORE.exec(s.slice(Math.max(cs, pos - 40), pos));
    if (before) {
      const n = parseNumber(before[1]!);
      const unit = parseUnit(before[2]!);
      if (Number.isFinite(n) && unit && unit !== 'hour') {
        weeks = toWeeks(n, unit);
        start = pos - before[0].length;
      }
    }
  }
  let outcome: CareOutcome = continuing ? 'ongoing' : outcomeIn(clause, s);
  if (outcome === 'unknown') {
    // "tried naproxen for 4 weeks but developed GI upset": the outcome sits in the next clause when that
    // clause names no other therapy of its own.
    const next = s.slice(ce, clauseEnd(s, ce + 1));
    TERMS.lastIndex = 0;
    if (!TERMS.test(next) && !/\bPT\b/.test(next)) outcome = outcomeIn(next, s);
  }
  // A dose next to the drug ("gabapentin 300 mg") or a medication list means the patient is on it.
  if (outcome === 'unknown' && (sen.section === 'medications' || DOSE_AFTER.test(s.slice(end, end + 20)))) outcome = 'ongoing';
  const fact: ConservativeCareFact = {
    source: 'note',
    evidence: [spanEvidence(note, sen, start, end)],
    kind: kindOf(hit.term),
    description: s.slice(start, end),
    outcome,
  };
  if (weeks !== undefined) fact.weeks = weeks;
  if (recorded) fact.recorded = recorded;
  return fact;
}
