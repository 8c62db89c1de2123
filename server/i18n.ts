import Negotiator from 'negotiator';
import { createTranslator } from 'next-intl';
import { en, zhCN } from '../messages';
import { LOCALES, type Locale } from '../common/enums';

export const messagesByLocale = { en, 'zh-CN': zhCN } as const;
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

type LooseTranslator = { has(key: string): boolean; (key: string, params?: Record<string, string | number>): string };

const translators = new Map<Locale, LooseTranslator>();

/** Translates a message key outside React (errors, feeds, e-mails). Unknown keys come back as-is. */
export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: messagesByLocale[locale] }) as unknown as LooseTranslator;
    translators.set(locale, t);
  }
  return t.has(key) ? t(key, params) : key;
}

export function hasMessage(locale: Locale, key: string): boolean {
  return translate(locale, key) !== key;
}

/** Picks the locale from an explicit choice, then Accept-Language (by its q-values), then the default. */
export function negotiateLocale(choice: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(choice)) return choice;
  // Any Chinese (zh, zh-TW, zh-Hans-CN…) reads the Simplified Chinese pages; any English the English.
  for (const tag of new Negotiator({ headers: { 'accept-language': acceptLanguage ?? undefined } }).languages()) {
    const language = tag.toLowerCase();
    if (language === 'zh' || language.startsWith('zh-')) return 'zh-CN';
    if (language === 'en' || language.startsWith('en-')) return 'en';
  }
  return DEFAULT_LOCALE;
}
