// When a frequency or spacing limit stops blocking: the earliest date of service the rule's own interval allows.
// Pure date arithmetic on the rule's numbers; "today" only enters through the date of service the caller passes.
import { addDays, addMonths } from '../dates';

/**
 * The first date of service whose rolling window of `months` (the window that ends on the date of service and
 * starts after the day `months` earlier, as history.inWindow counts it) no longer holds a session on `sessionDate`.
 * Month ends are clamped by addMonths, so the candidate is checked against the window itself rather than trusted.
 */
export function firstDayOutOfWindow(sessionDate: string, months: number): string {
  let day = addMonths(sessionDate, months);
  // addMonths clamps (2025-03-31 + 11 months = 2026-02-28): step until the window has really moved past the session.
  while (day !== '' && sessionDate > addMonths(day, -months)) day = addDays(day, 1);
  // And back while the day before also has it outside (never more than the clamped days of a month end).
  while (day !== '' && !(sessionDate > addMonths(addDays(day, -1), -months))) day = addDays(day, -1);
  return day;
}

/** The first date at least `days` days after `last` (the spacing rules count whole days between the two dates). */
export function firstDayAfterSpacing(last: string, days: number): string {
  return addDays(last, days);
}

/**
 * The earliest date a session-count limit allows another session: with `prior` sessions in the window (newest
 * first) and at most `max` per window, the planned one fits once the max-th newest prior session leaves the window.
 * Undefined when it already fits (or the limit is 0: never).
 */
export function earliestUnderLimit(
  prior: readonly { date: string }[],
  max: number,
  months: number,
): { date: string; leaving: string } | undefined {
  if (max < 1 || prior.length < max) return undefined;
  const leaving = prior[max - 1]!.date;
  return { date: firstDayOutOfWindow(leaving, months), leaving };
}
