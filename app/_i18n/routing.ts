import { defineRouting } from 'next-intl/routing';
import { LOCALES } from '../../server/domain/enums';

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: 'en',
  // The locale a visitor chose is remembered for a year and wins over Accept-Language.
  localeCookie: { name: 'NEXT_LOCALE', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' },
});
