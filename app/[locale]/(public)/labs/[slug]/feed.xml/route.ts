import { getDb } from '@/server/db';
import { labAtomFeed } from '@/server/services/public-documents';
import { publicDocument } from '@/app/_lib/public-route';

// Cached like the fact sheet and rebuilt by publicLabChanged(); nothing is built before the database exists.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

/** The Atom feed of a public lab: its public updates and completed public milestones. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  return publicDocument(locale, 'application/atom+xml; charset=utf-8', (l) => labAtomFeed(getDb(), l, slug));
}
