// Psychological evaluation before a spinal cord stimulator trial: whether a note says it was done, is only planned,
// or was not done. The context comes from the notes context layer (mentionContext: negation before the phrase, plan
// and hypothetical triggers, the section); a NegEx post-trigger after the phrase ("... has not been scheduled yet",
// "... is pending") is read here, because the layer's negation looks only before the phrase.
import type { NoteDoc, PsychEvaluationFact } from '../../policy/picture';
import { clauseEnd, type Sentence } from './context';
import { mentionContext } from './cues';
import { gatedMatches, noteDay, spanEvidence } from './lexicon';

const PSYCH =
  /\b(?:psycholog(?:ical|ic|y|ist)|psychiatric|behavioral health|psych)\s+(?:\w+\s+){0,2}?(?:evaluation|eval|assessment|screening|screen|testing|clearance|consult(?:ation)?)\b/gi;
const GATE = ['psych', 'behavioral health'];

// After the phrase, within its clause: "has not been scheduled (yet)", "was never done", "is still pending".
const NOT_DONE_AFTER =
  /^[^.;]{0,30}?\b(?:(?:has|have|had|was|were|is|are)(?:\s+not|n't)\b|not (?:yet )?(?:been )?(?:done|completed|performed|obtained|scheduled)|never (?:been )?(?:done|completed|performed|obtained|scheduled)|(?:is |remains |still )*(?:pending|outstanding|incomplete|to be (?:scheduled|done|completed|arranged)))/i;
// "... has not been scheduled" is not done; "... has not been a concern" is about something else.
const NOT_DONE_VERB = /\b(?:done|completed|performed|obtained|scheduled|arranged|ordered|pending|outstanding|incomplete)\b/i;

/** Each mention of a psychological evaluation in a note, with whether it was done. */
export function extractPsychEvaluations(note: NoteDoc, sentences: readonly Sentence[]): PsychEvaluationFact[] {
  const out: PsychEvaluationFact[] = [];
  const date = noteDay(note);
  for (const sen of sentences) {
    for (const m of gatedMatches(PSYCH, GATE, sen.text, sen.lower)) {
      const start = m.index;
      const end = start + m[0].length;
      // The context layer has no family of its own for an evaluation; a referral or a plan for one reads as it does
      // for a course of care (a referral is not yet the thing, "will be referred for" is a plan).
      const context = mentionContext(sen, start, end, 'conservative-care');
      if (context === 'family' || context === 'goal') continue;
      const after = sen.text.slice(end, clauseEnd(sen.text, end));
      const notDone = NOT_DONE_AFTER.exec(after);
      const status: PsychEvaluationFact['status'] =
        context === 'negated' || (notDone && NOT_DONE_VERB.test(after.slice(0, notDone.index + notDone[0].length + 24)))
          ? 'not-done'
          : context === 'plan' || context === 'hypothetical'
            ? 'planned'
            : 'done';
      const fact: PsychEvaluationFact = { source: 'note', evidence: [spanEvidence(note, sen, 0, sen.text.length)], status };
      if (date) fact.date = date;
      out.push(fact);
    }
  }
  return out;
}
