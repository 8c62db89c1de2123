import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { allRows, prepared } from '@/db/prepared';
import { milestoneDependencies, milestones } from '@/db/schema';
import type { SessionUser } from './actor';
import { cycleClosedBy } from '../domain/schedule';
import { invalidField, notFound } from '../errors';
import { requireLabAccess } from './access';
import { changedFields, recordAudit } from './audit';
import { milestoneInLab } from './milestones';
import { publicLabChanged } from './public-cache';
import { updateVersioned } from './versioning';

export type MilestoneDependency = typeof milestoneDependencies.$inferSelect;

const dependencyColumns = {
  id: milestoneDependencies.id,
  predecessorId: milestoneDependencies.predecessorId,
  successorId: milestoneDependencies.successorId,
  lagDays: milestoneDependencies.lagDays,
  version: milestoneDependencies.version,
};

export function dependenciesOfLab(db: DbOrTx, labId: number) {
  const query = prepared(db, 'dependenciesOfLab', (d) =>
    d
      .select(dependencyColumns)
      .from(milestoneDependencies)
      .where(eq(milestoneDependencies.labId, sql.placeholder('labId')))
      .orderBy(milestoneDependencies.id)
      .prepare(),
  );
  return allRows(query, dependencyColumns, { labId });
}

function dependencyInLab(db: DbOrTx, labId: number, id: number): MilestoneDependency {
  const row = db
    .select()
    .from(milestoneDependencies)
    .where(and(eq(milestoneDependencies.id, id), eq(milestoneDependencies.labId, labId)))
    .get();
  if (!row) throw notFound();
  return row;
}

/**
 * Adds a finish-to-start dependency. Refuses a milestone depending on itself, a pair that already
 * exists, and a dependency that would close a cycle — naming the cycle, e.g. "A → B → C → A".
 */
export function addDependency(
  db: DbOrTx,
  actor: SessionUser,
  input: { labId: number; predecessorId: number; successorId: number; lagDays: number },
): MilestoneDependency {
  const { lab } = requireLabAccess(db, actor, input.labId, 'manager');
  const { labId, predecessorId, successorId, lagDays } = input;
  const created = db.transaction((tx) => {
    milestoneInLab(tx, labId, predecessorId);
    milestoneInLab(tx, labId, successorId);
    if (predecessorId === successorId) throw invalidField('predecessorId', 'errors.dependencyOnItself');
    const existing = dependenciesOfLab(tx, labId);
    if (existing.some((d) => d.predecessorId === predecessorId && d.successorId === successorId)) {
      throw invalidField('predecessorId', 'errors.dependencyExists');
    }
    const cycle = cycleClosedBy(existing, { predecessorId, successorId });
    if (cycle) {
      const titles = new Map(
        tx
          .select({ id: milestones.id, title: milestones.title })
          .from(milestones)
          .where(inArray(milestones.id, [...new Set(cycle)]))
          .all()
          .map((m) => [m.id, m.title]),
      );
      throw invalidField('predecessorId', 'errors.dependencyCycle', { cycle: cycle.map((id) => titles.get(id) ?? `#${id}`).join(' → ') });
    }
    const row = tx.insert(milestoneDependencies).values({ labId, predecessorId, successorId, lagDays }).returning().get();
    recordAudit(tx, {
      labId,
      actorId: actor.id,
      action: 'created',
      entityType: 'milestone_dependency',
      entityId: row.id,
      after: { predecessorId, successorId, lagDays },
    });
    return row;
  });
  publicLabChanged(lab.slug);
  return created;
}

export function updateDependencyLag(
  db: DbOrTx,
  actor: SessionUser,
  input: { labId: number; id: number; version: number; lagDays: number },
): MilestoneDependency {
  const { lab } = requireLabAccess(db, actor, input.labId, 'manager');
  const updated = db.transaction((tx) => {
    const before = dependencyInLab(tx, input.labId, input.id);
    updateVersioned(tx, milestoneDependencies, input.id, input.version, { lagDays: input.lagDays });
    const diff = changedFields(before, { lagDays: input.lagDays });
    if (diff.changed) {
      recordAudit(tx, {
        labId: input.labId,
        actorId: actor.id,
        action: 'updated',
        entityType: 'milestone_dependency',
        entityId: input.id,
        ...diff,
      });
    }
    return dependencyInLab(tx, input.labId, input.id);
  });
  publicLabChanged(lab.slug);
  return updated;
}

export function removeDependency(db: DbOrTx, actor: SessionUser, input: { labId: number; id: number; version: number }): void {
  const { lab } = requireLabAccess(db, actor, input.labId, 'manager');
  db.transaction((tx) => {
    const before = dependencyInLab(tx, input.labId, input.id);
    updateVersioned(tx, milestoneDependencies, input.id, input.version, {});
    tx.delete(milestoneDependencies).where(eq(milestoneDependencies.id, input.id)).run();
    recordAudit(tx, {
      labId: input.labId,
      actorId: actor.id,
      action: 'deleted',
      entityType: 'milestone_dependency',
      entityId: input.id,
      before: { predecessorId: before.predecessorId, successorId: before.successorId, lagDays: before.lagDays },
    });
  });
  publicLabChanged(lab.slug);
}
