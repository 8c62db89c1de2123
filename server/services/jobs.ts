import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import { and, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { DB, DbOrTx } from '@/db/client';
import { jobs } from '@/db/schema';
import { AppError, notFound } from '../errors';
import { recordAudit } from './audit';

// The durable job runner (decision 028). Work that must happen once and must not be lost when the
// request that caused it ends — a mail, a reminder, a digest — is a row of `jobs`, written in the
// transaction of the change that causes it. Every server process runs a runner; a job is claimed
// by one atomic UPDATE with a lease, renewed while its handler runs. A process that dies leaves a
// lease that runs out and another process takes the job again; a failure is retried with backoff
// and, after the last attempt, kept as `failed` for the admin to see and retry. Nothing here is a
// module-level variable that another process would need to agree with: all of it is in the rows.

export type Job = typeof jobs.$inferSelect;
/** Milliseconds since the epoch; tests pass their own clock. */
export type Clock = () => number;

export type JobContext = { db: DB; now: number; attempt: number; key: string };
export type JobHandler = {
  /** Attempts before the job is given up and kept as failed. */
  maxAttempts: number;
  run(payload: Record<string, unknown>, context: JobContext): Promise<void> | void;
  /** After the last attempt failed: undo what waited for the job (a link nobody received ends). */
  onFailed?(payload: Record<string, unknown>, context: JobContext): void;
};
export type JobHandlers = Record<string, JobHandler>;

/** A job enqueued at every slot of a cron pattern (croner) in a time zone, once per slot however many processes run. */
export type JobSchedule = { name: string; pattern: string; timezone: string; kind: string; payload?: Record<string, unknown> };

/** Thrown by a handler for a failure that no retry can fix (an address the server refuses for good). */
export class PermanentJobError extends Error {}

export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 60 * 60_000;
export const DEFAULT_LEASE_MS = 2 * 60_000;
/** How long finished jobs stay visible on the admin page. */
export const KEEP_FINISHED_MS = 30 * 24 * 60 * 60_000;

/** The wait before attempt `attempt + 1`: 30 s, 1 min, 2 min, … at most an hour. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_MAX_MS);
}

/**
 * Adds a job unless one with the same key exists (whatever its state): the same notification for
 * the same recipient is one job, however often or by however many processes it is enqueued.
 * Call it inside the transaction of the change, so the change and its job commit together.
 */
export function enqueueJob(
  tx: DbOrTx,
  job: { kind: string; key: string; payload: Record<string, unknown>; maxAttempts: number; runAt?: number },
  now = Date.now(),
): { id: number; created: boolean } {
  const inserted = tx
    .insert(jobs)
    .values({
      kind: job.kind,
      idempotencyKey: job.key,
      payload: job.payload,
      maxAttempts: job.maxAttempts,
      runAt: job.runAt ?? now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: jobs.idempotencyKey })
    .returning({ id: jobs.id })
    .get();
  if (inserted) return { id: inserted.id, created: true };
  const existing = tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.idempotencyKey, job.key)).get()!;
  return { id: existing.id, created: false };
}

const claimable = (now: number) =>
  or(and(eq(jobs.state, 'queued'), lte(jobs.runAt, now)), and(eq(jobs.state, 'running'), lte(jobs.leaseUntil, now)));

/**
 * Takes the next due job (or one whose lease ran out) for `owner`. The UPDATE re-checks the
 * condition under SQLite's write lock, so of two processes reaching for the same row one gets it.
 */
export function claimNextJob(
  db: DB,
  owner: string,
  kinds: string[],
  now: number,
  leaseMs = DEFAULT_LEASE_MS,
  onGivenUp: (job: Job) => void = () => {},
): Job | null {
  if (kinds.length === 0) return null;
  for (let tries = 0; tries < 5; tries++) {
    const candidate = db
      .select({ id: jobs.id, state: jobs.state, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts })
      .from(jobs)
      .where(and(inArray(jobs.kind, kinds), claimable(now)))
      .orderBy(jobs.runAt, jobs.id)
      .limit(1)
      .get();
    if (!candidate) return null;
    // A job whose process died during its last allowed attempt is given up, not run again, and its
    // kind's clean-up runs as after any last failure (a mailed link that will never arrive ends).
    if (candidate.state === 'running' && candidate.attempts >= candidate.maxAttempts) {
      const givenUp = db
        .update(jobs)
        .set({
          state: 'failed',
          finishedAt: now,
          leaseOwner: null,
          leaseUntil: null,
          lastError: 'The server process running it stopped before it finished.',
        })
        .where(and(eq(jobs.id, candidate.id), claimable(now)))
        .returning()
        .get();
      if (givenUp) onGivenUp(givenUp);
      continue;
    }
    const claimed = db
      .update(jobs)
      .set({ state: 'running', leaseOwner: owner, leaseUntil: now + leaseMs, attempts: sql`${jobs.attempts} + 1` })
      .where(and(eq(jobs.id, candidate.id), claimable(now)))
      .returning()
      .get();
    if (claimed) return claimed;
  }
  return null;
}

/**
 * Claims one queued job now, due or not: the request that enqueued a mail tries it at once and
 * answers with the outcome; the runners take it only if that process dies first (see `runAt`).
 */
export async function runJobNow(db: DB, jobId: number, handlers: JobHandlers, clock: Clock = Date.now, leaseMs = DEFAULT_LEASE_MS) {
  const owner = `${process.pid}:${randomUUID()}`;
  const now = clock();
  const job = db
    .update(jobs)
    .set({ state: 'running', leaseOwner: owner, leaseUntil: now + leaseMs, attempts: sql`${jobs.attempts} + 1` })
    .where(and(eq(jobs.id, jobId), inArray(jobs.kind, Object.keys(handlers)), eq(jobs.state, 'queued')))
    .returning()
    .get();
  if (!job) return 'lost' as const;
  return runClaimedJob(db, job, owner, handlers, clock, leaseMs);
}

/** How long a request's own attempt has before the runners may take its job instead. */
export const REQUEST_ATTEMPT_GRACE_MS = 60_000;

/** Extends the lease while the handler runs; false when another process has taken the job. */
export function renewLease(db: DB, job: Pick<Job, 'id'>, owner: string, now: number, leaseMs = DEFAULT_LEASE_MS): boolean {
  const result = db
    .update(jobs)
    .set({ leaseUntil: now + leaseMs })
    .where(and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.leaseOwner, owner)))
    .run();
  return result.changes === 1;
}

function settle(db: DB, job: Job, owner: string, patch: Partial<Job>): boolean {
  const result = db
    .update(jobs)
    .set({ leaseOwner: null, leaseUntil: null, ...patch })
    .where(and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.leaseOwner, owner)))
    .run();
  return result.changes === 1;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}

/** Runs one claimed job and records the outcome: done, queued again after a backoff, or failed. */
export async function runClaimedJob(
  db: DB,
  job: Job,
  owner: string,
  handlers: JobHandlers,
  clock: Clock,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<'succeeded' | 'retrying' | 'failed' | 'lost'> {
  const handler = handlers[job.kind]!;
  const heartbeat = setInterval(() => renewLease(db, job, owner, clock(), leaseMs), Math.max(10, Math.floor(leaseMs / 3)));
  heartbeat.unref();
  try {
    await handler.run(job.payload, { db, now: clock(), attempt: job.attempts, key: job.idempotencyKey });
    return settle(db, job, owner, { state: 'succeeded', finishedAt: clock(), lastError: null }) ? 'succeeded' : 'lost';
  } catch (error) {
    const now = clock();
    const last = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    const patch: Partial<Job> = last
      ? { state: 'failed', finishedAt: now, lastError: errorText(error) }
      : { state: 'queued', runAt: now + backoffMs(job.attempts), lastError: errorText(error) };
    if (!settle(db, job, owner, patch)) return 'lost';
    if (!last) return 'retrying';
    console.error(`Job ${job.id} (${job.kind}) failed for good after ${job.attempts} attempt(s): ${errorText(error)}`);
    handler.onFailed?.(job.payload, { db, now, attempt: job.attempts, key: job.idempotencyKey });
    return 'failed';
  } finally {
    clearInterval(heartbeat);
  }
}

/** The most recent slot of a schedule at or before `now`. */
export function latestSlot(schedule: JobSchedule, now: number): Date | null {
  const cron = new Cron(schedule.pattern, { timezone: schedule.timezone, paused: true });
  const [slot] = cron.previousRuns(1, new Date(now + 1));
  return slot ?? null;
}

/**
 * Enqueues each schedule's latest slot, keyed by the slot's time: every process does this on each
 * tick and the key makes it one job. A server that was down over several slots runs the latest
 * once, not the backlog.
 */
export function enqueueScheduled(db: DB, schedules: JobSchedule[], handlers: JobHandlers, now: number): void {
  for (const schedule of schedules) {
    const slot = latestSlot(schedule, now);
    if (!slot) continue;
    const key = `schedule:${schedule.name}@${slot.toISOString()}`;
    // A read first: an idle tick takes no write lock.
    if (db.select({ id: jobs.id }).from(jobs).where(eq(jobs.idempotencyKey, key)).get()) continue;
    enqueueJob(
      db,
      {
        kind: schedule.kind,
        key,
        payload: { ...schedule.payload, slot: slot.toISOString() },
        maxAttempts: handlers[schedule.kind]?.maxAttempts ?? 1,
        runAt: slot.getTime(),
      },
      now,
    );
  }
}

export type RunnerOptions = {
  handlers: JobHandlers;
  schedules?: JobSchedule[];
  clock?: Clock;
  owner?: string;
  leaseMs?: number;
  pollMs?: number;
};

export type JobRunner = {
  owner: string;
  /** Runs due jobs one after another until none is due; resolves to how many ran. */
  runDue(): Promise<number>;
  /** Polls every `pollMs` until stopped. */
  start(): void;
  /** Stops polling and waits for the job in hand. */
  stop(): Promise<void>;
};

export function createJobRunner(db: DB, options: RunnerOptions): JobRunner {
  const clock = options.clock ?? Date.now;
  const owner = options.owner ?? `${process.pid}:${randomUUID()}`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? 2_000;
  const kinds = Object.keys(options.handlers);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function drain(): Promise<number> {
    enqueueScheduled(db, options.schedules ?? [], options.handlers, clock());
    let count = 0;
    while (!stopped) {
      const job = claimNextJob(db, owner, kinds, clock(), leaseMs, (given) =>
        options.handlers[given.kind]?.onFailed?.(given.payload, { db, now: clock(), attempt: given.attempts, key: given.idempotencyKey }),
      );
      if (!job) break;
      await runClaimedJob(db, job, owner, options.handlers, clock, leaseMs);
      count++;
    }
    return count;
  }

  const runner: JobRunner = {
    owner,
    runDue() {
      running ??= drain().finally(() => (running = null));
      return running;
    },
    start() {
      stopped = false;
      const tick = () => {
        runner
          .runDue()
          .catch((error: unknown) => console.error('Job runner:', errorText(error)))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, pollMs).unref();
          });
      };
      timer = setTimeout(tick, 0).unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
  return runner;
}

// ----- What the admin sees -----

export function jobOverview(db: DbOrTx, now = Date.now()) {
  const counts = Object.fromEntries(
    db
      .select({ state: jobs.state, count: sql<number>`count(*)` })
      .from(jobs)
      .groupBy(jobs.state)
      .all()
      .map((r) => [r.state, r.count]),
  ) as Partial<Record<Job['state'], number>>;
  const columns = {
    id: jobs.id,
    kind: jobs.kind,
    state: jobs.state,
    attempts: jobs.attempts,
    maxAttempts: jobs.maxAttempts,
    runAt: jobs.runAt,
    lastError: jobs.lastError,
    createdAt: jobs.createdAt,
    finishedAt: jobs.finishedAt,
  };
  const failed = db
    .select(columns)
    .from(jobs)
    .where(eq(jobs.state, 'failed'))
    .orderBy(desc(jobs.finishedAt), desc(jobs.id))
    .limit(100)
    .all();
  const pending = db
    .select(columns)
    .from(jobs)
    .where(inArray(jobs.state, ['queued', 'running']))
    .orderBy(jobs.runAt, jobs.id)
    .limit(100)
    .all();
  // The latest finished run of each kind: when mail last went out, when the last clean-up ran.
  const lastRuns = db
    .select({ kind: jobs.kind, finishedAt: sql<number>`max(${jobs.finishedAt})` })
    .from(jobs)
    .where(eq(jobs.state, 'succeeded'))
    .groupBy(jobs.kind)
    .orderBy(jobs.kind)
    .all();
  return {
    counts: { queued: counts.queued ?? 0, running: counts.running ?? 0, succeeded: counts.succeeded ?? 0, failed: counts.failed ?? 0 },
    failed,
    pending,
    lastRuns,
    now,
  };
}

/** Deletes finished jobs older than KEEP_FINISHED_MS; failed ones stay until an admin acts. */
export function pruneFinishedJobs(db: DbOrTx, now: number): number {
  return db
    .delete(jobs)
    .where(and(eq(jobs.state, 'succeeded'), lt(jobs.finishedAt, now - KEEP_FINISHED_MS)))
    .run().changes;
}

/** An admin sends a failed job round again: fresh attempts from now, audited. */
export function retryFailedJob(db: DB, actor: { id: number }, jobId: number, now = Date.now()) {
  return db.transaction((tx) => {
    const job = tx.select().from(jobs).where(eq(jobs.id, jobId)).get();
    if (!job) throw notFound();
    if (job.state !== 'failed') throw new AppError('PRECONDITION_FAILED', 'errors.jobNotFailed');
    tx.update(jobs)
      .set({ state: 'queued', attempts: 0, runAt: now, finishedAt: null, leaseOwner: null, leaseUntil: null })
      .where(eq(jobs.id, jobId))
      .run();
    recordAudit(tx, {
      labId: null,
      actorId: actor.id,
      action: 'retried',
      entityType: 'job',
      entityId: jobId,
      before: { state: 'failed', attempts: job.attempts, lastError: job.lastError },
      after: { state: 'queued', kind: job.kind },
    });
    return { id: jobId };
  });
}

/** This process's runner, so a request that enqueued a job can have it run now rather than at the next poll. */
let processRunner: JobRunner | null = null;

export function startProcessJobRunner(db: DB, options: RunnerOptions): JobRunner {
  processRunner = createJobRunner(db, options);
  processRunner.start();
  return processRunner;
}

/** Runs due jobs in this process soon (after the current request's transaction has committed). */
export function wakeJobRunner(): void {
  const runner = processRunner;
  if (runner) setImmediate(() => void runner.runDue().catch(() => {}));
}
