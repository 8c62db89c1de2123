import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { milestones, participations } from '@/db/schema';
import type { SessionUser } from './actor';
import type { MilestoneStatus, Stage } from '@/common/enums';
import { milestoneRuleViolations, type MilestoneDates } from '../domain/milestone-rules';
import { invalidField, notFound, refuseProblems } from '../errors';
import { labToday } from '../domain/working-day';
import { requireLabAccess } from './access';
import { changedFields, recordAudit } from './audit';
import { publicLabChanged } from './public-cache';
import { updateVersioned } from './versioning';

export type Milestone = typeof milestones.$inferSelect;

export type MilestoneFields = {
  title: string;
  description: string;
  phase: Stage;
  ownerOrganisationId: number | null;
  forecastStart: string;
  forecastFinish: string;
  actualStart: string | null;
  actualFinish: string | null;
  status: MilestoneStatus;
  percentComplete: number;
  isPublic: boolean;
};

export type ProgressFields = Pick<MilestoneFields, 'status' | 'percentComplete' | 'actualStart' | 'actualFinish'>;

/** A milestone of this lab, or NOT_FOUND (also for a milestone of another lab). */
export function milestoneInLab(db: DbOrTx, labId: number, id: number): Milestone {
  const row = db
    .select()
    .from(milestones)
    .where(and(eq(milestones.id, id), eq(milestones.labId, labId)))
    .get();
  if (!row) throw notFound();
  return row;
}

/** Throws every broken rule as field errors at once, before the database CHECK would refuse one. */
export function assertMilestoneRules(values: MilestoneDates, today: string): void {
  refuseProblems(milestoneRuleViolations(values, today));
}

function assertOwnerIsPartner(db: DbOrTx, labId: number, organisationId: number | null): void {
  if (organisationId === null) return;
  const partner = db
    .select({ id: participations.id })
    .from(participations)
    .where(and(eq(participations.labId, labId), eq(participations.organisationId, organisationId)))
    .get();
  if (!partner) throw invalidField('ownerOrganisationId', 'validation.ownerNotPartner');
}

export function createMilestone(db: DbOrTx, actor: SessionUser, input: { labId: number } & MilestoneFields, now: Date = new Date()): Milestone {
  const { lab } = requireLabAccess(db, actor, input.labId, 'manager');
  const { labId, ...fields } = input;
  assertMilestoneRules(fields, labToday(lab, now));
  const created = db.transaction((tx) => {
    assertOwnerIsPartner(tx, labId, fields.ownerOrganisationId);
    const row = tx
      .insert(milestones)
      .values({ labId, ...fields })
      .returning()
      .get();
    recordAudit(tx, { labId, actorId: actor.id, action: 'created', entityType: 'milestone', entityId: row.id, after: { ...fields } });
    return row;
  });
  publicLabChanged(lab.slug);
  return created;
}

export function updateMilestone(
  db: DbOrTx,
  actor: SessionUser,
  input: { labId: number; id: number; version: number } & MilestoneFields,
  now: Date = new Date(),
): Milestone {
  const { lab } = requireLabAccess(db, actor, input.labId, 'manager');
  const { labId, id, version, ...fields } = input;
  assertMilestoneRules(fields, labToday(lab, now));
  const updated = db.transaction((tx) => {
    const before = milestoneInLab(tx, labId, id);
    assertOwnerIsPartner(tx, labId, fields.ownerOrganisationId);
    updateVersioned(tx, milestones, id, version, fields);
    const diff = changedFields(before, fields);
    if (diff.changed) {
      recordAudit(tx, { labId, actorId: actor.id, action: 'updated', entityType: 'milestone', entityId: id, ...diff });
    }
    return milestoneInLab(tx, labId, id);
  });
  publicLabChanged(lab.slug);
  return updated;
}

/**
 * A member's action: status, percent complete and actual dates only. Issue 6 ("quick progress")
 * calls the same procedure from the workspace page.
 */
export function updateMilestoneProgress(
  db: DbOrTx,
  actor: SessionUser,
  input: { labId: number; id: number; version: number } & ProgressFields,
  now: Date = new Date(),
): Milestone {
  const { lab } = requireLabAccess(db, actor, input.labId, 'member');
  const { labId, id, version, ...progress } = input;
  assertMilestoneRules(progress, labToday(lab, now));
  const updated = db.transaction((tx) => {
    const before = milestoneInLab(tx, labId, id);
    updateVersioned(tx, milestones, id, version, progress);
    const diff = changedFields(before, progress);
    if (diff.changed) {
      recordAudit(tx, { labId, actorId: actor.id, action: 'progress_updated', entityType: 'milestone', entityId: id, ...diff });
    }
    return milestoneInLab(tx, labId, id);
  });
  publicLabChanged(lab.slug);
  return updated;
}

/** Deletes a milestone with its dependencies and its rows in baselines (the audit keeps what it was). */
export function deleteMilestone(db: DbOrTx, actor: SessionUser, input: { labId: number; id: number; version: number }): void {
  const { lab } = requireLabAccess(db, actor, input.labId, 'manager');
  db.transaction((tx) => {
    const before = milestoneInLab(tx, input.labId, input.id);
    // Bumping the version first makes a stale delete fail like a stale edit.
    updateVersioned(tx, milestones, input.id, input.version, {});
    tx.delete(milestones).where(eq(milestones.id, input.id)).run();
    const { id: _id, labId: _lab, version: _v, createdAt: _c, updatedAt: _u, ...kept } = before;
    recordAudit(tx, {
      labId: input.labId,
      actorId: actor.id,
      action: 'deleted',
      entityType: 'milestone',
      entityId: input.id,
      before: kept,
    });
  });
  publicLabChanged(lab.slug);
}
