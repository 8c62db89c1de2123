import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { JOB_STATES } from '@/common/enums';
import { oneOf } from './columns';

/**
 * Background work (mails, reminders, digests), run by server/services/jobs.ts in whichever server
 * process claims it first. A row is claimed with a lease: a process that dies mid-job leaves a
 * lease that runs out, and another process takes the job again. Finished and failed rows are kept
 * (failed ones until an admin retries or dismisses them; finished ones for 30 days).
 * Times are ms since the epoch from the runner's clock, so tests can move it.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Which handler runs it ('mail', 'jobs.prune', …): see JOB_HANDLERS. */
    kind: text('kind').notNull(),
    /** What happens, once: a second enqueue with the same key is ignored (one mail per notification and recipient). */
    idempotencyKey: text('idempotency_key').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: JOB_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    /** Not before this time (the first run, or the next attempt after a backoff). */
    runAt: integer('run_at').notNull(),
    /** The process holding the job, and until when; another may take it after that. */
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [
    uniqueIndex('jobs_idempotency_key_idx').on(t.idempotencyKey),
    index('jobs_due_idx').on(t.state, t.runAt),
    index('jobs_lease_idx').on(t.state, t.leaseUntil),
    index('jobs_finished_idx').on(t.finishedAt),
    oneOf('jobs_state_check', t.state, JOB_STATES),
  ],
);
