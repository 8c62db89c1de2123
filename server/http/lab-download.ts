import { z } from 'zod';
import { getDb, type DB } from '../../db/client';
import type { LabRole } from '../domain/enums';
import { requireLabAccess, type Lab } from '../services/access';
import { routeError, routeUser } from './route-helpers';

/**
 * A download about one lab (`/api/labs/<labId>/…`): the caller must be signed in and hold at
 * least `minimum` in the lab; a lab outside their labs answers 404 like a missing one.
 */
export async function labDownload(
  req: Request,
  { params }: { params: Promise<{ labId: string }> },
  minimum: LabRole,
  respond: (db: DB, lab: Lab) => Response | Promise<Response>,
): Promise<Response> {
  const user = await routeUser(req);
  if (!user) return new Response('Sign in to download this.', { status: 401 });
  const labId = z.coerce
    .number()
    .int()
    .positive()
    .safeParse((await params).labId);
  if (!labId.success) return new Response('Not found.', { status: 404 });
  try {
    const db = getDb();
    const { lab } = requireLabAccess(db, user, labId.data, minimum);
    return await respond(db, lab);
  } catch (error) {
    return routeError(error);
  }
}
