import { TRPCError } from '@trpc/server';
import { getDb } from '../db';
import { sessionTokenFromCookieHeader, sessionUserFromToken, type SessionUser } from '../auth';
import { needsTwoFactorSetup } from '../services/two-factor';
import type { Locale } from '@/common/enums';
import { AppError } from '../errors';
import { cookieValue } from './cookies';
import { LOCALE_COOKIE, negotiateLocale, translate } from '../i18n';

// What every route handler (downloads, feeds, calendars) needs: the caller, their language, and
// plain-text answers for refusals in that language.

export { cookieValue };

/** The signed-in user of a route-handler request, checked against the database. */
/** The signed-in user; someone who must set up two-factor first is treated as signed out here (decision 026). */
export async function routeUser(req: Request): Promise<SessionUser | null> {
  const db = getDb();
  const user = await sessionUserFromToken(db, sessionTokenFromCookieHeader(req.headers.get('cookie')));
  return user && !needsTwoFactorSetup(db, user) ? user : null;
}

/** `?locale=` first (links carry the page's language), then the remembered choice, then the browser's. */
export function routeLocale(req: Request): Locale {
  const cookie = req.headers.get('cookie');
  return negotiateLocale(
    new URL(req.url).searchParams.get('locale') ?? cookieValue(cookie, LOCALE_COOKIE),
    req.headers.get('accept-language'),
  );
}

export function plainError(status: number, locale: Locale, key: string): Response {
  return new Response(`${translate(locale, key)}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

const STATUS: Partial<Record<TRPCError['code'], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  CONFLICT: 409,
};
const DEFAULT_KEY: Partial<Record<TRPCError['code'], string>> = {
  UNAUTHORIZED: 'errors.unauthorized',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.notFound',
};

/** Turns the services' errors into translated plain-text answers; anything unexpected is rethrown (500). */
export function routeError(error: unknown, locale: Locale): Response {
  if (error instanceof TRPCError && STATUS[error.code]) {
    const key = error instanceof AppError ? error.key : (DEFAULT_KEY[error.code] ?? 'errors.invalidInput');
    return plainError(STATUS[error.code]!, locale, key);
  }
  throw error;
}

/** A file to download, never cached by shared caches. */
export function downloadResponse(body: BodyInit, filename: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, no-store',
    },
  });
}
