import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { getDb, type DB } from '../db';
import { sessionTokenFromCookieHeader, sessionUserFromToken } from '../auth';
import { AppError } from '../errors';
import { cookieValue } from '../http/cookies';
import { guardMutation } from '../http/request-guard';
import { LOCALE_COOKIE, negotiateLocale } from '../i18n';
import { clientAddress } from '../services/sign-in-guard';
import { appRouter } from './root';
import { createContext } from './trpc';

export const TRPC_ENDPOINT = '/api/trpc';

/** The largest request body a procedure is handed; inputs here are small forms (1 MiB is plenty). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The most calls one batched request may carry (the app's own client batches at most this many,
 * app/_trpc/client.tsx): without a bound one request could ask for hundreds of answers at once.
 */
export const MAX_BATCH_SIZE = 10;

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

/**
 * The app's API at /api/trpc, for the browser and for scripts: tRPC's own node adapter, run by the
 * server process itself (server/http/worker.ts) rather than inside Next.js's route pipeline, which
 * tripled what a small write cost (decision 020). The cross-site guard first, then tRPC with its
 * body and batch limits and the caller's session, language and address.
 */
export function trpcHandler(database: () => DB = getDb) {
  const handle = createHTTPHandler({
    router: appRouter,
    basePath: `${TRPC_ENDPOINT}/`,
    maxBodySize: MAX_BODY_BYTES,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async ({ req }) => {
      const db = database();
      const cookie = header(req, 'cookie');
      return createContext({
        db,
        user: await sessionUserFromToken(db, sessionTokenFromCookieHeader(cookie)),
        locale: negotiateLocale(header(req, 'x-locale') ?? cookieValue(cookie, LOCALE_COOKIE), header(req, 'accept-language')),
        clientAddress: clientAddress(req.headers),
        responseCookies: [],
      });
    },
    responseMeta: ({ ctx, errors }) => {
      const headers = new Headers();
      const wait = errors.map((e) => (e instanceof AppError ? e.retryAfterSeconds : undefined)).find((s) => s !== undefined);
      if (wait !== undefined) headers.set('retry-after', String(wait));
      for (const cookie of ctx?.responseCookies ?? []) headers.append('set-cookie', cookie);
      return { headers };
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });

  return (req: IncomingMessage, res: ServerResponse) => {
    const guard = guardMutation({
      method: req.method ?? 'GET',
      url: `http://${header(req, 'host') ?? 'localhost'}${req.url ?? '/'}`,
      headers: { get: (name) => header(req, name.toLowerCase()) },
    });
    if (!guard.ok) {
      res.statusCode = guard.status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: { message: guard.reason } }));
      return;
    }
    handle(req, res);
  };
}
