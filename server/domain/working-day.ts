// The consortium's day (decision 024). Calendar dates (YYYY-MM-DD) name days where a lab works: a
// milestone is late, a measurement is "in the future" and a report ends "today" by the calendar of
// the lab's time zone, whatever the server's clock or the reader's own time zone. Instants
// (created, posted, audited) are shown in each reader's own time zone instead.

/** Where the consortia we serve work, and the time zone of a lab nobody has set one for. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** An IANA time zone name this runtime knows (`Europe/Berlin`, `UTC`, older aliases too). */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || !ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date in a time zone at an instant. */
export function dayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** Today in a lab: the one definition every overdue, late, due-soon and slip computation uses. */
export function labToday(lab: { timeZone: string }, now: Date = new Date()): string {
  return dayIn(lab.timeZone, now);
}

/** Today where the consortia work by default, for what belongs to no lab. */
export function workingToday(now: Date = new Date()): string {
  return dayIn(DEFAULT_TIME_ZONE, now);
}

/** The cookie a browser tells its own time zone in (written by the workspace, read by the pages). */
export const BROWSER_TIME_ZONE_COOKIE = 'ct-tz';

/**
 * The time zone a person reads times in: the one they chose in their account, else their browser's,
 * else where the consortia work.
 */
export function readerTimeZone(chosen: string | null | undefined, browser: string | null | undefined): string {
  if (chosen && isTimeZone(chosen)) return chosen;
  if (browser && isTimeZone(browser)) return browser;
  return DEFAULT_TIME_ZONE;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(timeZone: string, at: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(new Date(at)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - (at - (at % 1000));
}

/**
 * The instant a calendar day begins in a time zone (the first instant whose date there is `iso`):
 * a day of a lab runs from its start to the start of the next one, 23 to 25 hours where clocks change.
 */
export function startOfDayIn(timeZone: string, iso: string): Date {
  const midnightUtc = Date.parse(`${iso}T00:00:00.000Z`);
  let guess = midnightUtc - zoneOffsetMs(timeZone, midnightUtc);
  // The offset at the guess may differ (a clock change that day): correct once with it.
  guess = midnightUtc - zoneOffsetMs(timeZone, guess);
  return new Date(guess);
}
