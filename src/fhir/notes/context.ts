// Where a phrase sits and what the writer meant by it: section of the note, sentence and clause, and whether the
// phrase is negated, hypothetical, about a family member, or about the past. Extractors ask these questions so that
// "denies radicular pain", "will consider PT" and "mother has back pain" never become evidence.

export type Section =
  | 'hpi'
  | 'exam'
  | 'assessment'
  | 'plan'
  | 'imaging'
  | 'medications'
  | 'allergies'
  | 'family'
  | 'past-history'
  | 'procedure'
  | 'other';

export interface Sentence {
  /** Offsets into NoteDoc.text (end exclusive). */
  start: number;
  end: number;
  text: string;
  section: Section;
}

const HEADINGS: [RegExp, Section][] = [
  [/^(?:hpi|history of (?:the )?present(?:ing)? illness|subjective|chief complaint|cc|interval history|reason for (?:visit|consultation))$/i, 'hpi'],
  [/^(?:exam|physical exam(?:ination)?|pe|objective|neuro(?:logic(?:al)?)? exam|musculoskeletal exam|msk exam)$/i, 'exam'],
  [/^(?:assessment|impression|diagnos[ie]s|clinical impression)$/i, 'assessment'],
  [/^(?:plan|assessment (?:and|&) plan|a\s*\/\s*p|a&p|recommendations?|treatment plan|disposition)$/i, 'plan'],
  [/^(?:imaging|radiology|studies|diagnostic studies|results)$/i, 'imaging'],
  [/^(?:medications?|current medications?|meds|home medications?)$/i, 'medications'],
  [/^(?:allerg(?:y|ies))$/i, 'allergies'],
  [/^(?:family history|fh|fhx)$/i, 'family'],
  [/^(?:past medical history|pmh|past surgical history|psh|surgical history|social history|sh|past history)$/i, 'past-history'],
  [/^(?:procedure|procedure note|procedures? performed|operative note)$/i, 'procedure'],
  [/^(?:vitals?|vital signs|ros|review of systems)$/i, 'other'],
];

// A heading at the start of a line: "PLAN:", "Assessment and Plan -", or a line that is just "Physical Exam".
const LINE_HEADING = /^[ \t]*([A-Za-z][A-Za-z &/]{0,40}?)[ \t]*(?::|-(?=\s)|$)/;

function headingSection(label: string): Section | undefined {
  const t = label.trim();
  for (const [re, section] of HEADINGS) if (re.test(t)) return section;
  return undefined;
}

// Sentence ends: . ! ? followed by whitespace and then not a lowercase letter; and every line break.
const SENTENCE_END = /[.!?](?=\s+(?![a-z]))|\n/g;

/** Split the note into sentences, each tagged with the section its heading put it in. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let section: Section = 'other';
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const h = LINE_HEADING.exec(line);
    let bodyStart = lineStart;
    if (h) {
      const s = headingSection(h[1]!);
      if (s) {
        section = s;
        bodyStart = lineStart + h[0].length;
      }
    }
    splitLine(text, bodyStart, lineEnd, section, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

function splitLine(text: string, from: number, to: number, section: Section, out: Sentence[]): void {
  const line = text.slice(from, to);
  SENTENCE_END.lastIndex = 0;
  let start = 0;
  const push = (a: number, b: number): void => {
    let s = a;
    let e = b;
    while (s < e && /\s/.test(line[s]!)) s++;
    while (e > s && /\s/.test(line[e - 1]!)) e--;
    if (e > s) out.push({ start: from + s, end: from + e, text: line.slice(s, e), section });
  };
  for (let m = SENTENCE_END.exec(line); m !== null; m = SENTENCE_END.exec(line)) {
    push(start, m.index + 1);
    start = m.index + 1;
  }
  push(start, line.length);
}

// ---------------------------------------------------------------- clause and cue tests

// NegEx-style terminators: a cue before one of these does not reach past it.
const TERMINATOR = /\b(?:and (?:started|began|switched|added|now)|but|however|although|though|except|aside from|apart from|whereas|yet|now|then|since then|which)\b|[;()]/gi;

/** Start offset (within the sentence) of the clause that contains position `pos`. */
export function clauseStart(s: string, pos: number): number {
  let start = 0;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(s); m !== null && m.index < pos; m = TERMINATOR.exec(s)) start = m.index + m[0].length;
  return start;
}

/** End offset (within the sentence) of the clause that contains position `pos`. */
export function clauseEnd(s: string, pos: number): number {
  TERMINATOR.lastIndex = pos;
  const m = TERMINATOR.exec(s);
  return m ? m.index : s.length;
}

const NEG_CUE = /\b(?:no|not|never|denies|denied|deny|negative for|without|none|declined|declines|refused|refuses|hasn't|has not|have not|haven't|did not|didn't|does not|doesn't|is not|isn't|was not|wasn't|free of|absence of|ruled out)\b/gi;
// Words that turn a preceding "no"/"without" into an outcome of the thing rather than its absence:
// "no relief from PT" is a failed PT, not a missing one.
const OUTCOME_WORD = /\b(?:relief|improvement|benefit|help|helped|change|response|respond|success|better|tolerate)\b/i;
// A verb of doing between the cue and the term means the term was done: "denies fever, completed PT".
const DOING_WORD = /\b(?:completed|tried|trialed|attended|failed|underwent|participated|taking|takes|using|uses|shows?|showed|showing|demonstrates?|demonstrated|reveals?|revealed|reports?|reported|endorses)\b/i;

/** Is the phrase at `pos` (within sentence `s`) negated by a cue earlier in its clause (within ~8 words)? */
export function isNegated(s: string, pos: number): boolean {
  const from = clauseStart(s, pos);
  const before = s.slice(from, pos);
  NEG_CUE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = NEG_CUE.exec(before); m !== null; m = NEG_CUE.exec(before)) last = m;
  if (!last) return false;
  const between = before.slice(last.index + last[0].length);
  if (between.split(/\s+/).filter(Boolean).length > 8) return false;
  if (OUTCOME_WORD.test(between)) return false;
  // Only after a comma: "has not tried PT" stays negated, "denies fever, completed PT" does not.
  const comma = between.indexOf(',');
  if (comma !== -1 && DOING_WORD.test(between.slice(comma))) return false;
  return true;
}

const HYPOTHETICAL = /\b(?:if|consider|considering|will consider|may|might|could|would|should|possible|possibly|candidate for|discussed|discuss|recommend|recommended|recommends|refer|referral|referred|plan to|plans to|planning|will|going to|to start|start|order|ordered|pending|schedule|scheduled|requested|requesting|goal|goals|expect|expected|hope|hoping|try|unless|needs?|requires?|at least|≥|>=)\b/gi;

/** Is the phrase at `pos` in a future/conditional frame ("will consider PT", "if no improvement, may try")? */
export function isHypothetical(s: string, pos: number): boolean {
  HYPOTHETICAL.lastIndex = 0;
  for (let m = HYPOTHETICAL.exec(s); m !== null && m.index < pos; m = HYPOTHETICAL.exec(s)) {
    // "if" reaches across commas ("if no improvement, may try PT"); the other cues stay in their clause.
    if (m[0].toLowerCase() === 'if' || m.index >= clauseStart(s, pos)) return true;
  }
  return false;
}

const FAMILY = /\b(?:mother|father|mom|dad|sister|brother|sibling|son|daughter|aunt|uncle|grandmother|grandfather|grandparent|cousin|wife|husband|spouse|family history|fhx|family hx)\b|\bFH\b/i;

/** Is the sentence about someone else (family history)? Checked on the text before the phrase. */
export function isAboutFamily(s: string, pos: number, section: Section): boolean {
  if (section === 'family') return true;
  return FAMILY.test(s.slice(0, pos));
}

const HISTORY = /\b(?:s\/p|status post|prior|previous|previously|last|history of|hx of|underwent|had (?:a|an|the)|in (?:19|20)\d\d|ago|earlier)\b/i;

export function mentionsHistory(s: string): boolean {
  return HISTORY.test(s);
}
