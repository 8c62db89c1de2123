import { getDb, type DB } from '../db';
import type { Locale, LabRole } from '@/common/enums';
import { forbidden } from '../errors';
import { roleAtLeast, type Lab } from '../services/access';
import { getLabContext } from '../services/labs';
import { plainError, routeError, routeLocale, routeUser } from './route-helpers';

/**
 * A download about one lab (`/api/labs/<slug>/…`): the caller must be signed in and hold at least
 * `minimum` in the lab; a lab outside their labs answers 404 like a missing one.
 */
export async function labDownload(
  req: Request,
  { params }: { params: Promise<{ slug: string }> },
  minimum: LabRole,
  respond: (db: DB, lab: Lab, locale: Locale) => Response | Promise<Response>,
): Promise<Response> {
  const locale = routeLocale(req);
  const user = await routeUser(req);
  if (!user) return plainError(401, locale, 'errors.unauthorized');
  try {
    const db = getDb();
    const { lab, role } = getLabContext(db, user, (await params).slug);
    if (!roleAtLeast(role, minimum)) throw forbidden();
    return await respond(db, lab, locale);
  } catch (error) {
    return routeError(error, locale);
  }
}
