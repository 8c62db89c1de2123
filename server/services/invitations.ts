import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DB, DbOrTx } from '@/db/client';
import { invitations, labs, memberships, organisations, participations, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { emailField, idField, optionalId, passwordField, requiredText, tokenField } from '../domain/fields';
import { LAB_ROLES, type LabRole, type Locale } from '@/common/enums';
import { passwordProblem } from '../domain/password-policy';
import { AppError, invalidField, notFound } from '../errors';
import { translate } from '../i18n';
import { hashPassword } from '../password';
import type { Lab } from './access';
import { findUserByEmail } from './accounts';
import { recordAudit } from './audit';
import { verifyEmail } from './email-confirmations';
import { enqueueLinkMail, mailEnabled, tryLinkMail, type LinkMailSpec } from './mail';
import { INVITATION_TTL_MS, hashSecretToken, invitationPath, newSecretToken } from './tokens';
import { localizedName } from '../domain/names';

export const createInvitationInput = z.object({
  labId: idField,
  email: emailField,
  role: z.enum(LAB_ROLES),
  organisationId: optionalId,
});
export const revokeInvitationInput = z.object({ labId: idField, invitationId: idField });
export const invitationTokenInput = z.object({ token: tokenField });
export const acceptAsNewUserInput = z.object({ token: tokenField, name: requiredText(120), password: passwordField });

export type InvitationState = 'pending' | 'expired' | 'accepted' | 'revoked';

const nowMs = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;
type Invitation = typeof invitations.$inferSelect;

export function invitationState(inv: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = Date.now()): InvitationState {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= now) return 'expired';
  return 'pending';
}

const refusal: Record<Exclude<InvitationState, 'pending'>, string> = {
  expired: 'errors.invitationExpired',
  accepted: 'errors.invitationUsed',
  revoked: 'errors.invitationRevoked',
};

/** The invitation a link names, if it can still be used; otherwise the reason it cannot, as an error. */
function usableInvitation(tx: DbOrTx, token: string): Invitation {
  const inv = tx
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSecretToken(token)))
    .get();
  if (!inv) throw new AppError('NOT_FOUND', 'errors.linkInvalid');
  const state = invitationState(inv);
  if (state !== 'pending') throw new AppError('PRECONDITION_FAILED', refusal[state]);
  return inv;
}

/** Invitations of a lab that have not been accepted or revoked: pending ones, and expired ones to re-send. */
export function listOpenInvitations(db: DbOrTx, labId: number, now = Date.now()) {
  const rows = db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: users.name,
      organisationNameEn: organisations.nameEn,
      organisationNameZh: organisations.nameZh,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.labId, labId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .all();
  return rows.map((r) => ({ ...r, state: r.expiresAt.getTime() <= now ? ('expired' as const) : ('pending' as const) }));
}

/**
 * Adds an invitation row and its audit event in the caller's transaction. With `mailLocale`, the
 * link goes only to the invitee's mailbox, never to whoever invites: its mail job is enqueued in
 * the same transaction (the caller then tries it with `deliverInvitation`).
 */
export function insertInvitation(
  tx: DbOrTx,
  actor: SessionUser,
  labId: number,
  input: { email: string; role: LabRole; organisationId: number | null },
  mailLocale: Locale | null = null,
) {
  const mailedOnly = mailLocale !== null;
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const row = tx
    .insert(invitations)
    .values({
      labId,
      email: input.email,
      role: input.role,
      organisationId: input.organisationId,
      tokenHash: hash,
      invitedById: actor.id,
      expiresAt,
      mailedOnly,
    })
    .returning({ id: invitations.id })
    .get();
  recordAudit(tx, {
    labId,
    actorId: actor.id,
    action: 'created',
    entityType: 'invitation',
    entityId: row.id,
    after: { ...input, expiresAt, mailedOnly },
  });
  const jobId = mailLocale ? enqueueLinkMail(tx, invitationMail, row.id, mailLocale) : null;
  return { id: row.id, token, expiresAt, jobId };
}

/** The invitation mail as a job: the lab's name and the inviter's, and a fresh link for each attempt. */
export const invitationMail: LinkMailSpec = {
  kind: 'mail.invitation',
  load(tx, id, locale) {
    const row = tx
      .select({ inv: invitations, labEn: labs.nameEn, labZh: labs.nameZh, inviter: users.name })
      .from(invitations)
      .innerJoin(labs, eq(labs.id, invitations.labId))
      .leftJoin(users, eq(users.id, invitations.invitedById))
      .where(eq(invitations.id, id))
      .get();
    if (!row || invitationState(row.inv) !== 'pending') return null;
    return { to: row.inv.email, vars: { lab: localizedName(locale, row.labEn, row.labZh), inviter: row.inviter ?? '' } };
  },
  issueToken(tx, id) {
    const { token, hash } = newSecretToken();
    tx.update(invitations).set({ tokenHash: hash }).where(eq(invitations.id, id)).run();
    return token;
  },
  path: invitationPath,
  compose: (locale, vars, url) => ({
    subject: translate(locale, 'invitations.mail.subject', { lab: vars.lab! }),
    text: translate(locale, 'invitations.mail.body', { lab: vars.lab!, inviter: vars.inviter!, url }),
  }),
  giveUp(db, id) {
    const inv = db.select({ invitedById: invitations.invitedById }).from(invitations).where(eq(invitations.id, id)).get();
    if (inv) revokeUndelivered(db, { id: inv.invitedById }, id);
  },
};

/** Ends an open invitation, audited in its lab (with why, when it was not a manager's choice). */
export function endInvitation(tx: DbOrTx, actor: { id: number | null }, inv: Invitation, reason?: string) {
  tx.update(invitations).set({ revokedAt: nowMs }).where(eq(invitations.id, inv.id)).run();
  recordAudit(tx, {
    labId: inv.labId,
    actorId: actor.id,
    action: 'revoked',
    entityType: 'invitation',
    entityId: inv.id,
    before: { email: inv.email, role: inv.role },
    ...(reason ? { after: { reason } } : {}),
  });
}

/** An invitation whose mail could not be sent: nobody holds its link, so it ends (and no longer blocks inviting again). */
export function revokeUndelivered(db: DbOrTx, actor: { id: number | null }, invitationId: number) {
  db.transaction((tx) => {
    const inv = tx.select().from(invitations).where(eq(invitations.id, invitationId)).get();
    if (!inv || inv.revokedAt || inv.acceptedAt) return;
    endInvitation(tx, actor, inv, 'mail_failed');
  });
}

/**
 * Sends a new invitation's link (decision 018): with mail configured, only to the invitee's mailbox —
 * the answer carries no token; the mail is tried now, a temporary failure is retried by the job
 * runner (`mailDelayed`), a permanent one ends the invitation. Without mail, the token is returned
 * once for whoever invited to pass on.
 */
export async function deliverInvitation(db: DB, created: { id: number; token: string; expiresAt: Date; jobId: number | null }) {
  const { token, jobId, ...invitation } = created;
  if (jobId === null) return { ...invitation, mailed: false as const, mailDelayed: false, token };
  const outcome = await tryLinkMail(db, invitationMail, jobId);
  return { ...invitation, mailed: outcome === 'sent', mailDelayed: outcome === 'delayed', token: null };
}

export async function createInvitation(db: DB, actor: SessionUser, lab: Lab, input: z.infer<typeof createInvitationInput>, locale: Locale) {
  const organisationId = input.organisationId ?? null;
  const viaMail = mailEnabled();
  const created = db.transaction((tx) => {
    if (organisationId !== null) {
      const partner = tx
        .select({ id: participations.id })
        .from(participations)
        .where(and(eq(participations.labId, lab.id), eq(participations.organisationId, organisationId)))
        .get();
      if (!partner) throw invalidField('organisationId', 'errors.notAPartner');
    }
    const existing = findUserByEmail(tx, input.email);
    if (existing) {
      const member = tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.labId, lab.id), eq(memberships.userId, existing.id)))
        .get();
      if (member) throw new AppError('CONFLICT', 'errors.alreadyMember', { field: 'email' });
    }
    const open = listOpenInvitations(tx, lab.id).find((i) => i.email === input.email && i.state === 'pending');
    if (open) throw new AppError('CONFLICT', 'errors.alreadyInvited', { field: 'email' });
    return insertInvitation(tx, actor, lab.id, { email: input.email, role: input.role, organisationId }, viaMail ? locale : null);
  });
  const delivered = await deliverInvitation(db, created);
  if (viaMail && !delivered.mailed && !delivered.mailDelayed) throw new AppError('PRECONDITION_FAILED', 'errors.invitationMailFailed');
  return delivered;
}

export function revokeInvitation(db: DbOrTx, actor: SessionUser, lab: Lab, input: z.infer<typeof revokeInvitationInput>) {
  return db.transaction((tx) => {
    const inv = tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, input.invitationId), eq(invitations.labId, lab.id)))
      .get();
    if (!inv) throw notFound();
    if (inv.acceptedAt) throw new AppError('PRECONDITION_FAILED', 'errors.invitationUsed');
    if (inv.revokedAt) return { id: inv.id };
    endInvitation(tx, actor, inv);
    return { id: inv.id };
  });
}

/**
 * What the invitation page shows about a link. The token is the secret, so whoever holds it may
 * learn the lab's name, the role and the address it was sent to — and nothing else: not whether the
 * address has an account (a manager holding a link they copied must not learn that, decision 018).
 */
export function describeInvitation(db: DbOrTx, token: string, viewer: SessionUser | null) {
  const inv = db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSecretToken(token)))
    .get();
  if (!inv) return { state: 'unknown' as const };
  const state = invitationState(inv);
  if (state !== 'pending') return { state };
  const lab = db.select({ slug: labs.slug, nameEn: labs.nameEn, nameZh: labs.nameZh }).from(labs).where(eq(labs.id, inv.labId)).get()!;
  const inviter = inv.invitedById ? db.select({ name: users.name }).from(users).where(eq(users.id, inv.invitedById)).get() : undefined;
  return {
    state,
    email: inv.email,
    role: inv.role,
    expiresAt: inv.expiresAt,
    lab,
    inviter: inviter?.name ?? null,
    /** The link was handed over, not mailed: whoever holds it can claim the address, unverified. */
    claimableByHolder: !inv.mailedOnly,
    // Only about the caller's own account.
    signedInAsInvitee: viewer !== null && viewer.email.toLowerCase() === inv.email,
    signedInAs: viewer?.email ?? null,
  };
}

function join(tx: DbOrTx, inv: Invitation, userId: number, actorId: number) {
  const already = tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.labId, inv.labId), eq(memberships.userId, userId)))
    .get();
  if (!already) {
    const m = tx.insert(memberships).values({ labId: inv.labId, userId, role: inv.role }).returning({ id: memberships.id }).get();
    recordAudit(tx, {
      labId: inv.labId,
      actorId,
      action: 'joined',
      entityType: 'membership',
      entityId: m.id,
      after: { userId, role: inv.role, invitationId: inv.id },
    });
  }
  tx.update(invitations)
    .set({ acceptedAt: sql`(cast(unixepoch('subsecond') * 1000 as integer))`, acceptedById: userId })
    .where(eq(invitations.id, inv.id))
    .run();
  recordAudit(tx, { labId: inv.labId, actorId, action: 'accepted', entityType: 'invitation', entityId: inv.id, after: { userId } });
  return tx.select({ slug: labs.slug }).from(labs).where(eq(labs.id, inv.labId)).get()!;
}

/** A signed-in person accepts an invitation sent to their own address. */
export function acceptInvitation(db: DbOrTx, user: SessionUser, token: string) {
  return db.transaction((tx) => {
    const inv = usableInvitation(tx, token);
    if (inv.email !== user.email.toLowerCase())
      throw new AppError('FORBIDDEN', 'errors.invitationOtherAccount', { params: { email: inv.email } });
    const lab = join(tx, inv, user.id, user.id);
    // A link that went only to this mailbox proves the address.
    if (inv.mailedOnly) verifyEmail(tx, user.id);
    const own = tx.select({ organisationId: users.organisationId, version: users.version }).from(users).where(eq(users.id, user.id)).get();
    // Someone without an organisation takes the one they were invited for.
    if (own && own.organisationId === null && inv.organisationId !== null) {
      tx.update(users)
        .set({ organisationId: inv.organisationId, version: own.version + 1 })
        .where(eq(users.id, user.id))
        .run();
    }
    return { slug: lab.slug };
  });
}

/**
 * A new person accepts: their account is created with the invited address, then they join. It is
 * verified when the link went only to that mailbox; a link someone handed over proves nothing, so
 * that account stays unverified until its owner confirms the address (decision 018).
 */
export async function acceptInvitationAsNewUser(db: DB, input: z.infer<typeof acceptAsNewUserInput>) {
  const inv = usableInvitation(db, input.token);
  if (findUserByEmail(db, inv.email)) throw new AppError('CONFLICT', 'errors.invitationSignIn');
  const problem = passwordProblem(input.password, inv.email);
  if (problem) throw invalidField('password', problem);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    // Checked again: the link may have been used or revoked while the password was hashed.
    const again = usableInvitation(tx, input.token);
    if (findUserByEmail(tx, again.email)) throw new AppError('CONFLICT', 'errors.invitationSignIn');
    const user = tx
      .insert(users)
      .values({
        email: again.email,
        name: input.name,
        passwordHash,
        organisationId: again.organisationId,
        emailVerifiedAt: again.mailedOnly ? new Date() : null,
      })
      .returning({ id: users.id })
      .get();
    recordAudit(tx, {
      labId: null,
      actorId: user.id,
      action: 'created',
      entityType: 'user',
      entityId: user.id,
      after: {
        email: again.email,
        name: input.name,
        organisationId: again.organisationId,
        invitationId: again.id,
        emailVerified: again.mailedOnly,
      },
    });
    const lab = join(tx, again, user.id, user.id);
    return { slug: lab.slug, email: again.email };
  });
}
