// The bench's synthetic megabyte: the visit notes joined and repeated to 1 MB. One home, because the warm run, the
// cold Node child and the cold browser worker must time the same text.
import visits from '../fixtures/notes/visits.json';

export const ONE_MB = 1_048_576;

export function visitsMegabyte(): string {
  let text = '';
  while (text.length < ONE_MB) text += `${visits.notes.join('\n')}\n`;
  return text.slice(0, ONE_MB);
}
