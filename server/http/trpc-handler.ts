import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { getDb } from '../../db/client';
import { appRouter } from '../api/root';
import { createContext } from '../api/trpc';
import { sessionTokenFromCookieHeader, sessionUserFromToken } from '../auth';
import { LOCALE_COOKIE, negotiateLocale } from '../i18n';
import { guardMutation, type GuardedRequest } from './request-guard';
import { cookieValue } from './route-helpers';
import { hsts, securityHeaders } from './security-headers.mjs';

export const TRPC_PATH = '/api/trpc';

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

/**
 * tRPC over node:http, for the app's server (serve.ts) to answer /api/trpc before Next.js sees the
 * request: the same router, session check, cross-site guard, locale and headers as a Next.js route
 * would have, without Next.js's request pipeline around it (docs/decisions/015).
 */
export function trpcHandler({ dev, publicPagesSettled }: { dev: boolean; publicPagesSettled: () => Promise<void> }) {
  const headers = securityHeaders(dev);
  const handle = createHTTPHandler({
    router: appRouter,
    basePath: `${TRPC_PATH}/`,
    createContext: async ({ req }) => {
      const db = getDb();
      const cookie = header(req, 'cookie');
      return createContext({
        db,
        user: await sessionUserFromToken(db, sessionTokenFromCookieHeader(cookie)),
        locale: negotiateLocale(header(req, 'x-locale') ?? cookieValue(cookie, LOCALE_COOKIE), header(req, 'accept-language')),
        publicPagesSettled,
      });
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });

  return (req: IncomingMessage, res: ServerResponse) => {
    for (const { key, value } of headers) res.setHeader(key, value);
    if (header(req, 'x-forwarded-proto') === 'https') res.setHeader(hsts.key, hsts.value);
    const guarded: GuardedRequest = {
      method: req.method ?? 'GET',
      url: `http://${header(req, 'host') ?? 'localhost'}${req.url ?? '/'}`,
      headers: { get: (name) => header(req, name) },
    };
    const guard = guardMutation(guarded);
    if (!guard.ok) {
      res.statusCode = guard.status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: { message: guard.reason } }));
      return;
    }
    handle(req, res);
  };
}
