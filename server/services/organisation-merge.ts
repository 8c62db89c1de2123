import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { goals, invitations, milestones, organisations, participations, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { idField, versionField } from '../domain/fields';
import { PARTICIPATION_ROLES, type ParticipationRole } from '@/common/enums';
import { invalidField, notFound, staleVersion } from '../errors';
import { recordAudit } from './audit';
import { labSlugsOf } from './organisations';
import { publicLabChanged } from './public-cache';

export const mergeOrganisationsInput = z.object({
  keepId: idField,
  keepVersion: versionField,
  duplicateId: idField,
  duplicateVersion: versionField,
});

type Participation = typeof participations.$inferSelect;

/** The roles are listed from the most to the least committed; a merged partner keeps the stronger one. */
function strongerRole(a: ParticipationRole, b: ParticipationRole): ParticipationRole {
  return PARTICIPATION_ROLES.indexOf(a) <= PARTICIPATION_ROLES.indexOf(b) ? a : b;
}

function earlier(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}

function bothTexts(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b || a.trim() === b.trim()) return a;
  return `${a}\n${b}`;
}

/**
 * One participation for the kept organisation where both records were in the same lab: the
 * stronger role, the earlier date joined, both contributions, and the kept budget (else the
 * duplicate's — adding them would count the same money twice).
 */
export function combinedParticipation(kept: Participation, duplicate: Participation) {
  return {
    role: strongerRole(kept.role, duplicate.role),
    joinedOn: earlier(kept.joinedOn, duplicate.joinedOn),
    contribution: bothTexts(kept.contribution, duplicate.contribution),
    budgetCny: kept.budgetCny ?? duplicate.budgetCny,
  };
}

const bumpVersion = { version: sql`version + 1` };

/**
 * Folds a duplicate organisation record into the one to keep: its participations, people,
 * milestone and goal ownership and invitations move over, then the duplicate is deleted.
 * Records that move get a new version, so a form opened before the merge reports a conflict
 * instead of writing the deleted organisation back.
 */
export function mergeOrganisations(db: DbOrTx, actor: SessionUser, input: z.infer<typeof mergeOrganisationsInput>) {
  const { keepId, duplicateId } = input;
  if (keepId === duplicateId) throw invalidField('duplicateId', 'errors.mergeSameOrganisation');
  const result = db.transaction((tx) => {
    const keep = tx.select().from(organisations).where(eq(organisations.id, keepId)).get();
    const duplicate = tx.select().from(organisations).where(eq(organisations.id, duplicateId)).get();
    if (!keep || !duplicate) throw notFound();
    if (keep.version !== input.keepVersion || duplicate.version !== input.duplicateVersion) throw staleVersion();
    const slugs = labSlugsOf(tx, [keepId, duplicateId]);

    let combined = 0;
    const moved = tx.select().from(participations).where(eq(participations.organisationId, duplicateId)).all();
    for (const p of moved) {
      const existing = tx
        .select()
        .from(participations)
        .where(and(eq(participations.labId, p.labId), eq(participations.organisationId, keepId)))
        .get();
      if (existing) {
        const merged = combinedParticipation(existing, p);
        tx.delete(participations).where(eq(participations.id, p.id)).run();
        tx.update(participations)
          .set({ ...merged, ...bumpVersion })
          .where(eq(participations.id, existing.id))
          .run();
        recordAudit(tx, {
          labId: p.labId,
          actorId: actor.id,
          action: 'merged',
          entityType: 'participation',
          entityId: existing.id,
          before: { kept: pick(existing), duplicate: { ...pick(p), organisationId: duplicateId } },
          after: merged,
        });
        combined++;
      } else {
        tx.update(participations)
          .set({ organisationId: keepId, ...bumpVersion })
          .where(eq(participations.id, p.id))
          .run();
        recordAudit(tx, {
          labId: p.labId,
          actorId: actor.id,
          action: 'updated',
          entityType: 'participation',
          entityId: p.id,
          before: { organisationId: duplicateId },
          after: { organisationId: keepId },
        });
      }
    }
    const movedUsers = tx
      .update(users)
      .set({ organisationId: keepId, ...bumpVersion })
      .where(eq(users.organisationId, duplicateId))
      .run().changes;
    const movedMilestones = tx
      .update(milestones)
      .set({ ownerOrganisationId: keepId, ...bumpVersion })
      .where(eq(milestones.ownerOrganisationId, duplicateId))
      .run().changes;
    const movedGoals = tx
      .update(goals)
      .set({ ownerOrganisationId: keepId, ...bumpVersion })
      .where(eq(goals.ownerOrganisationId, duplicateId))
      .run().changes;
    const movedInvitations = tx
      .update(invitations)
      .set({ organisationId: keepId })
      .where(eq(invitations.organisationId, duplicateId))
      .run().changes;
    tx.delete(organisations).where(eq(organisations.id, duplicateId)).run();
    tx.update(organisations).set(bumpVersion).where(eq(organisations.id, keepId)).run();

    const counts = {
      participations: moved.length,
      combinedParticipations: combined,
      users: movedUsers,
      milestones: movedMilestones,
      goals: movedGoals,
      invitations: movedInvitations,
    };
    const { createdAt: _c, updatedAt: _u, version: _v, ...duplicateRecord } = duplicate;
    recordAudit(tx, {
      labId: null,
      actorId: actor.id,
      action: 'merged',
      entityType: 'organisation',
      entityId: keepId,
      before: { duplicate: duplicateRecord },
      after: { moved: counts },
    });
    return { slugs, counts };
  });
  for (const slug of result.slugs) publicLabChanged(slug);
  return { keepId, moved: result.counts };
}

function pick(p: Participation) {
  return { role: p.role, joinedOn: p.joinedOn, contribution: p.contribution, budgetCny: p.budgetCny };
}
