import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DB, DbOrTx } from '@/db/client';
import { emailConfirmations, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { tokenField } from '../domain/fields';
import type { Locale } from '@/common/enums';
import { AppError } from '../errors';
import { translate } from '../i18n';
import { recordAudit } from './audit';
import { enqueueLinkMail, mailEnabled, tryLinkMail, type LinkMailSpec } from './mail';
import { EMAIL_CONFIRMATION_TTL_MS, emailConfirmationPath, hashSecretToken, newSecretToken } from './tokens';

// Whether an account's owner has proved they read mail at its address (decision 018). Using a link
// that went only to that mailbox proves it — an invitation, a reset, or the confirmation link mailed
// from here. An account made from a link someone handed over stays unverified until then.

export const confirmationTokenInput = z.object({ token: tokenField });

/** At most this many confirmation mails per account and hour. */
const CONFIRMATIONS_PER_HOUR = 3;

const nowMs = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;

/** Marks the address as proved (the caller's transaction); a verified one keeps its first date. */
export function verifyEmail(tx: DbOrTx, userId: number) {
  tx.update(users)
    .set({ emailVerifiedAt: new Date() })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
    .run();
}

/**
 * Adds a confirmation link for an account (the caller's transaction); returns its token. With
 * `mailLocale`, its mail job is enqueued in the same transaction.
 */
export function insertEmailConfirmation(tx: DbOrTx, userId: number, mailLocale: Locale | null = null) {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + EMAIL_CONFIRMATION_TTL_MS);
  const row = tx.insert(emailConfirmations).values({ userId, tokenHash: hash, expiresAt }).returning({ id: emailConfirmations.id }).get();
  recordAudit(tx, {
    labId: null,
    actorId: userId,
    action: 'email_confirmation_sent',
    entityType: 'user',
    entityId: userId,
    after: { expiresAt },
  });
  const jobId = mailLocale ? enqueueLinkMail(tx, emailConfirmationMail, row.id, mailLocale) : null;
  return { id: row.id, token, jobId };
}

/** The confirmation mail as a job; a fresh link for each attempt, voided when its mail failed for good. */
export const emailConfirmationMail: LinkMailSpec = {
  kind: 'mail.emailConfirmation',
  load(tx, id) {
    const row = tx
      .select({ confirmation: emailConfirmations, email: users.email, disabledAt: users.disabledAt, verifiedAt: users.emailVerifiedAt })
      .from(emailConfirmations)
      .innerJoin(users, eq(users.id, emailConfirmations.userId))
      .where(eq(emailConfirmations.id, id))
      .get();
    if (!row || row.confirmation.usedAt || row.disabledAt || row.verifiedAt || row.confirmation.expiresAt.getTime() <= Date.now())
      return null;
    return { to: row.email, vars: {} };
  },
  issueToken(tx, id) {
    const { token, hash } = newSecretToken();
    tx.update(emailConfirmations).set({ tokenHash: hash }).where(eq(emailConfirmations.id, id)).run();
    return token;
  },
  path: emailConfirmationPath,
  compose: (locale, _vars, url) => ({
    subject: translate(locale, 'account.confirmMail.subject'),
    text: translate(locale, 'account.confirmMail.body', { url }),
  }),
  giveUp(db, id) {
    db.update(emailConfirmations)
      .set({ usedAt: nowMs })
      .where(and(eq(emailConfirmations.id, id), isNull(emailConfirmations.usedAt)))
      .run();
  },
};

/** Whether the caller's address is verified, and whether a confirmation link can be mailed. */
export function emailConfirmationStatus(db: DbOrTx, user: SessionUser) {
  const row = db.select({ emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, user.id)).get();
  return { verified: Boolean(row?.emailVerifiedAt), canMail: mailEnabled() };
}

/** Mails the caller a link that confirms their address. Needs mail; refuses when asked too often. */
export async function requestEmailConfirmation(db: DB, user: SessionUser, locale: Locale) {
  if (emailConfirmationStatus(db, user).verified) return { verified: true, sent: false, mailDelayed: false };
  if (!mailEnabled()) throw new AppError('PRECONDITION_FAILED', 'errors.confirmationNeedsMail');
  const issued = db.transaction((tx) => {
    const recent =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(emailConfirmations)
        .where(and(eq(emailConfirmations.userId, user.id), gt(emailConfirmations.createdAt, new Date(Date.now() - 3_600_000))))
        .get()?.n ?? 0;
    if (recent >= CONFIRMATIONS_PER_HOUR) throw new AppError('TOO_MANY_REQUESTS', 'errors.confirmationTooOften');
    return insertEmailConfirmation(tx, user.id, locale);
  });
  const outcome = await tryLinkMail(db, emailConfirmationMail, issued.jobId!);
  if (outcome === 'failed') throw new AppError('PRECONDITION_FAILED', 'errors.confirmationMailFailed');
  return { verified: false, sent: outcome === 'sent', mailDelayed: outcome === 'delayed' };
}

type ConfirmationState = 'valid' | 'used' | 'expired' | 'unknown';

function findConfirmation(db: DbOrTx, token: string) {
  const row = db
    .select({ confirmation: emailConfirmations, user: users })
    .from(emailConfirmations)
    .innerJoin(users, eq(users.id, emailConfirmations.userId))
    .where(eq(emailConfirmations.tokenHash, hashSecretToken(token)))
    .get();
  let state: ConfirmationState = 'valid';
  if (!row || row.user.disabledAt) state = 'unknown';
  else if (row.confirmation.usedAt) state = 'used';
  else if (row.confirmation.expiresAt.getTime() <= Date.now()) state = 'expired';
  return { row, state };
}

/** What the confirmation page shows: whether the link works, and for which address (the link went to it). */
export function describeEmailConfirmation(db: DbOrTx, token: string) {
  const { row, state } = findConfirmation(db, token);
  return state === 'valid' && row ? { state, email: row.user.email } : { state };
}

const refusal: Record<Exclude<ConfirmationState, 'valid'>, ['NOT_FOUND' | 'PRECONDITION_FAILED', string]> = {
  unknown: ['NOT_FOUND', 'errors.linkInvalid'],
  used: ['PRECONDITION_FAILED', 'errors.confirmationUsed'],
  expired: ['PRECONDITION_FAILED', 'errors.confirmationExpired'],
};

/** The owner confirms the address with the mailed link; every other open link of the account ends. */
export function confirmEmail(db: DB, token: string) {
  return db.transaction((tx) => {
    const { row, state } = findConfirmation(tx, token);
    if (state !== 'valid' || !row) {
      const [code, key] = refusal[state as Exclude<ConfirmationState, 'valid'>];
      throw new AppError(code, key);
    }
    tx.update(emailConfirmations)
      .set({ usedAt: nowMs })
      .where(and(eq(emailConfirmations.userId, row.user.id), isNull(emailConfirmations.usedAt)))
      .run();
    verifyEmail(tx, row.user.id);
    recordAudit(tx, { labId: null, actorId: row.user.id, action: 'email_confirmed', entityType: 'user', entityId: row.user.id });
    return { email: row.user.email };
  });
}
