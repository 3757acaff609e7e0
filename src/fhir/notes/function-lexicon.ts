// Function phrases as data: which limitation a phrase names.
import type { FunctionLimitation } from './mentions';

const LIMITATION_KINDS: [RegExp, FunctionLimitation][] = [
  [/\b(?:work|job|duty|disabilit|disabled|TTD|employ|shift)/i, 'work'],
  [/\b(?:sleep|wake|waking|awaken|night)/i, 'sleep'],
  [/\b(?:lift|carry)/i, 'lifting'],
  [/\b(?:walk|ambulat|stairs|block)/i, 'walking'],
  [/\b(?:sit)/i, 'sitting'],
  [/\b(?:stand)/i, 'standing'],
  [/\b(?:driv)/i, 'driving'],
  [/\b(?:ADL|daily|dress|bath|shower|groom|housework|chores|cook|clean|self-care|toilet)/i, 'adl'],
];

export function limitationKind(text: string): FunctionLimitation {
  for (const [re, k] of LIMITATION_KINDS) if (re.test(text)) return k;
  return 'other';
}
