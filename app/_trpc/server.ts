import 'server-only';
import { getLocale } from 'next-intl/server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../../db/client';
import { sessionCookieName, sessionUserFromToken } from '../../server/auth';
import { createCaller } from '../../server/api/root';
import { createContext } from '../../server/api/trpc';
import type { Locale } from '../../server/domain/enums';

/** The signed-in user of this request, checked against the database (once per request). */
export const currentUser = cache(async () => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return sessionUserFromToken(getDb(), token);
});

/** For pages behind sign-in: the user, or a redirect to sign-in that comes back to `path`. */
export async function requireUser(path: string) {
  const user = await currentUser();
  if (!user) {
    const locale = await getLocale();
    redirect(`/${locale}/signin?callbackUrl=${encodeURIComponent(`/${locale}${path}`)}`);
  }
  return user;
}

/** The tRPC caller for server components: same procedures, same access rules, no HTTP. */
export const serverApi = cache(async () =>
  createCaller(createContext({ user: await currentUser(), locale: (await getLocale()) as Locale })),
);
