import { TRPCError } from '@trpc/server';
import type { DB } from '../../db/client';
import type { SessionUser } from '../auth';
import type { Locale } from '../domain/enums';
import { translate } from '../i18n';
import { calendarForToken } from '../services/calendar-tokens';
import { getLabContext } from '../services/labs';
import { exportMilestonesCsv } from '../services/milestone-export';

// Plain HTTP answers for the files a lab's milestones are exported as (CSV) or subscribed to (ICS).
// The route handlers in app/api only resolve the session and hand over here, so tests call these.

const STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

function problem(status: number, locale: Locale, key: string): Response {
  return new Response(translate(locale, key) + '\n', {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** CSV of a lab's milestones for a manager; 401 anonymous, 404 outside the lab, 403 below manager. */
export function milestoneCsvResponse(
  db: DB,
  user: SessionUser | null,
  input: { slug: string; baselineId: number | null; locale: Locale },
): Response {
  if (!user) return problem(401, input.locale, 'errors.unauthorized');
  try {
    const { lab } = getLabContext(db, user, input.slug);
    const file = exportMilestonesCsv(db, user, { labId: lab.id, baselineId: input.baselineId, locale: input.locale });
    return new Response(file.text, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && STATUS[error.code]) {
      return problem(
        STATUS[error.code]!,
        input.locale,
        `errors.${error.code === 'NOT_FOUND' ? 'notFound' : error.code === 'FORBIDDEN' ? 'forbidden' : 'unauthorized'}`,
      );
    }
    throw error;
  }
}

/** The ICS feed behind a secret calendar URL; 404 for an unknown or revoked token. */
export function calendarResponse(db: DB, token: string, origin: string): Response {
  const calendar = calendarForToken(db, token.replace(/\.ics$/, ''), origin);
  if (!calendar) return problem(404, 'en', 'errors.notFound');
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
