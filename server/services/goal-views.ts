import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { goalMilestones, goals, measurements, milestones, organisations, progressUpdates, updateGoals, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { labToday } from '../domain/working-day';
import { assessGoal, type GoalAssessment } from '../domain/goal-status';
import { renderMarkdown } from '../domain/markdown';
import { notFound } from '../errors';
import { canEditLab, canLogProgress, requireLabAccess } from './access';

// What the workspace shows of a lab's goals: each goal with its status computed from its
// measurements on the day asked for. Nothing here writes.

export type Goal = typeof goals.$inferSelect;
export type ChartPoint = { asOf: string; value: number };

export type GoalSummary = Pick<
  Goal,
  | 'id'
  | 'labId'
  | 'titleEn'
  | 'titleZh'
  | 'itemKind'
  | 'itemNameEn'
  | 'itemNameZh'
  | 'metricEn'
  | 'metricZh'
  | 'unit'
  | 'unitLabel'
  | 'direction'
  | 'baselineValue'
  | 'baselineDate'
  | 'targetValue'
  | 'targetDate'
  | 'tolerance'
  | 'isPublic'
  | 'version'
> & {
  owner: { id: number; nameEn: string; nameZh: string | null; shortName: string } | null;
  assessment: GoalAssessment;
  /** Every measurement, oldest first: what the chart draws. */
  points: ChartPoint[];
};

const summaryColumns = {
  id: goals.id,
  labId: goals.labId,
  titleEn: goals.titleEn,
  titleZh: goals.titleZh,
  itemKind: goals.itemKind,
  itemNameEn: goals.itemNameEn,
  itemNameZh: goals.itemNameZh,
  metricEn: goals.metricEn,
  metricZh: goals.metricZh,
  unit: goals.unit,
  unitLabel: goals.unitLabel,
  direction: goals.direction,
  baselineValue: goals.baselineValue,
  baselineDate: goals.baselineDate,
  targetValue: goals.targetValue,
  targetDate: goals.targetDate,
  tolerance: goals.tolerance,
  isPublic: goals.isPublic,
  version: goals.version,
  ownerId: organisations.id,
  ownerNameEn: organisations.nameEn,
  ownerNameZh: organisations.nameZh,
  ownerShortName: organisations.shortName,
};

/** Measurement points of several goals, oldest first (ties by id), grouped by goal. */
export function pointsByGoal(db: DbOrTx, goalIds: number[]): Map<number, ChartPoint[]> {
  const byGoal = new Map<number, ChartPoint[]>(goalIds.map((id) => [id, []]));
  if (goalIds.length === 0) return byGoal;
  const rows = db
    .select({ goalId: measurements.goalId, asOf: measurements.asOf, value: measurements.value })
    .from(measurements)
    .where(inArray(measurements.goalId, goalIds))
    .orderBy(asc(measurements.goalId), asc(measurements.asOf), asc(measurements.id))
    .all();
  for (const { goalId, ...point } of rows) byGoal.get(goalId)?.push(point);
  return byGoal;
}

/** Turns goal rows and their measurements into summaries with a status as of today in each goal's lab. */
export function summarise(rows: GoalSummaryRow[], points: Map<number, ChartPoint[]>, todayOf: (labId: number) => string): GoalSummary[] {
  return rows.map(({ ownerId, ownerNameEn, ownerNameZh, ownerShortName, ...goal }) => {
    const goalPoints = points.get(goal.id) ?? [];
    return {
      ...goal,
      owner: ownerId === null ? null : { id: ownerId, nameEn: ownerNameEn!, nameZh: ownerNameZh, shortName: ownerShortName! },
      assessment: assessGoal(goal, goalPoints, todayOf(goal.labId)),
      points: goalPoints,
    };
  });
}

export function goalSummaryRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(summaryColumns)
    .from(goals)
    .leftJoin(organisations, eq(organisations.id, goals.ownerOrganisationId))
    .where(where)
    .orderBy(asc(goals.id))
    .all();
}

type GoalSummaryRow = ReturnType<typeof goalSummaryRows>[number];

/** Every goal of a lab with its status, for anyone with a role in the lab. */
export function listLabGoals(db: DbOrTx, user: SessionUser, labId: number, now: Date = new Date()) {
  const { lab, role } = requireLabAccess(db, user, labId, 'viewer');
  const today = labToday(lab, now);
  const rows = goalSummaryRows(db, eq(goals.labId, labId));
  const goalsWithStatus = summarise(
    rows,
    pointsByGoal(
      db,
      rows.map((r) => r.id),
    ),
    () => today,
  );
  return { goals: goalsWithStatus, today, canManage: canEditLab(role), canRecord: canLogProgress(role) };
}

/** One goal with everything its page shows; NOT_FOUND unless it belongs to the lab and the caller has a role there. */
export function getGoalDetail(db: DbOrTx, user: SessionUser, labId: number, goalId: number, now: Date = new Date()) {
  const { lab, role } = requireLabAccess(db, user, labId, 'viewer');
  const today = labToday(lab, now);
  const [row] = goalSummaryRows(db, and(eq(goals.id, goalId), eq(goals.labId, labId)));
  if (!row) throw notFound();
  const recorded = db
    .select({
      id: measurements.id,
      value: measurements.value,
      asOf: measurements.asOf,
      source: measurements.source,
      sourceUrl: measurements.sourceUrl,
      comment: measurements.comment,
      version: measurements.version,
      recordedById: measurements.recordedById,
      recordedByName: users.name,
      recordedByOrg: organisations.shortName,
      createdAt: measurements.createdAt,
      sourceAwaitingApproval: measurements.sourceAwaitingApproval,
      publishedSource: measurements.publishedSource,
    })
    .from(measurements)
    .leftJoin(users, eq(users.id, measurements.recordedById))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(measurements.goalId, goalId))
    .orderBy(asc(measurements.asOf), asc(measurements.id))
    .all();
  const points = new Map([[goalId, recorded.map((m) => ({ asOf: m.asOf, value: m.value }))]]);
  const [goal] = summarise([row], points, () => today);
  const manager = canEditLab(role);
  return {
    goal: goal!,
    today,
    /** The latest as-of date a new measurement may have: today in the lab. */
    latestAsOf: today,
    canManage: manager,
    canRecord: canLogProgress(role),
    // Newest first: the table reads like a log.
    measurements: recorded.reverse().map((m) => ({ ...m, canEdit: manager || (canLogProgress(role) && m.recordedById === user.id) })),
    milestones: linkedMilestones(db, goalId),
    updates: updatesMentioning(db, goalId),
  };
}

export type GoalDetail = ReturnType<typeof getGoalDetail>;

export function linkedMilestones(db: DbOrTx, goalId: number) {
  return db
    .select({
      id: milestones.id,
      title: milestones.title,
      phase: milestones.phase,
      status: milestones.status,
      percentComplete: milestones.percentComplete,
      forecastFinish: milestones.forecastFinish,
      actualFinish: milestones.actualFinish,
      isPublic: milestones.isPublic,
    })
    .from(goalMilestones)
    .innerJoin(milestones, eq(milestones.id, goalMilestones.milestoneId))
    .where(eq(goalMilestones.goalId, goalId))
    .orderBy(asc(milestones.forecastFinish), asc(milestones.id))
    .all();
}

/** The lab's progress updates that mention the goal, newest first, rendered through the Markdown sanitizer; hidden ones are left out. */
function updatesMentioning(db: DbOrTx, goalId: number) {
  return db
    .select({
      id: progressUpdates.id,
      body: progressUpdates.body,
      health: progressUpdates.health,
      isPublic: progressUpdates.isPublic,
      createdAt: progressUpdates.createdAt,
      authorName: users.name,
      authorOrg: organisations.shortName,
    })
    .from(updateGoals)
    .innerJoin(progressUpdates, eq(progressUpdates.id, updateGoals.updateId))
    .leftJoin(users, eq(users.id, progressUpdates.authorId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(updateGoals.goalId, goalId), isNull(progressUpdates.hiddenAt)))
    .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
    .all()
    .map(({ body, ...u }) => ({ ...u, html: renderMarkdown(body) }));
}
