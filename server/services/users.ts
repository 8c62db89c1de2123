import { eq, sql } from 'drizzle-orm';
import type { DB, DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import type { SessionUser } from './actor';
import type { Locale } from '@/common/enums';
import { recordAudit } from './audit';

export function setPreferredLocale(db: DbOrTx, user: SessionUser, locale: Locale): { locale: Locale } {
  db.update(users).set({ locale }).where(eq(users.id, user.id)).run();
  return { locale };
}

/**
 * The time zone the person reads times in (null: their browser's). A setting of their own account,
 * kept in the audit log like every other change of it.
 */
export function setTimeZone(db: DB, user: SessionUser, timeZone: string | null): { timeZone: string | null } {
  db.transaction((tx) => {
    const before = tx.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, user.id)).get();
    if (!before || before.timeZone === timeZone) return;
    tx.update(users).set({ timeZone }).where(eq(users.id, user.id)).run();
    recordAudit(tx, {
      labId: null,
      actorId: user.id,
      action: 'updated',
      entityType: 'user',
      entityId: user.id,
      before: { timeZone: before.timeZone },
      after: { timeZone },
    });
  });
  return { timeZone };
}

/** Ends every session of the account, this one included ("sign out everywhere"). */
export function signOutEverywhere(db: DB, user: SessionUser): { ok: true } {
  db.transaction((tx) => {
    tx.update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .run();
    recordAudit(tx, { labId: null, actorId: user.id, action: 'signed_out_everywhere', entityType: 'user', entityId: user.id });
  });
  return { ok: true };
}
