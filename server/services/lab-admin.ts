import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DB, DbOrTx } from '@/db/client';
import { labs, memberships } from '@/db/schema';
import type { SessionUser } from './actor';
import { emailField } from '../domain/fields';
import { VISIBILITIES, type Locale } from '@/common/enums';
import { AppError } from '../errors';
import { findUserByEmail } from './accounts';
import { recordAudit } from './audit';
import { deliverInvitation, insertInvitation } from './invitations';
import { mailEnabled } from './mail';
import { datesInOrder, labProfileShape, refuseTakenSlug } from './lab-profile';
import { publicLabChanged } from './public-cache';
import { containsAny } from './search';

export const createLabInput = z
  .object({
    ...labProfileShape,
    visibility: z.enum(VISIBILITIES).default('private'),
    /** The first manager: joins at once when they have an account, else is sent an invitation. */
    managerEmail: emailField,
  })
  .superRefine(datesInOrder);

/** Every lab, for platform admins, with how many managers and members it has. */
export function listAllLabs(db: DbOrTx, query = '') {
  return db
    .select({
      id: labs.id,
      slug: labs.slug,
      nameEn: labs.nameEn,
      nameZh: labs.nameZh,
      acronymEn: labs.acronymEn,
      status: labs.status,
      stage: labs.stage,
      visibility: labs.visibility,
      isDemo: labs.isDemo,
      createdAt: labs.createdAt,
      // Written out in full: drizzle leaves columns of a one-table query unqualified, which a
      // correlated subquery would resolve against its own table.
      managerCount: sql<number>`(select count(*) from memberships m where m.lab_id = labs.id and m.role = 'manager')`,
      memberCount: sql<number>`(select count(*) from memberships m where m.lab_id = labs.id)`,
    })
    .from(labs)
    .where(query ? containsAny(query, [labs.nameEn, labs.nameZh, labs.slug, labs.acronymEn, labs.acronymZh]) : undefined)
    .orderBy(asc(labs.nameEn))
    .all();
}

export async function createLab(db: DB, actor: SessionUser, input: z.infer<typeof createLabInput>, locale: Locale) {
  const { managerEmail, ...profile } = input;
  const viaMail = mailEnabled();
  const result = db.transaction((tx) => {
    refuseTakenSlug(tx, profile.slug);
    const manager = findUserByEmail(tx, managerEmail);
    if (manager?.disabledAt) throw new AppError('PRECONDITION_FAILED', 'errors.userDisabled', { field: 'managerEmail' });
    const lab = tx.insert(labs).values(profile).returning().get();
    recordAudit(tx, { labId: lab.id, actorId: actor.id, action: 'created', entityType: 'lab', entityId: lab.id, after: profile });
    if (manager) {
      const m = tx
        .insert(memberships)
        .values({ labId: lab.id, userId: manager.id, role: 'manager' })
        .returning({ id: memberships.id })
        .get();
      recordAudit(tx, {
        labId: lab.id,
        actorId: actor.id,
        action: 'created',
        entityType: 'membership',
        entityId: m.id,
        after: { userId: manager.id, role: 'manager' },
      });
      return { lab, manager: { kind: 'member' as const, name: manager.name, email: manager.email }, invitation: null };
    }
    const invitation = insertInvitation(
      tx,
      actor,
      lab.id,
      { email: managerEmail, role: 'manager', organisationId: null },
      viaMail ? locale : null,
    );
    return { lab, manager: { kind: 'invited' as const, email: managerEmail }, invitation };
  });
  if (result.lab.visibility === 'public') publicLabChanged(result.lab.slug);
  if (result.invitation) {
    // The lab exists either way; a mail that fails for good ends the invitation, and the admin invites again from the members page.
    const { mailed, mailDelayed, token } = await deliverInvitation(db, result.invitation);
    return { slug: result.lab.slug, manager: { ...result.manager, expiresAt: result.invitation.expiresAt, mailed, mailDelayed, token } };
  }
  return { slug: result.lab.slug, manager: result.manager };
}
