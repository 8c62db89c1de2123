import { eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { revokedSessions } from '@/db/schema';

// Signing out ends that one session everywhere (decision 021): the session's id goes into the
// database, where every server process looks before it accepts a token. The person's other
// sessions (other devices) carry other ids and go on.

/** Ends one session. `until` is when its last token expires by itself; the row is not needed after. */
export function revokeSession(db: DbOrTx, sessionId: string, until: Date, now = new Date()): void {
  db.insert(revokedSessions).values({ sessionId, expiresAt: until }).onConflictDoNothing().run();
  db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now)).run();
}

export function isSessionRevoked(db: DbOrTx, sessionId: string): boolean {
  return (
    prepared(db, 'revokedSession', (d) =>
      d
        .select({ id: revokedSessions.sessionId })
        .from(revokedSessions)
        .where(eq(revokedSessions.sessionId, sql.placeholder('id')))
        .prepare(),
    ).get({ id: sessionId }) !== undefined
  );
}
