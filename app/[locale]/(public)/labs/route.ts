import { getDb } from '@/server/db';
import { directoryAnswer } from '@/server/documents/answers';
import { respond } from '@/server/documents/respond';

// The directory, a complete document without JavaScript (decisions 016 and 019). Cached and
// rebuilt on demand by publicLabChanged(); the timer is only a safety net.
export const revalidate = 300;
// Nothing is rendered at build time, when there is no database yet: the first visit renders and caches.
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return respond(directoryAnswer(getDb(), (await params).locale));
}
