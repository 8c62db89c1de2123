import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { auditEvents, jobs } from '@/db/schema';
import { callerAs, freshDb } from '../helpers/db';
import {
  backoffMs,
  claimNextJob,
  createJobRunner,
  enqueueJob,
  jobOverview,
  PermanentJobError,
  pruneFinishedJobs,
  type JobHandlers,
} from '@/server/services/jobs';

// Two runners on two connections to one database file: what two server processes share.
let dir: string;
let file: string;
let a: DB;
let b: DB;
let now: number;
const clock = () => now;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jobs-'));
  file = path.join(dir, 'app.db');
  a = openDatabase(file);
  migrateDatabase(a);
  b = openDatabase(file);
  now = Date.parse('2026-06-15T00:00:00Z');
});
afterEach(() => {
  a.$client.close();
  b.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A handler that records each run and takes a moment, so two runners' turns interleave. */
function recording(
  sent: string[],
  options: { fail?: (payload: Record<string, unknown>, attempt: number) => Error | null; maxAttempts?: number } = {},
): JobHandlers {
  return {
    mail: {
      maxAttempts: options.maxAttempts ?? 3,
      async run(payload, { attempt }) {
        await new Promise((r) => setTimeout(r, 2));
        const error = options.fail?.(payload, attempt);
        if (error) throw error;
        sent.push(String(payload.to));
      },
    },
  };
}

function job(key: string, to = key) {
  return { kind: 'mail', key, payload: { to }, maxAttempts: 3 };
}

const stateOf = (db: DB, key: string) => db.select().from(jobs).where(eq(jobs.idempotencyKey, key)).get()!;

describe('the job runner', () => {
  it('runs each job exactly once when two runners on two connections drain the same queue at once', async () => {
    for (let i = 0; i < 40; i++) enqueueJob(a, job(`notification:${i}:user:7`, `user${i}@example.org`), now);
    const sent: string[] = [];
    const one = createJobRunner(a, { handlers: recording(sent), clock, owner: 'one' });
    const two = createJobRunner(b, { handlers: recording(sent), clock, owner: 'two' });
    const [ranOne, ranTwo] = await Promise.all([one.runDue(), two.runDue()]);

    expect(sent).toHaveLength(40);
    expect(new Set(sent).size).toBe(40);
    expect(ranOne + ranTwo).toBe(40);
    // Both took part: the test would not show a double run if one runner did everything.
    expect(ranOne).toBeGreaterThan(0);
    expect(ranTwo).toBeGreaterThan(0);
    expect(jobOverview(a).counts).toMatchObject({ queued: 0, running: 0, succeeded: 40, failed: 0 });
  });

  it('keeps one job per idempotency key, however often and from whichever connection it is enqueued', async () => {
    const first = enqueueJob(a, job('notification:5:user:9'), now);
    const again = enqueueJob(b, job('notification:5:user:9'), now);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });

    const sent: string[] = [];
    await createJobRunner(a, { handlers: recording(sent), clock }).runDue();
    // A finished job's key still counts: enqueuing it after it ran sends nothing more.
    enqueueJob(b, job('notification:5:user:9'), now);
    await createJobRunner(b, { handlers: recording(sent), clock }).runDue();
    expect(sent).toEqual(['notification:5:user:9']);
  });

  it('waits until a job is due', async () => {
    enqueueJob(a, { ...job('later'), runAt: now + 60_000 }, now);
    const sent: string[] = [];
    const runner = createJobRunner(a, { handlers: recording(sent), clock });
    expect(await runner.runDue()).toBe(0);
    now += 60_000;
    expect(await runner.runDue()).toBe(1);
    expect(sent).toEqual(['later']);
  });

  it('retries a failed job after a growing backoff, then keeps it as failed with the error', async () => {
    enqueueJob(a, job('flaky'), now);
    const sent: string[] = [];
    const handlers = recording(sent, { fail: () => new Error('421 mail server busy') });
    const runner = createJobRunner(a, { handlers, clock });

    expect(await runner.runDue()).toBe(1);
    let row = stateOf(a, 'flaky');
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: '421 mail server busy', runAt: now + backoffMs(1) });
    // Not before the backoff has passed.
    now += backoffMs(1) - 1;
    expect(await runner.runDue()).toBe(0);
    now += 1;
    expect(await runner.runDue()).toBe(1);
    row = stateOf(a, 'flaky');
    expect(row).toMatchObject({ state: 'queued', attempts: 2, runAt: now + backoffMs(2) });
    expect(backoffMs(2)).toBe(2 * backoffMs(1));

    now += backoffMs(2);
    expect(await runner.runDue()).toBe(1);
    row = stateOf(a, 'flaky');
    expect(row).toMatchObject({ state: 'failed', attempts: 3, lastError: '421 mail server busy', finishedAt: now });
    now += BACKOFF_A_DAY;
    expect(await runner.runDue()).toBe(0);
    expect(sent).toEqual([]);
    expect(jobOverview(a).failed.map((f) => f.lastError)).toEqual(['421 mail server busy']);
  });

  it('succeeds on a later attempt when the failure passes', async () => {
    enqueueJob(a, job('second-time-lucky'), now);
    const sent: string[] = [];
    const runner = createJobRunner(a, {
      handlers: recording(sent, { fail: (_, attempt) => (attempt === 1 ? new Error('timeout') : null) }),
      clock,
    });
    await runner.runDue();
    now += backoffMs(1);
    await runner.runDue();
    expect(sent).toEqual(['second-time-lucky']);
    expect(stateOf(a, 'second-time-lucky')).toMatchObject({ state: 'succeeded', attempts: 2, lastError: null });
  });

  it('gives up at once on a permanent failure', async () => {
    enqueueJob(a, job('refused'), now);
    await createJobRunner(a, { handlers: recording([], { fail: () => new PermanentJobError('550 no such mailbox') }), clock }).runDue();
    expect(stateOf(a, 'refused')).toMatchObject({ state: 'failed', attempts: 1, lastError: '550 no such mailbox' });
  });

  it('takes back a job whose runner died after its lease ran out, and not before', async () => {
    enqueueJob(a, job('orphan'), now);
    // Runner "one" claims the job and its process dies: nothing settles it, nothing renews the lease.
    const claimed = claimNextJob(a, 'one', ['mail'], now, 60_000);
    expect(claimed).toMatchObject({ state: 'running', leaseOwner: 'one', attempts: 1 });

    const sent: string[] = [];
    const two = createJobRunner(b, { handlers: recording(sent), clock, owner: 'two', leaseMs: 60_000 });
    now += 59_999;
    expect(await two.runDue()).toBe(0);
    now += 1;
    expect(await two.runDue()).toBe(1);
    expect(sent).toEqual(['orphan']);
    expect(stateOf(a, 'orphan')).toMatchObject({ state: 'succeeded', attempts: 2, leaseOwner: null });
  });

  it('gives up a job whose runner died during its last attempt', async () => {
    enqueueJob(a, { ...job('poison'), maxAttempts: 1 }, now);
    claimNextJob(a, 'one', ['mail'], now, 60_000);
    now += 60_000;
    const sent: string[] = [];
    const cleanedUp: unknown[] = [];
    const handlers = recording(sent);
    handlers.mail!.onFailed = (payload) => cleanedUp.push(payload.to);
    expect(await createJobRunner(b, { handlers, clock }).runDue()).toBe(0);
    expect(sent).toEqual([]);
    expect(stateOf(a, 'poison')).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/stopped before it finished/) });
    // Its kind's clean-up ran once, as after a last failure of its own (an invitation whose mail
    // will never arrive ends), and a second runner finds nothing more to do.
    expect(cleanedUp).toEqual(['poison']);
    expect(await createJobRunner(a, { handlers, clock }).runDue()).toBe(0);
    expect(cleanedUp).toEqual(['poison']);
  });

  it('renews the lease while a long job runs, so no other runner takes it meanwhile', async () => {
    enqueueJob(a, job('slow'), now);
    const sent: string[] = [];
    let release!: () => void;
    const slow: JobHandlers = {
      mail: {
        maxAttempts: 3,
        async run(payload) {
          await new Promise<void>((r) => (release = r));
          sent.push(String(payload.to));
        },
      },
    };
    const one = createJobRunner(a, { handlers: slow, clock, owner: 'one', leaseMs: 60 });
    const running = one.runDue();
    // Real time passes (the heartbeat runs every 20 ms) while the clock moves past the first lease.
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 30));
      now += 30;
    }
    const two = createJobRunner(b, { handlers: recording(sent), clock, owner: 'two', leaseMs: 60 });
    expect(await two.runDue()).toBe(0);
    release();
    expect(await running).toBe(1);
    expect(sent).toEqual(['slow']);
  });

  it('survives a restart: a job enqueued before the process stopped runs in the next one', async () => {
    enqueueJob(a, job('before-restart'), now);
    a.$client.close();
    b.$client.close();
    a = openDatabase(file);
    b = openDatabase(file);
    const sent: string[] = [];
    await createJobRunner(a, { handlers: recording(sent), clock }).runDue();
    expect(sent).toEqual(['before-restart']);
  });

  it('enqueues a scheduled job once per slot in its time zone, whichever runners tick', async () => {
    const ran: string[] = [];
    const handlers: JobHandlers = {
      tidy: {
        maxAttempts: 1,
        run(payload) {
          ran.push(String(payload.slot));
        },
      },
    };
    const schedules = [{ name: 'tidy', pattern: '0 3 * * *', timezone: 'Asia/Shanghai', kind: 'tidy' }];
    now = Date.parse('2026-06-15T01:00:00Z'); // 09:00 in Shanghai: today's 03:00 has passed
    const one = createJobRunner(a, { handlers, schedules, clock });
    const two = createJobRunner(b, { handlers, schedules, clock });
    await Promise.all([one.runDue(), two.runDue()]);
    await one.runDue();
    expect(ran).toEqual(['2026-06-14T19:00:00.000Z']);
    now = Date.parse('2026-06-15T18:59:59Z');
    await Promise.all([one.runDue(), two.runDue()]);
    expect(ran).toHaveLength(1);
    now = Date.parse('2026-06-15T19:00:00Z');
    await Promise.all([one.runDue(), two.runDue()]);
    expect(ran).toEqual(['2026-06-14T19:00:00.000Z', '2026-06-15T19:00:00.000Z']);
  });

  it('prunes finished jobs after 30 days and keeps failed ones', async () => {
    enqueueJob(a, job('done'), now);
    enqueueJob(a, job('broken'), now);
    await createJobRunner(a, {
      handlers: recording([], { fail: (p) => (p.to === 'broken' ? new PermanentJobError('no') : null) }),
      clock,
    }).runDue();
    expect(pruneFinishedJobs(a, now + 29 * 24 * 3600_000)).toBe(0);
    expect(pruneFinishedJobs(a, now + 31 * 24 * 3600_000)).toBe(1);
    expect(a.select({ key: jobs.idempotencyKey }).from(jobs).all()).toEqual([{ key: 'broken' }]);
  });
});

const BACKOFF_A_DAY = 24 * 3600_000;

describe('the job runner in separate processes', () => {
  function runnerProcess(owner: string, log: string, env: Record<string, string> = {}) {
    return spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/job-process.ts', file, log, owner], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  }
  const exited = (child: ReturnType<typeof runnerProcess>) =>
    new Promise<string>((resolve) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', () => resolve(out));
    });
  const lines = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []);

  it('three processes draining one queue send every mail exactly once', async () => {
    now = Date.now();
    for (let i = 0; i < 300; i++) enqueueJob(a, job(`notification:${i}:user:1`, `n${i}`), now);
    const log = path.join(dir, 'sent.log');
    const children = ['p1', 'p2', 'p3'].map((owner) => runnerProcess(owner, log));
    const outputs = await Promise.all(children.map(exited));

    const sent = lines(log).map((l) => l.split(' ')[2]);
    expect(sent).toHaveLength(300);
    expect(new Set(sent).size).toBe(300);
    const ran = outputs.map((o) => JSON.parse(o).ran as number);
    expect(ran.reduce((x, y) => x + y, 0)).toBe(300);
    expect(jobOverview(a).counts.succeeded).toBe(300);
  }, 60_000);

  it('a process killed in the middle of a job: another takes it when the lease has run out', async () => {
    now = Date.now();
    enqueueJob(a, job('stuck', 'stuck'), now);
    const log = path.join(dir, 'sent.log');
    const doomed = runnerProcess('doomed', log, { HANG_ON: 'stuck', LEASE_MS: '3000' });
    for (let i = 0; i < 100 && !lines(log).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(lines(log)).toEqual(['doomed started stuck']);
    doomed.kill('SIGKILL');
    await exited(doomed);

    // Still under the dead process's lease: nobody takes it.
    const leaseUntil = stateOf(a, 'stuck').leaseUntil!;
    expect(leaseUntil).toBeGreaterThan(Date.now());
    expect(claimNextJob(b, 'early', ['mail'], Date.now())).toBeNull();
    await new Promise((r) => setTimeout(r, leaseUntil - Date.now() + 50));
    const heir = runnerProcess('heir', log);
    expect(JSON.parse(await exited(heir)).ran).toBe(1);
    expect(lines(log)).toEqual(['doomed started stuck', 'heir sent stuck']);
    expect(stateOf(a, 'stuck')).toMatchObject({ state: 'succeeded', attempts: 2 });
  }, 60_000);
});

describe('failed jobs on the admin page', () => {
  it('an admin sees a failed job with its error and sends it round again; the retry is audited', async () => {
    const db = await freshDb();
    const { id } = enqueueJob(db, { kind: 'mail', key: 'invitation-mail:99', payload: {}, maxAttempts: 1 }, now);
    await createJobRunner(db, {
      handlers: recording([], { fail: () => new Error('550 mailbox unavailable'), maxAttempts: 1 }),
      clock,
    }).runDue();

    const admin = callerAs(db, 'admin@demo.local');
    const overview = await admin.job.overview();
    expect(overview.counts.failed).toBe(1);
    expect(overview.failed).toEqual([expect.objectContaining({ id, kind: 'mail', lastError: '550 mailbox unavailable', attempts: 1 })]);

    await admin.job.retry({ jobId: id });
    expect((await admin.job.overview()).pending).toEqual([expect.objectContaining({ id, state: 'queued', attempts: 0 })]);
    const event = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'job'), eq(auditEvents.entityId, id)))
      .get();
    expect(event).toMatchObject({ action: 'retried', labId: null });
    // Only a failed job can be retried; the queued one is refused and stays as it is.
    await expect(admin.job.retry({ jobId: id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(callerAs(db, 'manager@demo.local').job.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
