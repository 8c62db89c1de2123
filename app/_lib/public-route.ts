import { TRPCError } from '@trpc/server';
import type { Locale } from '@/common/enums';
import { isLocale, translate } from '@/server/i18n';

/**
 * The one answer for a public URL that shows nothing: the same for private, missing and malformed,
 * in the language of the URL (English for an unknown one).
 */
export function notFoundResponse(locale: Locale = 'en'): Response {
  const text = `${translate(locale, 'common.notFoundTitle')}\n${translate(locale, 'common.notFoundBody')}\n`;
  return new Response(text, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-language': locale } });
}

/**
 * Answers a public document (feed, calendar) in the locale of the URL. A lab that is private or
 * missing, or an unknown locale, is a plain 404, the same in every case.
 */
export function publicDocument(locale: string, contentType: string, build: (locale: Locale) => string): Response {
  if (!isLocale(locale)) return notFoundResponse();
  try {
    return new Response(build(locale), { headers: { 'content-type': contentType } });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return notFoundResponse(locale);
    throw error;
  }
}
