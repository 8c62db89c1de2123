import 'server-only';
import { getLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/server/db';
import { sessionTokenFromCookieHeader, sessionUserFromToken } from '@/server/auth';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import type { Locale } from '@/common/enums';
import { needsTwoFactorSetup } from '@/server/services/two-factor';

/** The signed-in user of this request, checked against the database (once per request). */
export const currentUser = cache(async () => {
  const token = sessionTokenFromCookieHeader((await headers()).get('cookie'));
  return sessionUserFromToken(getDb(), token);
});

/** The page where a person sets up the second factor a setting requires of them (decision 026). */
export const TWO_FACTOR_SETUP_PATH = '/account/two-factor';

/**
 * For pages behind sign-in: the user, or a redirect to sign-in that comes back to the page asked
 * for. Someone who must set up two-factor authentication first is sent to its set-up page; only
 * that page (and the layout around it) passes `{ enrolling: true }`.
 */
export async function requireUser(options: { enrolling?: boolean } = {}) {
  const user = await currentUser();
  const locale = await getLocale();
  if (!user) {
    // Set by proxy.ts; the sign-in form accepts only same-site paths, whatever this says.
    const asked = (await headers()).get('x-request-path') ?? `/${locale}/workspace`;
    redirect(`/${locale}/signin?callbackUrl=${encodeURIComponent(asked)}`);
  }
  if (!options.enrolling && needsTwoFactorSetup(getDb(), user)) redirect(`/${locale}${TWO_FACTOR_SETUP_PATH}`);
  return user;
}

/** The tRPC caller for server components: same procedures, same access rules, no HTTP. */
export const serverApi = cache(async () =>
  createCaller(createContext({ user: await currentUser(), locale: (await getLocale()) as Locale })),
);
