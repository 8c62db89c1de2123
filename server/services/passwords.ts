import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DB, DbOrTx } from '@/db/client';
import { passwordResets, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { emailField, passwordField, tokenField } from '../domain/fields';
import type { Locale } from '@/common/enums';
import { passwordProblem } from '../domain/password-policy';
import { AppError, invalidField } from '../errors';
import { translate } from '../i18n';
import { hashPassword, verifyPassword } from '../password';
import { findUserByEmail } from './accounts';
import { verifyEmail } from './email-confirmations';
import { recordAudit } from './audit';
import { sharedState } from '../shared-state/store';
import { minutesUntil } from './sign-in-guard';
import { enqueueLinkMail, mailEnabled, tryLinkMail, type LinkMailSpec } from './mail';
import { ADMIN_RESET_TTL_MS, SELF_SERVICE_RESET_TTL_MS, hashSecretToken, newSecretToken, passwordResetPath } from './tokens';

export const changePasswordInput = z.object({ currentPassword: passwordField, newPassword: passwordField });
export const resetTokenInput = z.object({ token: tokenField });
export const resetPasswordInput = z.object({ token: tokenField, password: passwordField });
export const requestResetInput = z.object({ email: emailField });

/** At most this many self-service links per account and hour: a mailbox is not a target to flood. */
const SELF_SERVICE_RESETS_PER_HOUR = 3;

const nowMs = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;

/** Ends every session of a user and voids their unused reset links; part of any password change. */
function setPassword(tx: DbOrTx, userId: number, passwordHash: string) {
  tx.update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId))
    .run();
  tx.update(passwordResets)
    .set({ usedAt: nowMs })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
    .run();
}

/**
 * Adds a reset link for a user (the caller's transaction); returns the token for the link. With
 * `mailLocale` the link goes only to the account's mailbox (so using it also proves the address):
 * its mail job is enqueued in the same transaction.
 */
export function insertPasswordReset(
  tx: DbOrTx,
  userId: number,
  createdById: number | null,
  ttlMs = ADMIN_RESET_TTL_MS,
  mailLocale: Locale | null = null,
) {
  const mailedOnly = mailLocale !== null;
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + ttlMs);
  const row = tx
    .insert(passwordResets)
    .values({ userId, tokenHash: hash, createdById, expiresAt, mailedOnly })
    .returning({ id: passwordResets.id })
    .get();
  recordAudit(tx, {
    labId: null,
    actorId: createdById,
    action: 'password_reset_issued',
    entityType: 'user',
    entityId: userId,
    after: { expiresAt, mailedOnly },
  });
  const jobId = mailLocale ? enqueueLinkMail(tx, passwordResetMail, row.id, mailLocale) : null;
  return { id: row.id, token, expiresAt, jobId };
}

/** The reset mail as a job; a fresh link for each attempt, and a link whose mail failed for good is voided. */
export const passwordResetMail: LinkMailSpec = {
  kind: 'mail.passwordReset',
  load(tx, id) {
    const row = tx
      .select({ reset: passwordResets, email: users.email, disabledAt: users.disabledAt })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(eq(passwordResets.id, id))
      .get();
    if (!row || row.reset.usedAt || row.disabledAt || row.reset.expiresAt.getTime() <= Date.now()) return null;
    return { to: row.email, vars: {} };
  },
  issueToken(tx, id) {
    const { token, hash } = newSecretToken();
    tx.update(passwordResets).set({ tokenHash: hash }).where(eq(passwordResets.id, id)).run();
    return token;
  },
  path: passwordResetPath,
  compose: (locale, _vars, url) => ({
    subject: translate(locale, 'account.mail.subject'),
    text: translate(locale, 'account.mail.body', { url }),
  }),
  giveUp(db, id) {
    db.update(passwordResets)
      .set({ usedAt: nowMs })
      .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt)))
      .run();
  },
};

/**
 * Sends a reset link an admin issued (decision 018): with mail configured only to the account's
 * mailbox — no token in the answer; the mail is tried now, a temporary failure is retried by the
 * job runner (`mailDelayed`), and a link whose mail failed for good is voided, since nobody holds it.
 * Without mail, the token is returned once for the admin to pass on.
 */
export async function deliverPasswordReset(db: DB, issued: { id: number; token: string; expiresAt: Date; jobId: number | null }) {
  if (issued.jobId === null) return { expiresAt: issued.expiresAt, mailed: false, mailDelayed: false, token: issued.token };
  const outcome = await tryLinkMail(db, passwordResetMail, issued.jobId);
  return { expiresAt: issued.expiresAt, mailed: outcome === 'sent', mailDelayed: outcome === 'delayed', token: null };
}

/**
 * Changing one's own password needs the current one; every other session of the account ends.
 * The current password is a guess like any sign-in: it is throttled and counted with the
 * account's sign-ins (sign-in-guard.ts), so a stolen session cannot try passwords without limit.
 */
export async function changeOwnPassword(
  db: DB,
  actor: SessionUser,
  input: z.infer<typeof changePasswordInput>,
  /** Where the request came from: its failures count against that address as a sign-in's do. */
  address: string | null = null,
) {
  const user = db.select().from(users).where(eq(users.id, actor.id)).get();
  if (!user) throw new AppError('UNAUTHORIZED', 'errors.unauthorized');
  const throttle = sharedState(db);
  const block = await throttle.signInBlock(user.email, address);
  if (block.blocked) {
    throw new AppError('TOO_MANY_REQUESTS', 'errors.tooManyPasswordAttempts', {
      field: 'currentPassword',
      params: { minutes: minutesUntil(block.retryAt) },
    });
  }
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await throttle.recordSignInAttempt(user.email, address, false);
    throw invalidField('currentPassword', 'errors.wrongPassword');
  }
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem) throw invalidField('newPassword', problem);
  if (input.newPassword === input.currentPassword) throw invalidField('newPassword', 'validation.passwordUnchanged');
  const passwordHash = await hashPassword(input.newPassword);
  db.transaction((tx) => {
    setPassword(tx, user.id, passwordHash);
    recordAudit(tx, { labId: null, actorId: actor.id, action: 'password_changed', entityType: 'user', entityId: user.id });
  });
  // Only once the change is committed does it count as a success, which starts the throttle afresh.
  await throttle.recordSignInAttempt(user.email, address, true);
  return { email: user.email };
}

type ResetState = 'valid' | 'expired' | 'used' | 'unknown';

function findReset(db: DbOrTx, token: string) {
  const reset = db
    .select()
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, hashSecretToken(token)))
    .get();
  const user = reset ? db.select().from(users).where(eq(users.id, reset.userId)).get() : undefined;
  let state: ResetState = 'valid';
  // A disabled account cannot come back through a reset link: only an admin re-enables it.
  if (!reset || !user || user.disabledAt) state = 'unknown';
  else if (reset.usedAt) state = 'used';
  else if (reset.expiresAt.getTime() <= Date.now()) state = 'expired';
  return { reset, user, state };
}

/** What the reset page shows about a link: whether it works, and for which account. */
export function describePasswordReset(db: DbOrTx, token: string) {
  const { user, state } = findReset(db, token);
  return state === 'valid' && user ? { state, email: user.email, name: user.name } : { state };
}

const resetRefusal: Record<Exclude<ResetState, 'valid'>, ['NOT_FOUND' | 'PRECONDITION_FAILED', string]> = {
  unknown: ['NOT_FOUND', 'errors.linkInvalid'],
  used: ['PRECONDITION_FAILED', 'errors.resetUsed'],
  expired: ['PRECONDITION_FAILED', 'errors.resetExpired'],
};

function usableReset(db: DbOrTx, token: string) {
  const found = findReset(db, token);
  if (found.state !== 'valid' || !found.user || !found.reset) {
    const [code, key] = resetRefusal[found.state as Exclude<ResetState, 'valid'>];
    throw new AppError(code, key);
  }
  return { reset: found.reset, user: found.user };
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(db: DB, input: z.infer<typeof resetPasswordInput>) {
  const { user } = usableReset(db, input.token);
  const problem = passwordProblem(input.password, user.email);
  if (problem) throw invalidField('password', problem);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const again = usableReset(tx, input.token);
    setPassword(tx, again.user.id, passwordHash);
    if (again.reset.mailedOnly) verifyEmail(tx, again.user.id);
    recordAudit(tx, { labId: null, actorId: again.user.id, action: 'password_reset', entityType: 'user', entityId: again.user.id });
    return { email: again.user.email };
  });
}

/**
 * "Forgot password": mails a short-lived link when the address has an account. The answer is the
 * same either way, and the mail is sent after answering, so neither reveals who has an account.
 */
export function requestPasswordReset(db: DB, input: z.infer<typeof requestResetInput>, locale: Locale) {
  if (!mailEnabled()) throw new AppError('PRECONDITION_FAILED', 'errors.mailNotConfigured');
  const user = findUserByEmail(db, input.email);
  if (!user || user.disabledAt) return { requested: true };
  const issued = db.transaction((tx) => {
    const recent =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(passwordResets)
        .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, new Date(Date.now() - 60 * 60 * 1000))))
        .get()?.n ?? 0;
    if (recent >= SELF_SERVICE_RESETS_PER_HOUR) return null;
    return insertPasswordReset(tx, user.id, null, SELF_SERVICE_RESET_TTL_MS, user.locale ?? locale);
  });
  // Not awaited: the answer must not take longer for an address with an account.
  if (issued?.jobId) void tryLinkMail(db, passwordResetMail, issued.jobId);
  return { requested: true };
}
