import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { labs, milestones, progressUpdates, updateMilestones } from '../../db/schema';
import { todayIso } from '../domain/dates';
import { publicGoalStatus, shareOfTheWay, trajectoryValueAt, type PublicGoalStatus } from '../domain/public-goal-status';
import { notFound } from '../errors';
import {
  findPublicLab,
  isPublicMilestone,
  publicGoalsOf,
  publicMeasurementsOf,
  publicMilestonesOf,
  publicPartnersOf,
  publicTechnologiesOf,
  publicUpdatesOf,
  type PublicGoalRow,
  type PublicMeasurement,
} from './publication';

export type PublicGoal = Omit<PublicGoalRow, 'labId'> & {
  measurements: Omit<PublicMeasurement, 'goalId'>[];
  latest: Omit<PublicMeasurement, 'goalId'> | null;
  status: PublicGoalStatus;
  /** What the trajectory expects today, and how far along the way the latest value is (0–1). */
  expectedToday: number;
  progress: number;
};

/** The public milestones an update links to (private ones are left out, never shown as "hidden"). */
function publicMilestoneLinks(db: DbOrTx, updateIds: number[]) {
  if (updateIds.length === 0) return [];
  return db
    .select({ updateId: updateMilestones.updateId, milestoneId: milestones.id, title: milestones.title })
    .from(updateMilestones)
    .innerJoin(milestones, eq(milestones.id, updateMilestones.milestoneId))
    .innerJoin(progressUpdates, eq(progressUpdates.id, updateMilestones.updateId))
    .innerJoin(labs, eq(labs.id, milestones.labId))
    .where(and(isPublicMilestone, eq(milestones.labId, progressUpdates.labId), inArray(updateMilestones.updateId, updateIds)))
    .all();
}

/**
 * Everything the public fact sheet of a lab shows, through the allow-lists only. A lab that is
 * private or does not exist is NOT_FOUND, the same answer in both cases.
 */
export function getPublicFactSheet(db: DbOrTx, slug: string, today = todayIso()) {
  const found = findPublicLab(db, slug);
  if (!found) throw notFound();
  const { id, ...lab } = found;
  const ids = [id];

  const measurements = publicMeasurementsOf(db, ids);
  const goals: PublicGoal[] = publicGoalsOf(db, ids).map(({ labId: _labId, ...goal }) => {
    const own = measurements.filter((m) => m.goalId === goal.id).map(({ goalId: _goalId, ...m }) => m);
    const latest = own.at(-1) ?? null;
    return {
      ...goal,
      measurements: own,
      latest,
      status: publicGoalStatus(goal, latest ?? undefined, today),
      expectedToday: trajectoryValueAt(goal, today),
      progress: latest ? shareOfTheWay(goal, latest.value) : 0,
    };
  });

  const updates = publicUpdatesOf(db, ids);
  const links = publicMilestoneLinks(
    db,
    updates.map((u) => u.id),
  );

  return {
    lab,
    technologies: publicTechnologiesOf(db, ids).map(({ labId: _labId, ...t }) => t),
    partners: publicPartnersOf(db, ids).map(({ labId: _labId, ...p }) => p),
    milestones: publicMilestonesOf(db, ids).map(({ labId: _labId, ...m }) => m),
    goals,
    updates: updates.map(({ labId: _labId, ...u }) => ({
      ...u,
      milestones: links.filter((l) => l.updateId === u.id).map((l) => ({ id: l.milestoneId, title: l.title })),
    })),
  };
}

export type PublicFactSheet = ReturnType<typeof getPublicFactSheet>;
