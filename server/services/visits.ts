import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { memberships } from '@/db/schema';
import type { SessionUser } from './actor';
import { recordPageView, type VisitState } from '../domain/visits';

// Page views of a lab, kept on the membership for "what changed since my last visit" (decision 013).
// A view is not a change to the lab: it bumps no version and writes no audit event.

/** The caller's visit state in a lab, or null when they are not a member (an admin looking in). */
export function visitState(db: DbOrTx, userId: number, labId: number): (VisitState & { membershipId: number }) | null {
  const row = prepared(db, 'visitState', (d) =>
    d
      .select({ membershipId: memberships.id, lastVisitedAt: memberships.lastVisitedAt, previousVisitAt: memberships.previousVisitAt })
      .from(memberships)
      .where(and(eq(memberships.labId, sql.placeholder('labId')), eq(memberships.userId, sql.placeholder('userId'))))
      .prepare(),
  ).get({ labId, userId });
  return row ?? null;
}

/** Records that the caller opened a page of the lab. Admins who are not members have no visits to keep. */
export function recordLabVisit(db: DbOrTx, user: SessionUser, labId: number, now = new Date()): { recorded: boolean } {
  const state = visitState(db, user.id, labId);
  if (!state) return { recorded: false };
  const next = recordPageView(state, now);
  // updated_at keeps its value: it says when the membership (the role) last changed.
  db.update(memberships)
    .set({ lastVisitedAt: next.lastVisitedAt, previousVisitAt: next.previousVisitAt, updatedAt: sql`${memberships.updatedAt}` })
    .where(eq(memberships.id, state.membershipId))
    .run();
  return { recorded: true };
}
