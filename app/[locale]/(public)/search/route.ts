import { getDb } from '@/server/db';
import { routeUser } from '@/server/http/route-helpers';
import { searchAnswer } from '@/server/documents/answers';
import { respond } from '@/server/documents/respond';
import { clientAddress } from '@/server/services/sign-in-guard';

// The search of the public labs, a complete document without JavaScript (decisions 016 and 019).
// Every search is its own answer: rendered per request, never cached.
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const db = getDb();
  return respond(
    await searchAnswer(db, {
      locale: (await params).locale,
      params: new URL(request.url).searchParams,
      // Signed-in people search without the anonymous budget.
      user: await routeUser(request),
      address: clientAddress(request.headers),
    }),
  );
}
