import { and, asc, count, eq, inArray, max, min } from 'drizzle-orm';
import type { DB, DbOrTx } from '@/db/client';
import { goalMilestones, goals, measurements, milestones, organisations, participations } from '@/db/schema';
import type { SessionUser } from './actor';
import { valueFitsUnit } from '../domain/goal-units';
import type { CreateGoalInput, UpdateGoalInput } from '../domain/goal-inputs';
import { invalidField, notFound, staleVersion } from '../errors';
import { requireLabAccess } from './access';
import { changedFields, recordAudit } from './audit';
import { publicLabChanged } from './public-cache';
import { updateVersioned } from './versioning';

// Managers set up a lab's localization goals: create, edit, delete, and link them to milestones
// of the same lab. Every change is audited in its transaction and refreshes the public pages.

type Goal = typeof goals.$inferSelect;

/** A goal of this lab, or NOT_FOUND (a goal of another lab is as invisible as a missing one). */
export function goalOfLab(db: DbOrTx, labId: number, goalId: number): Goal {
  const goal = db
    .select()
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.labId, labId)))
    .get();
  if (!goal) throw notFound();
  return goal;
}

/** The owner must be a partner of the lab, and linked milestones must be the lab's own. */
function checkOwnerAndMilestones(db: DbOrTx, labId: number, ownerId: number | null, milestoneIds: number[]) {
  if (ownerId !== null) {
    const partner = db
      .select({ id: participations.id })
      .from(participations)
      .where(and(eq(participations.labId, labId), eq(participations.organisationId, ownerId)))
      .get();
    if (!partner) throw invalidField('ownerOrganisationId', 'goals.validation.ownerNotPartner');
  }
  if (milestoneIds.length > 0) {
    const found = db
      .select({ id: milestones.id })
      .from(milestones)
      .where(and(eq(milestones.labId, labId), inArray(milestones.id, milestoneIds)))
      .all();
    if (found.length !== milestoneIds.length) throw invalidField('milestoneIds', 'goals.validation.milestoneNotInLab');
  }
}

function linkMilestones(tx: DbOrTx, goalId: number, milestoneIds: number[]) {
  for (const milestoneId of milestoneIds) tx.insert(goalMilestones).values({ goalId, milestoneId }).run();
}

function milestoneIdsOf(db: DbOrTx, goalId: number): number[] {
  return db
    .select({ id: goalMilestones.milestoneId })
    .from(goalMilestones)
    .where(eq(goalMilestones.goalId, goalId))
    .orderBy(asc(goalMilestones.milestoneId))
    .all()
    .map((r) => r.id);
}

/** The fields of a goal as the audit log keeps them. */
function snapshot(goal: Goal, milestoneIds: number[]) {
  const { id: _id, labId: _labId, version: _version, createdAt: _c, updatedAt: _u, ...fields } = goal;
  return { ...fields, milestoneIds };
}

export function createGoal(db: DB, user: SessionUser, input: CreateGoalInput) {
  const { lab } = requireLabAccess(db, user, input.labId, 'manager');
  const { labId, milestoneIds, ...fields } = input;
  const id = db.transaction((tx) => {
    checkOwnerAndMilestones(tx, labId, fields.ownerOrganisationId, milestoneIds);
    const goal = tx
      .insert(goals)
      .values({ ...fields, labId })
      .returning()
      .get();
    linkMilestones(tx, goal.id, milestoneIds);
    recordAudit(tx, {
      labId,
      actorId: user.id,
      action: 'created',
      entityType: 'goal',
      entityId: goal.id,
      after: snapshot(
        goal,
        [...milestoneIds].sort((a, b) => a - b),
      ),
    });
    return goal.id;
  });
  publicLabChanged(lab.slug);
  return { id };
}

/**
 * A goal's unit and baseline date must still fit the measurements already recorded: a manager
 * cannot make 1 500 kg a percentage, or leave measurements dated before the baseline.
 */
function checkAgainstMeasurements(db: DbOrTx, goal: Goal, next: UpdateGoalInput) {
  const range = db
    .select({ low: min(measurements.value), high: max(measurements.value), first: min(measurements.asOf) })
    .from(measurements)
    .where(eq(measurements.goalId, goal.id))
    .get();
  if (!range || range.first === null) return;
  if (!valueFitsUnit(next.unit, range.low!) || !valueFitsUnit(next.unit, range.high!)) {
    throw invalidField('unit', 'goals.validation.unitMeasurementsOutOfRange');
  }
  if (next.baselineDate > range.first)
    throw invalidField('baselineDate', 'goals.validation.baselineAfterMeasurements', { date: range.first });
}

export function updateGoal(db: DB, user: SessionUser, input: UpdateGoalInput) {
  const { lab } = requireLabAccess(db, user, input.labId, 'manager');
  const { labId, goalId, version, milestoneIds, ...fields } = input;
  db.transaction((tx) => {
    const before = goalOfLab(tx, labId, goalId);
    if (before.version !== version) throw staleVersion();
    checkOwnerAndMilestones(tx, labId, fields.ownerOrganisationId, milestoneIds);
    checkAgainstMeasurements(tx, before, input);
    const linkedBefore = milestoneIdsOf(tx, goalId);
    const linkedAfter = [...milestoneIds].sort((a, b) => a - b);
    updateVersioned(tx, goals, goalId, version, fields);
    // Publishing a goal is the manager's decision about it as it stands, measurement sources included (decision 017).
    const approvedSources =
      fields.isPublic && !before.isPublic
        ? tx
            .update(measurements)
            .set({ sourceAwaitingApproval: false, publishedSource: null })
            .where(and(eq(measurements.goalId, goalId), eq(measurements.sourceAwaitingApproval, true)))
            .run().changes
        : 0;
    const diff = changedFields(before as Record<string, unknown>, fields);
    if (approvedSources) diff.after.approvedSources = approvedSources;
    const linksChanged = JSON.stringify(linkedBefore) !== JSON.stringify(linkedAfter);
    if (linksChanged) {
      tx.delete(goalMilestones).where(eq(goalMilestones.goalId, goalId)).run();
      linkMilestones(tx, goalId, linkedAfter);
      diff.before.milestoneIds = linkedBefore;
      diff.after.milestoneIds = linkedAfter;
    }
    if (diff.changed || linksChanged) {
      recordAudit(tx, {
        labId,
        actorId: user.id,
        action: 'updated',
        entityType: 'goal',
        entityId: goalId,
        before: diff.before,
        after: diff.after,
      });
    }
  });
  publicLabChanged(lab.slug);
  return { id: goalId };
}

/** Deletes a goal with its measurements and links; the audit log keeps what it was. */
export function deleteGoal(db: DB, user: SessionUser, input: { labId: number; goalId: number; version: number }) {
  const { lab } = requireLabAccess(db, user, input.labId, 'manager');
  db.transaction((tx) => {
    const goal = goalOfLab(tx, input.labId, input.goalId);
    if (goal.version !== input.version) throw staleVersion();
    const measurementCount = tx.select({ n: count() }).from(measurements).where(eq(measurements.goalId, goal.id)).get()?.n ?? 0;
    const before = { ...snapshot(goal, milestoneIdsOf(tx, goal.id)), measurementCount };
    tx.delete(goals).where(eq(goals.id, goal.id)).run();
    recordAudit(tx, { labId: input.labId, actorId: user.id, action: 'deleted', entityType: 'goal', entityId: goal.id, before });
  });
  publicLabChanged(lab.slug);
  return { id: input.goalId };
}

/** What the goal form offers a manager: the lab's partners as owners and its milestones to link; with a goal id, that goal as it is now. */
export function goalEditor(db: DbOrTx, user: SessionUser, labId: number, goalId?: number) {
  requireLabAccess(db, user, labId, 'manager');
  const goal = goalId === undefined ? null : goalOfLab(db, labId, goalId);
  const owners = db
    .select({ id: organisations.id, nameEn: organisations.nameEn, nameZh: organisations.nameZh, shortName: organisations.shortName })
    .from(participations)
    .innerJoin(organisations, eq(organisations.id, participations.organisationId))
    .where(eq(participations.labId, labId))
    .orderBy(asc(organisations.nameEn))
    .all();
  const labMilestones = db
    .select({
      id: milestones.id,
      title: milestones.title,
      phase: milestones.phase,
      status: milestones.status,
      forecastFinish: milestones.forecastFinish,
    })
    .from(milestones)
    .where(eq(milestones.labId, labId))
    .orderBy(asc(milestones.forecastFinish), asc(milestones.id))
    .all();
  const measurementCount = goal ? (db.select({ n: count() }).from(measurements).where(eq(measurements.goalId, goal.id)).get()?.n ?? 0) : 0;
  return {
    owners,
    milestones: labMilestones,
    goal: goal ? { ...goal, milestoneIds: milestoneIdsOf(db, goal.id) } : null,
    measurementCount,
  };
}
