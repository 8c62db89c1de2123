import { defineRouting } from 'next-intl/routing';
import { LOCALES } from '@/common/enums';

/** The locale a visitor chose is remembered for a year and wins over Accept-Language. */
export const LOCALE_COOKIE_OPTIONS = { name: 'NEXT_LOCALE', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' } as const;

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: 'en',
  localeCookie: LOCALE_COOKIE_OPTIONS,
});
