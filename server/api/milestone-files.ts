import type { DB } from '@/db/client';
import type { SessionUser } from '../auth';
import type { Locale } from '@/common/enums';
import { downloadResponse, plainError, routeError } from '../http/route-helpers';
import { calendarForToken } from '../services/calendar-tokens';
import { getLabContext } from '../services/labs';
import { exportMilestonesCsv } from '../services/milestone-export';

// Plain HTTP answers for the files a lab's milestones are exported as (CSV) or subscribed to (ICS).
// The route handlers in app/api only resolve the session and hand over here, so tests call these.


/** CSV of a lab's milestones for a manager; 401 anonymous, 404 outside the lab, 403 below manager. */
export function milestoneCsvResponse(
  db: DB,
  user: SessionUser | null,
  input: { slug: string; baselineId: number | null; locale: Locale },
): Response {
  if (!user) return plainError(401, input.locale, 'errors.unauthorized');
  try {
    const { lab } = getLabContext(db, user, input.slug);
    const file = exportMilestonesCsv(db, user, { labId: lab.id, baselineId: input.baselineId, locale: input.locale });
    return downloadResponse(file.text, file.filename, 'text/csv; charset=utf-8');
  } catch (error) {
    return routeError(error, input.locale);
  }
}

/** The ICS feed behind a secret calendar URL; 404 for an unknown or revoked token. */
export function calendarResponse(db: DB, token: string, origin: string): Response {
  const calendar = calendarForToken(db, token.replace(/\.ics$/, ''), origin);
  if (!calendar) return plainError(404, 'en', 'errors.notFound');
  return new Response(calendar.text, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="milestones.ics"',
      'cache-control': 'private, no-store',
      // The URL is the credential: keep it out of referrers and search engines.
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex',
    },
  });
}
