import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { HEALTHS } from '@/common/enums';
import { createdAt, oneOf, timestamps, version } from './columns';
import { goals } from './goals';
import { labs } from './labs';
import { milestones } from './milestones';
import { users } from './users';

/** An entry in a lab's progress feed. Append-only: edits keep the earlier text as revisions. */
export const progressUpdates = sqliteTable(
  'progress_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Markdown source; rendered through a sanitizer, never as raw HTML. */
    body: text('body').notNull(),
    health: text('health', { enum: HEALTHS }).notNull(),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
    hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
    hiddenById: integer('hidden_by_id').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
    /**
     * The version the public still sees while an edit by someone who may not publish waits for a
     * manager (decision 017): all three set, or all null when the public sees the update as it is.
     * Only services/updates.ts writes them (no CHECK: SQLite could only add one by copying the table).
     */
    publishedBody: text('published_body'),
    publishedHealth: text('published_health', { enum: HEALTHS }),
    publishedUpdatedAt: integer('published_updated_at', { mode: 'timestamp_ms' }),
    ...version,
    ...timestamps,
  },
  (t) => [
    index('progress_updates_lab_idx').on(t.labId, t.createdAt, t.id),
    index('progress_updates_author_idx').on(t.authorId),
    index('progress_updates_hidden_by_idx').on(t.hiddenById),
    oneOf('progress_updates_health_check', t.health, HEALTHS),
  ],
);

/** What an update said before each edit. */
export const updateRevisions = sqliteTable(
  'update_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    updateId: integer('update_id')
      .notNull()
      .references(() => progressUpdates.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    health: text('health', { enum: HEALTHS }).notNull(),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull(),
    editedById: integer('edited_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...createdAt,
  },
  (t) => [
    index('update_revisions_update_idx').on(t.updateId, t.createdAt),
    index('update_revisions_edited_by_idx').on(t.editedById),
    oneOf('update_revisions_health_check', t.health, HEALTHS),
  ],
);

export const updateMilestones = sqliteTable(
  'update_milestones',
  {
    updateId: integer('update_id')
      .notNull()
      .references(() => progressUpdates.id, { onDelete: 'cascade' }),
    milestoneId: integer('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.milestoneId] }), index('update_milestones_milestone_idx').on(t.milestoneId)],
);

export const updateGoals = sqliteTable(
  'update_goals',
  {
    updateId: integer('update_id')
      .notNull()
      .references(() => progressUpdates.id, { onDelete: 'cascade' }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.goalId] }), index('update_goals_goal_idx').on(t.goalId)],
);
