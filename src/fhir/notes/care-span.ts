// How long a course of care ran when the note gives it as dates or as a schedule rather than a bare duration:
// "physical therapy twice weekly from August 3 to September 28", "naproxen 500 mg twice daily from July 1 to
// September 30", "PT 08/03/2026-09/28/2026", "PT twice weekly for eight weeks". Read just after the care term, and
// never across "and" (the next treatment of a list).
import { daysBetween } from '../../policy/dates';
import { MONTH_NAME, NUM_RANGE, UNIT } from './lexicon';
import { namedDates } from './relief-when';

const ONE_DATE = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}(?:\/(?:\d{4}|\d{2}))?|${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)`;
// A dose or schedule between the term and its dates: "500 mg twice daily", "twice weekly", "2x/week".
const BETWEEN = String.raw`(?:(?!\band\b)[^.;:()]){0,40}?`;
const RANGE = new RegExp(
  String.raw`^${BETWEEN}(?:\bfrom\s+|\(\s*|\s)(${ONE_DATE})\s*(?:to|through|thru|until|till|-|–)\s*(${ONE_DATE})\b`,
  'i',
);
const SCHEDULE = String.raw`(?:once|twice|three times|thrice|\d\s*(?:x|times))\s*(?:a\s+|per\s+|\/\s*)?(?:weekly|week|wk|daily|day)`;
export const SCHEDULED_FOR = new RegExp(
  String.raw`^\s*(?:\d+(?:\.\d+)?\s*mg\s+)?${SCHEDULE}\s+(?:x|×|for|over)\s*(?:about\s+|approximately\s+)?(${NUM_RANGE})\+?\s*-?\s*(${UNIT})\b`,
  'i',
);

// An open course: "ongoing physical therapy twice a week since October 5" runs to the note's day.
const SINCE = new RegExp(String.raw`^${BETWEEN}\bsince\s+(${ONE_DATE})\b`, 'i');

/** Weeks between the two dates named right after a care term, and the length of text read; undefined if none. */
export function rangeAfter(after: string, noteDay: string): { weeks: number; length: number } | undefined {
  const m = RANGE.exec(after) ?? (noteDay ? SINCE.exec(after) : null);
  if (!m) return undefined;
  const from = namedDates(m[1]!, noteDay)[0]?.value;
  let to = m[2] === undefined ? noteDay : namedDates(m[2], noteDay)[0]?.value;
  if (!from || !to || from.length !== 10 || to.length !== 10) return undefined;
  // "from November 10 to January 5" with no years: the end is the later one.
  if (to < from && m[2] !== undefined && !/\d{4}/.test(m[2])) to = `${Number(to.slice(0, 4)) + 1}${to.slice(4)}`;
  const days = daysBetween(from, to);
  if (!(days > 0 && days <= 3650)) return undefined;
  return { weeks: Math.round((days / 7) * 10) / 10, length: m[0].length };
}
