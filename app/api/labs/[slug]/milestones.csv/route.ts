import { getDb } from '@/server/db';
import { milestoneCsvResponse } from '@/server/api/milestone-files';
import { routeUser } from '@/server/http/route-helpers';
import { isLocale } from '@/server/i18n';

export const dynamic = 'force-dynamic';

/** CSV export of a lab's milestones (a manager's right; checked in the service). */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const url = new URL(req.url);
  const db = getDb();
  const user = await routeUser(req);
  const baseline = Number(url.searchParams.get('baseline'));
  const locale = url.searchParams.get('locale');
  return milestoneCsvResponse(db, user, {
    slug,
    baselineId: Number.isInteger(baseline) && baseline > 0 ? baseline : null,
    locale: isLocale(locale) ? locale : 'en',
  });
}
