import { getDb } from '@/server/db';
import { newsAtomFeed } from '@/server/services/public-documents';
import { publicDocument } from '@/app/_lib/public-route';

// Cached and rebuilt by publicLabChanged() of any lab; nothing is built before the database exists.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

/** The Atom feed of every public lab's news: public updates and completed public milestones. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return publicDocument(locale, 'application/atom+xml; charset=utf-8', (l) => newsAtomFeed(getDb(), l));
}
