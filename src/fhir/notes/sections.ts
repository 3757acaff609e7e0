// Dictation headings -> sections. Transcribed reports head their sections in capitals ("HISTORY OF PRESENT
// ILLNESS:", "CURRENT MEDICATIONS:", "OPERATION PERFORMED:", "SHORT-TERM GOALS:"); the words of the heading decide
// the section, first rule wins. A capitals heading this table does not know still ends the section before it, so a
// "PLAN:" never runs on into the next heading.
export type Section =
  | 'hpi'
  | 'exam'
  | 'assessment'
  | 'plan'
  | 'goals'
  | 'imaging'
  | 'medications'
  | 'allergies'
  | 'family'
  | 'past-history'
  | 'social'
  | 'procedure'
  | 'other';

/** [words any of which the heading contains, section]; checked in order. */
export const HEADING_RULES: readonly [readonly string[], Section][] = [
  // A combined heading ("SOCIAL AND FAMILY HISTORY:", "PAST MEDICAL/FAMILY HISTORY:") is mostly the patient's own
  // story; a sentence in it about a relative is still family by its own words (isAboutFamily).
  [['SOCIAL'], 'social'],
  [['PAST MEDICAL', 'PAST SURGICAL'], 'past-history'],
  [['FAMILY'], 'family'],
  [['ALLERG'], 'allergies'],
  [['GOAL'], 'goals'],
  [['PRESENT ILLNESS', 'INDICATION', 'REASON FOR', 'CHIEF COMPLAINT', 'HPI'], 'hpi'],
  // An operative note's story told with its findings ("HISTORY AND GROSS FINDINGS:") is the story, not the operation.
  [['HISTORY AND', 'HISTORY/', 'BRIEF HISTORY', 'CLINICAL HISTORY'], 'hpi'],
  // So is its "PREOPERATIVE NOTE:" (the indication paragraph), though the heading holds "OPERATIVE".
  [['PREOPERATIVE NOTE', 'PRE-OPERATIVE NOTE', 'PREOPERATIVE HISTORY', 'PREOPERATIVE COURSE'], 'hpi'],
  [
    [
      'PLAN',
      'INTERVENTION',
      'RECOMMENDATION',
      'PRESCRIPTION',
      'DISPOSITION',
      'INSTRUCTIONS',
      'FOLLOW-UP',
      'FOLLOWUP',
      'FOLLOW UP',
      'TREATMENT PLAN',
      // Medicolegal reports put the care they recommend under these.
      'FUTURE MEDICAL',
      'FUTURE CARE',
      'FUTURE TREATMENT',
      'RETURN TO CLINIC',
    ],
    'plan',
  ],
  // What a procedure note gave today, though its heading names medications: sedation and injectate.
  [['SEDATION', 'INJECTED', 'ADMINISTERED', 'MEDICATIONS USED', 'MEDICATION USED', 'LOCAL ANESTHETIC', 'CONTRAST'], 'procedure'],
  [['MEDICATION', 'MEDS'], 'medications'],
  [['PAST MEDICAL', 'PAST SURGICAL', 'SURGICAL HISTORY', 'SURGERIES', 'PAST HISTORY', 'PMH', 'PSH', 'HOSPITALIZATION'], 'past-history'],
  [['SOCIAL', 'HABITS', 'OCCUPATION', 'EMPLOY', 'WORK'], 'social'],
  [['DIAGNOS', 'IMPRESSION', 'ASSESSMENT', 'CONTESTED', 'ALLOWED CONDITION'], 'assessment'],
  [
    [
      'PROCEDURE',
      'OPERATION',
      'OPERATIVE',
      'TECHNIQUE',
      'ANESTHESIA',
      'COMPLICATION',
      'BLOOD LOSS',
      'SPECIMEN',
      'INJECTATE',
      'FINDINGS',
      'DRAINS',
      'FLUIDS',
      'CONSENT',
    ],
    'procedure',
  ],
  [
    ['X-RAY', 'XRAY', 'MRI', 'RADIOLOG', 'IMAGING', 'STUDIES', 'DIAGNOSTIC', 'LABORATORY', 'EMG', 'NERVE CONDUCTION', 'CT SCAN', 'RECORDS'],
    'imaging',
  ],
  [['REVIEW OF SYSTEMS', 'ROS'], 'other'],
  [
    [
      'EXAM',
      'OBJECTIVE',
      'NEURO',
      'MOTOR',
      'REFLEX',
      'GAIT',
      'HEENT',
      'HEART',
      'LUNG',
      'CHEST',
      'ABDOMEN',
      'EXTREMIT',
      'SKIN',
      'VITAL',
      'CARDIO',
      'STRENGTH',
      'RANGE OF MOTION',
      'PALPATION',
      'MUSCULOSKELETAL',
      'SENSORY',
      'CRANIAL',
      'MENTAL STATUS',
      'NECK',
      'GENERAL',
      'BACK',
      'SPINE',
      'INSPECTION',
      'SPECIAL TESTS',
      'FUNCTIONAL EXAM',
    ],
    'exam',
  ],
  [
    [
      'PRESENT ILLNESS',
      'HPI',
      'SUBJECTIVE',
      'CHIEF COMPLAINT',
      'REASON FOR',
      'INDICATION',
      'HISTORY',
      'INTERVAL',
      'COMPLAINT',
      'SUMMARY',
      'DISCUSSION',
    ],
    'hpi',
  ],
];

/** The section a capitals heading names ('other' when no rule knows it). */
export function capsHeadingSection(label: string): Section {
  const t = label.toUpperCase();
  for (const [words, section] of HEADING_RULES) if (words.some((w) => t.includes(w))) return section;
  return 'other';
}

// "HISTORY OF PRESENT ILLNESS:", "C-SPINE X-RAYS:", "PAIN (VAS):" at the start of a line: 2-60 characters of
// capitals, digits and joiners, then a colon.
export const CAPS_HEADING = /^[ \t]*([A-Z][A-Z0-9 ,/&()'#.-]{1,60}?)[ \t]*:/;
