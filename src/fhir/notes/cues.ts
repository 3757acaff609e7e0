// The context layer (ConText / NegEx family): what the writer meant by a phrase, from trigger words in its clause
// and the section it sits in. One answer per mention, used by every fact family: current (true now, or today's
// procedure), history (past, prior visit, resolved), plan, goal, negated, hypothetical, family.
// Triggers before the phrase reach it unless a terminator ("but", "however", ";") comes between; a few triggers
// follow the phrase ("... was recommended", "... 3 years ago").
import { clauseEnd, clauseStart, isAboutFamily, isNegated, type Sentence } from './context';
import { RESTRICTED_ACTIVITY, RESTRICTION_MODIFIER } from './function-lexicon';
import type { MentionContext, MentionType } from './mention-types';
import { mayMatch } from './trigger-scan';

interface Cue {
  context: MentionContext;
  /** Regex over the clause text before the phrase; the last match is the nearest trigger. */
  before?: RegExp;
  /** Regex over the clause text after the phrase. */
  after?: RegExp;
  /** Fact types the cue does not apply to (a restriction "should not lift" is a current limitation). */
  not?: readonly MentionType[];
  /** Sections where the cue does not apply. */
  notIn?: readonly Sentence['section'][];
}

// Nothing here is a phrase list to tune per note: each is a family of triggers from the ConText literature and
// from dictation habit.
export const CUES: readonly Cue[] = [
  // "whether the patient ever had an injection": the question, not the history (listed first: it wins the tie).
  { context: 'hypothetical', before: /\b(?:had|has|received|underwent|tried)\b(?<=\bwhether\b[^.;]{0,40})/i },
  {
    context: 'goal',
    before:
      /\b(?:goals?|target|in order to|aim(?:ing)? (?:for|to)|hop(?:e|es|ing) to|want(?:s)? to (?:get|be)|expect(?:ed|s)? to|decrease (?:pain|symptoms) to|reduce (?:pain|symptoms) to|less than|below)\b/i,
    not: ['site', 'conservative-care'],
  },
  { context: 'hypothetical', before: /\b(?:if|unless|in case|in the event|whether|perhaps|maybe)\b/i },
  { context: 'goal', after: /^[^.;]{0,20}?\b(?:is|as|was) (?:the|her|his|their|a|our) (?:\w+ )?goal\b/i },
  {
    context: 'hypothetical',
    before:
      /\b(?:consider(?:ed|ing)?|could (?:consider|try|benefit)|may (?:benefit|need|require|try|consider)|might|possibl[ey]|potential(?:ly)?|risks? (?:of|include\w*|such as|are)|side effects? (?:of|such as|include\w*)|candidate for|options? (?:of|include\w*|are)|prognosis (?:for|with)|versus|discussed)\b/i,
    not: ['function'],
  },
  {
    context: 'hypothetical',
    before: /\b(?:would|could|may)\s+(?:be|become|remain|find)\b/i,
    not: ['pain-score', 'site', 'relief', 'conservative-care'],
  },
  {
    context: 'hypothetical',
    after: /^[^.;]{0,30}\b(?:would be|if needed|as needed for future|should (?:he|she|they) (?:fail|need|continue))\b/i,
    not: ['function', 'conservative-care', 'pain-score'],
  },
  // One side of a choice put to the patient: "continuation of nonoperative care versus surgery were discussed".
  {
    context: 'hypothetical',
    after: /^[^.;]{0,20}?\b(?:versus|vs\.?)\s[^.;]{0,80}?\b(?:were|was|are|is) (?:discussed|reviewed|considered|weighed)\b/i,
    not: ['function', 'pain-score'],
  },
  // "She will wake up at night" is habit, not a plan: scores and limitations are observed, whatever the verb.
  // (Its two look-behinds sit after the word they guard, "to" and "given", so they run only where that word is; in
  // front of it they ran at every character of every clause, a tenth of the whole extraction.)
  {
    context: 'plan',
    not: ['function', 'pain-score'],
    before:
      /\b(?:will|we'll|with (?:full |good |continued |strict )?(?:compliance|adherence) (?:to|with)|(?:is|are|was|were|seems?) (?:interested in|open to|agreeable to|amenable to|willing to (?:try|consider|start|undergo))|suggestions? (?:about|for|to|regarding)|implement(?:ing|ed)?|plan(?:s|ned|ning)?(?: is| to| for| on)?|recommend(?:s|ed|ing)?|refer(?:red|ral)?(?: to| for| back)?|schedul(?:e|ed|ing)|order(?:ed|ing)?|prescrib(?:e|ed|ing)|start(?:ed)? (?:him|her|them|on)|to(?<!\b(?:continu\w*|found|noted|known|seem\w*|appear\w*|happen\w*|said|reported|thought|felt|shown|believed|used|likely|going) to) (?:start|begin|initiate|try|undergo|attend|receive|have|get)|asked (?:him|her|them|the patient) to|(?:is|are) to(?= (?!be\b))|(?:given|written|provided|sent)(?<=\b(?:scripts?|prescriptions?)\b[^.;]{0,12}(?:given|written|provided|sent)) for|(?:does |will |would )?needs? (?:additional|further|more|another)|begin|initiat(?:e|ed|ing)|try|trial of(?<!\b(?:failed|failing|fails|completed|had|underwent|tried|after|despite) (?:a |an |the )?(?:\w+ )?trial of)|advis(?:e|ed)|encourag(?:e|ed)|instruct(?:ed|ions? to)?|told (?:him |her |them )?to|suggest(?:s|ed)?|anticipated|request(?:s|ed|ing)?|arrange(?:d|ments?)?|set up|proceed(?:ing)? with|would like to|wishes to|follow[- ]up (?:with|in)|return (?:to clinic|for)|prior auth\w*|authoriz\w*|next step|going forward|in the future|at (?:the )?next visit)\b/i,
  },
  // A recommendation told in the past in the story ("further treatments were recommended") is history.
  {
    context: 'history',
    after:
      /^[^.;]{0,30}?\b(?:was|were|had been) (?:recommended|suggested|prescribed|offered|tried)\b(?![^.;]{0,20}\b(?:today|this (?:visit|time))\b)/i,
    notIn: ['plan'],
  },
  {
    context: 'plan',
    after:
      /^[^.;]{0,30}?\b(?:(?:was|is|were|are|will be|has been|have been) (?:recommended|ordered|prescribed|scheduled|planned|suggested|requested|arranged|encouraged|discussed|anticipated)|is (?:planned|pending)|pending|to be (?:scheduled|started|done))\b/i,
  },
  // Not the heading "HISTORY OF PRESENT ILLNESS:", which a flattened report runs into its first sentence.
  {
    context: 'history',
    before:
      /\b(?:previous(?:ly)?|prior|past|history of(?! (?:the )?present(?:ing)? illness)|hx of|had|has had|have had|was on|were|used to|tried|has tried|have tried|failed|status post|s\/p|underwent|received|in the past|formerly|initially|originally|at that time|back then|at the time|no longer)\b/i,
  },
  {
    context: 'history',
    after: /^[^.;]{0,40}?\b(?:ago|in the past|previously|in (?:19|20)\d\d|last (?:year|month|week)|at that time|resolved)\b/i,
  },
];

// ConText's post-triggers: the negation follows the phrase, as a form field's answer or a passive denial. Not a
// restriction list ("Work restrictions: no lifting over 20 pounds"): there the "no" is the restriction.
const POST_NEGATION = new RegExp(
  String.raw`^\s*(?:[:=-]\s*(?:no(?!\s+(?:${RESTRICTION_MODIFIER}\s+)?(?:${RESTRICTED_ACTIVITY}|overtime|more than|greater than|over \d))|none|negative|denied|denies|absent)\b|(?:is|are|was|were|has been|have been) (?:denied|absent|ruled out|not (?:present|reported|noted))\b)`,
  'i',
);

const PAST_PLAN = /^(?:suggested|recommended|referred|prescribed|ordered|started (?:(?:him|her|them) )?on|advised|tried|offered)\b/i;
// Anywhere before the phrase: "Dr. R suggested that the patient try some injections" is care the story tells.
// Not the passive "was referred to physical therapy": a referral is not yet therapy.
// Not the writer's own plan: "I have prescribed", "we recommended" are this visit's.
const PAST_PLAN_BEFORE =
  /\b(?<!(?:was|were|been|is|being) )(?<!\b(?:I|we|I've|we've|I have|we have|I had|we had) )(?:suggested|recommended|referred|prescribed|advised|offered)\b/i;

// Said of care that goes on, in the story or a plan, shared by the care extractor's "told as done" test (extract-care.ts):
// a drug a doctor keeps the patient on ("has maintained him on"), the one being switched from or weaned off (when the
// care phrase follows at once), and care that keeps the pain in check ("well tolerated by", "controlled with"; not
// "will be managed with").
export const KEPT_ON = String.raw`maintain(?:s|ed)? (?:him|her|them) on|switch(?:ing|ed)? (?:him |her |them )?(?:over )?from(?=\s*$)|wean(?:ing)? (?:him |her |them )?off(?: of)?(?=\s*$)`;
export const KEPT_IN_CHECK_BY = String.raw`(?:tolerated|tolerable|manageable|managed|controlled)(?<!\b(?:will|would|should|could|can|may|might|to) (?:be )?(?:tolerated|tolerable|manageable|managed|controlled)) (?:by|with)`;

const CONTINUING = new RegExp(
  String.raw`\b(?:continue[sd]?|continuing|remains? on|still (?:on|taking|using|doing|attending|has)|currently|is on|is taking|maintained on|${KEPT_ON}|now on|presently)\b`,
  'i',
);

// "Continue PT" as an instruction is a plan (GUIDELINES.md: plan is what is recommended or ordered), told in the plan
// section or after a word of advice ("will continue", "encouraged to continue", "can continue on"); the story's
// "continued chiropractic care" and "continues to take Norco" stay what they are.
const CONTINUE_WORD = /\b(?:continue|continuing|resume|continued(?! to\b))\b/gi;
const ADVICE_BEFORE =
  /\b(?:will|we'll|should|shall|can|could|may|to|recommend\w*|encourag\w*|advis\w*|instruct\w*|asked|told|plan\w*|is to|are to|would like)\s+(?:(?:him|her|them|the patient|also|to|then|just|simply)\s+){0,3}$/i;

/** Is a "continue" in `before` (clause text before a care phrase) an instruction rather than a report? */
export function continueIsPlan(before: string, section: Sentence['section']): boolean {
  const m = lastMatch(CONTINUE_WORD, before);
  if (!m) return false;
  if (section === 'plan' || section === 'goals') return true;
  return ADVICE_BEFORE.test(before.slice(Math.max(0, m.index - 50), m.index));
}

/** Section defaults for a phrase no trigger speaks for: a score or a limitation in a plan is still observed. */
function sectionContext(sen: Sentence, type: MentionType): MentionContext {
  switch (sen.section) {
    case 'plan':
      return type === 'conservative-care' || type === 'site' ? 'plan' : 'current';
    case 'goals':
      return 'goal';
    case 'family':
      return 'family';
    case 'past-history':
      return 'history';
    default:
      return 'current';
  }
}

/** The last match of a global regex in `s`. */
function lastMatch(g: RegExp, s: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  g.lastIndex = 0;
  for (let m = g.exec(s); m !== null; m = g.exec(s)) {
    last = m;
    if (m[0].length === 0) g.lastIndex++;
  }
  return last;
}

// Compiled global copies, made once.
const BEFORE = CUES.map((c) => (c.before ? new RegExp(c.before.source, 'gi') : undefined));
const CONTINUING_G = new RegExp(CONTINUING.source, 'gi');

/**
 * The context of the phrase at [start, end) of a sentence (offsets within the sentence). The nearest trigger
 * before the phrase wins; a trigger after it counts when none comes before.
 */
export function mentionContext(sen: Sentence, start: number, end: number, type: MentionType, negationChecked = false): MentionContext {
  const s = sen.text;
  if (isAboutFamily(s, start, sen.section)) return 'family';
  if (!negationChecked && isNegated(s, start)) return 'negated';
  const cs = clauseStart(s, start);
  const ce = clauseEnd(s, end);
  const before = s.slice(Math.max(cs, start - 80), start);
  const after = s.slice(end, ce);
  // A negation told after the phrase: "Sleep disturbance: denied", "walking difficulty is denied".
  // The trigger scan knows when the sentence lacks all of a pattern's words (the windows are parts of the sentence).
  if (mayMatch(POST_NEGATION, s) && POST_NEGATION.test(after)) return 'negated';
  let best: { at: number; context: MentionContext } | undefined;
  // A plain loop, not forEach: no closure made per mention.
  for (let i = 0; i < CUES.length; i++) {
    const c = CUES[i]!;
    if (c.not?.includes(type)) continue;
    const re = BEFORE[i];
    if (!re) continue;
    const m = mayMatch(re, s) ? lastMatch(re, before) : null;
    if (m && (!best || m.index > best.at)) best = { at: m.index, context: c.context };
  }
  // "still taking Norco" is current even in a plan; "continue PT" as an instruction is the plan.
  const cont = mayMatch(CONTINUING_G, s) ? lastMatch(CONTINUING_G, before) : null;
  // "If she continues to be symptomatic with X": the condition scopes over the continuing.
  if (cont && (!best || cont.index >= best.at) && best?.context !== 'hypothetical') {
    if (type === 'conservative-care' && continueIsPlan(before, sen.section)) return 'plan';
    return 'current';
  }
  // A plan told in the past tense in the story ("Dr. P suggested some physical therapy") is history.
  if (best?.context === 'plan' && sen.section !== 'plan') {
    const at = before.slice(best.at, best.at + 16);
    if (
      type === 'conservative-care' &&
      /^referred\b/i.test(at) &&
      !/\b(?:Dr\.?\s+\w+|physician|doctor|surgeon|chiropractor|PCP|he|she|they)\s+(?:(?!(?:was|were|been|is|being)\b)\w+\s+)?referred\b/i.test(
        before.slice(Math.max(0, best.at - 30), best.at + 9),
      )
    )
      return 'plan';
    // The whole clause, not the 80-character window: "Dr. R suggested that the patient try X and Y" reaches Y.
    const writer = WRITER_BEFORE.test(before.slice(0, best.at));
    if ((PAST_PLAN.test(at) && !writer) || PAST_PLAN_BEFORE.test(s.slice(cs, Math.max(cs, start - 80) + best.at))) return 'history';
    const given = PASSIVE_GIVEN.exec(before);
    if (type === 'conservative-care' && given && given.index < best.at) return 'history';
  }
  if (type === 'conservative-care' && (best?.context === 'plan' || (!best && sen.section === 'plan')) && triedNear(before, after, best?.at))
    return 'current';
  if (best) return best.context;
  for (const c of CUES)
    if (c.after && !c.not?.includes(type) && !c.notIn?.includes(sen.section) && mayMatch(c.after, s) && c.after.test(after))
      return c.context;
  if (mayMatch(CONTINUING, s) && CONTINUING.test(after.slice(0, 30))) return 'current';
  if (type === 'conservative-care' && sen.section !== 'plan' && mayMatch(PAST_PLAN_BEFORE, s) && PAST_PLAN_BEFORE.test(s.slice(cs, start)))
    return 'history';
  return sectionContext(sen, type);
}

// Told with its result, a treatment was tried, wherever it is written: "excellent results with physical therapy",
// "fails to respond to cortisone shots", "not healed despite conservative treatments", "stomach upset with NSAIDs",
// "his pain is well tolerated by minimizing his activity", "controlled with Norco" (not "will be managed with PT").
const TRIED_BEFORE = new RegExp(
  String.raw`\b(?:results? (?:with|from)|fail(?:s|ed|ing)?(?: to respond to)?|respond(?:s|ed)? (?:well |poorly )?to|despite|in spite of|(?:relief|(?<!\b(?:may|might|would|could|should|will|can|to) )benefit|improvement|improved|better|success|upset|discomfort|side effects?|problems?) (?:with|from|on)|(?:helped|benefited|benefitted) by|(?:has |have |had )?(?:benefited|benefitted|benefits) (?:\w+ )?(?:from|with)|intoleran\w+ (?:of|to)|(?:did|does|has done) (?:well|poorly|not well) (?:with|on)|${KEPT_IN_CHECK_BY}|(?:was|were) (?:given|fitted with|issued|dispensed)(?= (?:a|an)\b))\s+(?:(?:the|his|her|their|a|an|some|any|all|maximum|maximal|appropriate|prior|previous|formal|oral|several|multiple)\s+)*$`,
  'i',
);
const TRIED_AFTER =
  /^\s*(?:(?:was|were) (?:placed|applied|dispensed|fitted|issued)\b|(?:has|have|had|was|were|is)?\s*(?:helped|failed|did not help|didn't help|(?:was|were) (?:helpful|effective|ineffective|unsuccessful|not helpful)|gave (?:him|her|them) (?:\w+ )?relief|provided (?:\w+ )?relief))\b/i;

/** Is the care phrase told with its result (so it was tried), after the plan cue at `cueAt` of `before`, if any? */
function triedNear(before: string, after: string, cueAt: number | undefined): boolean {
  const m = TRIED_BEFORE.exec(before);
  if (m && (cueAt === undefined || m.index > cueAt)) return true;
  return TRIED_AFTER.test(after);
}

// "She was given a trial of Elavil", "was started on gabapentin": the story's past, not a plan.
const WRITER_BEFORE = /\b(?:I|we)(?:'ve| have| had)?\s+$/i;
const PASSIVE_GIVEN =
  /\b(?:was|were|had been) (?:given(?! (?:a |an |the )?(?:referral|prescription|script|order|handout|instructions?|recommendation))|started on|placed on|put on|tried on|treated with)\b/i;
