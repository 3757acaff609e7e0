// Separately identifiable E/M work on a procedure day (modifier 25) and radicular/axial symptoms.
// E/M work: a new or worsening problem evaluated, medication management, a work-up ordered, or an assessment the
// note itself calls separate. A routine pre-procedure check ("here for scheduled injection, no changes") is not.
import type { Laterality, NoteDoc, SymptomFact, SymptomKind, VisitWorkFact } from '../../policy/picture';
import { clauseEnd, clauseStart, isAboutFamily, isNegated, type Sentence } from './context';
import { gatedMatches, hasAny, noteDay, spanEvidence } from './lexicon';

const DRUG = String.raw`(?:gabapentin|pregabalin|duloxetine|meloxicam|naproxen|ibuprofen|celecoxib|diclofenac|cyclobenzaprine|tizanidine|methocarbamol|baclofen|tramadol|oxycodone|hydrocodone|nortriptyline|amitriptyline|buprenorphine|medications?|meds|dose|dosage|regimen|opioids?|NSAIDs?|muscle relaxants?|analgesics?)`;
const EM_CUES: [RegExp, string[]][] = [
  [
    /\bnew(?:\s+onset(?:\s+of)?)?\s+(?:\w+\s+){0,3}?(?:complaints?|problems?|symptoms?|issues?|pain|numbness|weakness|tingling|radicular\w*|headaches?|paresthesias?|rash|injury|lesion|fall|swelling|concern|infection)\b/gi,
    ['new'],
  ],
  [
    /\b(?:worsening|worsened|increasing|increased|progressive|escalating)\s+(?:\w+\s+){0,3}?(?:pain|weakness|numbness|symptoms|radicular\w*|tingling|paresthesias?)\b/gi,
    ['wors', 'increas', 'progress', 'escalat'],
  ],
  [
    new RegExp(
      String.raw`\b(?:increas\w*|decreas\w*|titrat\w*|adjust\w*|start(?:ed|ing)?|initiat\w*|discontinu\w*|stop(?:ped|ping)?|switch\w*|taper\w*|refill\w*|prescrib\w*|wean\w*|chang(?:e|ed|ing)|rotat\w*|add(?:ed)?)\s+(?:(?:her|his|their|the|a|on|to)\s+)?(?:\w+\s+){0,2}?${DRUG}\b`,
      'gi',
    ),
    [
      'increas',
      'decreas',
      'titrat',
      'adjust',
      'start',
      'initiat',
      'discontinu',
      'stop',
      'switch',
      'taper',
      'refill',
      'prescrib',
      'wean',
      'chang',
      'rotat',
      'add',
    ],
  ],
  [
    /\bmedication management\b|\b(?:reviewed|checked|queried) (?:the )?(?:PDMP|PMP|prescription (?:drug )?monitoring)/gi,
    ['medication management', 'pdmp', 'pmp', 'monitoring'],
  ],
  [
    /\bsignificant(?:,|\s+and)?\s+separately identifiable\b|\bseparate(?:ly)?\s+(?:identifiable|evaluat\w*|assess\w*|problem|E\/M|E&M|addressed)\b|\b(?:also|additionally) (?:evaluated|addressed|assessed|examined)\b|\bin addition to the procedure\b/gi,
    ['separate', 'also', 'additionally', 'in addition'],
  ],
  [
    /\b(?:ordered|ordering|will order)\s+(?:an?\s+)?(?:new\s+|repeat\s+|updated\s+)?(?:\w+\s+)?(?:MRI|CT|x-?rays?|EMG|labs?|imaging)\b/gi,
    ['order'],
  ],
];
const EM_GATE = [
  'new',
  'wors',
  'increas',
  'progress',
  'escalat',
  'decreas',
  'titrat',
  'adjust',
  'start',
  'initiat',
  'discontinu',
  'stop',
  'switch',
  'taper',
  'refill',
  'prescrib',
  'wean',
  'chang',
  'rotat',
  'add',
  'medication management',
  'pdmp',
  'pmp',
  'monitoring',
  'separate',
  'also',
  'order',
];
const SYMPTOM_GATE = ['radiat', 'radicul', 'sciatica', 'axial', 'locali', 'claudication', 'shooting'];
const OLD = /\b(?:ago|last (?:year|month|week)|previously|in the past|in (?:19|20)\d\d|by (?:her|his|their) (?:PCP|primary|surgeon))\b/i;

export function extractVisitWork(note: NoteDoc, sentences: readonly Sentence[]): VisitWorkFact[] {
  const out: VisitWorkFact[] = [];
  const date = noteDay(note);
  for (const sen of sentences) {
    if (sen.section === 'family' || sen.section === 'past-history' || sen.section === 'medications' || sen.section === 'allergies')
      continue;
    const s = sen.text;
    if (!hasAny(sen.lower, EM_GATE) || OLD.test(s)) continue;
    // Indexed, not destructured: no iterator protocol per pattern per sentence (lexicon.ts, overlapsAny).
    for (let p = 0; p < EM_CUES.length; p++) {
      let found = false;
      for (const m of gatedMatches(EM_CUES[p]![0], EM_CUES[p]![1], s, sen.lower)) {
        if (isAboutFamily(s, m.index, sen.section) || isNegated(s, m.index)) continue;
        const end = m.index + m[0].length;
        out.push({ source: 'note', evidence: [spanEvidence(note, sen, m.index, end)], date, description: m[0] });
        found = true;
        break;
      }
      // One E/M fact per sentence is enough to show the work; more would only repeat it.
      if (found) break;
    }
  }
  return out;
}

const SYMPTOMS: [RegExp, SymptomKind, boolean, string[]][] = [
  [
    /\b(?:does not radiate|doesn't radiate|non-?radiating|without radiation|no radiation)\b/gi,
    'axial',
    true,
    ['radiate', 'radiating', 'radiation'],
  ],
  [
    /\baxial (?:low back |back |neck |spine |spinal )?pain\b|\blocali[sz]ed (?:to the )?(?:low )?(?:back|neck)\b/gi,
    'axial',
    false,
    ['axial', 'locali'],
  ],
  [
    /\b(?:radicular (?:(?:leg|arm|buttock|thigh) )?(?:pain|symptoms)|radiculopathy|radiculitis|sciatica|radiat\w+ (?:pain )?(?:down|into|to) (?:the |his |her |their |both )?(?:left |right |bilateral )?(?:legs?|arms?|buttocks?|thighs?|calf|calves|foot|feet|hands?|shoulders?|lower extremit\w+|upper extremit\w+)|shooting pain (?:down|into))/gi,
    'radicular',
    false,
    ['radicul', 'sciatica', 'radiat', 'shooting'],
  ],
  [/\b(?:neurogenic claudication|pseudo-?claudication)\b/gi, 'neurogenic-claudication', false, ['claudication']],
];

const LATERALITY: Record<string, Laterality> = { left: 'left', right: 'right', bilateral: 'bilateral' };
// "The radiculopathy entry on her problem list was entered in error (wrong patient)": a retracted entry documents
// nothing about the patient, neither the symptom nor its absence.
const RETRACTED =
  /\b(?:(?:entered|recorded|listed|charted|documented|coded|added|placed)\s+(?:\w+\s+){0,3}?in error|erroneous(?:ly)?|(?:on|for|to) the wrong patient|wrong[- ]patient)\b/i;

const RESOLVED =
  /(?<!\b(?:not|never|n't|yet to)\s+(?:\w+\s+)?)\b(?:resolved|resolution of|subsided|no longer (?:present|has|have|an issue))\b/i;

/** The clause before the symptom and the words after it up to a ";" or "but" ("since" ends a NegEx clause, not here). */
function resolvedWindow(s: string, start: number, end: number): string {
  const tail = s.slice(end, end + 60);
  const stop = tail.search(/[;]|\bbut\b|\bhowever\b/i);
  return s.slice(clauseStart(s, start), end) + (stop < 0 ? tail : tail.slice(0, stop));
}

export function extractSymptoms(note: NoteDoc, sentences: readonly Sentence[]): SymptomFact[] {
  const out: SymptomFact[] = [];
  const date = noteDay(note);
  for (const sen of sentences) {
    const s = sen.text;
    if (!hasAny(sen.lower, SYMPTOM_GATE)) continue;
    const retracted = RETRACTED.test(s);
    for (let p = 0; p < SYMPTOMS.length; p++) {
      const rule = SYMPTOMS[p]!;
      const re = rule[0];
      const kind = rule[1];
      const inherentlyNegative = rule[2];
      const gate = rule[3];
      for (const m of gatedMatches(re, gate, s, sen.lower)) {
        if (isAboutFamily(s, m.index, sen.section)) continue;
        if (retracted && RETRACTED.test(s.slice(clauseStart(s, m.index), clauseEnd(s, m.index + m[0].length)))) continue;
        // "does not radiate" documents axial pain; "denies radicular pain" documents its absence.
        // "left L5 radiculopathy in 2021, fully resolved" is absent now, not a current (untreated) radiculopathy.
        const present = inherentlyNegative
          ? true
          : !isNegated(s, m.index) && !RESOLVED.test(resolvedWindow(s, m.index, m.index + m[0].length));
        const fact: SymptomFact = { source: 'note', evidence: [spanEvidence(note, sen, m.index, m.index + m[0].length)], kind, present };
        if (date) fact.date = date;
        const lat = /\b(left|right|bilateral)\b/i.exec(s.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30))?.[1];
        const laterality = lat ? LATERALITY[lat.toLowerCase()] : undefined;
        if (laterality) fact.laterality = laterality;
        out.push(fact);
      }
    }
  }
  return out;
}
