import { getDb } from '@/server/db';
import { labCalendar } from '@/server/services/public-documents';
import { publicDocument } from '@/app/_lib/public-route';

// Cached like the fact sheet and rebuilt by publicLabChanged(); nothing is built before the database exists.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

/** The ICS calendar of a public lab's public milestones, for calendar apps to subscribe to. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  return publicDocument(locale, 'text/calendar; charset=utf-8', (l) => labCalendar(getDb(), l, slug));
}
