import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { GOAL_DIRECTIONS, GOAL_UNITS, ITEM_KINDS } from '@/common/enums';
import { isoDate, oneOf, timestamps, version } from './columns';
import { labs } from './labs';
import { milestones } from './milestones';
import { organisations } from './organisations';
import { users } from './users';

/** A localization goal: how much of an item is sourced domestically, and by when. */
export const goals = sqliteTable(
  'goals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    titleEn: text('title_en').notNull(),
    titleZh: text('title_zh'),
    itemKind: text('item_kind', { enum: ITEM_KINDS }).notNull(),
    itemNameEn: text('item_name_en').notNull(),
    itemNameZh: text('item_name_zh'),
    metricEn: text('metric_en').notNull(),
    metricZh: text('metric_zh'),
    unit: text('unit', { enum: GOAL_UNITS }).notNull(),
    /** Shown instead of the unit's own label when unit is 'other'. */
    unitLabel: text('unit_label'),
    direction: text('direction', { enum: GOAL_DIRECTIONS }).notNull(),
    baselineValue: real('baseline_value').notNull(),
    baselineDate: text('baseline_date').notNull(),
    targetValue: real('target_value').notNull(),
    targetDate: text('target_date').notNull(),
    /** How far behind the trajectory still counts as on track; null means 10 % of the range. */
    tolerance: real('tolerance'),
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
    ...version,
    ...timestamps,
  },
  (t) => [
    index('goals_lab_idx').on(t.labId, t.isPublic),
    index('goals_owner_idx').on(t.ownerOrganisationId),
    oneOf('goals_item_kind_check', t.itemKind, ITEM_KINDS),
    oneOf('goals_unit_check', t.unit, GOAL_UNITS),
    oneOf('goals_direction_check', t.direction, GOAL_DIRECTIONS),
    isoDate('goals_baseline_date_check', t.baselineDate),
    isoDate('goals_target_date_check', t.targetDate),
    check('goals_dates_order', sql`${t.targetDate} > ${t.baselineDate}`),
    check(
      'goals_direction_consistent',
      sql`(${t.direction} = 'raise' and ${t.targetValue} > ${t.baselineValue}) or (${t.direction} = 'lower' and ${t.targetValue} < ${t.baselineValue})`,
    ),
    check('goals_tolerance_positive', sql`${t.tolerance} is null or ${t.tolerance} > 0`),
  ],
);

export const goalMilestones = sqliteTable(
  'goal_milestones',
  {
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    milestoneId: integer('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.milestoneId] }), index('goal_milestones_milestone_idx').on(t.milestoneId)],
);

/** A check-in: the value of a goal's metric as of a date, with its evidence. */
export const measurements = sqliteTable(
  'measurements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    value: real('value').notNull(),
    asOf: text('as_of').notNull(),
    source: text('source'),
    sourceUrl: text('source_url'),
    comment: text('comment'),
    recordedById: integer('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * A source written on a public goal by someone who may not publish waits for a manager
     * (decision 017); meanwhile the public sees `publishedSource` (null: no source), which is null
     * whenever nothing waits. Only services/measurements.ts and goals.ts write them.
     */
    sourceAwaitingApproval: integer('source_awaiting_approval', { mode: 'boolean' }).notNull().default(false),
    publishedSource: text('published_source'),
    ...version,
    ...timestamps,
  },
  (t) => [
    index('measurements_goal_idx').on(t.goalId, t.asOf),
    index('measurements_recorded_by_idx').on(t.recordedById),
    isoDate('measurements_as_of_check', t.asOf),
  ],
);
