import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { labs } from './labs';
import { users } from './users';

/**
 * Who did what to which record, with the values before and after. Written in the same
 * transaction as the change; triggers (migration 0001) refuse every UPDATE and DELETE.
 * No cascading foreign keys: a lab or user with history cannot vanish from under it.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id').references(() => labs.id),
    actorId: integer('actor_id').references(() => users.id),
    /** Verb in the past tense of the domain: 'created', 'updated', 'deleted', 'joined', … */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    /** JSON of the changed fields before and after; null where there is no such side. */
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    ...createdAt,
  },
  (t) => [
    index('audit_events_lab_idx').on(t.labId, t.id),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorId, t.id),
    // "What changed since my last visit" and the status report read a lab's events by time.
    index('audit_events_lab_time_idx').on(t.labId, t.createdAt),
  ],
);
