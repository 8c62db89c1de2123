import { lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { requestBudgets } from '@/db/schema';
import { isSessionRevoked, revokeSession } from '../services/sessions';
import { recordSignInAttempt, signInBlock } from '../services/sign-in-guard';
import type { BudgetAnswer, SharedState } from './index';

/** Windows older than this are deleted now and then; no budget window is longer. */
const KEEP_WINDOWS_MS = 24 * 60 * 60_000;

/**
 * The shared state in the app's SQLite database: one machine, any number of processes. Each
 * budget is one row, counted by a single upsert, so two processes never lose each other's hits.
 */
export function sqliteSharedState(db: DbOrTx): SharedState {
  return {
    async consume(key, limit, windowMs, now = Date.now()): Promise<BudgetAnswer> {
      const windowStart = now - (now % windowMs);
      const row = prepared(db, 'consumeBudget', (d) =>
        d
          .insert(requestBudgets)
          .values({ key: sql.placeholder('key'), windowStart: sql.placeholder('windowStart'), hits: 1 })
          .onConflictDoUpdate({
            target: requestBudgets.key,
            set: {
              hits: sql`case when ${requestBudgets.windowStart} = excluded.window_start then ${requestBudgets.hits} + 1 else 1 end`,
              windowStart: sql`excluded.window_start`,
            },
          })
          .returning({ hits: requestBudgets.hits })
          .prepare(),
      ).get({ key, windowStart })!;
      if (Math.random() < 0.001) db.delete(requestBudgets).where(lt(requestBudgets.windowStart, now - KEEP_WINDOWS_MS)).run();
      if (row.hits <= limit) return { allowed: true, remaining: limit - row.hits };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
    },
    // The throttle's attempts and the signed-out sessions are rows of the app's database.
    async signInBlock(email, ip, now) {
      return signInBlock(db, email, ip, now);
    },
    async recordSignInAttempt(email, ip, succeeded, now) {
      recordSignInAttempt(db, email, ip, succeeded, now);
    },
    async revokeSession(sessionId, until, now) {
      revokeSession(db, sessionId, until, now);
    },
    async isSessionRevoked(sessionId) {
      return isSessionRevoked(db, sessionId);
    },
  };
}
