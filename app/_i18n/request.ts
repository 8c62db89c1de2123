import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { headers } from 'next/headers';
import { sessionTokenFromCookieHeader } from '@/server/auth';
import { cookieValue } from '@/server/http/cookies';
import { BROWSER_TIME_ZONE_COOKIE, readerTimeZone } from '@/server/domain/working-day';
import { messagesByLocale } from '@/server/i18n';
import { currentUser } from '../_trpc/server';
import { routing } from './routing';

/**
 * Times of day (posted, saved, audited) are shown in the reader's own time zone: the one chosen in
 * their account, else their browser's (the workspace tells it in a cookie), else China Standard
 * Time. Calendar dates (YYYY-MM-DD) are formatted in UTC so they never shift by a day (decision 024).
 */
async function timeZoneOfRequest(): Promise<string> {
  const cookie = (await headers()).get('cookie');
  const browser = cookieValue(cookie, BROWSER_TIME_ZONE_COOKIE);
  // Only a signed-in reader has a chosen zone; the database is asked only when there is a session.
  const chosen = sessionTokenFromCookieHeader(cookie) ? (await currentUser())?.timeZone : null;
  return readerTimeZone(chosen, browser);
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: messagesByLocale[locale], timeZone: await timeZoneOfRequest() };
});
