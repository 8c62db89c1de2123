import { getFormatter, getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { formatIsoDate } from '../_lib/dates';
import { timeZoneLabel } from '../_lib/time-zones';

/** Names the time zone the times of day on a page are shown in: the reader's own (decision 024). */
export async function TimesShownIn() {
  const t = await getTranslations('common');
  return t('timesIn', { zone: timeZoneLabel(await getLocale(), await getTimeZone()) });
}

/** Which day it is in a lab, and by which time zone's calendar: what "late" and "today" are counted by. */
export async function LabDayNote({ today, timeZone }: { today: string; timeZone: string }) {
  const t = await getTranslations('common');
  const format = await getFormatter();
  return t('labToday', { date: formatIsoDate(format, today), zone: timeZoneLabel(await getLocale(), timeZone) });
}
