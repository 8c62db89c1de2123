import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '../../../../db/client';
import { sessionTokenFromCookieHeader, sessionUserFromToken } from '../../../../server/auth';
import { appRouter } from '../../../../server/api/root';
import { createContext } from '../../../../server/api/trpc';
import { guardMutation } from '../../../../server/http/request-guard';
import { cookieValue } from '../../../../server/http/route-helpers';
import { LOCALE_COOKIE, negotiateLocale } from '../../../../server/i18n';

function handler(req: Request) {
  const guard = guardMutation(req);
  if (!guard.ok) return Response.json({ error: { message: guard.reason } }, { status: guard.status });
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => {
      const db = getDb();
      const cookie = req.headers.get('cookie');
      return createContext({
        db,
        user: await sessionUserFromToken(db, sessionTokenFromCookieHeader(cookie)),
        locale: negotiateLocale(req.headers.get('x-locale') ?? cookieValue(cookie, LOCALE_COOKIE), req.headers.get('accept-language')),
      });
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
