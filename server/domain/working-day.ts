/** The consortia work in China Standard Time (decision 006); the display time zone of the app. */
export const WORKING_TIME_ZONE = 'Asia/Shanghai';

// en-CA writes dates as YYYY-MM-DD. Made once: making one costs more than formatting with it.
const WORKING_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: WORKING_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today's calendar date where the consortia work. Calendar dates are otherwise read in UTC, but
 * "not in the future" must not refuse a value dated today by someone in Beijing before 08:00,
 * when the UTC date is still yesterday.
 */
export function workingToday(now: Date = new Date()): string {
  return WORKING_DATE.format(now);
}
