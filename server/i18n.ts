import { createTranslator } from 'next-intl';
import { en, zhCN } from '../app/_i18n/messages';
import { LOCALES, type Locale } from './domain/enums';

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

/** Picks the locale from an explicit choice, then Accept-Language, then the default. */
export function negotiateLocale(choice: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(choice)) return choice;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}
