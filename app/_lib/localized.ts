import type { Locale } from '@/common/enums';
import { localizedName } from '@/server/domain/names';

/** The name to show in the current language: Chinese when there is one and the reader reads Chinese. */
export const localized = localizedName;

/** The other-language name, shown as a subtitle where both exist. */
export function secondaryName(locale: string, en: string, zh: string | null | undefined): string | null {
  if (!zh || zh === en) return null;
  return locale === 'zh-CN' ? en : zh;
}

/** The language of secondaryName's text, for its element's lang attribute (screen readers switch voice). */
export function otherLang(locale: string): Locale {
  return locale === 'zh-CN' ? 'en' : 'zh-CN';
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'zh-CN' : 'en';
}
