import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth';

type RouteContext = { params: Promise<{ nextauth: string[] }> };
type Handler = (req: Request, context: RouteContext) => Promise<Response>;

let nextAuthHandler: Handler | undefined;

/**
 * next-auth parses a JSON body without catching its errors, so a POST of broken JSON became a
 * 500; it is a bad request, refused here before next-auth reads it.
 */
async function hasUnreadableJson(req: Request): Promise<boolean> {
  if (req.method !== 'POST' || !req.headers.get('content-type')?.includes('application/json')) return false;
  try {
    await req.clone().json();
    return false;
  } catch {
    return true;
  }
}

// Built on first request, not at import: the secret may be generated beside the database.
async function handler(req: Request, context: RouteContext) {
  if (await hasUnreadableJson(req)) return Response.json({ error: 'The request body is not valid JSON.' }, { status: 400 });
  nextAuthHandler ??= NextAuth(authOptions()) as unknown as Handler;
  return nextAuthHandler(req, context);
}

export { handler as GET, handler as POST };
