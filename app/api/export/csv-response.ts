import { getDb, type DB } from '../../../db/client';
import { sessionTokenFromCookieHeader, sessionUserFromToken, type SessionUser } from '../../../server/auth';
import { todayIso } from '../../../server/domain/dates';
import type { Locale } from '../../../server/domain/enums';
import { AppError } from '../../../server/errors';
import { LOCALE_COOKIE, negotiateLocale, translate } from '../../../server/i18n';

function cookieValue(header: string | null, name: string): string | undefined {
  return header
    ?.split(';')
    .map((p) => p.trim().split('='))
    .find(([k]) => k === name)?.[1];
}

/**
 * Answers a CSV download: the signed-in user is checked against the database here, and the
 * export function decides what they may take (FORBIDDEN unless they manage a lab).
 */
export async function csvResponse(
  request: Request,
  name: string,
  build: (db: DB, user: SessionUser, locale: Locale) => string,
): Promise<Response> {
  const db = getDb();
  const cookie = request.headers.get('cookie');
  const locale = negotiateLocale(
    new URL(request.url).searchParams.get('locale') ?? cookieValue(cookie, LOCALE_COOKIE),
    request.headers.get('accept-language'),
  );
  const user = await sessionUserFromToken(db, sessionTokenFromCookieHeader(cookie));
  const plain = (status: number, key: string) =>
    new Response(translate(locale, key), { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  if (!user) return plain(401, 'errors.unauthorized');
  try {
    const csv = build(db, user, locale);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}-${todayIso()}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') return plain(403, error.key);
    throw error;
  }
}
