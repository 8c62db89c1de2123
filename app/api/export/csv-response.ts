import { getDb, type DB } from '@/server/db';
import type { SessionUser } from '@/server/auth';
import { workingToday } from '@/server/domain/working-day';
import type { Locale } from '@/common/enums';
import { downloadResponse, plainError, routeError, routeLocale, routeUser } from '@/server/http/route-helpers';

/**
 * Answers a portfolio CSV download: the signed-in user is checked against the database here, and
 * the export function decides what they may take (FORBIDDEN unless they manage a lab).
 */
export async function csvResponse(
  request: Request,
  name: string,
  build: (db: DB, user: SessionUser, locale: Locale) => string,
): Promise<Response> {
  const locale = routeLocale(request);
  const user = await routeUser(request);
  if (!user) return plainError(401, locale, 'errors.unauthorized');
  try {
    return downloadResponse(build(getDb(), user, locale), `${name}-${workingToday()}.csv`, 'text/csv; charset=utf-8');
  } catch (error) {
    return routeError(error, locale);
  }
}
