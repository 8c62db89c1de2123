// Calendar dates are ISO strings (YYYY-MM-DD) interpreted in UTC, so a date means the same day
// on every server and in every test, whatever the machine's time zone.

const DAY_MS = 86_400_000;

export function isoDateFromDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function todayIso(now: Date = new Date()): string {
  return isoDateFromDate(now);
}

export function parseIsoDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Milliseconds since the epoch of an ISO date at 00:00 UTC, the same number as
 * `parseIsoDate(iso).getTime()` (NaN when it is not a date) but without parsing a string into a
 * Date: schedule math calls this for every milestone on every timeline request.
 */
function epochMs(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  // Date.UTC reads years 0–99 as 1900–1999 and rolls month 13 over; such text takes the exact, slow way.
  if (!ISO_DATE.test(iso) || year < 100 || month < 1 || month > 12 || day < 1 || day > 31) return parseIsoDate(iso).getTime();
  return Date.UTC(year, month - 1, day);
}

export function addDays(iso: string, days: number): string {
  return isoDateFromDate(new Date(epochMs(iso) + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((epochMs(to) - epochMs(from)) / DAY_MS);
}

export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = parseIsoDate(value);
  return !Number.isNaN(date.getTime()) && isoDateFromDate(date) === value;
}
