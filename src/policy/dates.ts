// Date arithmetic on ISO strings, in UTC calendar days. The core never reads the clock: `today` is passed in.

const DAY_MS = 86_400_000;

/** The number written by `n` digits at `at`, or -1 when any of them is not a digit. */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** 'YYYY-MM-DD' (or a dateTime) -> UTC midnight epoch ms; partial dates ('2025', '2025-03') take the first day. */
export function toDayMs(iso: string): number {
  if (typeof iso !== 'string') return Number.NaN;
  const year = digitsAt(iso, 0, 4);
  if (year < 0) return Number.NaN;
  let month = 1;
  let day = 1;
  const m = iso.charCodeAt(4) === 45 ? digitsAt(iso, 5, 2) : -1;
  if (m >= 0) {
    month = m;
    const d = iso.charCodeAt(7) === 45 ? digitsAt(iso, 8, 2) : -1;
    if (d >= 0) day = d;
  }
  return Date.UTC(year, month - 1, day);
}

export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toDayMs(b) - toDayMs(a)) / DAY_MS);
}

export function weeksBetween(a: string, b: string): number {
  return daysBetween(a, b) / 7;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The day of an epoch ms as YYYY-MM-DD (read from its calendar parts: toISOString would format a time only to cut it
 * off). Total on any input: an unparseable date ("yesterday", "NaN", a stray RTL mark) or a year YYYY cannot write
 * yields '' instead of throwing or a malformed day, so one bad value can never take a whole assessment (or a CLI
 * batch) down.
 */
function isoDay(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (!(y >= 0 && y <= 9999)) return '';
  return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export function addDays(iso: string, days: number): string {
  return isoDay(toDayMs(iso) + days * DAY_MS);
}

/** Calendar months, clamped to the month's last day (2025-03-31 minus 1 month = 2025-02-28). */
export function addMonths(iso: string, months: number): string {
  const ms = toDayMs(iso);
  if (!Number.isFinite(ms)) return '';
  // Read off the digits toDayMs has already checked; rolling windows call this for every session of every rule.
  const y0 = digitsAt(iso, 0, 4);
  const m0 = iso.charCodeAt(4) === 45 ? digitsAt(iso, 5, 2) : 1;
  const d0 = m0 >= 1 && iso.charCodeAt(7) === 45 ? digitsAt(iso, 8, 2) : 1;
  if (!(m0 >= 1 && m0 <= 12 && d0 >= 1 && d0 <= 31)) return isoDay(Date.UTC(y0, m0 - 1 + months, d0));
  const total = y0 * 12 + (m0 - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const last = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : MONTH_DAYS[m - 1]!;
  if (!(y >= 0 && y <= 9999)) return '';
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(d0, last), 2)}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A rolling window of `months` ending on `today` (inclusive at both ends). */
export function inRollingWindow(date: string, today: string, months: number): boolean {
  const start = addMonths(today, -months);
  const t = toDayMs(date);
  return t > toDayMs(start) && t <= toDayMs(today);
}

export function isFullDate(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(iso);
}

export function compareIso(a: string, b: string): number {
  return toDayMs(a) - toDayMs(b);
}

export const HOURS_PER_WEEK = 168;
export const HOURS_PER_MONTH = 730;
