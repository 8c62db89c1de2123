import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/common/enums';
import type { I18n } from './i18n';

/** The reader's language for the synchronous components a server component renders. */
export async function serverI18n(locale: Locale): Promise<I18n> {
  return { locale, t: await getTranslations({ locale }), format: await getFormatter({ locale }) };
}
