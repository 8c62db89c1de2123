import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { prepared } from '@/db/prepared';
import { labs, memberships } from '@/db/schema';
import type { SessionUser } from './actor';
import { LAB_ROLES, type LabRole } from '@/common/enums';
import { forbidden, notFound } from '../errors';

// The one place that decides who may do what in a lab (PRODUCT.md, "Who may do what").

export type Lab = typeof labs.$inferSelect;

/** A caller's standing in a lab: their membership role, or 'admin' for platform admins who are not members. */
export type LabStanding = LabRole | 'admin';

export function roleAtLeast(role: LabStanding, minimum: LabRole): boolean {
  if (role === 'admin') return true;
  return LAB_ROLES.indexOf(role) >= LAB_ROLES.indexOf(minimum);
}

export function membershipRole(db: DbOrTx, userId: number, labId: number): LabRole | null {
  const row = prepared(db, 'membershipRole', (d) =>
    d
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.labId, sql.placeholder('labId')), eq(memberships.userId, sql.placeholder('userId'))))
      .prepare(),
  ).get({ labId, userId });
  return row?.role ?? null;
}

/** The caller's standing in a lab, or null when the lab is invisible to them. */
export function labStanding(db: DbOrTx, user: SessionUser | null, labId: number): LabStanding | null {
  if (!user) return null;
  const role = membershipRole(db, user.id, labId);
  // An admin who is also a member keeps admin rights everywhere; the membership role is shown.
  if (user.isAdmin) return role === 'manager' ? 'manager' : 'admin';
  return role;
}

/**
 * Resolves a lab for a signed-in caller and checks their role there. A lab the caller has no role
 * in answers NOT_FOUND, exactly like a lab that does not exist, so ids and slugs reveal nothing.
 */
export function requireLabAccess(db: DbOrTx, user: SessionUser, labId: number, minimum: LabRole): { lab: Lab; role: LabStanding } {
  const lab = prepared(db, 'labById', (d) => d.select().from(labs).where(eq(labs.id, sql.placeholder('id'))).prepare()).get({ id: labId });
  if (!lab) throw notFound();
  const role = labStanding(db, user, lab.id);
  if (!role) throw notFound();
  if (!roleAtLeast(role, minimum)) throw forbidden();
  return { lab, role };
}

export function canEditLab(role: LabStanding): boolean {
  return roleAtLeast(role, 'manager');
}

export function canLogProgress(role: LabStanding): boolean {
  return roleAtLeast(role, 'member');
}
