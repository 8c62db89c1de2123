import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { loginAttempts } from '@/db/schema';

// Throttles password guessing: after 10 failed sign-ins for one account, or 50 from one address,
// within 15 minutes, further attempts are refused until enough of those failures are older than
// 15 minutes. Refused attempts are not counted (they never reach the password check), so a
// locked account unlocks on schedule even while someone keeps trying.

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 10;
export const ADDRESS_FAILURE_LIMIT = 50;

import type { SignInBlock } from '../shared-state';

export type { SignInBlock };

function failuresSince(
  db: DbOrTx,
  column: typeof loginAttempts.email | typeof loginAttempts.ip,
  value: string,
  since: Date,
  limit: number,
) {
  // Failures after the latest success of this key count; a successful sign-in starts afresh.
  const lastSuccess = db
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(column, value), eq(loginAttempts.succeeded, true), gt(loginAttempts.createdAt, since)))
    .orderBy(desc(loginAttempts.createdAt))
    .get();
  const from = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  return db
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(column, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, from)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(limit)
    .all();
}

function blockFor(failures: { at: Date }[], limit: number): Date | null {
  if (failures.length < limit) return null;
  // The attempt that put the key over the limit: once it is older than the window, one is allowed again.
  return new Date(failures[limit - 1]!.at.getTime() + SIGN_IN_WINDOW_MS);
}

export function signInBlock(db: DbOrTx, email: string, ip: string | null, now = new Date()): SignInBlock {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const byAccount = blockFor(failuresSince(db, loginAttempts.email, email, since, ACCOUNT_FAILURE_LIMIT), ACCOUNT_FAILURE_LIMIT);
  const byAddress = ip ? blockFor(failuresSince(db, loginAttempts.ip, ip, since, ADDRESS_FAILURE_LIMIT), ADDRESS_FAILURE_LIMIT) : null;
  const retryAt = [byAccount, byAddress].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  return retryAt ? { blocked: true, retryAt } : { blocked: false };
}

/** Whole minutes until `retryAt`, at least one: what the refusal tells the person to wait. */
export function minutesUntil(retryAt: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}

export function recordSignInAttempt(db: DbOrTx, email: string, ip: string | null, succeeded: boolean, now = new Date()): void {
  db.insert(loginAttempts).values({ email, ip, succeeded, createdAt: now }).run();
  // Keep the table small: a day of history is plenty for throttling.
  if (Math.random() < 0.02)
    db.delete(loginAttempts)
      .where(lt(loginAttempts.createdAt, new Date(now.getTime() - 86_400_000)))
      .run();
}

/** The client address as the nearest proxy (or Next.js itself) recorded it: the last X-Forwarded-For entry. */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string | null {
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers?.['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  const last = value?.split(',').pop()?.trim();
  return last || null;
}
