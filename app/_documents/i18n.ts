import { createFormatter, createTranslator } from 'next-intl';
import type { Locale } from '@/common/enums';
import { DEFAULT_TIME_ZONE } from '@/server/domain/working-day';
import { en, zhCN } from '@/messages';
import type { I18n, Translate } from '../_lib/i18n';

const MESSAGES = { en, 'zh-CN': zhCN } as const;
const made = new Map<string, I18n>();

/**
 * The reader's language in the renderer, outside Next.js: next-intl's own translator and formatter
 * (its core, which needs no request), with the messages and time zone app/_i18n/request.ts gives
 * the pages, in the time zone of the lab shown (its visitors have no other). Made once per locale
 * and zone: both are pure.
 */
export function documentI18n(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): I18n {
  const key = `${locale} ${timeZone}`;
  let i18n = made.get(key);
  if (!i18n) {
    const t = createTranslator({ locale, messages: MESSAGES[locale], timeZone }) as unknown as Translate;
    i18n = { locale, t, format: createFormatter({ locale, timeZone }) };
    made.set(key, i18n);
  }
  return i18n;
}
