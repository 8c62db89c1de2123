import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import type { DB } from '@/db/client';
import type { SessionUser } from '@/server/auth';
import { appRouter } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import type { Locale } from '@/common/enums';
import { trpcJson } from './trpc-wire';

/**
 * Calls a procedure through tRPC's HTTP handler, as the browser does, so tests see the
 * status codes and the formatted (translated, per-field) errors a client receives.
 */
export async function httpCall(
  db: DB,
  path: string,
  input: unknown,
  options: { user?: SessionUser | null; locale?: Locale; method?: 'GET' | 'POST' } = {},
) {
  const method = options.method ?? 'POST';
  const serialized = JSON.stringify(superjson.serialize(input));
  const url = new URL(`http://localhost/api/trpc/${path}`);
  if (method === 'GET') url.searchParams.set('input', serialized);
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(url, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? serialized : undefined }),
    router: appRouter,
    createContext: () => createContext({ db, user: options.user ?? null, locale: options.locale ?? 'en' }),
  });
  return { status: res.status, body: await trpcJson(res) };
}
