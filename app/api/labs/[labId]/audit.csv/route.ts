import { z } from 'zod';
import { getDb } from '../../../../../db/client';
import { csvResponse } from '../../../../../server/domain/csv';
import { routeError, routeUser } from '../../../../../server/http/route-helpers';
import { requireLabAccess } from '../../../../../server/services/access';
import { auditCsvRows, auditFiltersFromSearch } from '../../../../../server/services/activity';

/** The audit log of a lab as CSV (managers), with the same filters as the page. */
export async function GET(req: Request, { params }: { params: Promise<{ labId: string }> }) {
  const user = await routeUser(req);
  if (!user) return new Response('Sign in to export the audit log.', { status: 401 });
  const labId = z.coerce
    .number()
    .int()
    .positive()
    .safeParse((await params).labId);
  if (!labId.success) return new Response('Not found.', { status: 404 });
  // The same URL parameters as the audit log page, so "Export CSV" exports what is on screen.
  const { cursor: _page, ...filters } = auditFiltersFromSearch(Object.fromEntries(new URL(req.url).searchParams));
  try {
    const db = getDb();
    const { lab } = requireLabAccess(db, user, labId.data, 'manager');
    return csvResponse(`${lab.slug}-audit-log.csv`, auditCsvRows(db, lab, filters));
  } catch (error) {
    return routeError(error);
  }
}
