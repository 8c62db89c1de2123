import { getDb } from '@/server/db';
import { factSheetAnswer } from '@/server/documents/answers';
import { respond } from '@/server/documents/respond';

// A public lab's fact sheet, a complete document without JavaScript (decisions 016 and 019).
// Cached and rebuilt on demand by publicLabChanged(); private and missing labs answer the same 404.
export const revalidate = 300;
// Nothing is rendered at build time (there is no database then); each fact sheet is cached on its first visit.
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  return respond(factSheetAnswer(getDb(), locale, slug));
}
