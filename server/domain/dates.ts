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

/** The digit at `i` of `text` as a number, NaN for any other character. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

/**
 * Milliseconds since the epoch of an ISO date at 00:00 UTC, the same number as
 * `parseIsoDate(iso).getTime()` (NaN when it is not a date) but without building a Date or any
 * string: schedule math calls this several times for every milestone on every timeline request.
 */
function epochMs(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const year = digitAt(iso, 0) * 1000 + digitAt(iso, 1) * 100 + digitAt(iso, 2) * 10 + digitAt(iso, 3);
    const month = digitAt(iso, 5) * 10 + digitAt(iso, 6);
    const day = digitAt(iso, 8) * 10 + digitAt(iso, 9);
    // Date.UTC reads years 0–99 as 1900–1999 and rolls month 13 over; such text (and anything
    // that is not digits, where the sums are NaN) takes the exact, slow way.
    if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 31) return Date.UTC(year, month - 1, day);
  }
  return parseIsoDate(iso).getTime();
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The ISO date of an instant, like `isoDateFromDate(new Date(ms))` without the 24-character detour. */
function isoDateFromEpochMs(ms: number): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  // Four-digit years only: toISOString writes others (and invalid dates) its own way.
  if (!(year >= 1000 && year <= 9999)) return isoDateFromDate(date);
  return `${year}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
}

export function addDays(iso: string, days: number): string {
  return isoDateFromEpochMs(epochMs(iso) + days * DAY_MS);
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
