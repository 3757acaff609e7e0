// Keeps seed data current: seed dates are written as if today were the anchor, and every full date / dateTime is
// moved by (today - anchor) days at load so "within 12 months" verdicts do not decay as the calendar moves.
// Only the date part moves; time and offset stay as written. Partial dates (2026, 2026-11) carry no day and stay.

export const SEED_ANCHOR = '2026-11-23';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})(T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;
const ISO_IN_TEXT = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const US_IN_TEXT = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
const DAY_MS = 86_400_000;

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function addDays(y: number, m: number, d: number, days: number): Date {
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

/** Shifts one string if it is a full FHIR date or dateTime; anything else comes back unchanged. */
export function shiftDateString(value: string, days: number): string {
  const m = FULL_DATE.exec(value);
  if (!m || days === 0) return value;
  const shifted = addDays(Number(m[1]), Number(m[2]), Number(m[3]), days);
  if (Number.isNaN(shifted.getTime())) return value;
  return isoDate(shifted) + (m[4] ?? '');
}

/** Shifts dates written in prose (ISO 2026-10-12 and US 10/12/2026), for note text. */
export function shiftDatesInText(text: string, days: number): string {
  if (days === 0) return text;
  return text
    .replace(ISO_IN_TEXT, (all, y: string, mo: string, d: string) => {
      const s = addDays(Number(y), Number(mo), Number(d), days);
      return Number.isNaN(s.getTime()) ? all : isoDate(s);
    })
    .replace(US_IN_TEXT, (all, mo: string, d: string, y: string) => {
      const s = addDays(Number(y), Number(mo), Number(d), days);
      if (Number.isNaN(s.getTime())) return all;
      return `${s.getUTCMonth() + 1}/${s.getUTCDate()}/${s.getUTCFullYear()}`;
    });
}

const TEXT_TYPES = /^text\/(plain|html)/i;

/**
 * Returns a deep copy with every full date / dateTime string shifted. Text attachments (inline base64 of
 * text/plain or text/html, and text Binaries) and narrative divs get their prose dates shifted too, so a note
 * that says "PT 08/01/2026 to 09/15/2026" agrees with the coded dates beside it.
 */
export function shiftResourceDates<T>(value: T, days: number): T {
  if (days === 0) return value;
  return walk(value, days) as T;
}

function walk(value: unknown, days: number): unknown {
  if (typeof value === 'string') return shiftDateString(value, days);
  if (Array.isArray(value)) return value.map((v) => walk(v, days));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'data' && typeof v === 'string' && typeof obj.contentType === 'string' && TEXT_TYPES.test(obj.contentType)) {
      out[k] = Buffer.from(shiftDatesInText(Buffer.from(v, 'base64').toString('utf8'), days), 'utf8').toString('base64');
    } else if (k === 'div' && typeof v === 'string') {
      out[k] = shiftDatesInText(v, days);
    } else {
      out[k] = walk(v, days);
    }
  }
  return out;
}
