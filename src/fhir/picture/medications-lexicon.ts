// One home for the medication facts both readers use (coded MedicationRequest/Statement here, the notes engine in
// src/fhir/notes): ingredient -> conservative-care class, the ingredient's RxNorm RxCUI (IN term type), and the
// US brand names an EHR or a note may use instead. Data only; the look-ups are in ./medications.ts.
import type { ConservativeKind } from '../../policy/picture';

export interface Ingredient {
  name: string;
  /** RxNorm ingredient RxCUI (TTY=IN). */
  rxcui: string;
  kind: ConservativeKind;
  brands: readonly string[];
  /** Other spellings ("APAP", "paracetamol"). */
  aliases?: readonly string[];
}

export const INGREDIENTS: readonly Ingredient[] = [
  // NSAIDs
  { name: 'ibuprofen', rxcui: '5640', kind: 'nsaid', brands: ['Advil', 'Motrin'] },
  { name: 'naproxen', rxcui: '7258', kind: 'nsaid', brands: ['Aleve', 'Naprosyn', 'Anaprox', 'EC-Naprosyn'] },
  { name: 'meloxicam', rxcui: '41493', kind: 'nsaid', brands: ['Mobic', 'Vivlodex'] },
  { name: 'diclofenac', rxcui: '3355', kind: 'nsaid', brands: ['Voltaren', 'Cataflam', 'Zorvolex', 'Arthrotec'] },
  { name: 'celecoxib', rxcui: '140587', kind: 'nsaid', brands: ['Celebrex'] },
  { name: 'indomethacin', rxcui: '5781', kind: 'nsaid', brands: ['Indocin', 'Tivorbex'] },
  { name: 'nabumetone', rxcui: '31448', kind: 'nsaid', brands: ['Relafen'] },
  { name: 'ketorolac', rxcui: '35827', kind: 'nsaid', brands: ['Toradol', 'Sprix'] },
  { name: 'etodolac', rxcui: '24605', kind: 'nsaid', brands: ['Lodine'] },
  { name: 'piroxicam', rxcui: '8356', kind: 'nsaid', brands: ['Feldene'] },
  { name: 'sulindac', rxcui: '10237', kind: 'nsaid', brands: ['Clinoril'] },
  { name: 'oxaprozin', rxcui: '32613', kind: 'nsaid', brands: ['Daypro'] },
  { name: 'ketoprofen', rxcui: '6142', kind: 'nsaid', brands: [] },
  { name: 'diflunisal', rxcui: '3393', kind: 'nsaid', brands: [] },
  { name: 'aspirin', rxcui: '1191', kind: 'nsaid', brands: ['Bayer', 'Ecotrin'], aliases: ['acetylsalicylic acid'] },
  // Muscle relaxants
  { name: 'cyclobenzaprine', rxcui: '21949', kind: 'muscle-relaxant', brands: ['Flexeril', 'Amrix', 'Fexmid'] },
  { name: 'tizanidine', rxcui: '57258', kind: 'muscle-relaxant', brands: ['Zanaflex'] },
  { name: 'methocarbamol', rxcui: '6845', kind: 'muscle-relaxant', brands: ['Robaxin'] },
  { name: 'baclofen', rxcui: '1292', kind: 'muscle-relaxant', brands: ['Lioresal', 'Ozobax', 'Fleqsuvy'] },
  { name: 'carisoprodol', rxcui: '2101', kind: 'muscle-relaxant', brands: ['Soma'] },
  { name: 'metaxalone', rxcui: '59078', kind: 'muscle-relaxant', brands: ['Skelaxin'] },
  { name: 'orphenadrine', rxcui: '7715', kind: 'muscle-relaxant', brands: ['Norflex'] },
  // Neuropathic agents
  { name: 'gabapentin', rxcui: '25480', kind: 'neuropathic-agent', brands: ['Neurontin', 'Gralise', 'Horizant'] },
  { name: 'pregabalin', rxcui: '187832', kind: 'neuropathic-agent', brands: ['Lyrica'] },
  { name: 'duloxetine', rxcui: '72625', kind: 'neuropathic-agent', brands: ['Cymbalta', 'Drizalma'] },
  { name: 'amitriptyline', rxcui: '704', kind: 'neuropathic-agent', brands: ['Elavil'] },
  { name: 'nortriptyline', rxcui: '7531', kind: 'neuropathic-agent', brands: ['Pamelor'] },
  { name: 'venlafaxine', rxcui: '39786', kind: 'neuropathic-agent', brands: ['Effexor'] },
  // Simple analgesic
  { name: 'acetaminophen', rxcui: '161', kind: 'analgesic', brands: ['Tylenol'], aliases: ['APAP', 'paracetamol'] },
  // Opioids
  { name: 'tramadol', rxcui: '10689', kind: 'opioid', brands: ['Ultram', 'Ultracet', 'ConZip'] },
  { name: 'oxycodone', rxcui: '7804', kind: 'opioid', brands: ['OxyContin', 'Roxicodone', 'Percocet', 'Endocet', 'Xtampza', 'Oxaydo'] },
  { name: 'hydrocodone', rxcui: '5489', kind: 'opioid', brands: ['Vicodin', 'Norco', 'Lortab', 'Hysingla', 'Zohydro', 'Vicoprofen'] },
  { name: 'morphine', rxcui: '7052', kind: 'opioid', brands: ['MS Contin', 'Kadian'] },
  { name: 'hydromorphone', rxcui: '3423', kind: 'opioid', brands: ['Dilaudid', 'Exalgo'] },
  { name: 'codeine', rxcui: '2670', kind: 'opioid', brands: [] },
  { name: 'fentanyl', rxcui: '4337', kind: 'opioid', brands: ['Duragesic'] },
  { name: 'meperidine', rxcui: '6754', kind: 'opioid', brands: ['Demerol'], aliases: ['pethidine'] },
  { name: 'methadone', rxcui: '6813', kind: 'opioid', brands: ['Dolophine', 'Methadose'] },
  { name: 'tapentadol', rxcui: '787390', kind: 'opioid', brands: ['Nucynta'] },
  { name: 'oxymorphone', rxcui: '7814', kind: 'opioid', brands: ['Opana'] },
  { name: 'buprenorphine', rxcui: '1819', kind: 'opioid', brands: ['Butrans', 'Belbuca'] },
];

/**
 * Cough, cold and sleep ingredients: a product that holds one (NyQuil-type syrups, "PM" products) is not a trial of
 * pain treatment, whatever analgesic it also contains.
 */
export const NOT_A_PAIN_TRIAL: readonly string[] = [
  'dextromethorphan',
  'guaifenesin',
  'doxylamine',
  'pseudoephedrine',
  'phenylephrine',
  'chlorpheniramine',
  'brompheniramine',
  'diphenhydramine',
  'promethazine',
  'benzonatate',
];

/** Combination products count as their strongest class (acetaminophen/hydrocodone is an opioid trial). */
export const CLASS_STRENGTH: readonly ConservativeKind[] = ['opioid', 'neuropathic-agent', 'muscle-relaxant', 'nsaid', 'analgesic'];

/** Aspirin at or below this daily tablet strength is cardioprotective, not an anti-inflammatory trial. */
export const LOW_DOSE_ASPIRIN_MG = 162;
