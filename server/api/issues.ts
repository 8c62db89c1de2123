import type { Locale } from '@/common/enums';
import { hasMessage, translate } from '../i18n';

/** The parts of a zod (or any Standard Schema) issue the error formatter reads. */
export type SchemaIssue = {
  code?: string;
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  input?: unknown;
  expected?: string;
};

/** A message a person can act on, in their language, for one invalid field. */
export function issueMessage(locale: Locale, issue: SchemaIssue): string {
  // Schemas name their own message keys (e.g. 'validation.slugFormat') where the default is too vague.
  if (hasMessage(locale, issue.message)) return translate(locale, issue.message);
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `validation.${key}`, params);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? t('required') : t('invalidType');
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('required') : t('tooShort', { min: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('tooFew', { min: Number(issue.minimum) });
      return t('tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('tooMany', { max: Number(issue.maximum) });
      return t('tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('email');
      if (issue.format === 'url') return t('url');
      if (issue.format === 'date') return t('date');
      return t('format');
    case 'invalid_value':
    case 'invalid_union':
      return t('choice');
    case 'unrecognized_keys':
      return t('unknownField');
    case 'not_multiple_of':
      return t('wholeNumber');
    default:
      return t('invalid');
  }
}
