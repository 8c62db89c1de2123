import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb, type DB } from '../../db/client';
import { sessionTokenFromCookieHeader, sessionUserFromToken } from '../auth';
import { AppError } from '../errors';
import { guardMutation } from '../http/request-guard';
import { cookieValue } from '../http/route-helpers';
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

function refuse(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status });
}

/**
 * The app's tRPC endpoint over the Fetch API, served by Next.js at /api/trpc (the route handler in
 * app/api/trpc/[trpc]) and called the same way by tests: the cross-site guard and the body limit
 * first, then tRPC's own fetch adapter with the caller's session, language and address.
 */
export async function handleTrpcRequest(req: Request, database: () => DB = getDb): Promise<Response> {
  const guard = guardMutation(req);
  if (!guard.ok) return refuse(guard.status, guard.reason);
  if (req.method === 'POST') {
    const length = Number(req.headers.get('content-length') ?? NaN);
    if (!Number.isFinite(length)) return refuse(411, 'Mutations must say their length (Content-Length).');
    if (length > MAX_BODY_BYTES) return refuse(413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  }
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async () => {
      const db = database();
      const cookie = req.headers.get('cookie');
      return createContext({
        db,
        user: await sessionUserFromToken(db, sessionTokenFromCookieHeader(cookie)),
        locale: negotiateLocale(req.headers.get('x-locale') ?? cookieValue(cookie, LOCALE_COOKIE), req.headers.get('accept-language')),
        clientAddress: clientAddress(req.headers),
      });
    },
    responseMeta: ({ errors }) => {
      const wait = errors.map((e) => (e instanceof AppError ? e.retryAfterSeconds : undefined)).find((s) => s !== undefined);
      return wait === undefined ? {} : { headers: new Headers({ 'retry-after': String(wait) }) };
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });
}
