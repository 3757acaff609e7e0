// RxNorm ingredient -> conservative-care class. Ingredient names back up the codes when an EHR codes products (SCD).
import type { ConservativeKind } from '../../policy/picture';

export interface MedClass {
  kind: ConservativeKind;
  name: string;
}

export const RXNORM_CLASSES: Record<string, MedClass> = {
  '5640': { kind: 'nsaid', name: 'ibuprofen' },
  '7258': { kind: 'nsaid', name: 'naproxen' },
  '41493': { kind: 'nsaid', name: 'meloxicam' },
  '3355': { kind: 'nsaid', name: 'diclofenac' },
  '140587': { kind: 'nsaid', name: 'celecoxib' },
  '5781': { kind: 'nsaid', name: 'indomethacin' },
  '7646': { kind: 'nsaid', name: 'nabumetone' },
  '21949': { kind: 'muscle-relaxant', name: 'cyclobenzaprine' },
  '57258': { kind: 'muscle-relaxant', name: 'tizanidine' },
  '6845': { kind: 'muscle-relaxant', name: 'methocarbamol' },
  '1292': { kind: 'muscle-relaxant', name: 'baclofen' },
  '25480': { kind: 'neuropathic-agent', name: 'gabapentin' },
  '187832': { kind: 'neuropathic-agent', name: 'pregabalin' },
  '72625': { kind: 'neuropathic-agent', name: 'duloxetine' },
  '704': { kind: 'neuropathic-agent', name: 'amitriptyline' },
  '161': { kind: 'analgesic', name: 'acetaminophen' },
  '10689': { kind: 'opioid', name: 'tramadol' },
  '7804': { kind: 'opioid', name: 'oxycodone' },
  '5489': { kind: 'opioid', name: 'hydrocodone' },
};

const BY_NAME = Object.values(RXNORM_CLASSES);

export function medClass(rxnormCodes: readonly string[], text: string): MedClass | undefined {
  for (const code of rxnormCodes) {
    const hit = RXNORM_CLASSES[code];
    if (hit) return hit;
  }
  const t = text.toLowerCase();
  return BY_NAME.find((m) => t.includes(m.name));
}
