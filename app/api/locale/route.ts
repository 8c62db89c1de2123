import { serialize } from 'cookie';
import { LOCALE_COOKIE_OPTIONS } from '@/app/_i18n/routing';
import { sameOriginPath } from '@/server/domain/redirect-target';
import { isLocale } from '@/server/i18n';

// The language links of the public pages lead here: the public pages are one cached answer for
// everyone and set no cookie, so the choice is remembered on the way (the cookie the locale
// routing reads on a bare path) and the browser goes on to the page in that language.
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  const url = new URL(request.url);
  const locale = url.searchParams.get('to');
  const next = sameOriginPath(url.searchParams.get('next'), url.origin);
  if (!isLocale(locale) || !next) return new Response('Choose a language and a page of this site.\n', { status: 400 });
  const { name, maxAge, sameSite } = LOCALE_COOKIE_OPTIONS;
  return new Response(null, {
    status: 303,
    headers: { location: next, 'cache-control': 'no-store', 'set-cookie': serialize(name, locale, { path: '/', maxAge, sameSite }) },
  });
}
