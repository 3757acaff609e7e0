// Function phrases as data: which limitation a phrase names.
import type { FunctionLimitation } from './mention-types';

const LIMITATION_KINDS: [RegExp, FunctionLimitation][] = [
  [
    /\b(?:(?<!yard |house |home |school |paper)work|job|occupation|dut(?:y|ies)|disabilit|disabled|TTD|FMLA|retire|cut back|employ|unemploy|shift|retired|leave|laid off)/i,
    'work',
  ],
  [/\b(?:sleep|asleep|wake|waking|awaken|night)/i, 'sleep'],
  [/\b(?:lift|carry|\d+[- ]?(?:pounds?|lbs?)\b|weight (?:limit|restrict))/i, 'lifting'],
  [/\brestrictions?\b/i, 'work'],
  [
    /\b(?:walk|ambulat|amb\b|stairs|block|climb|rail|limp)|(?<!\bbed )\bmobility\b|weight-?bearing|bear(?:s|ing)? (?:full )?weight|bedridden|bed-?bound/i,
    'walking',
  ],
  [/\b(?:sit)/i, 'sitting'],
  [/\b(?:stand)/i, 'standing'],
  [/\b(?:driv|riding in (?:a|the) car|car rides?)/i, 'driving'],
  [
    /\b(?:ADL|daily|in the home|around the house|household|yard|dress|bath|shower|groom|housework|chores|cook|clean|self-care|toilet|shop|laundry|vacuum|garden|mow|dishes|putting on|put on|tie|tying|comb|wash|brush|homebound|housebound)/i,
    'adl',
  ],
];

export function limitationKind(text: string): FunctionLimitation {
  for (const [re, k] of LIMITATION_KINDS) if (re.test(text)) return k;
  return 'other';
}

// ---------------------------------------------------------------- phrase families (regex sources)

/** Activities whose limitation is function. */
export const ACTIVITIES: readonly string[] = [
  String.raw`walk(?:s|ing|ed)?(?! on (?:his|her|the) (?:heels|toes))(?!\s+on\s+(?:heels|toes))`,
  'stood',
  String.raw`ambulat\w*`,
  'gait',
  String.raw`stand(?:s|ing)?`,
  String.raw`sit(?:s|ting)?`,
  String.raw`sleep(?:s|ing)?`,
  String.raw`lift(?:s|ing)?`,
  String.raw`carry(?:ing)?`,
  // Side and forward bending are range of motion, told by the exam.
  String.raw`(?<!(?:side|forward|lateral)[- ])bend(?:s|ing)?`,
  'stoop(?:ing)?',
  String.raw`kneel(?:s|ing)?`,
  String.raw`crawl(?:s|ing)?`,
  String.raw`squat(?:s|ting)?`,
  String.raw`climb(?:s|ing)?`,
  'stairs',
  String.raw`driv(?:e|es|ing)`,
  String.raw`work(?:s|ing)?(?!-up| ?up)`,
  'job',
  'duties',
  'ADLs?',
  'activities of daily living',
  'daily activities',
  String.raw`(?:household )?chores`,
  'housework',
  String.raw`dress(?:ing|ed)?`,
  String.raw`bath(?:e|ing|ed|s)?`,
  String.raw`shower(?:ing)?`,
  String.raw`groom(?:ing)?`,
  String.raw`cook(?:ing)?`,
  String.raw`push(?:ing)?`,
  String.raw`pull(?:ing)?`,
  String.raw`grip(?:ping)?`,
  String.raw`grasp(?:ing)?`,
  String.raw`reach(?:ing)?(?: overhead)?`,
  'transfers?',
  // Self-care and care of others (ICF d5, d660), bed mobility as therapists chart it.
  String.raw`self-?care|personal (?:care|hygiene)|hygiene`,
  String.raw`(?:car(?:e|es|ing) for|tak(?:e|es|ing) care of|look(?:s|ing)? after) (?:his|her|their|the) (?:\w+ )?(?:children|kids|child|baby|family|home|house|grandchildren|grandchild|husband|wife|spouse|parents?|mother|father|pets?|dogs?|animals|yard|garden|lawn)`,
  String.raw`bed mobility`,
  String.raw`(?:care for|tak(?:e|ing) care of) (?:himself|herself|themselves)`,
  String.raw`(?:anything|much|things|chores|tasks|work) around the (?:house|home)`,
  'quality of life',
  // Function as a whole, with the word that makes it the patient's ("overall function"), never an organ's.
  String.raw`(?:overall|general|physical|daily|everyday) function(?:ing)?`,
  // Activities named by an umbrella or by reference: "difficulty performing these tasks", "functional activities in
  // the home", and reaching told by where the hands go.
  String.raw`(?:perform(?:ing)?|do(?:ing)?|complet(?:e|ing)) (?:these|those|such|the|his|her|their|any|many|most|some|all|normal|usual|daily) (?:(?:normal|usual|daily|routine|household|work|job) )?(?:tasks|activities|duties|things|chores)`,
  String.raw`functional (?:activities|tasks)(?: (?:in|around) the (?:home|house))?`,
  String.raw`(?:activities|tasks|chores) (?:in|around) the (?:home|house)`,
  String.raw`(?:home|household) (?:tasks|projects)`,
  'transferring',
  String.raw`(?:get(?:ting)?|put(?:ting)?|rais(?:e|ing)|lift(?:ing)?|reach(?:ing)?) (?:his |her |their )?(?:hands?|arms?) (?:behind|over|above|up)`,
  String.raw`weight-?bearing`,
  String.raw`get(?:ting)? (?:up|out of bed|in and out|out of (?:a |the |his |her )?(?:low |deep |soft )?(?:chair|car|bed|bathtub|tub))`,
  String.raw`(?:a)?ris(?:e|es|ing) from (?:a |the )?(?:chair|bed|seated|sitting)`,
  String.raw`pick(?:s|ing)? up`,
  String.raw`participat(?:e|es|ing)`,
  'activity level',
  'daily living',
  String.raw`sustained positions`,
  String.raw`maintain(?:ing)? (?:any |one |a |the same )*(?:positions?|postures?)`,
  String.raw`roll(?:ing)? over`,
  String.raw`exercis(?:es|e|ing)`,
  String.raw`(?:recreational |normal |usual )?activities`,
  String.raw`turn(?:ing)? (?:his |her )?head`,
  String.raw`turn(?:s|ing)? (?:over|in bed)|turn(?:s|ing)?(?= without\b)`,
  // Small joints as a medical history tells them: "could not move the fingers", "prevented her from making a fist".
  // (Not the legs: "could not move her legs at all" is a paralysis, a neurological finding.)
  String.raw`mov(?:e|es|ing) (?:the |his |her |their )?(?:fingers|toes|hands?|wrists?|shoulders?|neck)`,
  String.raw`mak(?:e|es|ing) a fist`,
  // Typing, not a "type 1 fracture" or "type 2 diabetes" after an "impacted".
  String.raw`typ(?:e|ing)(?! ?(?:\d|I{1,3}\b|IV\b|[ABC]\b))`,
  String.raw`writ(?:e|ing)`,
  String.raw`button(?:ing)?`,
  String.raw`open(?:ing)? jars`,
  String.raw`us(?:e|ing) (?:his|her|the) (?:arm|hand|leg)s?`,
  // Household and self-care tasks, lying tolerance (each still needs a limitation word beside it).
  String.raw`(?:go(?:ing)? )?(?:grocery )?shop(?:s|ping)?`,
  String.raw`garden(?:s|ing)?`,
  String.raw`vacuum(?:s|ing)?`,
  String.raw`(?:do(?:ing)? (?:the |her |his )?)?(?:laundry|dishes|yard ?work)`,
  String.raw`mow(?:s|ing)?(?: the lawn)?`,
  String.raw`put(?:ting)? on (?:his |her |their )?(?:shoes|socks|pants|clothes|clothing|shirt|bra|coat|jacket)`,
  String.raw`ti(?:e|es|ing) (?:his |her |their )?shoes`,
  String.raw`(?:comb|wash|brush)(?:es|ing)? (?:his |her |their )?(?:hair|teeth)`,
  String.raw`l(?:ie|ying|ay) (?:flat|down|supine|on (?:his |her |their |the )?(?:back|side|stomach|left|right)\w*)`,
  String.raw`play(?:s|ing)? (?:with|sports|golf|tennis)`,
  // Recreation and leisure (ICF d920), and postures and hand use not named above (d410-d445).
  String.raw`(?:run|jog|running|jogging|hik(?:e|ing)|bik(?:e|ing)|bicycl(?:e|ing)|cycling|swimming|golf(?:ing)?|bowling|dancing|fishing|hunting|skiing|gym)`,
  String.raw`(?:recreational |leisure |social )?(?:sports|hobbies)`,
  String.raw`twist(?:s|ing)?`,
  String.raw`crouch(?:es|ing)?`,
  String.raw`look(?:ing)? (?:up|down|over (?:his|her|their) shoulder)`,
  String.raw`(?:us(?:e|es|ing) (?:a |the |his |her )?)?(?:computer|keyboard|mouse)`,
  String.raw`hold(?:s|ing)? (?:objects|things|a (?:cup|pen|phone|book)|(?:his|her|their) (?:arms?|head) up)`,
  String.raw`toilet(?:ing)?`,
  // Tolerance as physical therapists chart it: "decreased activity tolerance", "poor standing endurance".
  'activity tolerance',
  'balance',
  String.raw`(?:standing|sitting|walking) (?:balance|endurance)`,
];

/** Words before an activity that make it a limitation. */
export const LIMIT_BEFORE: readonly string[] = [
  // A therapist's list, "difficulty with the following: reaching overhead" (before "difficulty with": the parts of
  // a composed pattern take the first alternative that matches, composed-match.ts).
  String.raw`(?:difficulty|trouble|problems?) with the following(?: activities)?:\s*(?=\w)`,
  'unable to',
  'inability to',
  'cannot',
  "can't",
  'can not',
  'could not',
  "couldn't",
  'not able to',
  String.raw`(?:has |have )?not been able to`,
  'difficulty(?: with)?',
  'difficult(?: time)?',
  'trouble(?: with)?',
  'hard time',
  'problems? with',
  String.raw`(?:has|have|having|had) (?:some |significant |many |a lot of )?problems?`,
  String.raw`limit(?:s|ed|ing|ations?)?(?: (?:in|with|to|on))?`,
  String.raw`restrict(?:s|ed|ions?)?(?: (?:in|with|to|on|from))?`,
  'decreased(?: ability to)?',
  // "decrease in activities of daily living", "general decrease in overall function".
  String.raw`(?:decrease|decline|reduction|deterioration) (?:in|of)(?: (?:his|her|their))?`,
  'impaired',
  'needs? (?:assistance|help)(?: to| with)?',
  // Graded assistance as therapists chart it: "needs moderate assistance with transfers", "is minimal assist for".
  String.raw`(?:needs?|requires?|requiring|required) (?:(?:min(?:imal|imum)?|mod(?:erate)?|max(?:imal|imum)?|some|considerable|total|standby|contact[- ]guard|physical|hands-on) )(?:assistance|assist|help)(?: (?:to|with|for|in))?`,
  String.raw`(?:min(?:imal|imum)?|mod(?:erate)?|max(?:imal|imum)?|standby|contact[- ]guard) (?:assist(?:ance)?|A) (?:for|with|in|to)`,
  String.raw`requir(?:es?|ing) (?:assistance|help)(?: to| with| for)?`,
  String.raw`dependent (?:for|with|on|in)`,
  String.raw`can no longer|no longer able to|had to stop|(?:has|had|have) stopped|gave up|(?:has|have) given up`,
  'only able to',
  String.raw`(?:can|could) (?:hardly|barely|scarcely)`,
  String.raw`interfer(?:es|ing|ed) with`,
  String.raw`affect(?:s|ing|ed)? (?:his|her|their)?`,
  String.raw`prevent(?:s|ed|ing)? (?:him|her|them) from`,
  'painful',
  String.raw`(?:(?:significant|major|marked|negative|severe|great) )?impact(?:s|ed|ing)? (?:on )?`,
  'intolerance to',
  String.raw`should (?:probably |likely |definitely )?not`,
  'must not',
  // Restrictions a report places: "she should avoid repetitive pushing", "should probably avoid prolonged walking".
  String.raw`should (?:probably |likely |definitely )?avoid`,
  String.raw`deficits? (?:in|with|of)`,
  // "general limitations with home tasks", "extreme limitations with ability to complete home tasks".
  String.raw`limitations? (?:with|in|of)(?: (?:his|her|their))?(?: ability to)?`,
  String.raw`avoids|avoiding`,
  // "it is hard for her to kneel", "struggles to climb stairs", "reduced ability to stand".
  String.raw`(?:hard|impossible|uncomfortable|challenging)(?: for (?:him|her|them|the patient))? to`,
  String.raw`struggl(?:es?|ing) (?:to|with)`,
  String.raw`(?:does not|doesn't|no longer|cannot|can't) (?:engage|participate|take part) in`,
  // Work restrictions as medicolegal reports word them: "precluded from heavy lifting", "lost half of his pre-injury
  // capacity for bending".
  String.raw`(?:is |are |be |should be )?precluded from`,
  // Help given by someone else: "her husband helps her with dressing".
  String.raw`(?:helps?|helped|assists?|assisted) (?:him|her|them) (?:with|to|in)`,
  String.raw`(?:loss of|lost) (?:[\w%]+ ){0,3}?(?:(?:his|her|their) )?pre-?injury capacity (?:for|to)`,
  // "has to use her arms to get up from a chair".
  String.raw`(?:has|have|needs?) to use (?:his|her|their) (?:arms|hands) to`,
  String.raw`(?:reduced|diminished|poor|low|minimal) (?:ability to|tolerance (?:for|to)|endurance (?:for|with))`,
  // Withdrawal from activities, and housework left to someone else ("relies on her husband to do the housework").
  String.raw`(?:reduced|decreased|limited|minimal|poor) participation in`,
  String.raw`(?:relies|relying|depends|depending) on (?:his|her|their) (?:\w+ ){1,2}?(?:to do(?: the)?|to help (?:him |her |them )?with|for)`,
];

/** Words after an activity that make it a limitation ("walking tolerance", "sitting is difficult"). */
export const LIMIT_AFTER: readonly string[] = [
  'tolerance',
  String.raw`(?:is|are|was|were|has been|have been|becomes?) (?:very |quite |extremely |significantly |severely |markedly |greatly |moderately |mildly |(?:much |somewhat |a little )?more )?(?:difficult|limited|painful|a (?:significant )?problem|impaired|restricted|hard|bothersome|decreased|reduced|diminished|affected)`,
  // "activities of daily living are practically zero", "walking ... feels worse", "she is walking slower".
  String.raw`(?:is|are|was|were|has been|have been) (?:practically|essentially|almost|nearly|virtually) (?:zero|nil|none|nonexistent|non-existent)`,
  String.raw`(?:feels?|felt|is|are|has been|have been|has gotten|has become|is getting) (?:much |a little |somewhat |a lot )?worse`,
  'slower',
  String.raw`for (?:long|prolonged|extended) periods(?: of time)?|for any length of time`,
  String.raw`(?:has|have) (?:significantly |markedly |greatly )?(?:decreased|diminished|declined)`,
  String.raw`(?:with )?(?:min(?:imal|imum)?|mod(?:erate)?|max(?:imal|imum)?) (?:assist\w*|A)`,
  String.raw`with (?:a |an )?(?:significant |mild |moderate |marked |some |great |considerable |minimal |little )?(?:assist\w*|aid|difficulty|walker|cane|crutches|contact guard|standby|antalgic)`,
  String.raw`(?:for|of) (?:more|longer) than`,
  String.raw`(?:up to|only|no more than) \d+`,
  // "walking more than one block increases the pain": a tolerance told as a distance or a time.
  String.raw`(?:more|longer) than (?:\d+(?:-\d+)?|one|two|three|four|five|ten|fifteen|twenty|thirty|a|half an?) (?:minutes?|mins?|hours?|blocks?|city blocks?|feet|yards|miles?)`,
  // "lifting limited to 20 pounds", "sitting restricted to 30 minutes at a time".
  String.raw`(?:is |are |was |were )?(?:limited|restricted) to (?:about |approximately |less than |under )?(?:\d+|one|two|three|five|ten|a few|a couple of)`,
  // "walks ten minutes before she has to sit down": the stop is the tolerance.
  String.raw`before (?:he|she|they|the patient) (?:has|have|needs?|must) to (?:stop|rest|sit|lie|change positions)`,
  String.raw`(?:is|are|was|were|has been|have been|becomes?) (?:now )?(?:impossible|intolerable|unbearable)`,
];

/**
 * A restriction's own words, "no heavy lifting", "no prolonged standing": the modifier and the activity restricted.
 * One home for the function phrase (WORK_STATUS_MORE), the restriction that is not negated by its sibling's "no"
 * (extract-function.ts) and the form field whose "no" is a restriction, not an answer (cues.ts).
 */
export const RESTRICTION_MODIFIER = String.raw`(?:heavy|repetitive|prolonged|overhead|frequent)`;
export const RESTRICTED_ACTIVITY = String.raw`(?:lifting|bending|stooping|twisting|climbing|kneeling|squatting|crawling|pushing|pulling|reaching|standing|sitting|walking|driving|work)`;

/**
 * Work status and work capacity not in the list below, by family: disability classes of workers' compensation, the
 * kinds of restricted work, lifting and carrying limits told as a weight.
 */
const WORK_STATUS_MORE: readonly string[] = [
  String.raw`temporar(?:y|ily) partial(?:ly)? disab\w*|TPD|permanent(?:ly)? (?:and )?(?:partial(?:ly)?|total(?:ly)?) disab\w*`,
  String.raw`(?:modified|restricted|alternative|alternate|transitional|limited|light) (?:work|job|position|capacity)(?![- ]?up)`,
  String.raw`(?:weight|lifting|carrying) (?:limits?|limitations?|restrictions?)|\d+[- ]?(?:pounds?|lbs?)\.? (?:weight |lifting |carrying )?(?:limits?|restrictions?)`,
  String.raw`lift(?:ing)? (?:is |was )?(?:limited|restricted) to (?:about |approximately )?\d+`,
  String.raw`(?:no|not|avoid|cannot|can't|unable to|should not) (?:repetitive |heavy )?lift(?:ing)? (?:anything |objects )?(?:over|above|in excess of|beyond|exceeding) \d+`,
  // A restriction list without a weight: "no heavy lifting, no prolonged standing, no repetitive bending".
  String.raw`(?<!\b(?:was|were|is|there) )no ${RESTRICTION_MODIFIER} ${RESTRICTED_ACTIVITY}`,
  String.raw`(?:unable|not able|has not been able|have not been able) to (?:return to|resume|go back to) (?:his |her |their )?(?:\w+ )?(?:work|job|duties|employment)`,
  String.raw`(?:his|her|their) (?:usual and customary|usual|customary|pre-?injury|former|previous|regular) (?:work|job|occupation|duties|employment)(?: capacity)?`,
  String.raw`precluded from (?:very )?(?:heavy|strenuous|repetitive|prolonged) (?:work|labor|lifting)`,
  String.raw`work modifications?`,
  String.raw`preclud(?:es|ing) (?:him |her |them )?(?:from )?(?:very )?(?:heavy|strenuous|repetitive|prolonged) (?:work|labor|lifting)`,
  String.raw`(?:permanent|temporary|physical) (?:work )?restrictions`,
  String.raw`not to (?:do|perform|return to) (?:any )?(?:heavy |repetitive |overhead )?(?:work|lifting|duties)`,
  String.raw`functional (?:limitations?|impairments?|deficits?|decline)`,
  String.raw`(?:minimal|limited) (?:activities of daily living|ADLs?|daily activities)`,
  // Out of the workforce, or moved within it, because of the condition.
  String.raw`(?:(?:is|are|was|has been|remains) (?:currently |presently |still )?)?(?:unemployed|not (?:currently |presently )?employed)`,
  String.raw`(?:had to |has had to |was forced to )?(?:change|changed|switch|switched) (?:jobs|careers|occupations|(?:his|her|their) (?:job|career|occupation))(?= (?:because of|due to|secondary to|since))`,
  String.raw`medical(?:ly)? retire(?:d|ment)|disability retirement|(?:took |taken )?early retirement(?= (?:because of|due to|secondary to))|retired early(?= (?:because of|due to|secondary to))`,
  String.raw`(?:receiv(?:es|ing|ed)|collect(?:s|ing|ed)|draw(?:s|ing)|approved for|awarded|granted|accepted for) (?:(?:social security|long-term|short-term|state|permanent|total|partial|temporary) )*disability(?: benefits| payments| insurance| income| retirement)?`,
  String.raw`FMLA(?: leave)?|(?:workers'? comp(?:ensation)?|disability|medical) leave|on (?:temporary|permanent|partial|total|state) disability|(?:cannot|can't|could not|unable to|will not|won't|did not) accommodate (?:his |her |their )?(?:work )?restrictions`,
  String.raw`works? (?:about |approximately |only )?(?:\d+|full|part|half) (?:hours?|days?) (?:a|per|each) (?:week|day)|(?:terminated|fired|let go|dismissed) from (?:his |her |their )?(?:job|work|position|employment)|cut(?:ting)? back (?:on )?(?:(?:his|her|their) )?(?:hours|shifts|work(?:ing)?|at work)`,
  // A walking aid told as help ("ambulates with the assistance of a walker"), a status field ("Functional status:
  // Limited by pain"), rest a walk forces, and a job given up.
  String.raw`(?:ambulat(?:es|ing)|walks|walking|gets around) with (?:the )?(?:assistance|aid|help|use) of (?:a |an )?(?:(?:wheeled|front-wheeled|four-wheeled|single-point|quad) )?(?:cane|walker|crutches|rollator|wheelchair)`,
  String.raw`functional status:\s*(?:severely |significantly |markedly )?(?:limited|impaired|restricted|decreased|reduced|poor)`,
  // A therapist's shorthand for walking with a device or help: "Amb with SPC x 50 feet", "ambulates 100 ft with
  // rolling walker and min assist".
  String.raw`(?:amb(?:ulat(?:es|ed|ing|ion))?|walks|gait)\.?(?: \d+ ?(?:ft|feet|yards|meters)\.?)? (?:with|w\/) (?:a |an |the )?(?:SPC|single[- ]point cane|quad cane|cane|(?:rolling|front[- ]wheeled|wheeled|standard) walker|RW|FWW|walker|crutches|rollator|SBA|CGA|(?:min(?:imal|imum)?|mod(?:erate)?|max(?:imal|imum)?) assist\w*)`,
  String.raw`must (?:lie down|sit down|stop and rest|stop|rest) (?:after|every|within) `,
  String.raw`(?:had to |has had to |was forced to )?g(?:i|a)ve up (?:his|her|their) (?:job|work|career|employment)`,
  // Compensation told as where the patient is: "has been on workers' comp since 2009" (not "a workers' comp case").
  String.raw`(?:is|has been|have been|remains|was|were) (?:currently |still |now )?on (?:workers'? comp(?:ensation)?|work comp)`,
  String.raw`(?:caused|forced|led) (?:him|her|them) to (?:lose|leave|quit|stop) (?:his |her |their )?(?:job|work(?:ing)?|employment)`,
  String.raw`functional (?:status|capacity|level|abilit(?:y|ies)) (?:has |have )?(?:significantly |markedly |steadily |gradually )?(?:declined|deteriorated|worsened|decreased)`,
  String.raw`(?:can|could|is able to) (?:only )?do (?:very )?little (?:around the (?:house|home)|at home|at work|for (?:himself|herself|themselves))`,
  String.raw`missed (?:(?:one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a number of|numerous|some|\d+|several|many|multiple|a few) )(?:days|weeks|months|shifts) (?:of|from|at) (?:work|(?:his|her|their) job)`,
];

/** Work status, said however it is said. */
export const WORK_STATUS = String.raw`work status:?\s*(?:working|not working|off work|full duty|modified duty|light duty|regular duty|TTD|retired)|full work duties|(?:normal|usual|regular) work activities|returned back to (?:his |her )?(?:usual|normal|regular)(?: and customary)? (?:work|job|duties)|off work(?! factors| injur)|no work status|(?:has|have) not (?:been )?work(?:ed|ing)(?<!\b(?:treatments?|therapy|therapies|medications?|injections?|it|this|that|nothing|measures|management|care|drugs?|pills?|surgery) (?:has|have) not (?:been )?work(?:ed|ing))|hasn't (?:been )?work(?:ed|ing)|not (?:currently |presently )?working|no longer (?:working|works|able to work)|lost (?:time|\d+ days|several days) (?:from|of|at) work|(?:uses?|using|requires?|requiring|needs?|ambulates with|walks with) (?:the use of )?(?:a |an )?(?:(?:wheeled|front-wheeled|four-wheeled) )?(?:cane|walker|wheelchair|crutches|rollator)|(?:(?:has|have|needs?|had) to|must|frequently|constantly|often) (?:change|shift|alternate|changing|shifting|alternating) (?:his |her |their )?positions?|(?:has|have|needs?|had) to (?:lie down|sit down|stop and rest|stop|rest) (?:after|every|within) |(?:not be|never be) able to (?:ever )?return (?:back )?to (?:his |her |their )?(?:\w+ ){0,4}?(?:work|job|duties)|return(?:ed)? to work with (?:the following |some |these |permanent )?restrictions|retired[^.;]{0,40}?\b(?:secondary to|due to|because of) (?:his |her |their )?(?:back|neck|pain|injur)|out of work|not working|not been back to work|(?:working|works) (?:full|part|half)[- ]time|(?:working|works) (?:approximately )?half time|TTD(?: status| benefits)?|temporar(?:y|ily) (?:and )?total(?:ly)? disab\w*|(?:social security|long-term|short-term) disability(?: benefits)?|disability benefits|(?:light|modified|full|regular|restricted|normal) (?:duty|duties)|(?:returned|went|gone)(?: back)? to (?:his |her |their )?(?:work|usual job|normal job|regular job|job|full duty|regular duty)|released (?:him |her )?(?:to|back to) (?:work|full|regular|modified|light)|(?:medical|sick) leave|leave of absence|(?:semi-)?sedentary work|lifting (?:limit|restriction)s?|(?:no|not) lift(?:ing)? (?:more|greater|over|heavier) than \d+|lift(?:ing)? (?:no more|nothing more|more) than \d+|(?:avoid|should not|must not|cannot|can't|unable to) lift(?:ing)? (?:anything |objects )?(?:more than|greater than|over|heavier than|in excess of) \d+|work restrictions?|off of work|(?:working|works|returned to work|back to work) with (?:\w+ )?restrictions|(?:placed on|given|has|have|with) (?:permanent|temporary|physical|work) restrictions|(?:has not|hasn't|have not|never|not) (?:yet )?returned to (?:work|(?:his|her|their) (?:job|work))|reduc(?:e|ed|ing) (?:his |her |their )?(?:work(?:ing)? )?hours|(?:had to |has had to )?quit (?:his|her|their) job|(?:lost|left) (?:his|her|their) job (?:because of|due to|secondary to)|homebound|housebound|(?:household|limited community|community) ambulator|non-?ambulatory|wheelchair[- ](?:bound|dependent)|confined to (?:a |the )?(?:wheelchair|bed)|employed (?:full|part)[- ]time|(?:he|she|they|patient) (?:is|are) (?:currently |still |presently )?working(?! (?:on|with|through|toward|towards|hard|to)\b)|continues to work|(?:is |are )?back at work|working without (?:any )?restrictions|laid off|on (?:a )?leave (?:of absence )?from (?:work|(?:his|her|their) job)|(?:permanently|totally|currently|completely) disabled|(?:functional(?:ly)? (?:status|activities|capacity) (?:is |are |has been )?(?:severely |significantly |markedly )?(?:limited|impaired|restricted|decreased|reduced))|functionally limited|${WORK_STATUS_MORE.join('|')}`;

/**
 * Activities given up (recreation, exercise, outings: ICF d920): "has had to stop jogging", "gave up golf", "stopped
 * going to the gym", "used to bowl but has stopped", "does not garden anymore". Read from the first word of the
 * phrase, so a negation inside it is the limitation, not the absence of one.
 */
const GIVEN_UP = String.raw`(?:running|jogging|golf(?:ing)?|bowling|dancing|fishing|hunting|skiing|swimming|hiking|biking|cycling|riding|gardening|exercising|exercise|working out|tennis|softball|baseball|basketball|football|soccer|volleyball|sports|hobbies|(?:the )?gym|church|walks)`;
export const STOPPED_ACTIVITY = [
  // "making normal activities difficult", "makes walking painful".
  String.raw`mak(?:es|ing|e) (?:(?:his|her|their|normal|daily|usual|all|most|many|everyday|any|routine) )*(?:activities|tasks|chores|work|walking|sitting|standing|sleeping|sleep|driving|ADLs|life|bending|lifting) (?:very |extremely |quite |more )?(?:difficult|hard|impossible|painful|intolerable)`,
  String.raw`(?:(?:has|have|had) (?:had to )?|had to )?(?:stopped|quit|given up|gave up) (?:going (?:to )?|doing |playing |participating in |(?:his|her|their) )?(?:${GIVEN_UP})`,
  String.raw`used to (?:go |play |do )?(?:\w+ ){0,2}?(?:run|jog|golf|bowl|dance|fish|hunt|ski|swim|hike|bike|ride|garden|exercise|work out|${GIVEN_UP})\b[^.;]{0,40}?\bbut (?:(?:he|she|they) )?(?:has|have|had|is|are|can|could)? ?(?:(?:had to )?(?:stopped|quit|given (?:it |that |this )?up)|no longer|not able|unable|cannot|can't|not)`,
  String.raw`(?:does not|doesn't|do not|don't|no longer|cannot|can't|is not able to|is unable to) (?:go |play |do )?(?:\w+ )?(?:run|jog|golf|bowl|dance|fish|hunt|ski|swim|hike|bike|garden|exercise|work out|${GIVEN_UP})\b(?: \w+){0,3}? (?:any ?more|any longer)`,
].join('|');

/**
 * Gait and weight-bearing status, as orthopaedic and therapy notes chart them: "walks with a limp", "is
 * nonweightbearing on the left", "unable to bear weight", "ambulates short distances only".
 */
export const MOBILITY_STATUS = [
  String.raw`(?:walks?|walking|ambulates?|ambulating) with (?:a |an )?(?:\w+ )?limp|limp(?:s|ing)\b(?! (?:off|away|home))`,
  String.raw`(?:non-?|partial(?:ly)? |touch-?down |toe-?touch |protected )weight-?bearing(?! as tolerated)`,
  String.raw`(?:unable to|cannot|can't|not able to|difficulty|inability to|trouble) (?:fully )?bear(?:ing)? (?:full )?weight`,
  String.raw`(?:walk|ambulate)s? (?:only )?(?:very )?(?:short|limited) distances`,
  // The patient's getting about, not a joint's range ("limited mobility of the shoulder" is the exam's).
  String.raw`(?:(?:very|severely|markedly|extremely|quite) )?(?:limited|decreased|impaired|poor|reduced) mobility(?! of\b| in (?:the|his|her|their)\b)`,
  String.raw`(?:mild|slight|noticeable|significant|marked|obvious) limp`,
  // A walk test stopped by pain: "painful symptoms occurring after approximately 400 feet of walking".
  String.raw`after (?:approximately |about |only )?\d+ (?:feet|ft|yards|blocks?|minutes?) of (?:walking|ambulation|standing|sitting)`,
].join('|');

/** Therapists' shorthand for a tolerance: "sitting > 30 min", "walking < 1 block", "stand <10 minutes". */
export const TOLERANCE_SHORTHAND = String.raw`(?:sitting|standing|walking|driving|ambulation|sit|stand|walk|drive)\s*(?:[<>≤≥]|less than|greater than)\s*\d+\s*(?:minutes?|mins?|min|hours?|hrs?|hr|blocks?|feet|ft)`;

/**
 * Function told as form fields, as therapy and medicolegal reports chart it: "Sitting tolerance: 20 minutes",
 * "Lifting: 10 lbs", "Sleep: poor", "Sleep: 4 hours", "Work status: modified duty". A field needs a quantity with its
 * unit or a word of limitation ("Standing: 116/68" is a blood pressure).
 */
const FIELD_ACTIVITY = String.raw`(?:sitting|standing|walking|driving|lifting|carrying|bending|ambulation|stairs)(?: tolerance)?`;
export const FUNCTION_FIELDS = [
  String.raw`${FIELD_ACTIVITY}\s*:\s*(?:(?:about|approximately|up to|less than|only|limited to|[<>])\s*)*(?:\d+(?:-\d+)?|one|two|three|four|five|ten|fifteen|twenty|thirty|half an?|a)\s*(?:minutes?|mins?|min|hours?|hrs?|blocks?|feet|ft|yards|miles?|pounds?|lbs?)`,
  String.raw`(?:${FIELD_ACTIVITY}|sleep(?:ing)?|ADLs?|self-care|housework|recreation)\s*:\s*(?:limited|restricted|poor|difficult|painful|unable|impaired|decreased|disturbed|interrupted|needs? (?:assistance|help)|dependent|with difficulty|avoids?)`,
  String.raw`sleep\s*:\s*(?:\d+(?:-\d+)?|one|two|three|four|five|six)\s*(?:hours?|hrs?)`,
  // "Activities affected: sleeping, driving, working": the field names the first; the kind is read off it.
  String.raw`(?:activities|functions?|ADLs?) (?:affected|limited|impaired|restricted)\s*:\s*[A-Za-z]+`,
  // Only a short answer: a sentence after the heading is read by the other families.
  String.raw`(?:work|employment|disability) status\s*:\s*(?!n\/?a\b|none\b|unknown\b|not (?:applicable|given)\b|the\b|he\b|she\b|they\b|patient\b)[A-Za-z][\w-]*(?: [\w-]+){0,3}(?=\s*(?:[.;,\n]|$))`,
].join('|');

/** A day spent lying down is the limitation itself. */
export const BED_BOUND = String.raw`(?:spends?|spending) (?:most|much|all|part|half) of (?:the|his|her|their) (?:day|time) (?:(?:lying|laying) )?(?:in bed|on the (?:floor|couch|sofa)|in (?:a |the )?recliner)|(?:lays|lies|lay|laying|lying|stays|staying|spends?|spending) in bed (?:almost |nearly |most of the day|much of the day)?(?:all day(?: long)?(?: every ?day)?)?|bed-?bound|bedridden`;

/** Sleep disturbance. */
export const SLEEP = String.raw`sleep (?:alteration|disturbance|disruption)s? (?:because of|due to|secondary to) (?:the )?pain(?::[^.;\n]{0,120})?|sleep (?:disturb\w*|disrupt\w*|problems?)|(?:difficulty|trouble|problems?) (?:sleeping|with sleep)|wakes? (?:him |her |them )?up|waking up|awaken\w*|interrupted sleep|(?:unable to|can't|cannot) sleep|poor sleep|keeps (?:him|her|them) (?:up|awake)(?: at night)?|trouble (?:falling|staying) asleep|difficulty (?:falling|staying) asleep|sleep (?:is |as )?(?:erratic|fragmented|interrupted|disturbed|restless)|(?:erratic|fragmented|disturbed|restless) sleep|insomnia(?=[^.;]*\bpain)|insomnia(?<=\bpain\b[^.;]*insomnia)|sleep at night|sleeps? (?:only |about |approximately |less than |no more than ){1,2}(?:\d+(?:-\d+)?|one|two|three|four|five|six|a few|a couple of) hours|(?:gets?|getting) (?:only )?(?:about |approximately |less than )?(?:\d+(?:-\d+)?|one|two|three|four|five) hours of sleep|sleep (?:is |has been )?(?:disrupted|poor|limited|broken)|(?:loss of|lost|losing) sleep|(?:unable to|cannot|can't|difficulty) (?:get(?:ting)? (?:to )?sleep|fall(?:ing)? asleep|stay(?:ing)? asleep)|awake(?:ns)? (?:him|her|them) (?:at night|from sleep)|wakes? (?:up )?(?:\w+ )?(?:times?|several times|multiple times) (?:a|per|each) night|night(?:time)? pain (?:wakes|awakens)|not sleeping(?: well)?|sleeps? poorly|(?:does not|doesn't|cannot|can't|unable to|is not able to) sleep (?:at night )?(?:well|through the night|more than|for more than)|sleep (?:is |has been )?(?:affected|impaired)|(?:disturbs|disrupts|interrupts|affects|interferes with|interfering with) (?:his |her |their )?sleep|sleep deprivation|restless nights?|wakes? (?:up )?(?:\d+(?:-\d+)?|one|two|three|four|five|several|multiple|many) (?:times?|x) (?:a |per |each |every )?(?:night|nightly)|(?:sleeps?|sleeping|slept|has to sleep|have to sleep) (?:\w+ )?(?:in a (?:recliner|chair)|on the (?:couch|floor|sofa)|sitting up)`;

/** Instruments other than ODI/NDI/PEG/PROMIS (those stay in extract-function), with a score when given. */
const OTHER_INSTRUMENT_NAMES = String.raw`(?:WOMAC|Berg(?: balance)?(?: scale)?|Roland[- ]Morris|DASH|QuickDASH|LEFS|FABQ|Tinetti|Timed Up and Go|TUG|SF-?36|SF-?12|Brief Pain Inventory|BPI|PSFS|Patient[- ]Specific Functional Scale|FOTO|KOOS|HOOS|Lysholm|Neck Pain and Disability Scale)`;
// The score told later in the sentence as the total ("Tinetti assessment tool, which showed a balance score of 13/16 and
// a gait score of 11/12 for a total score of 24/28"), read before the name-then-number form.
export const INSTRUMENT_TOTAL = String.raw`${OTHER_INSTRUMENT_NAMES}[^.;\n]{0,100}?\btotal score (?:of |was |is |= ?|: ?)?\d+(?:\.\d+)?(?:\s*\/\s*\d+)?`;
export const OTHER_INSTRUMENTS = String.raw`${INSTRUMENT_TOTAL}|${OTHER_INSTRUMENT_NAMES}(?:\s+(?:physical|mental|functional|function|total|average|mean|interference|component|summary|composite|status|score))*\s*(?:[:=]|of|is|was)?\s*\d+(?:\.\d+)?(?:\s*\/\s*\d+)?(?: points)?|\b\d+\s*\/\s*56(?: points)?|Oswestry[^.\n]{0,40}?:\s*(?:significant|moderate|severe|minimal|mild)\w*(?: impact| disability)?`;

/** Work status that documents no limitation ("works full time", "returned to full duty"): a fact, not a deficit. */
export const NOT_LIMITING =
  /\b(?:full[- ]time|full dut|regular dut|normal dut|returned|released|went back|went to work|back to|without (?:any )?restrictions?)/i;

/**
 * The next items of a list of alternatives after a limitation ("difficulty with prolonged standing, sitting or
 * walking"): each item is a limitation of its own. Joined by "and" the activities are one compound limitation
 * ("difficulty with standing and walking"), as the corpus reads it. Read from the end of the first item.
 */
export const LIST_JOIN = /^(?:\s*,\s*(?:or\s+|and\/or\s+)?|\s+(?:or|and\/or|nor)\s+)/i;
/** LIST_MORE up to its activity: the part run before the shared activity list (composed-match.ts). */
export const LIST_HEAD = String.raw`${LIST_JOIN.source}(?:(?:prolonged|long|extended|repetitive|sustained|heavy|any)\s+)?`;
export const LIST_MORE = new RegExp(String.raw`${LIST_HEAD}(?:${ACTIVITIES.join('|')})\b`, 'i');
