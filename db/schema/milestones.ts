import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { MILESTONE_STATUSES, STAGES } from '@/common/enums';
import { createdAt, isoDate, oneOf, timestamps, version } from './columns';
import { labs } from './labs';
import { organisations } from './organisations';
import { users } from './users';

export const milestones = sqliteTable(
  'milestones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    phase: text('phase', { enum: STAGES }).notNull(),
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The plan now. The approved plan lives in baseline snapshots. */
    forecastStart: text('forecast_start').notNull(),
    forecastFinish: text('forecast_finish').notNull(),
    actualStart: text('actual_start'),
    actualFinish: text('actual_finish'),
    status: text('status', { enum: MILESTONE_STATUSES }).notNull().default('not_started'),
    percentComplete: integer('percent_complete').notNull().default(0),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
    ...version,
    ...timestamps,
  },
  (t) => [
    index('milestones_lab_idx').on(t.labId, t.forecastStart),
    index('milestones_owner_idx').on(t.ownerOrganisationId),
    index('milestones_public_idx').on(t.labId, t.isPublic),
    oneOf('milestones_phase_check', t.phase, STAGES),
    oneOf('milestones_status_check', t.status, MILESTONE_STATUSES),
    isoDate('milestones_forecast_start_check', t.forecastStart),
    isoDate('milestones_forecast_finish_check', t.forecastFinish),
    isoDate('milestones_actual_start_check', t.actualStart),
    isoDate('milestones_actual_finish_check', t.actualFinish),
    check('milestones_forecast_order', sql`${t.forecastFinish} >= ${t.forecastStart}`),
    check('milestones_actual_order', sql`${t.actualStart} is null or ${t.actualFinish} is null or ${t.actualFinish} >= ${t.actualStart}`),
    check('milestones_percent_range', sql`${t.percentComplete} between 0 and 100`),
    check('milestones_done_is_finished', sql`${t.status} <> 'done' or (${t.actualFinish} is not null and ${t.percentComplete} = 100)`),
  ],
);

/** Finish-to-start: the successor may start `lagDays` after the predecessor finishes. */
export const milestoneDependencies = sqliteTable(
  'milestone_dependencies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    predecessorId: integer('predecessor_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    successorId: integer('successor_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    lagDays: integer('lag_days').notNull().default(0),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('milestone_dependencies_pair_unique').on(t.predecessorId, t.successorId),
    index('milestone_dependencies_successor_idx').on(t.successorId),
    index('milestone_dependencies_lab_idx').on(t.labId),
    check('milestone_dependencies_not_self', sql`${t.predecessorId} <> ${t.successorId}`),
    check('milestone_dependencies_lag_range', sql`${t.lagDays} between -3650 and 3650`),
  ],
);

/** A named, dated snapshot of the plan as approved. A lab keeps every baseline it ever set. */
export const milestoneBaselines = sqliteTable(
  'milestone_baselines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...createdAt,
  },
  (t) => [index('milestone_baselines_lab_idx').on(t.labId, t.createdAt), index('milestone_baselines_created_by_idx').on(t.createdById)],
);

export const baselineItems = sqliteTable(
  'baseline_items',
  {
    baselineId: integer('baseline_id')
      .notNull()
      .references(() => milestoneBaselines.id, { onDelete: 'cascade' }),
    milestoneId: integer('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    start: text('start').notNull(),
    finish: text('finish').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.baselineId, t.milestoneId] }),
    index('baseline_items_milestone_idx').on(t.milestoneId),
    isoDate('baseline_items_start_check', t.start),
    isoDate('baseline_items_finish_check', t.finish),
    check('baseline_items_order', sql`${t.finish} >= ${t.start}`),
  ],
);
