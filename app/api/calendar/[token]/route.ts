import { getDb } from '@/server/db';
import { calendarResponse } from '@/server/api/milestone-files';

export const dynamic = 'force-dynamic';

/** A lab's milestones as an ICS feed at a per-user secret URL (the token is the credential). */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return calendarResponse(getDb(), token, new URL(req.url).origin);
}
