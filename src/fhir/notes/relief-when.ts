// Which session a relief sentence is about, by the date it names ("the block on 2026-11-02: 79 percent", "The second,
// on September 14, gave only 20 percent", "Back in 2023 a block gave 90 percent"), and whether it says the relief is
// over ("pain returned in late June"). A note usually lists several sessions, so the date named nearest before the
// percentage (else the first after it) is the one it belongs to; the note's own date is not evidence that relief
// lasted until then when the sentence says the pain came back.
import { MONTH_NAME } from './lexicon';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED = new RegExp(
  String.raw`\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b(?!\/)|\b(${MONTH_NAME})\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?|\b(?:in|back in|during|since)\s+((?:19|20)\d\d)\b`,
  'gi',
);

export interface NamedDate {
  /** Sentence offset of the mention. */
  at: number;
  /** 'YYYY-MM-DD', or 'YYYY' when only a year is named. */
  value: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A month/day without a year is the latest such day on or before the note's day. */
function withYear(month: number, day: number, year: string | undefined, noteDay: string): string | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  if (year) return `${year.length === 2 ? `20${year}` : year}-${pad(month)}-${pad(day)}`;
  if (!noteDay) return undefined;
  const y = Number(noteDay.slice(0, 4));
  const same = `${y}-${pad(month)}-${pad(day)}`;
  return same <= noteDay ? same : `${y - 1}-${pad(month)}-${pad(day)}`;
}

/** Every session date the sentence names, in text order. */
export function namedDates(s: string, noteDay: string): NamedDate[] {
  const out: NamedDate[] = [];
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(s); m !== null; m = NAMED.exec(s)) {
    let value: string | undefined;
    if (m[1]) value = `${m[1]}-${m[2]}-${m[3]}`;
    // "7/10" with no year is a pain score, not July 10.
    else if (m[4]) value = !m[6] && m[5] === '10' ? undefined : withYear(Number(m[4]), Number(m[5]), m[6], noteDay);
    else if (m[7]) value = withYear(MONTHS.indexOf(m[7].slice(0, 3).toLowerCase()) + 1, Number(m[8]), m[9], noteDay);
    else if (m[10]) value = m[10];
    if (value) out.push({ at: m.index, value });
  }
  return out;
}

/** The date a relief match at `at` is about: the nearest named before it, else the first after it. */
export function dateFor(dates: readonly NamedDate[], at: number): string | undefined {
  let before: NamedDate | undefined;
  for (const d of dates) if (d.at < at) before = d;
  return (before ?? dates.find((d) => d.at > at))?.value;
}

const RETURNED =
  /\b(?:(?:pain|symptoms)\s+(?:has\s+|have\s+|had\s+)?(?:returned|recurred|came back|come back)|(?:relief|it|effect|benefit)\s+(?:has\s+|had\s+)?(?:worn|wore)\s+off|then\s+(?:it\s+)?returned|back to (?:her |his |their )?baseline)\b/i;
const NOT_RETURNED = /\b(?:not|never|n't|no longer)\s+(?:\w+\s+)?(?:returned|recurred|came back|come back|worn off|wore off)\b/i;

/** The text says the relief has ended (the pain came back), so its date does not show relief still holding. */
export function saysReturned(s: string): boolean {
  return RETURNED.test(s) && !NOT_RETURNED.test(s);
}
