// Trigger words that a lexicon declares from its own data, for a matcher whose regex source the reader
// (required-words.ts) cannot follow: the care-term trie. Each drug name contributes its longest word (the trie
// matches a name whole, so that word is in every match of it), each class and therapy pattern the words read off it.
// Nothing here is a list to keep: it is computed from care-lexicon.ts at load.
import { CARE_TERMS, DRUG_BY_NAME, DRUG_CLASSES, THERAPIES } from './care-lexicon';
import { requiredWords, wordStart } from './required-words';
import { declareTriggerWords } from './trigger-scan';

/** What every care term contains, or null when a pattern cannot be read or a name is not plain ASCII. */
export function careTriggerWords(): string[] | null {
  const words = new Set<string>();
  for (const n of DRUG_BY_NAME.keys()) {
    if (!/^[\x20-\x7e]+$/.test(n)) return null;
    const longest = n.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.length < 3) return null;
    // Each word of a name begins a word in every match: the trie follows a \b, and the name's words are apart.
    words.add(wordStart(longest.toLowerCase()));
  }
  for (const [src] of [...DRUG_CLASSES, ...THERAPIES]) {
    // As CARE_TERMS runs it: after its \b, so that the words a pattern starts with are marked as beginning a word.
    const w = requiredWords(new RegExp(String.raw`\b(?:${src})`, 'i'));
    if (w === null) return null;
    for (const x of w) words.add(x);
  }
  return [...words];
}

declareTriggerWords(CARE_TERMS, requiredWords(CARE_TERMS) ?? careTriggerWords());
