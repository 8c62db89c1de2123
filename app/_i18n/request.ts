import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { messagesByLocale } from '../../server/i18n';
import { routing } from './routing';

export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: messagesByLocale[locale],
    // Timestamps are shown in China Standard Time, the consortia's working time zone;
    // calendar dates (YYYY-MM-DD) are formatted in UTC so they never shift by a day.
    timeZone: DISPLAY_TIME_ZONE,
  };
});
