import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DB, DbOrTx } from '@/db/client';
import { calendarTokens, emailConfirmations, invitations, organisations, passwordResets, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { emailField, idField, optionalId, requiredText, versionField } from '../domain/fields';
import type { Locale } from '@/common/enums';
import { AppError, invalidField, notFound, staleVersion } from '../errors';
import { hashPassword } from '../password';
import { findUserByEmail } from './accounts';
import { recordAudit } from './audit';
import { mailEnabled } from './mail';
import { deliverPasswordReset, insertPasswordReset } from './passwords';
import { ADMIN_RESET_TTL_MS } from './tokens';
import { containsAny } from './search';
import { endInvitation } from './invitations';

export const createUserInput = z.object({
  email: emailField,
  name: requiredText(120),
  organisationId: optionalId,
  isAdmin: z.boolean().default(false),
});
export const setDisabledInput = z.object({ userId: idField, version: versionField, disabled: z.boolean() });
export const setAdminInput = z.object({ userId: idField, version: versionField, isAdmin: z.boolean() });
export const issueResetInput = z.object({ userId: idField });

export function listUsers(db: DbOrTx, query = '') {
  return db
    .select({
      id: users.id,
      version: users.version,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      disabledAt: users.disabledAt,
      emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`.mapWith(Boolean),
      twoFactor: sql<boolean>`${users.totpEnabledAt} is not null`.mapWith(Boolean),
      createdAt: users.createdAt,
      organisationNameEn: organisations.nameEn,
      organisationNameZh: organisations.nameZh,
      labCount: sql<number>`(select count(*) from memberships m where m.user_id = users.id)`,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(query ? containsAny(query, [users.email, users.name]) : undefined)
    .orderBy(asc(users.name), asc(users.email))
    .limit(500)
    .all();
}

function activeAdminCount(tx: DbOrTx, exceptId: number): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.isAdmin, true), isNull(users.disabledAt), ne(users.id, exceptId)))
      .get()?.n ?? 0
  );
}

function userForEdit(tx: DbOrTx, userId: number, version: number) {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw notFound();
  if (user.version !== version) throw staleVersion();
  return user;
}

/**
 * Creates an account without a usable password and a link (valid 7 days) with which its owner sets
 * one: the admin never knows anyone's password. With mail the link goes only to the new address
 * (and using it verifies the address); without, it is returned once for the admin to pass on.
 */
export async function createUser(db: DB, actor: SessionUser, input: z.infer<typeof createUserInput>, locale: Locale) {
  if (findUserByEmail(db, input.email)) throw new AppError('CONFLICT', 'errors.emailTaken', { field: 'email' });
  const organisationId = input.organisationId ?? null;
  if (
    organisationId !== null &&
    !db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).get()
  ) {
    throw invalidField('organisationId', 'validation.choice');
  }
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  const viaMail = mailEnabled();
  const created = db.transaction((tx) => {
    if (findUserByEmail(tx, input.email)) throw new AppError('CONFLICT', 'errors.emailTaken', { field: 'email' });
    const user = tx
      .insert(users)
      .values({ email: input.email, name: input.name, organisationId, isAdmin: input.isAdmin, passwordHash })
      .returning({ id: users.id })
      .get();
    recordAudit(tx, {
      labId: null,
      actorId: actor.id,
      action: 'created',
      entityType: 'user',
      entityId: user.id,
      after: { email: input.email, name: input.name, organisationId, isAdmin: input.isAdmin },
    });
    return { userId: user.id, reset: insertPasswordReset(tx, user.id, actor.id, ADMIN_RESET_TTL_MS, viaMail ? locale : null) };
  });
  // The account exists either way; after a mail that failed for good the admin issues a new link from the users list.
  return { id: created.userId, ...(await deliverPasswordReset(db, created.reset)) };
}

const nowMs = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;

/**
 * Everything a disabled account's secret links stood for ends with it, so that re-enabling the
 * account brings none of them back: its reset links and those it issued for others (an admin may
 * have been shown them), its calendar URLs, invitations to its address and invitations it sent
 * (a manager may hold their links). Each revoked invitation is audited in its own lab.
 */
function voidLinksOf(tx: DbOrTx, actor: SessionUser, user: typeof users.$inferSelect) {
  const resets = tx
    .update(passwordResets)
    .set({ usedAt: nowMs })
    .where(and(or(eq(passwordResets.userId, user.id), eq(passwordResets.createdById, user.id)), isNull(passwordResets.usedAt)))
    .run().changes;
  tx.update(emailConfirmations)
    .set({ usedAt: nowMs })
    .where(and(eq(emailConfirmations.userId, user.id), isNull(emailConfirmations.usedAt)))
    .run();
  const calendars = tx
    .update(calendarTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarTokens.userId, user.id), isNull(calendarTokens.revokedAt)))
    .run().changes;
  const open = tx
    .select()
    .from(invitations)
    .where(
      and(
        or(eq(invitations.email, user.email), eq(invitations.invitedById, user.id)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .all();
  for (const inv of open) endInvitation(tx, actor, inv, inv.email === user.email ? 'invitee_disabled' : 'inviter_disabled');
  return { passwordResets: resets, calendarTokens: calendars, invitations: open.length };
}

/**
 * Disabling ends the person's sessions and voids their secret links at once; re-enabling lets them
 * sign in again, with nothing issued before the disabling working again.
 */
export function setUserDisabled(db: DbOrTx, actor: SessionUser, input: z.infer<typeof setDisabledInput>) {
  return db.transaction((tx) => {
    const user = userForEdit(tx, input.userId, input.version);
    if (input.disabled && user.id === actor.id) throw new AppError('PRECONDITION_FAILED', 'errors.cannotDisableSelf');
    if (input.disabled && user.isAdmin && activeAdminCount(tx, user.id) === 0)
      throw new AppError('PRECONDITION_FAILED', 'errors.lastAdmin');
    if (Boolean(user.disabledAt) === input.disabled) return { disabled: input.disabled };
    tx.update(users)
      .set({
        disabledAt: input.disabled ? new Date() : null,
        sessionVersion: input.disabled ? user.sessionVersion + 1 : user.sessionVersion,
        version: user.version + 1,
      })
      .where(eq(users.id, user.id))
      .run();
    const voided = input.disabled ? voidLinksOf(tx, actor, user) : null;
    recordAudit(tx, {
      labId: null,
      actorId: actor.id,
      action: input.disabled ? 'disabled' : 'enabled',
      entityType: 'user',
      entityId: user.id,
      before: { disabled: !input.disabled },
      after: voided ? { disabled: true, voided } : { disabled: false },
    });
    return { disabled: input.disabled };
  });
}

export function setUserAdmin(db: DbOrTx, actor: SessionUser, input: z.infer<typeof setAdminInput>) {
  return db.transaction((tx) => {
    const user = userForEdit(tx, input.userId, input.version);
    if (!input.isAdmin && user.id === actor.id) throw new AppError('PRECONDITION_FAILED', 'errors.cannotUnadminSelf');
    if (!input.isAdmin && user.isAdmin && !user.disabledAt && activeAdminCount(tx, user.id) === 0) {
      throw new AppError('PRECONDITION_FAILED', 'errors.lastAdmin');
    }
    if (user.isAdmin === input.isAdmin) return { isAdmin: input.isAdmin };
    tx.update(users)
      .set({ isAdmin: input.isAdmin, version: user.version + 1 })
      .where(eq(users.id, user.id))
      .run();
    recordAudit(tx, {
      labId: null,
      actorId: actor.id,
      action: 'updated',
      entityType: 'user',
      entityId: user.id,
      before: { isAdmin: user.isAdmin },
      after: { isAdmin: input.isAdmin },
    });
    return { isAdmin: input.isAdmin };
  });
}

/** A reset link for someone who forgot their password; the admin passes it on (or it is mailed). */
export async function issuePasswordReset(db: DB, actor: SessionUser, input: z.infer<typeof issueResetInput>, locale: Locale) {
  const user = db.select().from(users).where(eq(users.id, input.userId)).get();
  if (!user) throw notFound();
  if (user.disabledAt) throw new AppError('PRECONDITION_FAILED', 'errors.userDisabled');
  const viaMail = mailEnabled();
  const issued = db.transaction((tx) =>
    insertPasswordReset(tx, user.id, actor.id, ADMIN_RESET_TTL_MS, viaMail ? (user.locale ?? locale) : null),
  );
  const delivered = await deliverPasswordReset(db, issued);
  if (viaMail && !delivered.mailed && !delivered.mailDelayed) throw new AppError('PRECONDITION_FAILED', 'errors.resetMailFailed');
  return delivered;
}
