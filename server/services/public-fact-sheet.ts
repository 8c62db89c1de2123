import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { labs, milestones, progressUpdates, updateMilestones } from '@/db/schema';
import { labToday } from '../domain/working-day';
import { assessGoal, latestMeasurement, type GoalAssessment } from '../domain/goal-status';
import { notFound } from '../errors';
import {
  findPublicLab,
  isPublicLab,
  publicGoalsOf,
  publicMeasurementsOf,
  publicMilestonesOf,
  publicPartnersOf,
  publicTechnologiesOf,
  publicUpdatesOf,
  publishedMilestone,
  type PublicGoalRow,
  type PublicLabRow,
  type PublicMeasurement,
  type PublishedLabs,
} from './publication';

type Measurement = Omit<PublicMeasurement, 'goalId'>;

export type PublicGoal = Omit<PublicGoalRow, 'labId'> & {
  /** The public measurements, oldest first: what the chart draws. */
  measurements: Measurement[];
  /** The latest of them, with its named source. */
  latest: Measurement | null;
  /** Status, expected value today, gap and progress: the same rule as the workspace (server/domain/goal-status.ts). */
  assessment: GoalAssessment;
};

/** The published milestones an update links to (unpublished ones are left out, never shown as "hidden"). */
function publishedMilestoneLinks(db: DbOrTx, updateIds: number[], scope: PublishedLabs) {
  if (updateIds.length === 0) return [];
  return db
    .select({ updateId: updateMilestones.updateId, milestoneId: milestones.id, title: milestones.title })
    .from(updateMilestones)
    .innerJoin(milestones, eq(milestones.id, updateMilestones.milestoneId))
    .innerJoin(progressUpdates, eq(progressUpdates.id, updateMilestones.updateId))
    .innerJoin(labs, eq(labs.id, milestones.labId))
    .where(and(publishedMilestone(scope), eq(milestones.labId, progressUpdates.labId), inArray(updateMilestones.updateId, updateIds)))
    .all();
}

/**
 * Everything a fact sheet shows of a lab, through the allow-lists only. `scope` says which labs count
 * as published: the public labs for the public page, or one lab for a manager's preview.
 */
export function factSheetOf(db: DbOrTx, found: PublicLabRow, scope: PublishedLabs, now: Date) {
  const { id, ...lab } = found;
  const today = labToday(found, now);
  const ids = [id];

  const measurements = publicMeasurementsOf(db, ids, scope);
  const goals: PublicGoal[] = publicGoalsOf(db, ids, scope).map(({ labId: _labId, ...goal }) => {
    const own = measurements.filter((m) => m.goalId === goal.id).map(({ goalId: _goalId, ...m }) => m);
    return { ...goal, measurements: own, latest: latestMeasurement(own), assessment: assessGoal(goal, own, today) };
  });

  const updates = publicUpdatesOf(db, ids, 50, scope);
  const links = publishedMilestoneLinks(
    db,
    updates.map((u) => u.id),
    scope,
  );

  return {
    lab,
    /** The day the goal statuses and the timeline's "today" are computed for: today in the lab. */
    today,
    technologies: publicTechnologiesOf(db, ids, scope).map(({ labId: _labId, ...t }) => t),
    partners: publicPartnersOf(db, ids, scope).map(({ labId: _labId, ...p }) => p),
    milestones: publicMilestonesOf(db, ids, scope).map(({ labId: _labId, ...m }) => m),
    goals,
    updates: updates.map(({ labId: _labId, ...u }) => ({
      ...u,
      milestones: links.filter((l) => l.updateId === u.id).map((l) => ({ id: l.milestoneId, title: l.title })),
    })),
  };
}

export type PublicFactSheet = ReturnType<typeof factSheetOf>;

/**
 * The public fact sheet of a lab. A lab that is private or does not exist is NOT_FOUND, the same
 * answer in both cases.
 */
export function getPublicFactSheet(db: DbOrTx, slug: string, now: Date = new Date()): PublicFactSheet {
  const found = findPublicLab(db, slug);
  if (!found) throw notFound();
  return factSheetOf(db, found, isPublicLab, now);
}
