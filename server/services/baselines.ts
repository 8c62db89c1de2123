import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { allRows, prepared } from '@/db/prepared';
import { baselineItems, milestoneBaselines, milestones, users } from '@/db/schema';
import type { SessionUser } from './actor';
import { invalidField, notFound } from '../errors';
import { requireLabAccess } from './access';
import { recordAudit } from './audit';

/** A lab's baselines, newest first (the first one is the default to compare against). */
export function baselinesOfLab(db: DbOrTx, labId: number) {
  return prepared(db, 'baselinesOfLab', (d) =>
    d
      .select({
        id: milestoneBaselines.id,
        name: milestoneBaselines.name,
        createdAt: milestoneBaselines.createdAt,
        createdByName: users.name,
        itemCount: sql<number>`(select count(*) from ${baselineItems} where ${baselineItems.baselineId} = ${milestoneBaselines.id})`,
      })
      .from(milestoneBaselines)
      .leftJoin(users, eq(users.id, milestoneBaselines.createdById))
      .where(eq(milestoneBaselines.labId, sql.placeholder('labId')))
      .orderBy(desc(milestoneBaselines.createdAt), desc(milestoneBaselines.id))
      .prepare(),
  ).all({ labId });
}

export type BaselineSummary = ReturnType<typeof baselinesOfLab>[number];

const baselineItemColumns = { milestoneId: baselineItems.milestoneId, start: baselineItems.start, finish: baselineItems.finish };

/** The planned dates of a baseline by milestone id; NOT_FOUND for a baseline of another lab. */
export function baselineDates(db: DbOrTx, labId: number, baselineId: number): Map<number, { start: string; finish: string }> {
  const baseline = prepared(db, 'baselineOfLab', (d) =>
    d
      .select({ id: milestoneBaselines.id })
      .from(milestoneBaselines)
      .where(and(eq(milestoneBaselines.id, sql.placeholder('baselineId')), eq(milestoneBaselines.labId, sql.placeholder('labId'))))
      .prepare(),
  ).get({ baselineId, labId });
  if (!baseline) throw notFound();
  const query = prepared(db, 'baselineItems', (d) =>
    d
      .select(baselineItemColumns)
      .from(baselineItems)
      .where(eq(baselineItems.baselineId, sql.placeholder('baselineId')))
      .prepare(),
  );
  return new Map(allRows(query, baselineItemColumns, { baselineId }).map((r) => [r.milestoneId, { start: r.start, finish: r.finish }]));
}

/** Stores a named, dated snapshot of every milestone's forecast dates. Earlier baselines are kept. */
export function setBaseline(db: DbOrTx, actor: SessionUser, input: { labId: number; name: string }) {
  requireLabAccess(db, actor, input.labId, 'manager');
  const name = input.name.trim();
  return db.transaction((tx) => {
    const taken = tx
      .select({ id: milestoneBaselines.id })
      .from(milestoneBaselines)
      .where(and(eq(milestoneBaselines.labId, input.labId), sql`lower(${milestoneBaselines.name}) = lower(${name})`))
      .get();
    if (taken) throw invalidField('name', 'errors.baselineNameTaken');
    const plan = tx
      .select({ id: milestones.id, start: milestones.forecastStart, finish: milestones.forecastFinish })
      .from(milestones)
      .where(eq(milestones.labId, input.labId))
      .all();
    if (plan.length === 0) throw invalidField('name', 'errors.baselineWithoutMilestones');
    const baseline = tx.insert(milestoneBaselines).values({ labId: input.labId, name, createdById: actor.id }).returning().get();
    tx.insert(baselineItems)
      .values(plan.map((m) => ({ baselineId: baseline.id, milestoneId: m.id, start: m.start, finish: m.finish })))
      .run();
    recordAudit(tx, {
      labId: input.labId,
      actorId: actor.id,
      action: 'created',
      entityType: 'milestone_baseline',
      entityId: baseline.id,
      after: { name, milestones: plan.length },
    });
    return baseline;
  });
}
