import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { memberships, organisations, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { idField, versionField } from '../domain/fields';
import { LAB_ROLES } from '@/common/enums';
import { AppError, notFound, staleVersion } from '../errors';
import type { Lab } from './access';
import { recordAudit } from './audit';

export const changeRoleInput = z.object({ labId: idField, membershipId: idField, version: versionField, role: z.enum(LAB_ROLES) });
export const removeMemberInput = z.object({ labId: idField, membershipId: idField, version: versionField });

export function listMembers(db: DbOrTx, labId: number) {
  return db
    .select({
      id: memberships.id,
      version: memberships.version,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      disabled: sql<boolean>`${users.disabledAt} is not null`.mapWith(Boolean),
      /** Whether the owner proved the address; an account made from a handed-over invitation link has not (decision 018). */
      emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`.mapWith(Boolean),
      organisationNameEn: organisations.nameEn,
      organisationNameZh: organisations.nameZh,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(memberships.labId, labId))
    .orderBy(sql`case ${memberships.role} when 'manager' then 0 when 'member' then 1 else 2 end`, asc(users.name))
    .all();
}

function managerCount(tx: DbOrTx, labId: number): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(memberships)
      .where(and(eq(memberships.labId, labId), eq(memberships.role, 'manager')))
      .get()?.n ?? 0
  );
}

function membershipOfLab(tx: DbOrTx, labId: number, id: number) {
  const row = tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, id), eq(memberships.labId, labId)))
    .get();
  if (!row) throw notFound();
  return row;
}

/** A lab must always keep a manager: the last one can be neither removed, demoted nor leave. */
function refuseLosingLastManager(tx: DbOrTx, labId: number, role: string, field?: string) {
  if (role === 'manager' && managerCount(tx, labId) <= 1) throw new AppError('PRECONDITION_FAILED', 'errors.lastManager', { field });
}

export function changeMemberRole(db: DbOrTx, actor: SessionUser, lab: Lab, input: z.infer<typeof changeRoleInput>) {
  return db.transaction((tx) => {
    const before = membershipOfLab(tx, lab.id, input.membershipId);
    if (before.version !== input.version) throw staleVersion();
    if (before.role === input.role) return { role: before.role };
    refuseLosingLastManager(tx, lab.id, before.role, 'role');
    tx.update(memberships)
      .set({ role: input.role, version: before.version + 1 })
      .where(eq(memberships.id, before.id))
      .run();
    recordAudit(tx, {
      labId: lab.id,
      actorId: actor.id,
      action: 'updated',
      entityType: 'membership',
      entityId: before.id,
      before: { userId: before.userId, role: before.role },
      after: { userId: before.userId, role: input.role },
    });
    return { role: input.role };
  });
}

export function removeMember(db: DbOrTx, actor: SessionUser, lab: Lab, input: z.infer<typeof removeMemberInput>) {
  return db.transaction((tx) => {
    const before = membershipOfLab(tx, lab.id, input.membershipId);
    if (before.version !== input.version) throw staleVersion();
    refuseLosingLastManager(tx, lab.id, before.role);
    tx.delete(memberships).where(eq(memberships.id, before.id)).run();
    recordAudit(tx, {
      labId: lab.id,
      actorId: actor.id,
      action: 'deleted',
      entityType: 'membership',
      entityId: before.id,
      before: { userId: before.userId, role: before.role },
    });
    return { id: before.id };
  });
}

/** Any member may leave a lab (except its last manager); the lab is then invisible to them. */
export function leaveLab(db: DbOrTx, actor: SessionUser, labId: number) {
  return db.transaction((tx) => {
    const own = tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.labId, labId), eq(memberships.userId, actor.id)))
      .get();
    if (!own) throw notFound();
    refuseLosingLastManager(tx, labId, own.role);
    tx.delete(memberships).where(eq(memberships.id, own.id)).run();
    recordAudit(tx, {
      labId,
      actorId: actor.id,
      action: 'left',
      entityType: 'membership',
      entityId: own.id,
      before: { userId: actor.id, role: own.role },
    });
    return { labId };
  });
}
