import type { createFormatter } from 'next-intl';
import type { Locale } from '@/common/enums';

/** Translates a message key (`publicLab.goals`) with its ICU values. */
export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;
/** next-intl's number and date formatter for the reader's locale and the display time zone. */
export type Formatter = ReturnType<typeof createFormatter>;

/**
 * What a component needs to speak the reader's language, handed to it as a prop. A server
 * component gets it from next-intl's request config (serverI18n, app/_lib/server-i18n.ts); the
 * renderer of the public documents makes it with next-intl's createTranslator, outside Next.js
 * (app/_documents/i18n.ts). So one synchronous component serves the workspace and the documents.
 */
export type I18n = { locale: Locale; t: Translate; format: Formatter };

/** The keys of one namespace: `scoped(i18n, 'publicLab')('goals')` is `i18n.t('publicLab.goals')`. */
export function scoped(i18n: I18n, namespace: string): Translate {
  return (key, values) => i18n.t(`${namespace}.${key}`, values);
}
