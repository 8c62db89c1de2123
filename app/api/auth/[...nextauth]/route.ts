import NextAuth from 'next-auth';
import { authOptions } from '../../../../server/auth';

type RouteContext = { params: Promise<{ nextauth: string[] }> };
type Handler = (req: Request, context: RouteContext) => Promise<Response>;

let nextAuthHandler: Handler | undefined;

// Built on first request, not at import: the secret may be generated beside the database.
function handler(req: Request, context: RouteContext) {
  nextAuthHandler ??= NextAuth(authOptions()) as unknown as Handler;
  return nextAuthHandler(req, context);
}

export { handler as GET, handler as POST };
